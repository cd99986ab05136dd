"""Reading any contacts CSV: find the header, recognise the tool that wrote it, read rows.

The header is not always the first line (LinkedIn puts a "Notes:" paragraph above it)
and the delimiter is not always a comma (Outlook in many European locales writes `;`),
so the first rows are searched with each common delimiter for a header givedesk knows.
Line numbers in problems are physical lines of the file, as an editor shows them.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from givedesk.contacts_io.base import (
    MAX_FILE_BYTES,
    ParsedContacts,
    Problem,
    UnreadableContacts,
    Warnings,
)
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
MAX_CELL_CHARS = 131_072
"""A cell longer than this (the csv module's own default limit) is no contact field:
its row is skipped and reported, the rows after it still imported."""
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
    line: int
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
                return _Table(reader, header, line, layout.label, layout.row_reader(header))
        if is_own_header(header):
            check_own_header(header, line)
            return _Table(reader, header, line, LABEL, _own_reader)
        line = reader.line_num + 1
    return None


@contextlib.contextmanager
def _cells_of_any_length() -> Iterator[None]:
    """Let the csv module read a long cell whole, so that its row, not the rest of the
    file, is what gets skipped; the file size cap bounds the memory this can take."""
    previous = csv.field_size_limit(MAX_FILE_BYTES)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def parse_contacts_csv(text: str) -> ParsedContacts:
    """Every row of a contacts CSV; raises `UnreadableContacts` for a file that is not one."""
    if not text.strip():
        raise UnreadableContacts(Problem(1, "the file is empty"))
    with _cells_of_any_length():
        table = next(filter(None, (_find_header(text, d) for d in DELIMITERS)), None)
        if table is None:
            raise UnreadableContacts(Problem(1, _UNKNOWN))
        _refuse_repeated_columns(table)
        return _read_rows(table)


def _refuse_repeated_columns(table: _Table) -> None:
    """Two columns of the same name: which one holds the email? Refuse rather than guess."""
    repeated = [name for name, count in Counter(table.header).items() if name and count > 1]
    if repeated:
        raise UnreadableContacts(Problem(
            table.line, f"the column '{repeated[0]}' appears more than once in the header; "
            "keep one and import again",
        ))


def _read_rows(table: _Table) -> ParsedContacts:
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
        longest = max(map(len, row))
        if longest > MAX_CELL_CHARS:
            result.problems.append(Problem(
                start, f"a cell of {longest:,} characters (at most {MAX_CELL_CHARS:,}); skipped"
            ))
            continue
        result.record(start, functools.partial(table.convert, dict(zip(header, row, strict=True))))
    return result
