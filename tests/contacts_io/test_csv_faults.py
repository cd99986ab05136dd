"""CSV files that are almost right: one huge cell, two encodings, a repeated column, a
huge file. Each costs one row or one line of report, never the rest of the file."""

from __future__ import annotations

import json
import time
from pathlib import Path

from givedesk.contacts_io import read_contacts_file
from givedesk.contacts_io.base import MAX_FILE_BYTES, decode_text


def names(run_cli) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(c["name"] for c in json.loads(run_cli("contacts", "list", "--json").out))


def test_a_huge_cell_skips_its_row_and_the_rest_import(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "people.csv"
    rows = ["name,email,notes", "Ada,ada@example.com,first",
            'Big,big@example.com,"' + "x" * 131_073 + '"', "Carl,carl@example.com,after"]
    path.write_text("\n".join(rows) + "\n")
    result = run_cli("contacts", "import", str(path))
    assert result.code == 0, result.err
    assert f"{path}:3: a cell of 131,073 characters (at most 131,072); skipped" in result.err
    assert "2 added, 0 merged, 0 unchanged, 1 skipped" in result.out
    assert names(run_cli) == ["Ada", "Carl"]


def test_a_cell_at_the_limit_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,notes\nAda," + "y" * 131_072 + "\nCarl,x\n")
    parsed = read_contacts_file(path)
    assert [c.name for c in parsed.contacts] == ["Ada", "Carl"]
    assert parsed.problems == []


def test_huge_cells_cost_time_in_proportion(tmp_path: Path) -> None:
    """20 MB of oversize cells among 5,000 rows: linear work, a few seconds at most even
    on a busy 2-core machine (quadratic re-reading would take minutes)."""
    path = tmp_path / "people.csv"
    big = "z" * 2_000_000
    lines = ["name,notes"]
    for number in range(5_000):
        lines.append(f"Person {number},{big if number % 500 == 0 else 'fine'}")
    path.write_text("\n".join(lines) + "\n")
    started = time.monotonic()
    parsed = read_contacts_file(path)
    assert time.monotonic() - started < 20
    assert len(parsed.contacts) == 4_990
    assert parsed.skipped == 10


def test_a_mostly_utf8_file_is_decoded_line_by_line_and_the_fallback_reported(
    run_cli, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("name,notes\nZoë Okafor,utf-8\n".encode()
                     + "Renée Dubois,pasted from an old sheet\n".encode("latin-1")
                     + "Jürgen Weiß,utf-8 again\n".encode())
    result = run_cli("contacts", "import", str(path))
    assert result.code == 0, result.err
    assert result.err == f"givedesk: {path}:3: not UTF-8; read as Latin-1 (check its accents)\n"
    assert names(run_cli) == ["Jürgen Weiß", "Renée Dubois", "Zoë Okafor"]


def test_a_latin1_file_is_read_whole_without_a_report(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("name,notes\nRenée Dubois,x\nJosé Núñez,y\n".encode("latin-1"))
    parsed = read_contacts_file(path)
    assert [c.name for c in parsed.contacts] == ["Renée Dubois", "José Núñez"]
    assert parsed.problems == []


def test_many_fallback_lines_are_summed_up(tmp_path: Path) -> None:
    raw = "name\nZoë\n".encode() + b"".join(f"Ren\xe9e {n}\n".encode("latin-1") for n in range(50))
    assert decode_text(raw).splitlines()[2] == "Renée 0"
    path = tmp_path / "mixed.csv"
    path.write_bytes(raw)
    parsed = read_contacts_file(path)
    assert len(parsed.contacts) == 51
    assert len(parsed.problems) == 11
    assert parsed.problems[-1].message.startswith("this and 39 later lines not UTF-8")
    assert parsed.skipped == 0


def test_a_repeated_header_column_is_refused_naming_it(run_cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       home: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("Notes: exported\nname,email,Email\nAda,ada@example.com,other@example.com\n")
    result = run_cli("contacts", "import", str(path))
    assert (result.code, result.err) == (
        2, f"givedesk: error: {path}:2: the column 'email' appears more than once in the "
           "header; keep one and import again\n")
    assert not (home / "desk.json").exists()


def test_a_repeated_column_in_a_foreign_export_is_refused(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "linkedin.csv"
    path.write_text("First Name,Last Name,Company,Company,Connected On\n"
                    "Ada,Lovelace,Engines,Looms,15 Jan 2024\n")
    result = run_cli("contacts", "import", str(path))
    assert result.code == 2 and "the column 'company' appears more than once" in result.err


def test_a_file_over_the_size_cap_is_refused_before_reading(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.csv"
    with path.open("wb") as stream:  # sparse: big on paper only
        stream.write(b"name,notes\n")
        stream.truncate(MAX_FILE_BYTES + 1)
    started = time.monotonic()
    result = run_cli("contacts", "import", str(path))
    assert time.monotonic() - started < 5
    assert (result.code, result.err) == (
        2, f"givedesk: error: {path}: larger than 128 MB; not a contacts file\n")
