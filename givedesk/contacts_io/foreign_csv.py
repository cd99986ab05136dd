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

from givedesk.contacts_io.base import BadRecord, Warnings, partial_date_or_warn, web_links
from givedesk.models import Contact, ContactPoint

Columns = tuple[str, ...]
Labelled = tuple[tuple[str, str], ...]
"""(value column, label): the label is the text after "=", else read from the first of
the `|`-separated columns the header has ("" for none); with `#` the label column takes
the value column's number."""
RowReader = Callable[[dict[str, str], Warnings], Contact]

_MULTI_VALUE = re.compile(r"\s*:::\s*")
"""Google puts several values in one cell separated by " ::: "."""
_TAG_SEPARATORS = re.compile(r"\s*(?::::|;)\s*")
_CONNECTED_ON_FORMATS = ("%d %b %Y", "%d-%b-%y", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y")
"""LinkedIn writes "15 Jan 2024" today; older exports used the others."""
_OUTLOOK_NO_DATE = frozenset({"0/0/00", "0/0/0000", "1/1/1601"})
"""How Outlook writes an empty date field."""


@dataclass(frozen=True)
class ForeignLayout:
    label: str
    signatures: tuple[frozenset[str], ...]
    """The layout is recognised when the header holds every column of one of these."""
    name_parts: tuple[Columns, ...]
    """Given, middle and family name: the first non-empty column of each, joined."""
    full_name: Columns = ()
    fallback_name: Columns = ()
    emails: Labelled = ()
    """The preferred first: the one whose label Google starts with "*", else the first."""
    phones: Labelled = ()
    urls: Labelled = ()
    company: Columns = ()
    role: Columns = ()
    location: tuple[Columns, ...] = ()
    """Groups of address columns joined with ", "; the first group with a value wins."""
    notes: Columns = ()
    tags: Columns = ()
    connected_on: Columns = ()
    """LinkedIn's "Connected On": when the network connected you, not when you met."""
    nickname: Columns = ()
    birthday: Columns = ()
    anniversary: Columns = ()
    events: Labelled = ()
    """Google's dated events: their label says whether one is an anniversary, a work
    anniversary, or neither."""

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

        def expand_labelled(pairs: Labelled) -> Labelled:
            found: list[tuple[str, str]] = []
            for value, label in pairs:
                for column in expand((value,)):
                    number = re.search(r"\d+", column) if "#" in value else None
                    resolved = label
                    if not label.startswith("="):
                        numbered = label.replace("#", number[0]) if number else label
                        resolved = next((c for c in numbered.split("|") if c in header), "")
                    found.append((column, resolved))
            return tuple(found)

        columns = {
            name: expand(getattr(self, name))
            for name in ("full_name", "fallback_name", "company", "role", "notes", "tags",
                         "connected_on", "nickname", "birthday", "anniversary")
        }
        labelled = {name: expand_labelled(getattr(self, name))
                    for name in ("emails", "phones", "urls", "events")}
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

            def points(name: str) -> list[ContactPoint]:
                found = []
                for column, label_spec in labelled[name]:
                    label = label_spec[1:] if label_spec.startswith("=") else values.get(label_spec, "")
                    found += [ContactPoint(part.strip(), label)
                              for part in _MULTI_VALUE.split(values.get(column, "")) if part.strip()]
                return sorted(found, key=lambda point: not point.label.strip().startswith("*"))

            def event(kind: str) -> str:
                dated = [p for p in points("events") if _event_kind(p.label) == kind]
                return _partial_date(dated[0].value if dated else "", kind, warnings)

            emails, phones = points("emails"), points("phones")

            name = (
                first(columns["full_name"])
                or " ".join(filter(None, (first(part) for part in name_parts)))
                or first(columns["fallback_name"])
            )
            if not name:
                raise BadRecord("no name")
            return Contact(
                name=name,
                email=emails[0].value if emails else "",
                phone=phones[0].value if phones else "",
                emails=emails,
                phones=phones,
                urls=web_links(points("urls"), warnings),
                nickname=first(columns["nickname"]),
                birthday=_partial_date(first(columns["birthday"]), "birthday", warnings),
                anniversary=(_partial_date(first(columns["anniversary"]), "anniversary", warnings)
                             or event("anniversary")),
                work_anniversary=event("work anniversary"),
                company=first(columns["company"]),
                role=first(columns["role"]),
                location=next(filter(None, map(place, location)), ""),
                notes="\n".join(filter(None, (values.get(c, "").strip() for c in columns["notes"]))),
                tags=[
                    tag for column in columns["tags"]
                    for tag in _TAG_SEPARATORS.split(values.get(column, ""))
                    if tag and not tag.startswith("*")  # Google's system labels: "* myContacts"
                ],
                connected_on=_connected_on(first(columns["connected_on"]), warnings),
            )

        return read


def _event_kind(label: str) -> str:
    words = label.casefold()
    if "anniversary" not in words:
        return ""
    return "work anniversary" if "work" in words else "anniversary"


def _partial_date(value: str, what: str, warnings: Warnings) -> str:
    """Google's "--04-15" and "1984-04-15", Outlook's "4/15/1984"; Outlook's empty dates
    ("0/0/00") are no date."""
    if value.strip() in _OUTLOOK_NO_DATE:
        return ""
    try:
        return str(datetime.strptime(value.strip(), "%m/%d/%Y").date())
    except ValueError:
        return partial_date_or_warn(value, what, warnings)


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
    emails=(("email address", ""),),
    urls=(("url", "=linkedin"),),
    company=("company",),
    role=("position",),
    connected_on=("connected on",),
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
    emails=(("e-mail # - value", "e-mail # - label|e-mail # - type"),),
    phones=(("phone # - value", "phone # - label|phone # - type"),),
    urls=(("website # - value", "website # - label|website # - type"),),
    nickname=("nickname",),
    birthday=("birthday",),
    events=(("event # - value", "event # - label|event # - type"),),
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
    emails=(("e-mail address", ""), ("e-mail 2 address", ""), ("e-mail 3 address", "")),
    phones=(("mobile phone", "=mobile"), ("business phone", "=work"), ("primary phone", ""),
            ("home phone", "=home"), ("other phone", "=other"), ("business phone 2", "=work"),
            ("home phone 2", "=home")),
    urls=(("web page", ""),),
    nickname=("nickname",),
    birthday=("birthday",),
    anniversary=("anniversary",),
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
