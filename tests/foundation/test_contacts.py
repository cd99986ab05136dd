"""Contacts: adding, merging, own-format CSV import."""

from __future__ import annotations

import json
from pathlib import Path

from givedesk.contacts import merge_contacts
from givedesk.contacts_io import read_contacts_file
from givedesk.models import Contact
from givedesk.store import Store

HEADER = "name,email,company,role,location,interests,needs,offers,notes,key\n"


def write_csv(folder: Path, body: str, *, encoding: str = "utf-8") -> Path:
    path = folder / "people.csv"
    path.write_text(HEADER + body, encoding=encoding, newline="")
    return path


def test_same_email_or_same_name_and_company_is_the_same_person(store: Store) -> None:
    merge_contacts(store, [Contact(name="Ada Lovelace", email="ada@example.com")])
    report = merge_contacts(store, [
        Contact(name="A. Lovelace", email="ADA@example.com", company="Engines"),
        Contact(name="Grace Hopper", company="Navy"),
        Contact(name="grace  hopper", company="navy", role="Admiral"),
    ])
    people = {c.name: c for c in store.contacts.all()}
    assert set(people) == {"Ada Lovelace", "Grace Hopper"}
    assert people["Ada Lovelace"].company == "Engines"
    assert people["Grace Hopper"].role == "Admiral"
    assert [c.name for c in report.added] == ["Grace Hopper"]


def test_merge_fills_empty_fields_and_never_overwrites_without_asking(store: Store) -> None:
    merge_contacts(store, [Contact(name="Ada", email="a@x.org", role="Analyst", interests=["AI"])])
    merge_contacts(store, [Contact(name="Ada", email="a@x.org", role="CTO", location="London",
                                   interests=["ai", "Rust"])])
    ada = store.contacts.all()[0]
    assert (ada.role, ada.location, ada.interests) == ("Analyst", "London", ["AI", "Rust"])
    merge_contacts(store, [Contact(name="Ada", email="a@x.org", role="CTO")], overwrite=True)
    assert store.contacts.all()[0].role == "CTO"


def test_hostile_text_is_cleaned_on_the_way_in(store: Store) -> None:
    merge_contacts(store, [Contact(name="Eve\x1b[31m Red\u202e", notes="line one\r\nline\x07 two")])
    eve = store.contacts.all()[0]
    assert eve.name == "Eve Red"
    assert eve.notes == "line one\nline two"


def test_own_csv_keeps_valid_rows_and_reports_bad_ones_by_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path, (
        'Zoë Okafor,zoe@example.com,"Okafor Coffee, Roasters",Owner,Harborview,'
        'podcasting;bike lanes,a bookkeeper,,"likes\nmornings",yes\n'
        "Too,Few,Columns\n"
        ",nobody@example.com,,,,,,,,no\n"
        "Mateo Núñez,mateo@example.com,Brightline,,,,,,,maybe\n"
        "Grace Hopper,,Navy,,,,,,,no\n"
    ))
    parsed = read_contacts_file(path)
    assert [c.name for c in parsed.contacts] == ["Zoë Okafor", "Grace Hopper"]
    zoe = parsed.contacts[0]
    assert zoe.company == "Okafor Coffee, Roasters"
    assert zoe.interests == ["podcasting", "bike lanes"]
    assert zoe.notes == "likes\nmornings"
    assert zoe.key is True
    assert [(p.line, p.message) for p in parsed.problems] == [
        (4, "expected 10 columns, found 3; skipped"),
        (5, "no name; skipped"),
        (6, "key must be yes or no, not 'maybe'; skipped"),
    ]


def test_bom_and_latin1_files_are_read(tmp_path: Path) -> None:
    bom = write_csv(tmp_path, "Zoë Okafor,,,,,,,,,no\n", encoding="utf-8-sig")
    assert read_contacts_file(bom).contacts[0].name == "Zoë Okafor"
    latin = write_csv(tmp_path, "Mateo Núñez,,,,,,,,,no\n", encoding="latin-1")
    assert read_contacts_file(latin).contacts[0].name == "Mateo Núñez"


def test_cli_import_twice_doubles_nobody(run_cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path, "Zoë Okafor,zoe@example.com,Okafor Coffee,,,,,,,yes\nBad,Row\n")
    first = run_cli("contacts", "import", str(path))
    assert first.code == 0
    assert "1 added, 0 merged, 0 unchanged, 1 skipped" in first.out
    assert "people.csv:3: expected 10 columns, found 2; skipped" in first.err
    second = run_cli("contacts", "import", str(path))
    assert "0 added, 0 merged, 1 unchanged" in second.out
    listed = json.loads(run_cli("contacts", "list", "--json").out)
    assert [c["name"] for c in listed] == ["Zoë Okafor"]


def test_a_large_import_is_one_write(store: Store, tmp_path: Path) -> None:
    rows = "".join(f"Person {n},p{n}@example.com,Co {n},,,,,,,no\n" for n in range(3000))
    parsed = read_contacts_file(write_csv(tmp_path, rows))
    writes = []
    original = store.desk.storage._flush
    store.desk.storage._flush = lambda: (writes.append(1), original())[1]  # type: ignore[method-assign]
    merge_contacts(store, parsed.contacts)
    assert len(writes) == 1
    assert store.contacts.count() == 3000
