"""Showing untrusted text (feed titles, imported notes) literally.

Textual parses plain strings as markup: "[@click=app.quit]x[/]" in a feed title
would become a live action. Everything from outside goes through these helpers, which
build `Text`/`Content` objects that are never parsed.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.content import Content


def plain(text: str) -> Content:
    """Content shown exactly as written."""
    return Content(text)


def plain_cell(text: str, *, style: str = "") -> Text:
    """A one-line table cell: literal, cut with an ellipsis rather than wrapped."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


def highlighted(text: str, start: int, end: int, *, style: str = "bold reverse") -> Content:
    """`text` with the span [start, end) emphasised: how a match shows its evidence."""
    content = Content(text)
    if 0 <= start < end <= len(text):
        content = content.stylize(style, start, end)
    return content


def brief(text: str, width: int = 40) -> str:
    """`text` cut at a word boundary to at most `width` characters: a notice names what
    it acted on in a line, it does not repeat a whole headline over the screen."""
    return textwrap.shorten(text, width, placeholder="…")
