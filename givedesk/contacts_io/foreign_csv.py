"""Contacts CSV exported by other tools: Google Contacts, LinkedIn connections, Outlook.

Each tool is described by data rather than code: the header columns that identify it,
and for each contact field the columns to read it from, best first. Column names are
compared casefolded; `#` in a name stands for a number ("e-mail # - value" is Google's
"E-mail 1 - Value", "E-mail 2 - Value", ...), tried in numeric order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from givedesk.contacts_io.base import BadRecord, Warnings
from givedesk.models import Contact

Columns = tuple[str, ...]
RowReader = Callable[[dict[str, str], Warnings], Contact]

_MULTI_VALUE = re.compile(r"\s*:::\s*")
"""Google puts several values in one cell separated by " ::: "."""
_TAG_SEPARATORS = re.compile(r"\s*(?::::|;)\s*")
_CONNECTED_ON_FORMATS = ("%d %b %Y", "%d-%b-%y", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y")
"""LinkedIn writes "15 Jan 2024" today; older exports used the others."""


@dataclass(frozen=True)
class ForeignLayout:
    label: str
    signatures: tuple[frozenset[str], ...]
    """The layout is recognised when the header holds every column of one of these."""
    name_parts: tuple[Columns, ...]
    """Given, middle and family name: the first non-empty column of each, joined."""
    full_name: Columns = ()
    fallback_name: Columns = ()
    email: Columns = ()
    phone: Columns = ()
    company: Columns = ()
    role: Columns = ()
    location: tuple[Columns, ...] = ()
    """Groups of address columns joined with ", "; the first group with a value wins."""
    notes: Columns = ()
    tags: Columns = ()
    met_on: Columns = ()

    def recognises(self, header: list[str]) -> bool:
        present = set(header)
        return any(signature <= present for signature in self.signatures)

    def row_reader(self, header: list[str]) -> RowReader:
        """A converter for this header's rows, with `#` columns expanded once."""

        def expand(columns: Columns) -> Columns:
            found: list[str] = []
            for column in columns:
                if "#" not in column:
                    found.append(column)
                    continue
                pattern = re.compile(re.escape(column).replace("\\#", r"(\d+)"))
                numbered = [(m, name) for name in header if (m := pattern.fullmatch(name))]
                found += [name for _match, name in sorted(numbered, key=lambda p: int(p[0][1]))]
            return tuple(found)

        columns = {
            name: expand(getattr(self, name))
            for name in ("full_name", "fallback_name", "email", "phone", "company", "role",
                         "notes", "tags", "met_on")
        }
        name_parts = tuple(expand(part) for part in self.name_parts)
        location = tuple(expand(group) for group in self.location)

        def read(values: dict[str, str], warnings: Warnings) -> Contact:
            def first(wanted: Columns) -> str:
                for column in wanted:
                    for part in _MULTI_VALUE.split(values.get(column, "")):
                        if part.strip():
                            return part.strip()
                return ""

            def place(group: Columns) -> str:
                return ", ".join(filter(None, (first((column,)) for column in group)))

            name = (
                first(columns["full_name"])
                or " ".join(filter(None, (first(part) for part in name_parts)))
                or first(columns["fallback_name"])
            )
            if not name:
                raise BadRecord("no name")
            return Contact(
                name=name,
                email=first(columns["email"]),
                phone=first(columns["phone"]),
                company=first(columns["company"]),
                role=first(columns["role"]),
                location=next(filter(None, map(place, location)), ""),
                notes="\n".join(filter(None, (values.get(c, "").strip() for c in columns["notes"]))),
                tags=[
                    tag for column in columns["tags"]
                    for tag in _TAG_SEPARATORS.split(values.get(column, ""))
                    if tag and not tag.startswith("*")  # Google's system labels: "* myContacts"
                ],
                met_on=_connected_on(first(columns["met_on"]), warnings),
            )

        return read


def _connected_on(value: str, warnings: Warnings) -> date | None:
    if not value:
        return None
    for pattern in _CONNECTED_ON_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    warnings.append(f"unreadable date '{value}'; imported without it")
    return None


LINKEDIN = ForeignLayout(
    label="LinkedIn connections",
    signatures=(
        frozenset({"first name", "last name", "connected on"}),
        frozenset({"first name", "last name", "email address", "position"}),
    ),
    name_parts=(("first name",), ("last name",)),
    email=("email address",),
    company=("company",),
    role=("position",),
    met_on=("connected on",),
)

GOOGLE = ForeignLayout(
    label="Google Contacts CSV",
    signatures=(
        frozenset({"e-mail 1 - value"}),
        frozenset({"phone 1 - value"}),
        frozenset({"first name", "last name", "labels"}),
        frozenset({"given name", "family name", "group membership"}),
    ),
    full_name=("name",),
    name_parts=(
        ("first name", "given name"),
        ("middle name", "additional name"),
        ("last name", "family name"),
    ),
    fallback_name=("nickname", "file as"),
    email=("e-mail # - value",),
    phone=("phone # - value",),
    company=("organization name", "organization # - name"),
    role=("organization title", "organization # - title"),
    location=(
        ("address 1 - city", "address 1 - region", "address 1 - country"),
        ("address 1 - formatted",),
    ),
    notes=("notes",),
    tags=("labels", "group membership"),
)

OUTLOOK = ForeignLayout(
    label="Outlook CSV",
    signatures=(
        frozenset({"first name", "last name", "e-mail address"}),
        frozenset({"first name", "last name", "job title"}),
    ),
    name_parts=(("first name",), ("middle name",), ("last name",)),
    fallback_name=("nickname", "display name"),
    email=("e-mail address", "e-mail 2 address", "e-mail 3 address"),
    phone=("mobile phone", "business phone", "primary phone", "home phone", "other phone"),
    company=("company",),
    role=("job title",),
    location=(
        ("business city", "business state", "business country/region"),
        ("home city", "home state", "home country/region"),
        ("location",),
    ),
    notes=("notes",),
    tags=("categories",),
)

FOREIGN_LAYOUTS = (LINKEDIN, GOOGLE, OUTLOOK)
"""Tried in this order: LinkedIn's and Outlook's headers share "first name"."""
