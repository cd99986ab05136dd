"""Writing CSV that is safe to open in a spreadsheet, and reading it back unchanged.

Names, notes and article titles come from imported files and feeds. A cell starting
with `=`, `+`, `-` or `@` is run as a formula by Excel, LibreOffice and Google Sheets
(CSV injection), so such cells are written with a leading apostrophe, as OWASP
recommends. A cell that itself starts with an apostrophe gets one more, so reading
strips exactly one and every export round-trips.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def protect_cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def unprotect_cell(value: str) -> str:
    """Undo `protect_cell`; an apostrophe before ordinary text is the user's own and stays."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """RFC 4180 CSV (CRLF line ends, quoted only where needed), every cell protected."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([protect_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
