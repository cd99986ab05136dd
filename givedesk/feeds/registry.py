"""The list of feeds the desk reads.

A feed is an http(s) URL or a local file. Anything else (ftp:, javascript:, a path
that does not exist) is refused when added, so fetching never has to guess.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

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


def add_feed(store: Store, source: str, *, name: str = "", local: bool = False) -> Feed:
    url = normalise_source(source)
    with store.news.transaction():
        if any(feed.url == url for feed in store.feeds.all()):
            raise UserError(f"'{url}' is already a feed (see: givedesk feeds list)")
        return store.feeds.insert(Feed(url=url, name=clean_text(name, max_length=200), local=local))


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
