"""givedesk's own contacts CSV: the columns of DESIGN.md first, then the rest of a contact.

The ten DESIGN.md columns stay first and mean what they always meant, so files written
by hand or by older versions still import; the extra columns carry the fields those
lack (phone, tags, ...) so that an export imports back unchanged. Columns may come in
any order and only `name` is required; an unknown column is refused rather than
silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from givedesk.contact_points import parse_points, points_text
from givedesk.contacts_io.base import (
    BadRecord,
    Problem,
    UnreadableContacts,
    parse_days,
    parse_iso_date,
    parse_yes_no,
    yes_no,
)
from givedesk.contacts_io.cells import csv_text, unprotect_cell
from givedesk.models import Contact
from givedesk.partial_date import normalise_partial_date
from givedesk.text import split_terms

OWN_COLUMNS = (
    "name", "email", "company", "role", "location", "interests", "needs", "offers", "notes", "key",
)
EXTRA_COLUMNS = (
    "phone", "tags", "met_at", "met_on", "cadence_days", "muted_topics",
    "nickname", "emails", "phones", "urls", "birthday", "anniversary", "work_anniversary",
    "connected_on",
)
ALL_COLUMNS = OWN_COLUMNS + EXTRA_COLUMNS
_PLAIN_COLUMNS = ("email", "phone", "company", "role", "location", "notes", "met_at", "nickname")
_TERM_COLUMNS = ("interests", "needs", "offers", "tags", "muted_topics")
_POINT_COLUMNS = ("emails", "phones", "urls")
"""Written "label: value; value", the preferred first (`givedesk.contact_points`)."""
_DATE_COLUMNS = ("birthday", "anniversary", "work_anniversary")
""""1984-04-15", or "--04-15" without the year."""
_EXPECTED = ",".join(OWN_COLUMNS)
LABEL = "givedesk CSV"


def is_own_header(header: list[str]) -> bool:
    return "name" in header


def check_own_header(header: list[str], line: int) -> None:
    unknown = [column for column in header if column not in ALL_COLUMNS]
    if unknown:
        raise UnreadableContacts(Problem(
            line, f"unknown column '{unknown[0]}' (expected {_EXPECTED}, optionally "
            f"followed by {','.join(EXTRA_COLUMNS)})",
        ))


def contact_from_own_row(values: dict[str, str]) -> Contact:
    cells = {column: unprotect_cell(value) for column, value in values.items()}
    name = cells.get("name", "").strip()
    if not name:
        raise BadRecord("no name")
    contact = Contact(
        name=name,
        key=parse_yes_no(cells.get("key", ""), "key"),
        met_on=parse_iso_date(cells.get("met_on", ""), "met_on"),
        connected_on=parse_iso_date(cells.get("connected_on", ""), "connected_on"),
        cadence_days=parse_days(cells.get("cadence_days", ""), "cadence_days"),
    )
    for column in _PLAIN_COLUMNS:
        setattr(contact, column, cells.get(column, ""))
    for column in _TERM_COLUMNS:
        setattr(contact, column, split_terms(cells.get(column, "")))
    for column in _POINT_COLUMNS:
        setattr(contact, column, parse_points(cells.get(column, "")))
    for column in _DATE_COLUMNS:
        try:
            setattr(contact, column, normalise_partial_date(cells.get(column, "")))
        except ValueError:
            raise BadRecord(f"{column} must be a date like 1984-04-15 or --04-15, not "
                            f"'{cells[column].strip()}'") from None
    return contact


def export_contacts_csv(contacts: Iterable[Contact]) -> str:
    """All of each contact but its id and timestamps, in the own format, spreadsheet-safe."""

    def row(contact: Contact) -> list[str]:
        cells = {
            "name": contact.name,
            "key": yes_no(contact.key),
            "met_on": contact.met_on.isoformat() if contact.met_on else "",
            "connected_on": contact.connected_on.isoformat() if contact.connected_on else "",
            "cadence_days": str(contact.cadence_days or ""),
            **{column: getattr(contact, column) for column in _PLAIN_COLUMNS},
            **{column: "; ".join(getattr(contact, column)) for column in _TERM_COLUMNS},
            **{column: points_text(getattr(contact, column)) for column in _POINT_COLUMNS},
            **{column: getattr(contact, column) for column in _DATE_COLUMNS},
        }
        return [cells[column] for column in ALL_COLUMNS]

    return csv_text(ALL_COLUMNS, (row(contact) for contact in contacts))
