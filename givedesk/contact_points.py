"""A person's several email addresses, phone numbers and web links, each with a label.

They are typed and exported as one line, "work: ada@okafor.coffee; home: ada@mail.example",
the first being the preferred one. Labels are kept in a form every format can carry
(lower case, no `:`, `;`, `,` or quotes), so an import, an export and an import again
give the same list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from givedesk.models import ContactPoint
from givedesk.text import clean_text

_LABEL_JUNK = re.compile(r"[\"';:,<>$!_*]+")
_BARE_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}(?:[/?#]\S*)?", re.IGNORECASE)
NOT_LABELS = frozenset({
    "internet", "pref", "voice", "x400", "quoted-printable", "base64", "b", "8bit", "7bit",
    "charset", "encoding",
})
"""vCard types and parameters that say nothing a person would call a label."""
MAX_POINTS = 20
"""Addresses, numbers or links kept per person: more is a damaged or hostile file."""


def clean_label(label: str) -> str:
    """"* Work" (Google marks the primary with a star), "_$!<Mobile>!$_" (Apple) -> "work",
    "mobile". Each word once: a vCard writes the words as TYPE values, which are a set."""
    words = _LABEL_JUNK.sub(" ", clean_text(label, max_length=40)).casefold().split()
    return " ".join(dict.fromkeys(word for word in words if word not in NOT_LABELS))


_PHONE = re.compile(r"\+?[\d\s().\-/]+?(?:\s*(?:ext\.?|x)\s*\d{1,6})?", re.IGNORECASE)
PHONE_DIGITS = (3, 17)
"""Digits a typed number has at least and at most: a short extension or service number
("112") up to a full international number with its country code (15, ITU E.164), plus a
trunk prefix or two."""


def is_phone_number(value: str) -> bool:
    """Whether a typed `value` reads as a phone number ("+1 (360) 555-0199", "0161 496
    0000 ext 12"): digits with the separators people write, no words ("Test Co" typed
    into the wrong box). Imported numbers are kept as they come; this checks typing."""
    text = value.strip()
    if not _PHONE.fullmatch(text):
        return False
    number: str = re.split(r"(?i)ext|x", text)[0]
    low, high = PHONE_DIGITS
    return low <= sum(character.isdigit() for character in number) <= high


def web_link(value: str) -> str | None:
    """`value` as an http(s) link ("www.example.com" gets https://), or None when it is
    something else (javascript:, ftp:, a phrase)."""
    text = value.strip()
    if _BARE_DOMAIN.fullmatch(text):
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.casefold() not in ("http", "https") or not parts.netloc or " " in text:
        return None
    return text


def clean_points(points: Iterable[ContactPoint], *, links: bool = False) -> list[ContactPoint]:
    """Cleaned points, empty and repeated values (case-insensitive) dropped, order kept;
    with `links`, only web links. `;` separates points when typed, so it splits a value."""
    seen: set[str] = set()
    kept: list[ContactPoint] = []
    for point in points:
        for part in point.value.split(";"):
            value = clean_text(part, max_length=300)
            if links:
                value = web_link(value) or ""
            if value and value.casefold() not in seen and len(kept) < MAX_POINTS:
                seen.add(value.casefold())
                kept.append(ContactPoint(value, clean_label(point.label)))
    return kept


def with_preferred(preferred: str, points: list[ContactPoint]) -> tuple[str, list[ContactPoint]]:
    """The preferred value and the list with it first.

    A preferred value missing from the list joins it; without one, the list's first
    becomes preferred. A list that would only repeat the preferred value, unlabelled, is
    empty: `email` alone says it all, as it did before contacts had several.
    """
    if not preferred:
        preferred = points[0].value if points else ""
    if not points:
        return preferred, []
    wanted = preferred.casefold()
    first = next((p for p in points if p.value.casefold() == wanted), ContactPoint(preferred))
    ordered = [first, *(p for p in points if p is not first)]
    return preferred, [] if ordered == [ContactPoint(preferred)] else ordered


def points_text(points: Iterable[ContactPoint]) -> str:
    """"work: ada@okafor.coffee; ada@mail.example": how points are typed and exported."""
    return "; ".join(f"{p.label}: {p.value}" if p.label else p.value for p in points)


def parse_points(text: str) -> list[ContactPoint]:
    """The reverse of `points_text`. A label is what precedes ": " (a colon and a
    space), so "https://example.com" is a value, not a label."""
    points = []
    for part in text.split(";"):
        label, separator, value = part.partition(": ")
        if not separator:
            label, value = "", part
        if value.strip():
            points.append(ContactPoint(value.strip(), label.strip()))
    return points
