"""`fetch_all`: every feed fetched concurrently and politely, stored in one write.

The CLI and the TUI's thread worker both call `fetch_all`; it runs its own event loop
(`asyncio.run`), so it works from any thread. Feeds are fetched together, at most
`concurrency` at once and `per_host` from one host, and parsed in worker processes
(`worker.ParserPool`) so parsing one feed does not hold up the sockets of the others,
and a feed that takes too long to parse is abandoned. Nothing is written while
fetching: the results are merged into `news.json` at the end in a single transaction,
which re-reads the feeds so a `feeds add/remove` made meanwhile is not undone. An
interrupted fetch (Ctrl-C) stores the feeds that had completed, then stops.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from givedesk.config import Config, FetchConfig
from givedesk.feeds.articles import ArticleIndex, pinned_article_ids, retention_cutoff
from givedesk.feeds.download import Download, download, make_client
from givedesk.feeds.parse import MAX_ENTRIES, NotAFeedError, ParsedFeed
from givedesk.feeds.registry import config_local_feeds, with_config_feeds
from givedesk.feeds.worker import ParseFailedError, ParserPool
from givedesk.models import Feed, utc_now
from givedesk.store import Store
from givedesk.text import clean_text

__all__ = ["FeedResult", "FetchInterruptedError", "FetchSummary", "ProgressCallback", "fetch_all"]

FeedStatus = Literal["ok", "not-modified", "error", "skipped"]
MAX_PARSER_PROCESSES = 4
PRESTART_MIN_FEEDS = 8
"""A fetch this big starts a parser at once; a small one (often all "not modified")
starts one only when a feed needs parsing."""
PARSE_SECONDS = 30.0
"""Longest one feed's parse may take before it is abandoned (a 1 MB feed takes 0.3 s)."""
ProgressCallback = Callable[[int, int, Feed], None]
"""Called as (feeds done, feeds to fetch, the feed just done) from the fetching thread."""


@dataclass
class FeedResult:
    """What happened to one feed in this fetch."""

    feed_id: str
    name: str
    url: str
    status: FeedStatus
    new: int = 0
    """New articles stored."""
    error: str | None = None
    detail: str | None = None
    """The parser's complaint about a feed whose entries were kept, or why it was skipped."""
    moved_to: str | None = None
    body_bytes: int = 0
    """Size of the body received: 0 for a 304, a skip or an error."""
    left_out: int = 0
    """Entries of an oversized feed not kept (its oldest)."""


@dataclass
class FetchSummary:
    results: list[FeedResult] = field(default_factory=list)
    pruned: int = 0
    """Old articles removed."""
    seconds: float = 0.0

    @property
    def new(self) -> int:
        return sum(result.new for result in self.results)

    def count(self, status: FeedStatus) -> int:
        return sum(1 for result in self.results if result.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "feeds": [
                {
                    "id": r.feed_id, "name": r.name, "url": r.url, "status": r.status,
                    "new": r.new, "error": r.error, "detail": r.detail, "moved_to": r.moved_to,
                    "bytes": r.body_bytes, "left_out": r.left_out,
                }
                for r in self.results
            ],
            "new": self.new,
            "pruned": self.pruned,
            "counts": dict(Counter(result.status for result in self.results)),
            "seconds": round(self.seconds, 3),
        }


class FetchInterruptedError(KeyboardInterrupt):
    """Ctrl-C during a fetch, raised once the feeds that had completed are stored."""

    def __init__(self, summary: FetchSummary) -> None:
        super().__init__()
        self.summary = summary


@dataclass
class _Outcome:
    feed: Feed
    download: Download
    """What came back, its body dropped once parsed."""
    parsed: ParsedFeed | None = None
    size: int = 0


def _skip_reason(feed: Feed, config: FetchConfig, now: datetime, force: bool) -> str | None:
    """Why `feed` is not due; a server's Retry-After holds even with --force."""
    if feed.retry_after is not None and now < feed.retry_after:
        return f"server asked to wait until {feed.retry_after:%Y-%m-%d %H:%M} UTC"
    if force or feed.last_fetched is None:
        return None
    interval = timedelta(minutes=feed.interval_minutes or config.interval_minutes)
    elapsed = now - feed.last_fetched
    if elapsed < interval:
        minutes = int(interval.total_seconds() // 60)
        return f"fetched {int(elapsed.total_seconds() // 60)} min ago (interval {minutes} min)"
    return None


def _parser_processes() -> int:
    """Two at least, so one feed being abandoned does not hold up all the others."""
    return max(2, min((os.cpu_count() or 1) - 1, MAX_PARSER_PROCESSES))


class _Fetcher:
    """One fetch's shared parts: the HTTP client, the limits and the parser pool."""

    def __init__(
        self, client: httpx.AsyncClient, config: FetchConfig, now: datetime, parser: ParserPool
    ) -> None:
        self.client = client
        self.config = config
        self.now = now
        self.global_limit = asyncio.Semaphore(config.concurrency)
        self.host_limits: dict[str, asyncio.Semaphore] = {}
        self.parser = parser

    async def one(self, feed: Feed) -> _Outcome:
        """Download under the host's and the global limit, then parse outside them.

        The host's slot is taken first: a task waiting for a busy host must not sit on
        one of the global slots meanwhile.
        """
        host = (urlsplit(feed.url).hostname or "").casefold()
        host_limit = self.host_limits.setdefault(host, asyncio.Semaphore(self.config.per_host))
        try:
            async with host_limit, self.global_limit:
                fetched = await download(self.client, feed, self.config, now=self.now)
            if fetched.status != "ok":
                return _Outcome(feed, fetched)
            parsed = await self.parser.parse(fetched.body, feed_id=feed.id, headers=fetched.headers)
        except (NotAFeedError, ParseFailedError) as error:
            return _Outcome(feed, Download("error", error=str(error)))
        except Exception as error:  # hostile input in third-party parsing must not stop the rest
            message = clean_text(f"unexpected {type(error).__name__}: {error}", max_length=300)
            return _Outcome(feed, Download("error", error=message))
        return _Outcome(feed, replace(fetched, body=b""), parsed, size=len(fetched.body))


async def _fetch_feeds(
    feeds: list[Feed],
    config: FetchConfig,
    now: datetime,
    progress: ProgressCallback | None,
    outcomes: list[_Outcome],
) -> None:
    """Fetch `feeds`, appending each outcome as it completes: when interrupted, the
    caller still has those that did."""
    parser = ParserPool(_parser_processes(), PARSE_SECONDS)
    if len(feeds) >= PRESTART_MIN_FEEDS:
        parser.prestart()
    try:
        async with make_client(config) as client:
            fetcher = _Fetcher(client, config, now, parser)
            tasks = [asyncio.create_task(fetcher.one(feed)) for feed in feeds]
            for finished in asyncio.as_completed(tasks):
                outcomes.append(await finished)
                if progress is not None:
                    progress(len(outcomes), len(tasks), outcomes[-1].feed)
    finally:
        await parser.close()


def _record(feed: Feed, outcome: _Outcome, now: datetime, taken_urls: set[str]) -> None:
    """Store on the feed what its fetch found, for `feeds list` and the next request."""
    fetched = outcome.download
    feed.last_fetched = now
    feed.last_status = fetched.status
    if fetched.status == "error":
        feed.failures += 1
        feed.last_error = fetched.error
        feed.retry_after = fetched.retry_after
        return
    feed.failures = 0
    feed.last_error = None
    feed.retry_after = None
    if fetched.status == "ok":
        feed.etag = fetched.etag
        feed.last_modified = fetched.last_modified
    else:
        feed.etag = fetched.etag or feed.etag
        feed.last_modified = fetched.last_modified or feed.last_modified
    if outcome.parsed is not None:
        feed.last_warning = outcome.parsed.problem
        feed.name = feed.name or outcome.parsed.title
    if fetched.moved_to and fetched.moved_to not in taken_urls:
        taken_urls.discard(feed.url)
        taken_urls.add(fetched.moved_to)
        feed.url = fetched.moved_to


def _result(feed: Feed, outcome: _Outcome, new: int) -> FeedResult:
    fetched = outcome.download
    return FeedResult(
        feed_id=feed.id, name=feed.name or feed.url, url=feed.url, status=fetched.status,
        new=new, error=fetched.error, moved_to=fetched.moved_to,
        detail=_detail(outcome.parsed), body_bytes=outcome.size,
        left_out=outcome.parsed.left_out if outcome.parsed else 0,
    )


def _detail(parsed: ParsedFeed | None) -> str | None:
    if parsed is None:
        return None
    notes = [parsed.problem] if parsed.problem else []
    if parsed.left_out:
        notes.append(
            f"kept the newest {MAX_ENTRIES} of {MAX_ENTRIES + parsed.left_out} items, "
            f"{parsed.left_out} older left out"
        )
    return "; ".join(notes) or None


def _store(
    store: Store,
    outcomes: list[_Outcome],
    wanted_local: list[Feed],
    fetch_config: FetchConfig,
    now: datetime,
) -> tuple[list[FeedResult], int]:
    """Merge every outcome into news.json: one transaction, hence one write.

    Outcomes are merged in the order the feeds were added, not the order they
    arrived, so which feed's title a shared story keeps does not depend on timing.
    """
    pinned = pinned_article_ids(store)
    cutoff = retention_cutoff(now, fetch_config.retention_days)
    with store.news.transaction():
        feeds = with_config_feeds(store.feeds.all(), wanted_local)
        by_id = {feed.id: feed for feed in feeds}
        taken_urls = {known.url for known in feeds}
        index = ArticleIndex(store.articles.all())
        results = []
        order = {feed.id: position for position, feed in enumerate(feeds)}
        for outcome in sorted(outcomes, key=lambda done: order.get(done.feed.id, len(order))):
            feed = by_id.get(outcome.feed.id)
            if feed is None:  # removed while it was being fetched
                continue
            entries = outcome.parsed.entries if outcome.parsed else []
            new = sum(index.add(feed, entry, now=now, cutoff=cutoff) for entry in entries)
            _record(feed, outcome, now, taken_urls)
            results.append(_result(feed, outcome, new))
        index.mark_local(feeds)
        pruned = set(index.prunable(cutoff, pinned))
        store.feeds.save_many(feeds)
        store.articles.save_many(a for a in index.changed.values() if a.id not in pruned)
        store.articles.remove_many(pruned)
    return results, len(pruned)


def _split_due(
    store: Store, config: Config, moment: datetime, force: bool, only: Collection[str] | None
) -> tuple[list[Feed], list[FeedResult], list[Feed], list[Feed]]:
    """(due feeds, skipped results, every enabled feed considered, the config's local feeds)."""
    wanted_local = config_local_feeds(config.local, config_file=store.paths.config_file)
    feeds = [
        feed
        for feed in with_config_feeds(store.feeds.all(), wanted_local)
        if feed.enabled and (only is None or feed.id in only)
    ]
    due, skipped = [], []
    force = force or only is not None
    for feed in feeds:
        reason = _skip_reason(feed, config.fetch, moment, force)
        if reason is None:
            due.append(feed)
        else:
            skipped.append(
                FeedResult(feed.id, feed.name or feed.url, feed.url, "skipped", detail=reason)
            )
    return due, skipped, feeds, wanted_local


def feeds_to_fetch(
    store: Store, config: Config, *, force: bool = False, now: datetime | None = None,
    only: Collection[str] | None = None,
) -> list[Feed]:
    """The feeds `fetch_all` with the same arguments would fetch (a progress display names
    the ones still running)."""
    return _split_due(store, config, now or utc_now(), force, only)[0]


def fetch_all(
    store: Store,
    config: Config,
    *,
    force: bool = False,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
    only: Collection[str] | None = None,
) -> FetchSummary:
    """Fetch every enabled feed that is due (all of them with `force`) and store the news.

    `only` names feed ids to fetch now, whatever their interval (a "refresh this feed"
    action); the other feeds are left alone. Per-feed failures are recorded on the feed
    and in the summary; only a mistake in the config's `[local]` section raises (a
    UserError, before anything is fetched).
    """
    started = time.monotonic()
    moment = now or utc_now()
    due, skipped, feeds, wanted_local = _split_due(store, config, moment, force, only)
    outcomes: list[_Outcome] = []
    interrupted = False
    try:
        if due:
            asyncio.run(_fetch_feeds(due, config.fetch, moment, progress, outcomes))
    except KeyboardInterrupt:
        interrupted = True
    results, pruned = _store(store, outcomes, wanted_local, config.fetch, moment)
    order = {feed.id: position for position, feed in enumerate(feeds)}
    summary = FetchSummary(
        results=sorted(results + skipped, key=lambda result: order.get(result.feed_id, 0)),
        pruned=pruned,
        seconds=time.monotonic() - started,
    )
    if interrupted:
        raise FetchInterruptedError(summary)
    return summary
