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

JSON Feed (1.0 and 1.1) is read here: feedparser 6 does not know it.

Identity: an entry's guid names it within its feed; its link names it when it has no
guid (and is what merges the same story brought by two feeds, see `articles`). A guid
or link repeated inside one document with other text, and an entry with neither, get
an identity from their content (title, summary, date). An entry with no text is never
allowed to stand in for one with text.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import feedparser

from givedesk.feeds.sanitize import (
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    clean_link,
    html_to_text,
    link_key,
    plain_text,
)
from givedesk.text import clean_text

__all__ = ["MAX_ENTRIES", "NotAFeedError", "ParsedEntry", "ParsedFeed", "parse_feed"]

MAX_ENTRIES = 1000
"""Entries kept from one feed (the newest): a hostile feed of 100,000 tiny items must
not swamp the desk."""
FEED_TITLE_MAX_LENGTH = 200
UNTITLED = "Untitled"
PARSER_AGENT = "givedesk"
"""Never used to fetch (the body is a BytesIO), but without it feedparser re-imports
itself on every call to find its default, and worker threads queue on the import lock."""
LITERAL_TEXT_VERSIONS = ("atom", "json")
"""Formats whose "plain text" is declared by the feed, not guessed by feedparser."""
_LOCATION_PREFIX = re.compile(r"^<unknown>:\d+:\d+:\s*")
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"

Identity = Literal["guid", "link", "content"]


class NotAFeedError(Exception):
    """The body yielded no entries and is not a feed, not even an empty one."""


@dataclass(frozen=True)
class ParsedEntry:
    """One entry, already clean text and safe links."""

    id: str
    title: str
    summary: str
    link: str | None
    published: datetime | None
    """UTC; None when the entry has no date or an impossible one."""
    identity: Identity = "guid"
    """What `id` was made from."""
    has_text: bool = True
    """The feed gave a title or a summary (else `title` is a stand-in)."""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[ParsedEntry]
    problem: str | None
    """What was wrong with a feed whose entries were kept anyway."""
    left_out: int = 0
    """Entries beyond MAX_ENTRIES not kept (the oldest)."""


@dataclass(frozen=True)
class _Raw:
    """An entry as read, before it gets its identity."""

    guid: str
    link: str | None
    title: str
    summary: str
    published: datetime | None
    date_text: str


def describe_problem(exception: object) -> str:
    """A parser's complaint in words: "mismatched tag at line 2, column 5", never
    "<unknown>:2:5: mismatched tag"."""
    get_message = getattr(exception, "getMessage", None)
    get_line = getattr(exception, "getLineNumber", None)
    if callable(get_message) and callable(get_line):
        column = getattr(exception, "getColumnNumber", lambda: None)()
        where = f"line {get_line()}" + (f", column {column}" if column is not None else "")
        message = f"broken XML: {get_message()} at {where}"
    else:
        message = _LOCATION_PREFIX.sub("", str(exception))
    return clean_text(message, max_length=300) or type(exception).__name__


def _to_utc(parsed: time.struct_time | None) -> datetime | None:
    """feedparser's dates are UTC struct_times: timegm, never mktime (local time)."""
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _field(item: Any, name: str, max_length: int, *, literal: bool) -> str:
    """`item[name]` as clean text (see `sanitize.plain_text` for when it is HTML)."""
    value = item.get(name)
    if not isinstance(value, str):
        return ""
    detail = item.get(f"{name}_detail") or {}
    content_type = detail.get("type") or item.get("type") or "text/html"
    return plain_text(value, str(content_type), max_length=max_length, literal=literal)


def _summary(entry: Any, *, literal: bool) -> str:
    summary = _field(entry, "summary", SUMMARY_MAX_LENGTH, literal=literal)
    if summary:
        return summary
    for content in entry.get("content") or []:
        if isinstance(content, Mapping):
            text = _field(content, "value", SUMMARY_MAX_LENGTH, literal=literal)
            if text:
                return text
    return ""


def _digest(*parts: str) -> str:
    basis = "\n".join(parts)
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _content_id(feed_id: str, raw: _Raw) -> str:
    return _digest("text", feed_id, raw.title, raw.summary, raw.date_text)


def _natural_id(feed_id: str, raw: _Raw) -> tuple[str, Identity]:
    """The guid (scoped to its feed: many feeds number items "1", "2"...), else the
    link (not scoped: the same link from two feeds is the same story), else content."""
    if raw.guid:
        return _digest("guid", feed_id, raw.guid), "guid"
    if raw.link:
        return _digest("link", link_key(raw.link)), "link"
    return _content_id(feed_id, raw), "content"


def _has_text(raw: _Raw) -> bool:
    return bool(raw.title or raw.summary)


def _entry(raw: _Raw, entry_id: str, identity: Identity) -> ParsedEntry:
    return ParsedEntry(
        id=entry_id,
        title=raw.title or clean_text(raw.summary, max_length=120) or UNTITLED,
        summary=raw.summary,
        link=raw.link,
        published=raw.published,
        identity=identity,
        has_text=_has_text(raw),
    )


def _identify(feed_id: str, raws: list[_Raw]) -> list[ParsedEntry]:
    """Entries with their ids, one per story of the document.

    An id met again with other text is another story (an event calendar giving every
    item the same guid): it is named by its content. An entry with no text adds
    nothing to one with text, and one with neither text nor link is nothing at all.
    """
    by_id: dict[str, int] = {}
    entries: list[ParsedEntry] = []
    for raw in raws:
        if not _has_text(raw) and not raw.link:
            continue
        entry_id, identity = _natural_id(feed_id, raw)
        earlier = by_id.get(entry_id)
        if earlier is not None:
            seen = entries[earlier]
            if not raw.title and not raw.summary:
                continue
            if not seen.has_text:
                entries[earlier] = _entry(raw, entry_id, identity)
                continue
            if (seen.title, seen.summary) == (raw.title, raw.summary):
                continue
            entry_id, identity = _content_id(feed_id, raw), "content"
            if entry_id in by_id:
                continue
        by_id[entry_id] = len(entries)
        entries.append(_entry(raw, entry_id, identity))
    return entries


def _newest(entries: list[ParsedEntry]) -> list[ParsedEntry]:
    """At most MAX_ENTRIES, the newest: feeds are not always newest first. Undated
    entries come after dated ones, in document order."""
    if len(entries) <= MAX_ENTRIES:
        return entries
    order = sorted(
        range(len(entries)),
        key=lambda i: (entries[i].published is None, -(_timestamp(entries[i])), i),
    )
    return [entries[i] for i in sorted(order[:MAX_ENTRIES])]


def _timestamp(entry: ParsedEntry) -> float:
    return entry.published.timestamp() if entry.published else 0.0


def _text(value: object, max_length: int, *, html: bool = False) -> str:
    if not isinstance(value, str):
        return ""
    if html:
        return html_to_text(value, max_length=max_length)
    return clean_text(value, max_length=max_length)


def _guid(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    return clean_text(value, max_length=1000) if isinstance(value, str) else ""


def _json_date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _json_raw(item: Mapping[str, Any]) -> _Raw:
    summary = (
        _text(item.get("summary"), SUMMARY_MAX_LENGTH)
        or _text(item.get("content_text"), SUMMARY_MAX_LENGTH)
        or _text(item.get("content_html"), SUMMARY_MAX_LENGTH, html=True)
    )
    date_text = item.get("date_published") or item.get("date_modified") or ""
    link = item.get("url") or item.get("external_url")
    return _Raw(
        guid=_guid(item.get("id")),
        link=clean_link(link if isinstance(link, str) else None),
        title=_text(item.get("title"), TITLE_MAX_LENGTH),
        summary=summary,
        published=_json_date(date_text),
        date_text=str(date_text),
    )


def _parse_json_feed(body: bytes, feed_id: str) -> ParsedFeed | None:
    """A JSON Feed, or None when the body is not one (then it is tried as XML)."""
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise NotAFeedError(f"not a feed: broken JSON ({error})") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        _JSON_FEED_VERSION
    ):
        raise NotAFeedError("not a feed: JSON, but not a JSON Feed")
    items = document.get("items")
    raws = [_json_raw(i) for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    entries = _identify(feed_id, raws)
    kept = _newest(entries)
    return ParsedFeed(
        title=_text(document.get("title"), FEED_TITLE_MAX_LENGTH),
        entries=kept,
        problem=None if isinstance(items, list) else "no \"items\" list",
        left_out=len(entries) - len(kept),
    )


def _harmless(exception: object, headers: Mapping[str, str]) -> bool:
    """Problems feedparser flags that say nothing about the feed: a text/xml type (whose
    default charset, us-ascii, no server means) overridden by the document's own."""
    if isinstance(exception, feedparser.NonXMLContentType):
        return True
    if isinstance(exception, feedparser.CharacterEncodingOverride):
        return "charset" not in headers.get("content-type", "").casefold()
    return False


def _raw(entry: Any, *, literal: bool) -> _Raw:
    entry = dict(entry)  # FeedParserDict.get maps keys on every call: a tenth of parsing
    link = entry.get("link")
    guid = entry.get("id")
    date_text = entry.get("published") or entry.get("updated") or ""
    return _Raw(
        guid=_guid(guid),
        link=clean_link(link if isinstance(link, str) else None),
        title=_field(entry, "title", TITLE_MAX_LENGTH, literal=literal),
        summary=_summary(entry, literal=literal),
        published=_to_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
        date_text=str(date_text),
    )


def parse_feed(body: bytes, *, feed_id: str, headers: Mapping[str, str]) -> ParsedFeed:
    """Parse `body` as fetched with `headers` (content-type, content-location).

    Raises NotAFeedError when nothing usable came out; a malformed feed that still
    yields entries is kept, with the problem recorded. A valid feed with no entries
    (a news search with no results today) is a feed.
    """
    json_feed = _parse_json_feed(body, feed_id)
    if json_feed is not None:
        return json_feed
    result = feedparser.parse(
        io.BytesIO(body),
        agent=PARSER_AGENT,
        response_headers=dict(headers),
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    exception = result.get("bozo_exception")
    bozo = bool(result.get("bozo")) and not _harmless(exception, headers)
    problem = describe_problem(exception) if bozo else None
    version = str(result.get("version") or "")
    entries = result.get("entries") or []
    if not entries and (problem or not version):
        if body.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html")):
            raise NotAFeedError("not a feed: a web page (add the site to find its feed)")
        raise NotAFeedError(f"not a feed: {problem}" if problem else "not a feed")
    literal = version.startswith(LITERAL_TEXT_VERSIONS)
    identified = _identify(feed_id, [_raw(entry, literal=literal) for entry in entries])
    kept = _newest(identified)
    return ParsedFeed(
        title=_field(result.get("feed") or {}, "title", FEED_TITLE_MAX_LENGTH, literal=literal),
        entries=kept,
        problem=problem,
        left_out=len(identified) - len(kept),
    )
