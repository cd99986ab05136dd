"""Dates people know only in part: a birthday without its year.

vCard writes a birthday with an unknown year as `--0415` (4.0) or `--04-15`, Google
Contacts as "--04-15", Apple as year 1604 with `X-APPLE-OMIT-YEAR`. The desk keeps
one form: "YYYY-MM-DD" when the year is known, "--MM-DD" when it is not, so that a
birthday imported from any of them exports and compares the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_LEAP_YEAR = 2000
_PATTERN = re.compile(r"(\d{4}|--)-?(\d{2})-?(\d{2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?")


@dataclass(frozen=True)
class PartialDate:
    month: int
    day: int
    year: int | None = None

    def __str__(self) -> str:
        prefix = f"{self.year:04d}" if self.year is not None else "-"
        return f"{prefix}-{self.month:02d}-{self.day:02d}"

    def describe(self) -> str:
        """"15 April 1980", or "15 April" without the year."""
        month = self.in_year(_LEAP_YEAR).strftime("%B")
        return f"{self.day} {month}" + (f" {self.year}" if self.year is not None else "")

    def on_or_after(self, today: date) -> date:
        """The next time it comes round, today included; Feb 29 falls on Feb 28 in a
        year without one (the last day of February, as most calendars keep it)."""
        for year in (today.year, today.year + 1):
            day = self.in_year(year)
            if day >= today:
                return day
        raise AssertionError("a date comes round within two years")  # pragma: no cover

    def in_year(self, year: int) -> date:
        if self.month == 2 and self.day == 29 and not _is_leap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def parse_partial_date(text: str, *, omit_year: str = "") -> PartialDate:
    """A full or month-day date in any of the forms above; `ValueError` otherwise.

    `omit_year` is Apple's X-APPLE-OMIT-YEAR: that year stands for "unknown".
    """
    found = _PATTERN.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"not a date: {text!r}")
    year_text, month, day = found.groups()
    year = None if year_text == "--" or year_text == omit_year.strip() else int(year_text)
    date(year if year is not None else _LEAP_YEAR, int(month), int(day))  # checks the day
    return PartialDate(int(month), int(day), year)


def parse_day(text: str) -> date:
    """A whole day typed as YYYY-MM-DD; `ValueError` saying "not a date: '2026-13-01'"
    otherwise, the same words wherever a day is typed (the CLI's --since, Review's filter)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"not a date: {text.strip()!r} (YYYY-MM-DD)") from None


def describe_partial_date(text: str) -> str:
    """A stored date as people say it; text that is not one is shown as it is."""
    try:
        return parse_partial_date(text).describe() if text.strip() else ""
    except ValueError:
        return text


def normalise_partial_date(text: str) -> str:
    """The desk's form of `text` ("" stays ""); `ValueError` for anything else."""
    return str(parse_partial_date(text)) if text.strip() else ""
