"""vCard 2.1, 3.0 and 4.0 in; vCard 3.0 (the version every address book reads) out.

vobject parses each content line (name, group, parameters, quoting), but the rest is
done here because its higher layers lose data on real files: its text decoding keeps
only what precedes the first unescaped comma (vCard 2.1 never escapes commas, so
"NOTE:Met at the fair, loves bikes" became "Met at the fair"), it decodes base64
photos eagerly and fails the whole card on a truncated one, and its line numbers are
off after blank lines. So this module splits cards and unfolds lines itself (vCard
folding and 2.1 quoted-printable soft breaks), drops binary properties unread, and
decodes quoted-printable with a charset fallback.

Fields that vCard has no property for travel as X-GIVEDESK-* properties, so an export
imports back unchanged while other address books simply ignore them.
"""

from __future__ import annotations

import functools
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vobject.base import VObjectError, parseLine

from givedesk.contacts_io.base import (
    BadRecord,
    ParsedContacts,
    Problem,
    UnreadableContacts,
    Warnings,
    parse_days,
    parse_iso_date,
    parse_yes_no,
)
from givedesk.models import Contact

LABEL = "vCard"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_FOLD_OCTETS = 75
_TERM_PROPERTIES = {
    "X-GIVEDESK-INTERESTS": "interests",
    "X-GIVEDESK-NEEDS": "needs",
    "X-GIVEDESK-OFFERS": "offers",
    "X-GIVEDESK-MUTED-TOPICS": "muted_topics",
}

Line = tuple[int, str]


def looks_like_vcard(text: str) -> bool:
    return text.lstrip()[:11].upper() == "BEGIN:VCARD"


@dataclass(frozen=True)
class _Property:
    name: str
    value: str
    """Quoted-printable decoded, still backslash-escaped."""
    types: frozenset[str]
    """TYPE values and vCard 2.1's bare parameters ("TEL;CELL:"), upper case."""
    pref: bool
    uri: bool
    """VALUE=uri (vCard 4.0 phones): the value is "tel:+1..."."""


def _cards(text: str, result: ParsedContacts) -> Iterator[tuple[int, list[Line]]]:
    """Each top-level card's first line and its lines; nested (AGENT) cards are skipped."""
    depth, start = 0, 0
    lines: list[Line] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        marker = line.rstrip().upper()  # a folded continuation starts with a space
        if marker == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                start, lines = number, []
        elif marker == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                yield start, lines
        elif depth == 1:
            lines.append((number, line))
    if depth:
        result.problems.append(Problem(start, "vCard has no END:VCARD; skipped"))


def _unfold(lines: Iterable[Line]) -> list[Line]:
    """Logical lines: folded continuations (leading space) and quoted-printable soft
    line breaks (a trailing `=`) joined; blank lines end a 2.1 base64 block."""
    logical: list[Line] = []
    soft_break = False
    for number, line in lines:
        if not line.strip():
            soft_break = False
            continue
        if logical and soft_break:
            logical[-1] = (logical[-1][0], logical[-1][1][:-1] + line)
        elif logical and line[0] in " \t":
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        else:
            logical.append((number, line))
        current = logical[-1][1]
        soft_break = current.endswith("=") and "QUOTED-PRINTABLE" in current.split(":")[0].upper()
    return logical


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


def _property(line: str, number: int) -> _Property | None:
    """One content line, or None for a line that is not one (stray base64, garbage)."""
    if line.split(":")[0].split(";")[0].split(".")[-1].strip().upper() in _BINARY:
        return None
    try:
        name, params, value, _group = parseLine(line, number)
    except VObjectError:
        return None
    named = {param[0].upper(): [v.upper() for v in param[1:]] for param in params if len(param) > 1}
    bare = {param[0].upper() for param in params if len(param) == 1}
    types = frozenset(bare | set(named.get("TYPE", [])))
    if "QUOTED-PRINTABLE" in bare | set(named.get("ENCODING", [])):
        value = _decode_quoted_printable(value, named.get("CHARSET", ["utf-8"])[0])
    return _Property(
        name=name.upper(),
        value=value,
        types=types,
        pref="PREF" in types or named.get("PREF") == ["1"],
        uri=named.get("VALUE") == ["URI"],
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

    def best(self, name: str, favoured: str = "") -> _Property | None:
        found = self._by_name.get(name, [])
        ranked = sorted(found, key=lambda p: (not p.pref, favoured not in p.types))
        return next((p for p in ranked if p.value.strip()), None)

    def text(self, name: str, favoured: str = "") -> str:
        prop = self.best(name, favoured)
        return _unescape(prop.value).strip() if prop else ""

    def components(self, name: str, indexes: Iterable[int], joiner: str) -> str:
        prop = self.best(name)
        parts = _split(prop.value, ";") if prop else []
        return joiner.join(parts[i] for i in indexes if i < len(parts) and parts[i])

    def phone(self) -> str:
        prop = self.best("TEL", "CELL")
        if prop is None:
            return ""
        number = _unescape(prop.value).strip()
        return number[4:] if prop.uri and number.casefold().startswith("tel:") else number

    def terms(self, name: str) -> list[str]:
        return [term for prop in self._by_name.get(name, []) for term in _split(prop.value, ",")]

    def all_text(self, name: str) -> str:
        return "\n".join(_unescape(p.value).strip() for p in self._by_name.get(name, []))


def _contact(card: _Card, _warnings: Warnings) -> Contact:
    # N is family;given;additional;prefix;suffix; ADR is pobox;extended;street;
    # locality;region;code;country.
    name = (
        card.text("FN")
        or card.components("N", (1, 2, 0), " ")
        or card.text("NICKNAME")
    )
    if not name:
        raise BadRecord("no name (no FN or N)")
    contact = Contact(
        name=name,
        email=card.text("EMAIL", "INTERNET"),
        phone=card.phone(),
        company=card.components("ORG", (0,), ""),
        role=card.text("TITLE") or card.text("ROLE"),
        location=card.components("ADR", (3, 4, 6), ", "),
        notes=card.all_text("NOTE"),
        tags=card.terms("CATEGORIES"),
        key=parse_yes_no(card.text("X-GIVEDESK-KEY"), "X-GIVEDESK-KEY"),
        cadence_days=parse_days(card.text("X-GIVEDESK-CADENCE-DAYS"), "X-GIVEDESK-CADENCE-DAYS"),
        met_at=card.text("X-GIVEDESK-MET-AT"),
        met_on=parse_iso_date(card.text("X-GIVEDESK-MET-ON"), "X-GIVEDESK-MET-ON"),
    )
    for prop, field_name in _TERM_PROPERTIES.items():
        setattr(contact, field_name, card.terms(prop))
    return contact


def parse_vcards(text: str) -> ParsedContacts:
    """Every card in `text`; raises `UnreadableContacts` when there is none."""
    result = ParsedContacts(format=LABEL)
    found = False
    for start, lines in _cards(text, result):
        found = True
        properties = (_property(line, number) for number, line in _unfold(lines))
        card = _Card(prop for prop in properties if prop is not None)
        result.record(start, functools.partial(_contact, card))
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


def _card_lines(contact: Contact) -> list[str]:
    words = contact.name.split()
    family, given = (words[-1], " ".join(words[:-1])) if words else ("", "")
    properties = [
        ("FN", _escape(contact.name)),
        ("N", f"{_escape(family)};{_escape(given)};;;"),
        ("EMAIL;TYPE=INTERNET", _escape(contact.email)),
        ("TEL", _escape(contact.phone)),
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
