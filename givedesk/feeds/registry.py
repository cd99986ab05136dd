"""The list of feeds the desk reads.

A feed is an http(s) URL or a local file. Anything else (ftp:, javascript:, a path
that does not exist) is refused when added, so fetching never has to guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, urlsplit

from givedesk.config import LocalConfig
from givedesk.errors import UserError
from givedesk.models import Feed
from givedesk.store import Store
from givedesk.text import clean_text


def normalise_source(source: str, *, base: Path | None = None) -> str:
    """An http(s) URL as given, or a local file as an absolute path; else an error."""
    text = source.strip()
    scheme = urlsplit(text).scheme.casefold()
    if scheme in ("http", "https"):
        if not urlsplit(text).netloc:
            raise UserError(f"'{source}': URL has no host")
        return text
    if scheme == "file":
        text = urlsplit(text).path
    elif scheme and len(scheme) > 1:
        raise UserError(f"'{source}': only http(s) URLs and local files can be feeds")
    path = Path(text).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    if not path.is_file():
        raise UserError(f"'{source}': neither an http(s) URL nor an existing file")
    return str(path.resolve())


def is_local_file(url: str) -> bool:
    return urlsplit(url).scheme.casefold() not in ("http", "https")


def add_feed(
    store: Store,
    source: str,
    *,
    name: str = "",
    local: bool = False,
    interval_minutes: int | None = None,
) -> Feed:
    feed = Feed(
        url=normalise_source(source),
        name=clean_text(name, max_length=200),
        local=local,
        interval_minutes=interval_minutes,
    )
    if not add_feeds(store, [feed]):
        raise UserError(f"'{feed.url}' is already a feed (see: givedesk feeds list)")
    return feed


def add_feeds(store: Store, candidates: Iterable[Feed]) -> list[Feed]:
    """Add the candidates whose URL is not yet a feed, in one write; returns those added.

    A URL repeated among the candidates is added once.
    """
    with store.news.transaction():
        known = {feed.url for feed in store.feeds.all()}
        added = []
        for feed in candidates:
            if feed.url not in known:
                known.add(feed.url)
                added.append(feed)
        store.feeds.insert_many(added)
    return added


def config_local_feeds(local: LocalConfig, *, config_file: Path) -> list[Feed]:
    """The feeds the config's `[local]` section asks for, all marked local.

    Files are relative to the config's folder. A bad entry is the config's mistake and
    stops the command with one line naming the file.
    """
    sources = list(local.feeds)
    place = local.place.strip()
    if local.search_url_template and place:
        sources.append(local.search_url_template.replace("{place}", quote(place, safe="")))
    feeds = []
    for source in sources:
        try:
            url = normalise_source(source, base=config_file.parent)
        except UserError as error:
            raise UserError(f"{config_file}: [local] {error}") from None
        feeds.append(Feed(url=url, local=True))
    return feeds


def with_config_feeds(feeds: list[Feed], wanted: list[Feed]) -> list[Feed]:
    """`feeds` plus those of `wanted` not among them (by URL), every wanted one local.

    Idempotent, so it can be applied to the feeds read before fetching and again to
    those re-read when the results are stored.
    """
    by_url = {feed.url: feed for feed in feeds}
    combined = list(feeds)
    for feed in wanted:
        existing = by_url.get(feed.url)
        if existing is None:
            by_url[feed.url] = feed
            combined.append(feed)
        else:
            existing.local = True
    return combined


def find_feed(store: Store, query: str) -> Feed:
    """A feed by id, URL or name."""
    feeds = store.feeds.all()
    for candidates in (
        [f for f in feeds if f.id == query or f.url == query],
        [f for f in feeds if f.name.casefold() == query.casefold()],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            raise UserError(f"'{query}' names several feeds; use the id")
    raise UserError(f"no feed '{query}' (see: givedesk feeds list)")


def remove_feed(store: Store, query: str) -> Feed:
    feed = find_feed(store, query)
    store.feeds.remove(feed.id)
    return feed
