"""Parsing fetched bytes into clean entries.

feedparser reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF, copes with wrongly declared
encodings, and falls back to a loose parser for malformed XML. Two of its habits are
dangerous here (see shared/PITFALLS.md): a `str` or `bytes` argument may be opened as a
path or URL, so the body is always handed over as `io.BytesIO`; and it leaves links and
plain-text fields as the feed wrote them, so every field goes through `sanitize`.

feedparser's own HTML sanitising and relative-URI rewriting are turned off: every field
is reduced to plain text here (scripts and styles dropped with their content), so their
work would be thrown away, and they are a quarter of the parsing time. Entry links are
still made absolute against the feed's URL.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from givedesk.feeds.sanitize import (
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    clean_link,
    link_key,
    plain_text,
)
from givedesk.text import clean_text

__all__ = ["NotAFeedError", "ParsedEntry", "ParsedFeed", "parse_feed"]

MAX_ENTRIES = 1000
"""Entries kept from one feed; a hostile feed of 100,000 tiny items must not swamp the desk."""
FEED_TITLE_MAX_LENGTH = 200
UNTITLED = "Untitled"
PARSER_AGENT = "givedesk"
"""Never used to fetch (the body is a BytesIO), but without it feedparser re-imports
itself on every call to find its default, and worker threads queue on the import lock."""


class NotAFeedError(Exception):
    """The body yielded no entries and feedparser did not recognise it as a feed."""


@dataclass(frozen=True)
class ParsedEntry:
    """One entry, already clean text and safe links."""

    id: str
    title: str
    summary: str
    link: str | None
    published: datetime | None
    """UTC; None when the entry has no date or an impossible one."""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[ParsedEntry]
    problem: str | None
    """What feedparser complained about (it flags "bozo"), when it kept entries anyway."""


def _describe(exception: object) -> str:
    message = clean_text(str(exception), max_length=300)
    return message or type(exception).__name__


def _to_utc(parsed: time.struct_time | None) -> datetime | None:
    """feedparser's dates are UTC struct_times: timegm, never mktime (local time)."""
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _field(item: Any, name: str, max_length: int) -> str:
    """`item[name]` as clean text, HTML stripped unless the feed says it is plain text."""
    value = item.get(name)
    if not isinstance(value, str):
        return ""
    detail = item.get(f"{name}_detail") or {}
    content_type = detail.get("type") or item.get("type") or "text/html"
    return plain_text(value, str(content_type), max_length=max_length)


def _summary(entry: Any) -> str:
    summary = _field(entry, "summary", SUMMARY_MAX_LENGTH)
    if summary:
        return summary
    for content in entry.get("content") or []:
        text = _field(content, "value", SUMMARY_MAX_LENGTH) if isinstance(content, Mapping) else ""
        if text:
            return text
    return ""


def entry_id(feed_id: str, guid: str, link: str | None, title: str, date_text: str) -> str:
    """A stable id: the entry's guid (within its feed), else its link, else title and date.

    A guid is scoped to its feed because many feeds number their items "1", "2"...; a
    link names the article itself, so the same link from two feeds gives the same id.
    """
    if guid:
        basis = f"guid\n{feed_id}\n{guid}"
    elif link:
        basis = f"link\n{link_key(link)}"
    else:
        basis = f"text\n{feed_id}\n{title}\n{date_text}"
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _entry(feed_id: str, entry: Any) -> ParsedEntry:
    link = clean_link(entry.get("link") if isinstance(entry.get("link"), str) else None)
    title = _field(entry, "title", TITLE_MAX_LENGTH)
    summary = _summary(entry)
    guid = entry.get("id")
    date_text = entry.get("published") or entry.get("updated") or ""
    return ParsedEntry(
        id=entry_id(
            feed_id,
            clean_text(guid, max_length=1000) if isinstance(guid, str) else "",
            link,
            title,
            str(date_text),
        ),
        title=title or clean_text(summary, max_length=120) or UNTITLED,
        summary=summary,
        link=link,
        published=_to_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def parse_feed(body: bytes, *, feed_id: str, headers: Mapping[str, str]) -> ParsedFeed:
    """Parse `body` as fetched with `headers` (content-type, content-location).

    Raises NotAFeedError when nothing usable came out; a malformed feed that still
    yields entries is kept, with the problem recorded.
    """
    result = feedparser.parse(
        io.BytesIO(body),
        agent=PARSER_AGENT,
        response_headers=dict(headers),
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    problem = _describe(result.get("bozo_exception")) if result.get("bozo") else None
    entries = result.get("entries") or []
    if not entries and (problem or not result.get("version")):
        raise NotAFeedError(f"not a feed: {problem}" if problem else "not a feed")
    return ParsedFeed(
        title=_field(result.get("feed") or {}, "title", FEED_TITLE_MAX_LENGTH),
        entries=[_entry(feed_id, entry) for entry in entries[:MAX_ENTRIES]],
        problem=problem,
    )
