"""Exports: contacts CSV and vCard import back unchanged; the ledger as CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from givedesk.contacts import clean_contact
from givedesk.contacts_io import (
    export_contacts_csv,
    export_contacts_vcf,
    export_gives_csv,
    parse_contacts_text,
)
from givedesk.models import Contact, ContactPoint, Give

_IGNORED = {"id", "created", "updated"}


def fields(contact: Contact) -> dict[str, object]:
    return {k: v for k, v in dataclasses.asdict(contact).items() if k not in _IGNORED}


def round_trip(contacts: list[Contact], export: str) -> list[Contact]:
    text = export_contacts_csv(contacts) if export == "csv" else export_contacts_vcf(contacts)
    parsed = parse_contacts_text(text)
    assert parsed.problems == []
    return [clean_contact(contact) for contact in parsed.contacts]


terms = st.lists(st.text(max_size=30), max_size=4)
labels = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=12)
points = st.lists(st.builds(ContactPoint, value=st.text(max_size=30), label=labels), max_size=3)
links = st.lists(st.builds(
    ContactPoint,
    value=st.from_regex(r"https?://[a-z0-9.-]{1,20}\.[a-z]{2,5}(/[A-Za-z0-9._~%!$&'()*+=@/-]{0,20})?",
                        fullmatch=True),
    label=labels,
), max_size=3)
partial_dates = st.just("") | st.dates().map(date.isoformat) | st.dates(
    min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)).map(lambda d: f"--{d:%m-%d}")
contacts = st.builds(
    Contact,
    name=st.text(min_size=1, max_size=60),
    email=st.text(max_size=40),
    phone=st.text(max_size=20),
    company=st.text(max_size=40),
    role=st.text(max_size=40),
    location=st.text(max_size=40),
    interests=terms,
    needs=terms,
    offers=terms,
    notes=st.text(max_size=300),
    key=st.booleans(),
    cadence_days=st.none() | st.integers(1, 3650),
    met_at=st.text(max_size=40),
    met_on=st.none() | st.dates(),
    tags=terms,
    muted_topics=terms,
    emails=points,
    phones=points,
    urls=links,
    birthday=partial_dates,
    anniversary=partial_dates,
    work_anniversary=partial_dates,
    nickname=st.text(max_size=20),
).map(clean_contact).filter(lambda contact: bool(contact.name))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(contacts, min_size=1, max_size=3), export=st.sampled_from(["csv", "vcf"]))
def test_any_contact_survives_an_export_and_an_import(people: list[Contact], export: str) -> None:
    """Import -> export -> import gives the same people, every email, phone, link and
    date included."""
    once = round_trip(people, export)
    assert [fields(c) for c in once] == [fields(c) for c in people]
    assert [fields(c) for c in round_trip(once, export)] == [fields(c) for c in once]


@pytest.mark.parametrize("export", ["csv", "vcf"])
def test_a_label_of_a_repeated_word_round_trips(export: str) -> None:
    """Found by the test above: "a a" went out as TYPE=a,a and came back "a"."""
    person = clean_contact(Contact(name="Ana Lee", urls=[ContactPoint("https://ana.example",
                                                                      "home home")]))
    assert [p.label for p in person.urls] == ["home"]
    assert round_trip([person], export)[0].urls == person.urls


def test_a_full_contact_round_trips_through_both_formats() -> None:
    ada = clean_contact(Contact(
        name="Ada Lovelace", email="ada@example.com", phone="+44 20 7946 0000",
        company="Analytical Engines, Ltd.", role="Lead; Programmer", location="London, UK",
        interests=["engines", "poetry, science"], needs=["funding"], offers=["notes on engines"],
        notes="First line\nSecond line, with commas; and semicolons \\ backslash",
        key=True, cadence_days=21, met_at="Royal Society", met_on=date(1833, 6, 5),
        tags=["math", "=risky"], muted_topics=["horses"],
    ))
    for export in ("csv", "vcf"):
        assert [fields(c) for c in round_trip([ada], export)] == [fields(ada)]


def test_formulas_are_defused_for_spreadsheets_and_come_back_intact() -> None:
    person = Contact(name="=HYPERLINK(\"http://evil\",\"x\")", phone="+1 555 0100",
                     notes="'=already quoted")
    text = export_contacts_csv([person])
    row = list(csv.DictReader(io.StringIO(text)))[0]
    assert row["name"].startswith("'=HYPERLINK")
    assert row["phone"] == "'+1 555 0100"
    assert row["notes"] == "''=already quoted"
    (back,) = parse_contacts_text(text).contacts
    assert (back.name, back.phone, back.notes) == (person.name, person.phone, person.notes)


def test_own_csv_keeps_the_design_columns_first() -> None:
    header = export_contacts_csv([]).splitlines()[0]
    assert header.startswith("name,email,company,role,location,interests,needs,offers,notes,key,")


def test_vcards_are_version_3_with_crlf_and_folded_lines() -> None:
    text = export_contacts_vcf([Contact(name="Zoë Okafor", notes="é" * 200)])
    lines = text.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "N:Okafor;Zoë;;;" in lines


def test_the_ledger_as_csv() -> None:
    ada = Contact(name="Ada Lovelace")
    gives = [
        Give(contact_id=ada.id, kind="article", note="=cmd|' /C calc'!A0", link="https://example.com/a",
             given_on=datetime(2024, 5, 1, 9, 30, tzinfo=UTC), feedback="useful"),
        Give(contact_id="gone", kind="intro", note="Met Grace\nat lunch",
             given_on=datetime(2024, 5, 2, 10, 0, tzinfo=UTC)),
    ]
    rows = list(csv.reader(io.StringIO(export_gives_csv(gives, {ada.id: ada}))))
    assert rows[0] == ["given_on", "contact", "kind", "note", "link", "source", "feedback",
                       "contact_id", "id"]
    assert rows[1] == ["2024-05-01T09:30:00+00:00", "Ada Lovelace", "article", "'=cmd|' /C calc'!A0",
                       "https://example.com/a", "", "useful", ada.id, gives[0].id]
    assert rows[2][:4] == ["2024-05-02T10:00:00+00:00", "(removed contact)", "intro", "Met Grace\nat lunch"]
