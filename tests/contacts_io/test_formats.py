"""Each supported file format, read from a sample written for the project."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from givedesk.contacts_io import parse_contacts_text, read_contacts_file
from givedesk.errors import UserError
from givedesk.models import Contact

SAMPLES = Path(__file__).parent / "samples"


def by_name(path: Path) -> dict[str, Contact]:
    return {contact.name: contact for contact in read_contacts_file(path).contacts}


def problems(path: Path) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in read_contacts_file(path).problems]


def test_vcard_21_quoted_printable_soft_breaks_folding_and_photos() -> None:
    parsed = read_contacts_file(SAMPLES / "vcard21.vcf")
    assert parsed.format == "vCard"
    assert parsed.problems == []
    jose, jurgen = parsed.contacts
    assert jose.name == "José García"
    assert jose.company == "García Tiles Ltd"
    assert jose.role == "Owner and head tiler"  # folded over two lines
    assert jose.email == "jose@garciatiles.example.com"  # the PREF one, not the first
    assert jose.phone == "+1 360 555 0111"  # CELL before WORK
    assert jose.location == "Harborview, WA, USA"
    # An unescaped comma in 2.1 text is kept, and the soft line breaks are joined.
    assert jose.notes == "Met at the tile fair, wants a bookkeeper.\r\nSecond line: café owners, too."
    assert jurgen.name == "Jürgen Müller"  # N only, quoted-printable in ISO-8859-1
    assert jurgen.phone == "+49 30 555 0199"


def test_vcard_30_as_apple_writes_it() -> None:
    people = by_name(SAMPLES / "vcard30.vcf")
    zoe = people["Zoë Okafor"]
    assert (zoe.company, zoe.role) == ("Okafor Coffee Roasters, Inc.", "Founder and head roaster")
    assert zoe.email == "zoe@okaforcoffee.example.com"
    assert zoe.location == "Harborview, WA, United States"
    assert zoe.notes == (
        "Roasts in a converted boat shed, by the marina.\nOpening a second cafe; needs a bookkeeper."
    )
    assert zoe.tags == ["coffee", "small business"]
    assert people["Jonas Erik Lindqvist"].company == "Tidewater Labs"  # from N, without FN
    assert problems(SAMPLES / "vcard30.vcf") == [(37, "no name (no FN or N); skipped")]


def test_vcard_40_with_a_year_less_birthday_and_uris() -> None:
    (priya,) = read_contacts_file(SAMPLES / "vcard40.vcf").contacts
    assert priya.name == "Priya Raman"
    assert priya.email == "priya.raman@stvincent.example.org"  # PREF=1
    assert priya.phone == "+1-360-555-0161"  # tel: URI, PREF=1
    assert priya.tags == ["healthcare", "AI"]


def test_google_contacts_csv() -> None:
    parsed = read_contacts_file(SAMPLES / "google.csv")
    assert parsed.format == "Google Contacts CSV"
    mateo, benji = parsed.contacts
    assert (mateo.name, mateo.company, mateo.role) == ("Mateo Núñez", "Brightline Architects", "Partner")
    assert mateo.email == "mateo@brightline.example.com"  # first of " ::: "-separated values
    assert mateo.phone == "+1 360 555 0187"
    assert mateo.location == "Harborview, WA, US"
    assert mateo.notes == "Wants hospital clients.\nCycles to work."
    assert mateo.tags == ["Architects", "Harborview"]  # system labels ("* myContacts") dropped
    assert (benji.name, benji.tags) == ("Benji", ["Finance"])  # the nickname when no name
    # Line 4: Mateo's quoted notes span lines 2-3.
    assert [(p.line, p.message) for p in parsed.problems] == [(4, "no name; skipped")]


def test_linkedin_connections_with_the_notes_above_the_header() -> None:
    parsed = read_contacts_file(SAMPLES / "linkedin_connections.csv")
    assert parsed.format == "LinkedIn connections"
    people = {c.name: c for c in parsed.contacts}
    assert list(people) == ["Aaliyah Brooks", "Hana Kobayashi", "Marco Bellini"]
    hana = people["Hana Kobayashi"]
    assert (hana.email, hana.company, hana.role) == (
        "hana@ledgerlight.example.com", "Ledgerlight Bookkeeping, LLC", "Owner"
    )
    assert people["Aaliyah Brooks"].connected_on == date(2024, 1, 15)
    assert hana.connected_on == date(2023, 3, 3)
    assert people["Marco Bellini"].connected_on is None
    # A connection date is not the day you met: no "N years since you met" from it.
    assert all(person.met_on is None for person in people.values())
    assert [(p.line, p.message, p.skipped) for p in parsed.problems] == [
        (7, "unreadable date 'sometime last year'; imported without it", False),
        (8, "no name; skipped", True),
    ]
    assert parsed.skipped == 1


def test_outlook_csv_with_bom_and_a_short_row() -> None:
    parsed = read_contacts_file(SAMPLES / "outlook.csv")
    assert parsed.format == "Outlook CSV"
    sofia, tomasz = parsed.contacts
    assert (sofia.name, sofia.role, sofia.company) == (
        "Sofía Castellanos", "Director", "Harborview Food Bank"
    )
    assert sofia.phone == "+1 360 555 0171"  # mobile first
    assert sofia.location == "Harborview, WA"
    assert sofia.tags == ["Non-profit", "Harborview"]
    assert tomasz.location == "Gdańsk, Poland"  # home address when there is no business one
    assert [(p.line, p.message) for p in parsed.problems] == [(3, "expected 62 columns, found 3; skipped")]


def test_outlook_with_semicolons_in_windows_1252() -> None:
    (jurgen,) = read_contacts_file(SAMPLES / "outlook_semicolon_cp1252.csv").contacts
    assert (jurgen.name, jurgen.company, jurgen.role) == (
        "Jürgen Müller", "Müller & Söhne GmbH", "Geschäftsführer"
    )


def test_own_csv_with_bom_and_every_column() -> None:
    zoe, leila = read_contacts_file(SAMPLES / "own_utf8_bom.csv").contacts
    assert zoe.name == "Zoë Okafor"
    assert zoe.phone == "+1 360 555 0142"  # the spreadsheet-safety apostrophe removed
    assert (zoe.key, zoe.cadence_days, zoe.met_on) == (True, 14, date(2023, 1, 15))
    assert (zoe.met_at, zoe.tags, zoe.muted_topics) == (
        "Chamber breakfast", ["coffee", "harborview"], ["crypto"]
    )
    assert zoe.interests == ["specialty coffee", "podcasting"]
    assert zoe.notes == "Roasts by the marina.\nOpening a second cafe."
    assert leila.company == "Tideline Radio"


def test_own_csv_in_latin_1_with_the_original_ten_columns() -> None:
    mateo, benjamin = read_contacts_file(SAMPLES / "own_latin1.csv").contacts
    assert (mateo.name, mateo.notes, mateo.key) == ("Mateo Núñez", "Café regular", True)
    assert mateo.interests == ["bike lanes", "timber construction"]
    assert benjamin.key is False


def test_bad_rows_are_reported_by_line_and_good_ones_kept() -> None:
    parsed = read_contacts_file(SAMPLES / "broken.csv")
    assert [c.name for c in parsed.contacts][:1] == ["Grace Whitfield"]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "expected 12 columns, found 3; skipped"),
        (4, "no name; skipped"),
        (5, "key must be yes or no, not 'maybe'; skipped"),
        (6, "met_on must be a date like 2024-05-31, not '31/12/2023'; skipped"),
        (7, "cadence_days must be a number of days from 1 to 3650, not '-3'; skipped"),
        # The unclosed quote swallows the rest of the file into one cell.
        (10, "expected 12 columns, found 9; skipped"),
    ]


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    misnamed = tmp_path / "contacts.txt"
    misnamed.write_bytes((SAMPLES / "vcard40.vcf").read_bytes())
    assert read_contacts_file(misnamed).format == "vCard"


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("first,second\n1,2\n", "no header givedesk recognises"),
    ("name,email,twitter\nAda,,@ada\n", "unknown column 'twitter'"),
])
def test_a_file_that_is_not_contacts_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "people.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=re.escape(f"{path}:1: {message}")):
        read_contacts_file(path)


def test_missing_file_and_vcf_without_cards(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        read_contacts_file(tmp_path / "nope.vcf")
    empty = tmp_path / "empty.vcf"
    empty.write_text("name,email\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"empty\.vcf:1: no vCard in the file"):
        read_contacts_file(empty)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    path.write_bytes((SAMPLES / "google.csv").read_text(encoding="utf-8").encode("utf-16"))
    assert [c.name for c in read_contacts_file(path).contacts] == ["Mateo Núñez", "Benji"]


def test_an_unterminated_vcard_is_reported() -> None:
    parsed = parse_contacts_text("BEGIN:VCARD\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nFN:Cut off\n")
    assert [c.name for c in parsed.contacts] == ["Ada"]
    assert [(p.line, p.message) for p in parsed.problems] == [(4, "vCard has no END:VCARD; skipped")]
