"""Reading contacts from files.

A file is read completely before anything is stored: valid records are kept, each
bad record becomes a `Problem` naming its line, and the caller decides what to write.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from givedesk.errors import UserError
from givedesk.models import Contact
from givedesk.text import split_terms

OWN_COLUMNS = (
    "name", "email", "company", "role", "location", "interests", "needs", "offers", "notes", "key",
)
_EXPECTED = ",".join(OWN_COLUMNS)
_TRUE_WORDS = {"yes", "y", "true", "1", "x", "key"}
_FALSE_WORDS = {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class Problem:
    """A record that could not be read, and why."""

    line: int
    message: str

    def describe(self, source: Path) -> str:
        return f"{source}:{self.line}: {self.message}"


@dataclass
class ParsedContacts:
    contacts: list[Contact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def decode_text_file(path: Path) -> str:
    """The file's text: UTF-8 with or without BOM, else Latin-1 (which never fails)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _parse_key(value: str) -> bool | None:
    word = value.strip().casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


def read_own_csv(path: Path) -> ParsedContacts:
    """The own CSV format of DESIGN.md; columns are found by header name, in any order."""
    reader = csv.reader(io.StringIO(decode_text_file(path), newline=""))
    result = ParsedContacts()
    try:
        header = [column.strip().casefold() for column in next(reader)]
    except StopIteration:
        raise UserError(f"{path}: the file is empty") from None
    except csv.Error as error:
        raise UserError(f"{path}:1: unreadable header: {error}") from None
    if "name" not in header:
        raise UserError(f"{path}:1: no 'name' column in the header (expected {_EXPECTED})")
    unknown = [column for column in header if column not in OWN_COLUMNS]
    if unknown:
        raise UserError(f"{path}:1: unknown column '{unknown[0]}' (expected {_EXPECTED})")
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.problems.append(Problem(line, f"unreadable row: {error}; skipped"))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            result.problems.append(
                Problem(start, f"expected {len(header)} columns, found {len(row)}; skipped")
            )
            continue
        values = dict(zip(header, row, strict=True))
        contact = _contact_from_own_row(values)
        if isinstance(contact, str):
            result.problems.append(Problem(start, f"{contact}; skipped"))
        else:
            result.contacts.append(contact)
    return result


def _contact_from_own_row(values: dict[str, str]) -> Contact | str:
    """A contact, or the reason the row is not one."""
    name = values.get("name", "").strip()
    if not name:
        return "no name"
    key = _parse_key(values.get("key", ""))
    if key is None:
        return f"key must be yes or no, not '{values['key'].strip()}'"
    return Contact(
        name=name,
        email=values.get("email", "").strip(),
        company=values.get("company", "").strip(),
        role=values.get("role", "").strip(),
        location=values.get("location", "").strip(),
        interests=split_terms(values.get("interests", "")),
        needs=split_terms(values.get("needs", "")),
        offers=split_terms(values.get("offers", "")),
        notes=values.get("notes", ""),
        key=key,
    )


def read_contacts_file(path: Path) -> ParsedContacts:
    """Read any supported contacts file, chosen by its extension and header."""
    if path.suffix.casefold() == ".csv":
        return read_own_csv(path)
    raise UserError(f"{path}: unsupported file type '{path.suffix}' (expected .csv)")
