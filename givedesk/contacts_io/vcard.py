"""vCard 2.1, 3.0 and 4.0 in; vCard 3.0 (the version every address book reads) out.

Everything is read here rather than with vobject, whose higher layers lose data on real
files (its text decoding keeps only what precedes the first unescaped comma, and vCard
2.1 never escapes commas), decode base64 photos eagerly, and whose line parser took
351 MB for a 1.4 MB card with 200,000 parameters. This module streams a file's lines
once: folded continuations and 2.1 quoted-printable soft breaks are joined in linear
time, properties the desk does not read (photos above all) are skipped as they pass,
parameters are capped, and quoted-printable is decoded with a charset fallback.

Every email, phone and URL is kept with its TYPE as a label, the preferred one first;
a birthday or anniversary may have no year ("--0415", "--04-15", Apple's year 1604).
Fields that vCard has no property for travel as X-GIVEDESK-* properties, so an export
imports back unchanged while other address books simply ignore them.
"""

from __future__ import annotations

import functools
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from givedesk.contact_points import clean_label
from givedesk.contacts_io.base import (
    BadRecord,
    ParsedContacts,
    Problem,
    UnreadableContacts,
    Warnings,
    parse_days,
    parse_iso_date,
    parse_yes_no,
    web_links,
)
from givedesk.models import Contact, ContactPoint
from givedesk.partial_date import parse_partial_date

LABEL = "vCard"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_KEPT = frozenset({
    "FN", "N", "NICKNAME", "EMAIL", "TEL", "URL", "ORG", "TITLE", "ROLE", "ADR", "NOTE",
    "CATEGORIES", "BDAY", "ANNIVERSARY", "X-ANNIVERSARY", "X-ABDATE", "X-ABLABEL",
    "X-GIVEDESK-KEY", "X-GIVEDESK-CADENCE-DAYS", "X-GIVEDESK-MET-AT", "X-GIVEDESK-MET-ON",
    "X-GIVEDESK-CONNECTED-ON", "X-GIVEDESK-WORK-ANNIVERSARY", "X-GIVEDESK-INTERESTS", "X-GIVEDESK-NEEDS",
    "X-GIVEDESK-OFFERS", "X-GIVEDESK-MUTED-TOPICS",
})
"""Properties read; any other (PHOTO, LOGO, SOUND, KEY, vendor extensions) is skipped
as it streams past, never assembled, so a 40 MB photo costs no memory."""
MAX_PARAMETERS = 32
"""Parameters kept per property; real cards have a handful, a hostile one 200,000."""
_FOLD_OCTETS = 75
_TERM_PROPERTIES = {
    "X-GIVEDESK-INTERESTS": "interests",
    "X-GIVEDESK-NEEDS": "needs",
    "X-GIVEDESK-OFFERS": "offers",
    "X-GIVEDESK-MUTED-TOPICS": "muted_topics",
}
_NAME = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
_GROUPED_NAME = re.compile(r"(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)")
_PARAMETER = re.compile(r';([^;:=]*)(?:=((?:"[^"]*"|[^";:])*))?')
_PARAMETER_VALUE = re.compile(r'"([^"]*)"|([^",]+)')

Line = tuple[int, str]


def looks_like_vcard(text: str) -> bool:
    return text.lstrip()[:11].upper() == "BEGIN:VCARD"


@dataclass(frozen=True)
class _Property:
    name: str
    value: str
    """Quoted-printable decoded, still backslash-escaped."""
    types: tuple[str, ...]
    """TYPE values and vCard 2.1's bare parameters ("TEL;CELL:"), upper case, in order."""
    pref: bool
    uri: bool
    """VALUE=uri (vCard 4.0 phones): the value is "tel:+1..."."""
    group: str = ""
    """Apple's "item1." prefix, which ties an X-ABDATE to its X-ABLabel."""
    omit_year: str = ""
    """Apple's X-APPLE-OMIT-YEAR: the year written for a birthday without one."""

    @property
    def label(self) -> str:
        return clean_label(" ".join(self.types))


def _physical_lines(text: str) -> Iterator[Line]:
    """Lines and their numbers, one at a time (a list of them would copy the file)."""
    start = 0
    number = 1
    for found in _LINE_BREAK.finditer(text):
        yield number, text[start:found.start()]
        start, number = found.end(), number + 1
    yield number, text[start:]


def _property_name(line: str) -> str:
    found = _NAME.match(line)
    return found.group(1).upper() if found else ""


class _Unfolder:
    """Joins folded continuations (a leading space) and quoted-printable soft line breaks
    (a trailing `=`) into logical lines, in time linear in the card's size.

    The pieces of a logical line are collected in a list and joined once; lines of a
    property that is not read are dropped as they come, never joined.
    """

    def __init__(self) -> None:
        self._start = 0
        self._parts: list[str] | None = None
        """None while no line is open or the open one is not read."""
        self._open = False
        self._quoted_printable = False
        self._soft_break = False

    def feed(self, number: int, line: str) -> Line | None:
        """Take one physical line; return the logical line it completed, if any."""
        if not line.strip():  # a blank line ends a vCard 2.1 base64 block
            self._soft_break = False
            return None
        if self._open and (self._soft_break or line[0] in " \t"):
            piece = line if self._soft_break else line[1:]
            if self._parts is not None:
                if self._soft_break:
                    self._parts[-1] = self._parts[-1][:-1]
                self._parts.append(piece)
            self._soft_break = self._quoted_printable and piece.endswith("=")
            return None
        finished = self.close()
        head = line.partition(":")[0].upper()
        self._start, self._open = number, True
        self._parts = [line] if _property_name(head) in _KEPT else None
        self._quoted_printable = "QUOTED-PRINTABLE" in head
        self._soft_break = self._quoted_printable and line.endswith("=")
        return finished

    def close(self) -> Line | None:
        parts, self._parts, self._open = self._parts, None, False
        return (self._start, "".join(parts)) if parts is not None else None


def _decode_quoted_printable(value: str, charset: str) -> str:
    """The text the bytes stand for, in the declared charset if Python knows it and it
    fits, else UTF-8, else Latin-1 (which fits anything)."""
    raw = quopri.decodestring(value.encode("utf-8"))
    for encoding in (charset, "utf-8"):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def _property(line: str) -> _Property | None:
    """One content line, or None for a line that is not one (stray base64, garbage).

    Only the first `MAX_PARAMETERS` parameters are kept; the rest are scanned past.
    """
    found = _GROUPED_NAME.match(line)
    if found is None:
        return None
    group, name = found.group(1) or "", found.group(2).upper()
    position = found.end()
    bare: list[str] = []
    named: dict[str, list[str]] = {}
    kept = 0
    while (parameter := _PARAMETER.match(line, position)) is not None:
        position = parameter.end()
        kept += 1
        if kept > MAX_PARAMETERS:
            continue
        key, values = parameter.group(1).strip().upper(), parameter.group(2)
        if values is None:
            bare.append(key)
            continue
        named.setdefault(key, []).extend(
            (quoted or plain).strip().upper()
            for quoted, plain in _PARAMETER_VALUE.findall(values)
        )
    if line[position:position + 1] != ":":
        return None
    value = line[position + 1:]
    types = tuple(dict.fromkeys([*bare, *(t for v in named.get("TYPE", []) for t in v.split(","))]))
    if "QUOTED-PRINTABLE" in bare or "QUOTED-PRINTABLE" in named.get("ENCODING", []):
        value = _decode_quoted_printable(value, named.get("CHARSET", ["utf-8"])[0])
    return _Property(
        name=name,
        value=value,
        types=types,
        pref="PREF" in types or named.get("PREF") == ["1"],
        uri=named.get("VALUE") == ["URI"],
        group=group.upper(),
        omit_year=(named.get("X-APPLE-OMIT-YEAR") or [""])[0],
    )


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def _split(value: str, separator: str) -> list[str]:
    """Components of a structured (`;`) or list (`,`) value, each unescaped."""
    parts: list[str] = []
    current: list[str] = []
    characters = iter(value)
    for character in characters:
        if character == "\\":
            current.append(character + next(characters, ""))
        elif character == separator:
            parts.append(_unescape("".join(current)).strip())
            current = []
        else:
            current.append(character)
    parts.append(_unescape("".join(current)).strip())
    return parts


class _Card:
    """A card's properties, looked up by name, preferred ones first."""

    def __init__(self, properties: Iterable[_Property]) -> None:
        self._by_name: dict[str, list[_Property]] = {}
        for prop in properties:
            self._by_name.setdefault(prop.name, []).append(prop)

    def ranked(self, name: str, favoured: str = "") -> list[_Property]:
        """The non-empty `name` properties, preferred first, then `favoured` types."""
        found = [p for p in self._by_name.get(name, []) if p.value.strip()]
        return sorted(found, key=lambda p: (not p.pref, favoured not in p.types))

    def best(self, name: str, favoured: str = "") -> _Property | None:
        return next(iter(self.ranked(name, favoured)), None)

    def text(self, name: str, favoured: str = "") -> str:
        prop = self.best(name, favoured)
        return _unescape(prop.value).strip() if prop else ""

    def components(self, name: str, indexes: Iterable[int], joiner: str) -> str:
        prop = self.best(name)
        parts = _split(prop.value, ";") if prop else []
        return joiner.join(parts[i] for i in indexes if i < len(parts) and parts[i])

    def points(self, name: str, favoured: str = "") -> list[ContactPoint]:
        """Every value of `name` with its label, preferred first; vCard 4.0's "tel:" and
        "mailto:" URIs are read as the number or address they hold."""
        points = []
        for prop in self.ranked(name, favoured):
            value = _unescape(prop.value).strip()
            scheme, _, rest = value.partition(":")
            if prop.uri and scheme.casefold() in ("tel", "mailto"):
                value = rest
            points.append(ContactPoint(value, prop.label))
        return points

    def terms(self, name: str) -> list[str]:
        return [term for prop in self._by_name.get(name, []) for term in _split(prop.value, ",")]

    def all_text(self, name: str) -> str:
        return "\n".join(_unescape(p.value).strip() for p in self._by_name.get(name, []))

    def partial_date(self, names: Iterable[str], warnings: Warnings, *, label: str = "") -> str:
        """The first readable date among `names`; Apple's X-ABDATE counts only when its
        X-ABLabel (same "itemN." group) contains `label`."""
        labels = {p.group: _unescape(p.value).casefold() for p in self._by_name.get("X-ABLABEL", [])}
        for name in names:
            for prop in self.ranked(name):
                if name == "X-ABDATE" and label not in labels.get(prop.group, "\0"):
                    continue
                value = _unescape(prop.value).strip()
                try:
                    return str(parse_partial_date(value, omit_year=prop.omit_year))
                except ValueError:
                    warnings.append(f"{name} '{value[:40]}' is not a date; imported without it")
        return ""


def _contact(card: _Card, warnings: Warnings) -> Contact:
    # N is family;given;additional;prefix;suffix; ADR is pobox;extended;street;
    # locality;region;code;country.
    name = (
        card.text("FN")
        or card.components("N", (1, 2, 0), " ")
        or card.text("NICKNAME")
    )
    if not name:
        raise BadRecord("no name (no FN or N)")
    emails, phones = card.points("EMAIL", "INTERNET"), card.points("TEL", "CELL")
    contact = Contact(
        name=name,
        email=emails[0].value if emails else "",
        phone=phones[0].value if phones else "",
        company=card.components("ORG", (0,), ""),
        role=card.text("TITLE") or card.text("ROLE"),
        location=card.components("ADR", (3, 4, 6), ", "),
        notes=card.all_text("NOTE"),
        tags=card.terms("CATEGORIES"),
        key=parse_yes_no(card.text("X-GIVEDESK-KEY"), "X-GIVEDESK-KEY"),
        cadence_days=parse_days(card.text("X-GIVEDESK-CADENCE-DAYS"), "X-GIVEDESK-CADENCE-DAYS"),
        met_at=card.text("X-GIVEDESK-MET-AT"),
        met_on=parse_iso_date(card.text("X-GIVEDESK-MET-ON"), "X-GIVEDESK-MET-ON"),
        connected_on=parse_iso_date(card.text("X-GIVEDESK-CONNECTED-ON"),
                                    "X-GIVEDESK-CONNECTED-ON"),
        emails=emails,
        phones=phones,
        urls=web_links(card.points("URL"), warnings),
        birthday=card.partial_date(("BDAY",), warnings),
        anniversary=card.partial_date(("ANNIVERSARY", "X-ANNIVERSARY", "X-ABDATE"), warnings,
                                      label="_$!<anniversary>!$_"),
        work_anniversary=card.partial_date(("X-GIVEDESK-WORK-ANNIVERSARY", "X-ABDATE"),
                                           warnings, label="work"),
        nickname=card.text("NICKNAME"),
    )
    for prop, field_name in _TERM_PROPERTIES.items():
        setattr(contact, field_name, card.terms(prop))
    return contact


def parse_vcards(text: str) -> ParsedContacts:
    """Every card in `text`; raises `UnreadableContacts` when there is none.

    One pass over the lines: a card's properties are read as its lines stream past,
    and nested (AGENT) cards are skipped.
    """
    result = ParsedContacts(format=LABEL)
    found = False
    depth, start = 0, 0
    unfolder = _Unfolder()
    properties: list[_Property] = []

    def take(logical: Line | None) -> None:
        prop = _property(logical[1]) if logical is not None else None
        if prop is not None:
            properties.append(prop)

    for number, line in _physical_lines(text):
        marker = line.rstrip().upper() if len(line) < 32 else ""
        if marker == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                start, properties, unfolder = number, [], _Unfolder()
        elif marker == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                found = True
                take(unfolder.close())
                result.record(start, functools.partial(_contact, _Card(properties)))
        elif depth == 1:
            take(unfolder.feed(number, line))
    if depth:
        result.problems.append(Problem(start, "vCard has no END:VCARD; skipped"))
    if not found and not result.problems:
        raise UnreadableContacts(Problem(1, "no vCard in the file (no BEGIN:VCARD line)"))
    return result


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\n", "\\n")
            .replace(",", "\\,").replace(";", "\\;"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, cut between characters (never inside UTF-8)."""
    chunks: list[str] = []
    current: list[str] = []
    size, limit = 0, _FOLD_OCTETS
    for character in line:
        octets = len(character.encode("utf-8"))
        if size + octets > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, _FOLD_OCTETS - 1
        current.append(character)
        size += octets
    chunks.append("".join(current))
    return "\r\n ".join(chunks)


def _point_lines(name: str, points: list[ContactPoint], *extra: str) -> list[tuple[str, str]]:
    """One property per point, its label as TYPE values, the first marked preferred."""
    lines = []
    for index, point in enumerate(points):
        types = [*extra, *point.label.split(), *(["pref"] if index == 0 and len(points) > 1 else [])]
        head = f"{name};TYPE={','.join(types)}" if types else name
        lines.append((head, _escape(point.value)))
    return lines


def _card_lines(contact: Contact) -> list[str]:
    words = contact.name.split()
    family, given = (words[-1], " ".join(words[:-1])) if words else ("", "")
    emails = contact.emails or ([ContactPoint(contact.email)] if contact.email else [])
    phones = contact.phones or ([ContactPoint(contact.phone)] if contact.phone else [])
    properties = [
        ("FN", _escape(contact.name)),
        ("N", f"{_escape(family)};{_escape(given)};;;"),
        ("NICKNAME", _escape(contact.nickname)),
        *_point_lines("EMAIL", emails, "INTERNET"),
        *_point_lines("TEL", phones),
        *_point_lines("URL", contact.urls),
        ("BDAY", contact.birthday),
        ("ANNIVERSARY", contact.anniversary),
        ("X-GIVEDESK-WORK-ANNIVERSARY", contact.work_anniversary),
        ("ORG", _escape(contact.company)),
        ("TITLE", _escape(contact.role)),
        ("ADR", f";;;{_escape(contact.location)};;;" if contact.location else ""),
        ("NOTE", _escape(contact.notes)),
        ("CATEGORIES", ",".join(map(_escape, contact.tags))),
        *((prop, ",".join(map(_escape, getattr(contact, field_name))))
          for prop, field_name in _TERM_PROPERTIES.items()),
        ("X-GIVEDESK-KEY", "yes" if contact.key else ""),
        ("X-GIVEDESK-CADENCE-DAYS", str(contact.cadence_days or "")),
        ("X-GIVEDESK-MET-AT", _escape(contact.met_at)),
        ("X-GIVEDESK-MET-ON", contact.met_on.isoformat() if contact.met_on else ""),
        ("X-GIVEDESK-CONNECTED-ON",
         contact.connected_on.isoformat() if contact.connected_on else ""),
    ]
    return [
        "BEGIN:VCARD",
        "VERSION:3.0",
        *(_fold(f"{prop}:{value}") for prop, value in properties if value),
        "END:VCARD",
    ]


def export_contacts_vcf(contacts: Iterable[Contact]) -> str:
    """vCard 3.0 with CRLF line ends, as RFC 2426 asks."""
    return "".join(line + "\r\n" for contact in contacts for line in _card_lines(contact))
