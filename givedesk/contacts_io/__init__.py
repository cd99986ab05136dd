"""Contacts in and out of the desk: vCard, Google, LinkedIn, Outlook and givedesk's CSV.

Reading never writes: `read_contacts_file` returns the valid contacts and a `Problem`
per bad record, and `givedesk.contacts.merge_contacts` decides what to store. The
format is recognised from the content (a vCard, or a CSV header givedesk knows), so a
misnamed file still imports.
"""

from __future__ import annotations

from pathlib import Path

from givedesk.contacts_io.base import (
    ParsedContacts,
    Problem,
    UnreadableContacts,
    decode_text_file,
    latin1_problems,
    write_text_file,
)
from givedesk.contacts_io.csv_read import parse_contacts_csv
from givedesk.contacts_io.gives_csv import export_gives_csv
from givedesk.contacts_io.own_csv import export_contacts_csv
from givedesk.contacts_io.report import import_report_lines, import_summary
from givedesk.contacts_io.vcard import export_contacts_vcf, looks_like_vcard, parse_vcards
from givedesk.errors import UserError

__all__ = [
    "ParsedContacts",
    "Problem",
    "UnreadableContacts",
    "decode_text_file",
    "export_contacts_csv",
    "export_contacts_vcf",
    "export_gives_csv",
    "import_report_lines",
    "import_summary",
    "parse_contacts_text",
    "read_contacts_file",
    "write_text_file",
]

VCARD_SUFFIXES = (".vcf", ".vcard")


def parse_contacts_text(text: str, *, vcard: bool = False) -> ParsedContacts:
    """Contacts from a file's text: a vCard when it looks like one (or `vcard`), else CSV.

    Raises `UnreadableContacts` when the text is not a contacts file at all.
    """
    if vcard or looks_like_vcard(text):
        return parse_vcards(text)
    return parse_contacts_csv(text)


def read_contacts_file(path: Path) -> ParsedContacts:
    """Every contact in `path`; a file that cannot be read at all is a one-line `UserError`."""
    decoded = decode_text_file(path)
    try:
        parsed = parse_contacts_text(decoded.text, vcard=path.suffix.casefold() in VCARD_SUFFIXES)
    except UnreadableContacts as error:
        raise UserError(error.problem.describe(path)) from None
    parsed.problems[:0] = latin1_problems(decoded.latin1_lines)
    return parsed
