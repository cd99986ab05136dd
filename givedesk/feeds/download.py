"""Getting one feed's bytes: over HTTP with httpx, or from a local file.

feedparser's own fetching has no timeout and no size cap (shared/PITFALLS.md), so the
bytes come from here: connect/read timeouts, an overall deadline against servers that
drip a byte at a time, a cap on the decoded body (a gzip bomb is decoded bytes too),
conditional GET, Retry-After, and permanent redirects reported so the stored URL moves.
Nothing here raises for a feed's failure: every problem becomes a `Download` with an
error, so one bad feed never stops the others.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Literal

import httpx

from givedesk import __version__
from givedesk.config import FetchConfig
from givedesk.feeds.registry import is_local_file
from givedesk.models import Feed
from givedesk.text import clean_text

__all__ = ["USER_AGENT", "Download", "download", "make_client"]

USER_AGENT = f"givedesk/{__version__} (personal feed reader; polite: conditional GET)"
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = timedelta(days=1)
"""A server asking for a longer pause is believed for a day, then asked again."""
PERMANENT_REDIRECTS = frozenset({301, 308})
THROTTLED = frozenset({429, 503})
TOO_MANY_REQUESTS = 429
DEFAULT_BACKOFF = timedelta(hours=1)
"""How long a 429 without Retry-After is given: it still says "not now"."""
FILE_CONTENT_TYPE = "application/xml"
"""A file has no content type; saying XML lets feedparser trust the file's own declaration."""

DownloadStatus = Literal["ok", "not-modified", "error"]


@dataclass
class Download:
    """What one attempt brought back."""

    status: DownloadStatus
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    """What feedparser should know: content-type and content-location (the final URL)."""
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    """The new URL after permanent redirects only."""
    retry_after: datetime | None = None
    error: str | None = None


class _TooLarge(Exception):
    pass


def make_client(config: FetchConfig) -> httpx.AsyncClient:
    """One client for the whole fetch, so connections to a host are reused."""
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(config.timeout_seconds),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(
            max_connections=config.concurrency, max_keepalive_connections=config.concurrency
        ),
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def _failure(message: str, retry_after: datetime | None = None) -> Download:
    return Download("error", error=clean_text(message, max_length=300), retry_after=retry_after)


def _retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as seconds or an HTTP date, kept within [now, now + a day]."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        delay = timedelta(seconds=min(int(text), int(MAX_RETRY_AFTER.total_seconds())))
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        delay = (when if when.tzinfo else when.replace(tzinfo=UTC)) - now
    return now + min(max(delay, timedelta(0)), MAX_RETRY_AFTER)


def _permanent_target(response: httpx.Response) -> str | None:
    """Where the chain of redirects moved the feed for good: up to the first temporary hop."""
    hops = [*response.history, response]
    target = None
    for hop, following in zip(hops, hops[1:], strict=False):
        if hop.status_code not in PERMANENT_REDIRECTS:
            break
        target = str(following.url)
    return target


async def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge
    chunks = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _refused(response: httpx.Response, now: datetime) -> Download:
    """An HTTP error; a throttling one says until when the server asked to be left alone."""
    message = f"HTTP {response.status_code} {response.reason_phrase}"
    retry_after = None
    if response.status_code in THROTTLED:
        retry_after = _retry_after(response.headers.get("retry-after"), now)
        if retry_after is None and response.status_code == TOO_MANY_REQUESTS:
            retry_after = now + DEFAULT_BACKOFF
        if retry_after is not None:
            message += f"; the server asks to wait until {retry_after:%Y-%m-%d %H:%M} UTC"
    return _failure(message, retry_after)


async def _request(
    client: httpx.AsyncClient, feed: Feed, config: FetchConfig, now: datetime
) -> Download:
    conditional = {}
    if feed.etag:
        conditional["If-None-Match"] = feed.etag
    if feed.last_modified:
        conditional["If-Modified-Since"] = feed.last_modified
    async with client.stream("GET", feed.url, headers=conditional) as response:
        moved_to = _permanent_target(response)
        if response.status_code == 304:
            return Download(
                "not-modified", etag=response.headers.get("etag"), moved_to=moved_to,
                last_modified=response.headers.get("last-modified"),
            )
        if not response.is_success:
            return _refused(response, now)
        body = await _read_body(response, config.max_bytes)
        return Download(
            "ok",
            body=body,
            headers={
                "content-type": response.headers.get("content-type", ""),
                "content-location": str(response.url),
            },
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            moved_to=moved_to,
        )


async def _fetch_url(
    client: httpx.AsyncClient, feed: Feed, config: FetchConfig, now: datetime
) -> Download:
    try:
        async with asyncio.timeout(config.deadline_seconds):
            return await _request(client, feed, config, now)
    except _TooLarge:
        return _failure(f"body larger than {_megabytes(config.max_bytes)}; abandoned")
    except TimeoutError:
        return _failure(f"still downloading after {config.deadline_seconds:g} s; abandoned")
    except httpx.TimeoutException:
        return _failure(f"timed out after {config.timeout_seconds:g} s")
    except httpx.TooManyRedirects:
        return _failure(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)")
    except httpx.ConnectError as error:
        return _failure(f"cannot connect: {error}")
    except httpx.HTTPError as error:
        return _failure(f"{type(error).__name__}: {error}")


def _file_stamp(modified_ns: int) -> str:
    """The file's modification time as an HTTP date plus nanoseconds: an edit within the
    same second must still count as a change."""
    when = datetime.fromtimestamp(modified_ns / 1e9, UTC)
    return f"{format_datetime(when, usegmt=True)} ({modified_ns})"


def _read_file(feed: Feed, max_bytes: int) -> Download:
    """A local file, "not modified" while its modification time is unchanged."""
    path = Path(feed.url)
    try:
        stat = path.stat()
        stamp = _file_stamp(stat.st_mtime_ns)
        if stamp == feed.last_modified:
            return Download("not-modified", last_modified=stamp)
        with path.open("rb") as stream:
            body = stream.read(max_bytes + 1)
    except OSError as error:
        return _failure(f"cannot read {path}: {error.strerror or error}")
    if len(body) > max_bytes:
        return _failure(f"file larger than {_megabytes(max_bytes)}; skipped")
    return Download(
        "ok", body=body, headers={"content-type": FILE_CONTENT_TYPE}, last_modified=stamp
    )


async def download(
    client: httpx.AsyncClient, feed: Feed, config: FetchConfig, *, now: datetime
) -> Download:
    """Fetch `feed` once; failures come back as a Download with an error."""
    if is_local_file(feed.url):
        return await asyncio.to_thread(_read_file, feed, config.max_bytes)
    return await _fetch_url(client, feed, config, now)
