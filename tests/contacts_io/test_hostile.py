"""Nothing a file contains crashes the readers: it is imported, or reported, or refused."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from givedesk.contacts import clean_contact
from givedesk.contacts_io import ParsedContacts, UnreadableContacts, parse_contacts_text
from givedesk.contacts_io.base import decode_text

HEADERS = [
    "name,email,company,role,location,interests,needs,offers,notes,key,phone,tags,met_at,met_on,"
    "cadence_days,muted_topics",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value,"
    "Organization Name,Organization Title,Notes,Address 1 - City",
    "First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title,Business City,Notes,Categories",
]
nasty_text = st.lists(
    st.characters(codec="utf-8").map(str)
    | st.sampled_from(['"', ",", ";", "\n", "\r", "\x00", "\x1b[2J", "=", ":::", "'", "\\", " "]),
    max_size=20,
).map("".join)


def parse(text: str) -> ParsedContacts | None:
    """The parse result, or None when the text is refused as a whole (allowed)."""
    try:
        parsed = parse_contacts_text(text)
    except UnreadableContacts as error:
        assert error.problem.line >= 1
        return None
    lines = text.count("\n") + text.count("\r") + 1
    assert all(1 <= problem.line <= lines for problem in parsed.problems)
    for contact in parsed.contacts:
        assert contact.name.strip()
        cleaned = clean_contact(contact)
        assert "\x1b" not in cleaned.name + cleaned.notes
    return parsed


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    parse(decode_text(raw))
    parse(decode_text(b"BEGIN:VCARD\r\n" + raw))


@settings(max_examples=200, deadline=None)
@given(
    preamble=st.lists(nasty_text, max_size=3),
    header=st.sampled_from(HEADERS),
    rows=st.lists(st.lists(nasty_text, max_size=18), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_random_csv_under_known_headers(preamble: list[str], header: str,
                                        rows: list[list[str]], delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    for line in preamble:
        writer.writerow([line])
    writer.writerow(header.split(","))
    writer.writerows(rows)
    parse(buffer.getvalue())
    parse(buffer.getvalue()[: len(buffer.getvalue()) // 2])  # cut anywhere, e.g. inside a quote


property_names = st.sampled_from(
    ["FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "ROLE", "ADR", "NOTE", "CATEGORIES", "PHOTO",
     "BDAY", "NICKNAME", "X-GIVEDESK-KEY", "X-GIVEDESK-MET-ON", "X-GIVEDESK-CADENCE-DAYS",
     "X-GIVEDESK-INTERESTS", "item1.EMAIL", "BEGIN", "END", "VERSION", "AGENT"]
)
parameters = st.sampled_from(
    ["", ";ENCODING=QUOTED-PRINTABLE", ";QUOTED-PRINTABLE;CHARSET=klingon",
     ";CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE", ";ENCODING=BASE64", ";ENCODING=b",
     ";TYPE=pref", ";PREF=1", ";VALUE=uri", ';TYPE="a;b:c"', ";CELL;VOICE", ";=", ';"']
)
vcard_lines = st.one_of(
    st.builds(lambda n, p, v: f"{n}{p}:{v}", property_names, parameters, nasty_text),
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "", " folded", "=", "  =0D=0A=", "VERSION:2.1"]),
    nasty_text,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(vcard_lines, max_size=25), st.sampled_from(["\r\n", "\n", "\r"]))
def test_random_vcards(lines: list[str], newline: str) -> None:
    parse(newline.join(["BEGIN:VCARD", *lines, "END:VCARD"]))
