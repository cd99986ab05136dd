"""What every contacts reader shares: decoding files, reporting bad records, field values.

A file is read completely before anything is stored: valid records are kept, each bad
record becomes a `Problem` naming its line, and the caller decides what to write. Only
a file that cannot be read at all (empty, unknown format) stops the import.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from givedesk.contact_points import web_link
from givedesk.errors import UserError, describe_os_error, read_user_file
from givedesk.models import Contact, ContactPoint
from givedesk.partial_date import normalise_partial_date
from givedesk.store import atomic_write_bytes

MAX_CADENCE_DAYS = 3650
"""Ten years: beyond it a cadence means nothing, and date arithmetic could overflow."""
MAX_FILE_BYTES = 128 * 1024 * 1024
"""Larger than any real address book (photos included), small enough to read in memory."""

_TRUE_WORDS = frozenset({"yes", "y", "true", "1", "x", "key"})
_FALSE_WORDS = frozenset({"no", "n", "false", "0", ""})


@dataclass(frozen=True)
class Problem:
    """A record that could not be read (skipped), or a field of one that was left out."""

    line: int
    message: str
    skipped: bool = True
    """False when the record was imported without the field the message names."""

    def describe(self, source: Path) -> str:
        return f"{source}:{self.line}: {self.message}"


LATIN1_LINES_NAMED = 10
"""A file mostly in Latin-1 would otherwise bury the report under one line per row."""


def latin1_problems(lines: list[int]) -> list[Problem]:
    """Report lines that needed the Latin-1 fallback: their accents may be wrong."""
    problems = [Problem(line, "not UTF-8; read as Latin-1 (check its accents)", skipped=False)
                for line in lines[:LATIN1_LINES_NAMED]]
    if len(lines) > LATIN1_LINES_NAMED:
        problems.append(Problem(lines[LATIN1_LINES_NAMED],
                                f"this and {len(lines) - LATIN1_LINES_NAMED - 1} later lines "
                                "not UTF-8; read as Latin-1", skipped=False))
    return problems


class BadRecord(Exception):
    """Raised while converting one record: it is skipped and the message reported."""


class UnreadableContacts(Exception):
    """The file as a whole is not a contacts file givedesk can read."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


Warnings = list[str]
"""Collected while converting a record: fields left out, the record still imported."""


@dataclass
class ParsedContacts:
    contacts: list[Contact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    format: str = ""
    """What the file was read as, e.g. "LinkedIn connections", for the report."""

    @property
    def skipped(self) -> int:
        return sum(problem.skipped for problem in self.problems)

    def record(self, line: int, convert: Callable[[Warnings], Contact]) -> None:
        """Convert the record starting at `line`: keep the contact or report why not."""
        warnings: Warnings = []
        try:
            self.contacts.append(convert(warnings))
        except BadRecord as error:
            self.problems.append(Problem(line, f"{error}; skipped"))
            return
        self.problems += [Problem(line, warning, skipped=False) for warning in warnings]


@dataclass(frozen=True)
class DecodedText:
    text: str
    latin1_lines: list[int] = field(default_factory=list)
    """Lines of a mostly-UTF-8 file that were not UTF-8 and were read as Latin-1."""


def decode_bytes(raw: bytes) -> DecodedText:
    """Text from bytes: UTF-16 or UTF-8 by their BOM, else UTF-8, else Latin-1.

    Latin-1 decodes any byte, so a file saved by an old spreadsheet is read rather than
    refused; UTF-8 is tried first because Latin-1 would turn it into mojibake. A file
    that mixes them (rows pasted from two sources) is decoded line by line, each line
    UTF-8 when it can be, and the Latin-1 lines are named for the report.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(raw.decode("utf-16", errors="replace"))
    try:
        return DecodedText(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    latin1_lines: list[int] = []
    any_utf8 = False
    for number, line in enumerate(raw.removeprefix(codecs.BOM_UTF8).splitlines(keepends=True), 1):
        try:
            parts.append(line.decode("utf-8"))
            any_utf8 = any_utf8 or not line.isascii()
        except UnicodeDecodeError:
            parts.append(line.decode("latin-1"))
            latin1_lines.append(number)
    if not any_utf8:
        return DecodedText(raw.decode("latin-1"))  # a Latin-1 file, nothing mixed
    return DecodedText("".join(parts), latin1_lines)


def decode_text(raw: bytes) -> str:
    """The text of `raw` (see `decode_bytes`)."""
    return decode_bytes(raw).text


def decode_text_file(path: Path) -> DecodedText:
    """The file's text (see `decode_bytes`); a missing or huge file is a `UserError`."""
    return decode_bytes(read_user_file(path, max_bytes=MAX_FILE_BYTES, what="contacts file"))


def write_text_file(path: Path, text: str) -> None:
    """Write an export as UTF-8, atomically: an existing file is replaced whole or not at all."""
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as error:
        raise UserError(f"{path}: cannot write: {describe_os_error(error)}") from None


def parse_yes_no(value: str, what: str) -> bool:
    word = value.strip().casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise BadRecord(f"{what} must be yes or no, not '{value.strip()}'")


def parse_iso_date(value: str, what: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadRecord(f"{what} must be a date like 2024-05-31, not '{text}'") from None


def parse_days(value: str, what: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    if not text.isdecimal() or not 1 <= int(text) <= MAX_CADENCE_DAYS:
        raise BadRecord(f"{what} must be a number of days from 1 to {MAX_CADENCE_DAYS}, not '{text}'")
    return int(text)


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def web_links(points: list[ContactPoint], warnings: Warnings) -> list[ContactPoint]:
    """The http(s) links among `points`; any other (javascript:, ftp:) is reported."""
    kept = []
    for point in points:
        link = web_link(point.value)
        if link is None:
            warnings.append(f"'{point.value[:60]}' is not a web link; imported without it")
        else:
            kept.append(ContactPoint(link, point.label))
    return kept


def partial_date_or_warn(value: str, what: str, warnings: Warnings) -> str:
    """A birthday-like date in the desk's form; an unreadable one is reported and left out."""
    try:
        return normalise_partial_date(value)
    except ValueError:
        warnings.append(f"{what} '{value.strip()[:40]}' is not a date; imported without it")
        return ""
