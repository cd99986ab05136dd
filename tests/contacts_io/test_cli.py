"""`givedesk contacts import` and `givedesk contacts export`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"
ALL_SAMPLES = sorted(SAMPLES.iterdir())


def listed(run_cli) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return json.loads(run_cli("contacts", "list", "--json").out)  # type: ignore[no-any-return]


def test_a_dry_run_prints_the_plan_and_writes_nothing(run_cli) -> None:  # type: ignore[no-untyped-def]
    source = SAMPLES / "linkedin_connections.csv"
    result = run_cli("contacts", "import", str(source), "--dry-run")
    assert result.code == 0
    assert result.out.splitlines() == [
        "would add: Aaliyah Brooks, Harborview City Council",
        "would add: Hana Kobayashi, Ledgerlight Bookkeeping, LLC",
        "would add: Marco Bellini, Bellini's Trattoria",
        "Would import linkedin_connections.csv (LinkedIn connections): 3 added, 0 merged, "
        "0 unchanged, 1 skipped. Nothing was written.",
    ]
    assert result.err.splitlines() == [
        f"givedesk: {source}:7: unreadable date 'sometime last year'; imported without it",
        f"givedesk: {source}:8: no name; skipped",
    ]
    assert listed(run_cli) == []


def test_import_reports_and_a_second_import_changes_nothing(run_cli) -> None:  # type: ignore[no-untyped-def]
    source = SAMPLES / "vcard30.vcf"
    first = run_cli("contacts", "import", str(source))
    assert first.out == "Imported vcard30.vcf (vCard): 2 added, 0 merged, 0 unchanged, 1 skipped.\n"
    assert first.err == f"givedesk: {source}:37: no name (no FN or N); skipped\n"
    second = run_cli("contacts", "import", str(source))
    assert "0 added, 0 merged, 2 unchanged, 1 skipped" in second.out
    assert len(listed(run_cli)) == 2


def test_an_unreadable_file_is_one_line_and_exit_2(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "numbers.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run_cli("contacts", "import", str(path))
    assert result.code == 2
    assert result.err == (
        f"givedesk: error: {path}:1: no header givedesk recognises: expected its own columns "
        "(name,email,company,role,location,interests,needs,offers,notes,key), or a Google "
        "Contacts, Outlook or LinkedIn connections export\n"
    )


def test_export_needs_a_format(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("contacts", "export")
    assert result.code == 2
    assert "choose a format: --csv or --vcf" in result.err


def comparable(people: list[dict[str, object]]) -> list[dict[str, object]]:
    kept = [{k: v for k, v in p.items() if k not in ("id", "created", "updated")} for p in people]
    return sorted(kept, key=lambda person: str(person["name"]))


@pytest.mark.parametrize("export", ["--csv", "--vcf"])
def test_every_sample_round_trips_through_an_export(run_cli, tmp_path: Path, export: str) -> None:  # type: ignore[no-untyped-def]
    for sample in ALL_SAMPLES:
        assert run_cli("contacts", "import", str(sample)).code == 0
    before = listed(run_cli)
    assert len(before) > 15

    path = tmp_path / f"out{'.csv' if export == '--csv' else '.vcf'}"
    result = run_cli("contacts", "export", export, "--output", str(path))
    assert result.out == f"Exported {len(before)} contacts to {path}.\n"
    assert run_cli("contacts", "export", export).out == path.read_bytes().decode("utf-8")

    # Into a fresh desk: the same people, field for field.
    fresh = ("--home", str(tmp_path / "fresh"))
    assert run_cli("contacts", "import", str(path), *fresh, with_home=False).code == 0
    after = json.loads(run_cli("contacts", "list", "--json", *fresh, with_home=False).out)
    assert comparable(after) == comparable(before)
    # And back into the desk it came from: nothing changes.
    again = run_cli("contacts", "import", str(path))
    assert f"0 added, 0 merged, {len(before)} unchanged, 0 skipped" in again.out
