"""Making untrusted text safe to store and show.

Contact notes from an imported file and feed titles reach the terminal; escape
sequences, control characters and bidi overrides in them could move the cursor,
change colours or reorder what the user reads. They are removed once, when the text
enters the desk, so every screen and command can print stored text as it is.
"""

from __future__ import annotations

import re
import unicodedata

_ANSI_ESCAPE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?   # DCS, SOS, PM, APC ... ST
    | \x1b[@-Z\\-_]                   # other two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]           # 8-bit CSI
    """,
    re.VERBOSE,
)
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_WHITESPACE = re.compile(r"\s+")


_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")
"""Exactly Unicode's category Cc: text without one (nearly all) skips the loop below."""


def _drop_control_characters(value: str, keep_newlines: bool) -> str:
    if not _CONTROL_CHARACTER.search(value):
        return value
    kept = []
    for character in value:
        if character in "\n\t" and keep_newlines:
            kept.append(character)
        elif unicodedata.category(character) == "Cc":
            kept.append(" " if character in "\r\n\t" else "")
        else:
            kept.append(character)
    return "".join(kept)


def clean_text(value: str, *, max_length: int = 0, multiline: bool = False) -> str:
    """Plain, printable text: no escape sequences, control characters or bidi overrides.

    Single-line text has its whitespace folded; `multiline` keeps line breaks (notes).
    A `max_length` cuts the text, with an ellipsis, so one huge field cannot swamp a row.
    """
    text = _ANSI_ESCAPE.sub("", value).translate(_BIDI_CONTROLS)
    text = _drop_control_characters(text.replace("\r\n", "\n"), keep_newlines=multiline)
    if multiline:
        lines = [_WHITESPACE.sub(" ", line).strip() for line in text.split("\n")]
        text = "\n".join(lines).strip()
    else:
        text = _WHITESPACE.sub(" ", text).strip()
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def split_terms(value: str) -> list[str]:
    """Terms typed as one `;`-separated string ("Rust; bike lanes") as a clean list."""
    return unique_terms(value.split(";"))


def unique_terms(values: list[str] | tuple[str, ...]) -> list[str]:
    """Cleaned terms, empty ones dropped, case-insensitive duplicates dropped, order kept."""
    seen: set[str] = set()
    terms = []
    for raw in values:
        term = clean_text(raw, max_length=120)
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms
