"""Merging imports into the desk: recognising people, never doubling, never overwriting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from givedesk.contacts import merge_contacts
from givedesk.contacts_io import import_report_lines, read_contacts_file
from givedesk.identity import normalise_company, normalise_name
from givedesk.models import Contact
from givedesk.store import Store

SAMPLES = Path(__file__).parent / "samples"
ALL_SAMPLES = sorted(SAMPLES.iterdir())


@pytest.mark.parametrize(("a", "b"), [
    ("José García", "Jose Garcia"),
    ("García, José", "José García"),
    ("Dr. Grace B. Hopper, PhD", "grace hopper"),
])
def test_names_that_are_written_differently_normalise_alike(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Acme Inc.", "ACME"),
    ("The Okafor Coffee Co., Ltd", "okafor coffee"),
    ("Müller & Söhne GmbH", "Muller Sohne"),
])
def test_company_suffixes_do_not_count(a: str, b: str) -> None:
    assert normalise_company(a) == normalise_company(b)


def test_a_similar_name_at_the_same_company_is_the_same_person(store: Store) -> None:
    merge_contacts(store, [Contact(name="John Smith", company="ACME")])
    report = merge_contacts(store, [Contact(name="Jon Smith", company="Acme Inc.", role="CTO")])
    assert [c.name for c in report.merged] == ["John Smith"]
    assert report.matches[report.merged[0].id].reason == "similar name (John Smith), same company"
    assert report.changed_fields[report.merged[0].id] == ["role"]
    assert store.contacts.count() == 1


@pytest.mark.parametrize("incoming", [
    Contact(name="John Smith", company="Globex"),  # same name, another company
    Contact(name="Jon Smith", company=""),  # similar name, no company to confirm it
    Contact(name="Anna Lee", company="ACME"),  # close, but below the threshold
    Contact(name="Jon Smith", company="ACME", email="jon@globex.example"),  # emails disagree
])
def test_different_people_are_not_merged(store: Store, incoming: Contact) -> None:
    merge_contacts(store, [
        Contact(name="John Smith", company="ACME", email="john@acme.example"),
        Contact(name="Anne Lee", company="ACME"),
        Contact(name="John Smith"),  # no company: only the exact same name would match
    ])
    report = merge_contacts(store, [incoming])
    assert [c.name for c in report.added] == [incoming.name], report.matches


def test_the_same_person_from_a_phone_and_from_linkedin_is_one_contact(store: Store) -> None:
    merge_contacts(store, read_contacts_file(SAMPLES / "vcard30.vcf").contacts)
    report = merge_contacts(store, [Contact(name="Zoe Okafor", company="Okafor Coffee Roasters",
                                            role="Owner", location="Seattle", tags=["linkedin"])])
    (zoe,) = report.merged
    assert report.matches[zoe.id].reason == "same name and company"
    assert zoe.name == "Zoë Okafor"
    assert (zoe.role, zoe.location) == ("Founder and head roaster", "Harborview, WA, United States")
    assert zoe.tags == ["coffee", "small business", "linkedin"]
    assert report.changed_fields[zoe.id] == ["tags"]


def test_overwrite_replaces_what_the_file_has(store: Store) -> None:
    merge_contacts(store, [Contact(name="Ada Lovelace", email="ada@x.org", role="Analyst")])
    report = merge_contacts(store, [Contact(name="Ada Lovelace", email="ada@x.org", role="CTO")],
                            overwrite=True)
    assert report.changed_fields[report.merged[0].id] == ["role"]
    assert store.contacts.all()[0].role == "CTO"


def test_each_person_is_reported_once(store: Store) -> None:
    merge_contacts(store, [Contact(name="Ada", email="a@x.org")])
    report = merge_contacts(store, [
        Contact(name="Ada", email="a@x.org"),
        Contact(name="Ada", email="A@X.org", role="CTO"),
        Contact(name="Ada", email="a@x.org"),
        Contact(name="Grace", company="Navy"),
        Contact(name="Grace", company="Navy", role="Admiral"),
    ])
    assert ([c.name for c in report.added], [c.name for c in report.merged], report.unchanged) == (
        ["Grace"], ["Ada"], []
    )
    assert report.added[0].role == "Admiral"


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=[path.name for path in ALL_SAMPLES])
def test_importing_the_same_file_again_changes_nothing(store: Store, sample: Path) -> None:
    first = merge_contacts(store, read_contacts_file(sample).contacts)
    assert first.added
    before = store.paths.desk_file.read_bytes()
    again = merge_contacts(store, read_contacts_file(sample).contacts)
    assert (again.added, again.merged) == ([], [])
    assert len(again.unchanged) == len(first.added)
    assert store.paths.desk_file.read_bytes() == before


def test_a_dry_run_lists_what_would_happen_and_writes_nothing(store: Store) -> None:
    merge_contacts(store, [
        Contact(name="Hana Kobayashi", email="hana@ledgerlight.example.com"),
        Contact(name="Aaliyah Brooks", company="Harborview City Council", role="Council Member",
                met_on=date(2024, 1, 15)),
    ])
    before = store.paths.desk_file.read_bytes()
    source = SAMPLES / "linkedin_connections.csv"
    parsed = read_contacts_file(source)
    report = merge_contacts(store, parsed.contacts, dry_run=True)
    assert store.paths.desk_file.read_bytes() == before
    assert import_report_lines(source, parsed, report, dry_run=True) == [
        "would add: Marco Bellini, Bellini's Trattoria",
        # The LinkedIn profile link is new to both of them; the connection date is not
        # the day Aaliyah was met, so it fills connected_on beside her met_on.
        "would merge: Aaliyah Brooks, Harborview City Council (same name and company; "
        "connected_on, urls)",
        "would merge: Hana Kobayashi, Ledgerlight Bookkeeping, LLC "
        "(same email; company, role, connected_on, urls)",
        f"{source}:7: unreadable date 'sometime last year'; imported without it",
        f"{source}:8: no name; skipped",
        "Would import linkedin_connections.csv (LinkedIn connections): 1 added, 2 merged, "
        "0 unchanged, 1 skipped. Nothing was written.",
    ]


def test_hostile_text_from_a_file_is_cleaned_before_it_is_stored(store: Store) -> None:
    merge_contacts(store, read_contacts_file(SAMPLES / "broken.csv").contacts)
    evil = next(c for c in store.contacts.all() if c.company == "Evil Corp")
    assert (evil.name, evil.notes) == ("Escaped Name", "line one")
