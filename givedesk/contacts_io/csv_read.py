"""Reading any contacts CSV: find the header, recognise the tool that wrote it, read rows.

The header is not always the first line (LinkedIn puts a "Notes:" paragraph above it)
and the delimiter is not always a comma (Outlook in many European locales writes `;`),
so the first rows are searched with each common delimiter for a header givedesk knows.
Line numbers in problems are physical lines of the file, as an editor shows them.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from givedesk.contacts_io.base import ParsedContacts, Problem, UnreadableContacts, Warnings
from givedesk.contacts_io.foreign_csv import FOREIGN_LAYOUTS
from givedesk.contacts_io.own_csv import (
    LABEL,
    OWN_COLUMNS,
    check_own_header,
    contact_from_own_row,
    is_own_header,
)
from givedesk.models import Contact

if TYPE_CHECKING:
    import _csv

HEADER_SEARCH_ROWS = 20
DELIMITERS = (",", ";", "\t")
_UNKNOWN = (
    "no header givedesk recognises: expected its own columns ("
    + ",".join(OWN_COLUMNS)
    + "), or a Google Contacts, Outlook or LinkedIn connections export"
)

RowConverter = Callable[[dict[str, str], Warnings], Contact]


@dataclass
class _Table:
    """A CSV reader positioned after a recognised header."""

    reader: _csv.Reader
    header: list[str]
    label: str
    convert: RowConverter


def _own_reader(values: dict[str, str], _warnings: Warnings) -> Contact:
    return contact_from_own_row(values)


def _find_header(text: str, delimiter: str) -> _Table | None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            row = next(reader)
        except (StopIteration, csv.Error):
            return None
        header = [column.strip().casefold() for column in row]
        for layout in FOREIGN_LAYOUTS:
            if layout.recognises(header):
                return _Table(reader, header, layout.label, layout.row_reader(header))
        if is_own_header(header):
            check_own_header(header, line)
            return _Table(reader, header, LABEL, _own_reader)
        line = reader.line_num + 1
    return None


def parse_contacts_csv(text: str) -> ParsedContacts:
    """Every row of a contacts CSV; raises `UnreadableContacts` for a file that is not one."""
    if not text.strip():
        raise UnreadableContacts(Problem(1, "the file is empty"))
    table = next(filter(None, (_find_header(text, d) for d in DELIMITERS)), None)
    if table is None:
        raise UnreadableContacts(Problem(1, _UNKNOWN))
    reader, header = table.reader, table.header
    result = ParsedContacts(format=table.label)
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.problems.append(
                Problem(line, f"unreadable CSV ({error}); rest of the file skipped")
            )
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            result.problems.append(
                Problem(start, f"expected {len(header)} columns, found {len(row)}; skipped")
            )
            continue
        result.record(start, functools.partial(table.convert, dict(zip(header, row, strict=True))))
    return result
