"""What `feeds add URL` was given: a feed, or a website whose pages name their feeds.

People paste the address of a site, not of its feed. A site's pages announce their
feeds with `<link rel="alternate" type="application/rss+xml" href="...">` (or Atom, or
JSON Feed); the first one announced is the site's main feed. Only one page is read,
with the fetch's timeouts and a size cap, and nothing is guessed beyond what the page
says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx

from givedesk.config import FetchConfig
from givedesk.errors import UserError
from givedesk.feeds.download import MAX_REDIRECTS, USER_AGENT
from givedesk.feeds.sanitize import clean_link
from givedesk.text import clean_text

__all__ = ["Discovery", "discover_feed", "looks_like_a_feed_address"]

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"}
)
PAGE_MAX_BYTES = 2_000_000
"""Enough for the <head> of any page; the feed links are there."""
_FEED_ADDRESS = re.compile(r"(^|[/._-])(feeds?|rss2?|atom|rdf|xml|json)([/._?-]|$)", re.IGNORECASE)


def looks_like_a_feed_address(url: str) -> bool:
    """An address that says it is a feed (`/feed`, `/rss`, `.xml`, `?format=rss`): added
    as given, without reading it first."""
    parts = urlsplit(url)
    return bool(_FEED_ADDRESS.search(parts.path) or _FEED_ADDRESS.search(parts.query))


@dataclass(frozen=True)
class Discovery:
    url: str
    """The feed to add: the address given, or the feed its page names."""
    found_on_page: bool = False
    title: str = ""
    """The page's name for the feed, when it gave one."""
    note: str | None = None
    """Why the address could not be checked (it is added as given)."""


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").casefold().split()
        kind = values.get("type", "").split(";")[0].strip().casefold()
        if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
            self.links.append((values["href"], values.get("title", "")))


def _looks_like_page(response: httpx.Response, body: bytes) -> bool:
    """HTML by its start, or by its type unless it starts like a feed (servers often
    call their feed text/html)."""
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return True
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"{")):
        return False
    kind = response.headers.get("content-type", "").split(";")[0].strip().casefold()
    return kind in ("text/html", "application/xhtml+xml")


def _read(url: str, config: FetchConfig) -> tuple[httpx.Response, bytes]:
    with (
        httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=httpx.Timeout(config.timeout_seconds),
            follow_redirects=True, max_redirects=MAX_REDIRECTS,
        ) as client,
        client.stream("GET", url) as response,
    ):
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= PAGE_MAX_BYTES:
                break
        return response, b"".join(chunks)


def discover_feed(url: str, config: FetchConfig) -> Discovery:
    """The feed to add for `url`. A page that names no feed is a UserError; an address
    that cannot be read now is added as given (the fetch will report it)."""
    try:
        response, body = _read(url, config)
    except httpx.HTTPError as error:
        return Discovery(url, note=clean_text(f"{type(error).__name__}: {error}", max_length=200))
    if not response.is_success or not _looks_like_page(response, body):
        note = None if response.is_success else f"HTTP {response.status_code}"
        return Discovery(url, note=note)
    reader = _FeedLinks()
    reader.feed(body.decode(response.encoding or "utf-8", errors="replace"))
    for href, title in reader.links:
        feed = clean_link(urljoin(str(response.url), href))
        if feed:
            return Discovery(feed, found_on_page=True, title=clean_text(title, max_length=200))
    raise UserError(
        f"'{url}' is a web page that names no feed (no <link rel=\"alternate\">); "
        "give the feed's own address"
    )
