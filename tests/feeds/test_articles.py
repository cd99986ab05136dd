"""What a fetch stores: stable ids, merged duplicates, local flags, retention, one write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from givedesk.config import Config, FetchConfig, LocalConfig
from givedesk.errors import UserError
from givedesk.feeds.fetch import fetch_all
from givedesk.models import Article, Give, QueueItem, SuggestionState
from givedesk.store import Store
from tests.feeds.conftest import AddFeed, FeedServer, Fetch, item, rss

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def _feed_file(folder: Path, name: str, *items: dict[str, str]) -> str:
    path = folder / name
    path.write_bytes(rss(*items))
    return str(path)


def test_local_files_are_read_from_disk_and_unchanged_files_are_not_modified(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    path = _feed_file(tmp_path, "news.xml", item(1), item(2))
    feed_at(path)
    first = fetch().results[0]
    second = fetch().results[0]
    Path(path).write_bytes(rss(item(1), item(2), item(3)))
    third = fetch().results[0]
    assert (first.status, first.new) == ("ok", 2)
    assert second.status == "not-modified"
    assert (third.status, third.new) == ("ok", 1)
    assert store.articles.count() == 3


def test_ids_are_stable_across_fetches_and_entries_are_updated(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    path = _feed_file(tmp_path, "news.xml", item(1))
    feed_at(path)
    fetch()
    (before,) = store.articles.all()
    Path(path).write_bytes(rss(item(1, title="Story 1, corrected")))
    assert fetch().results[0].new == 0
    (after,) = store.articles.all()
    assert (after.id, after.title, after.fetched) == (before.id, "Story 1, corrected", before.fetched)


def test_id_falls_back_to_the_link_then_to_title_and_date(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    no_guid = {k: v for k, v in item(1).items() if k != "guid"}
    nothing = {"title": "Bare", "pubDate": item(2)["pubDate"]}
    path = _feed_file(tmp_path, "news.xml", no_guid, nothing)
    feed_at(path)
    fetch()
    ids = {a.title: a.id for a in store.articles.all()}
    Path(path).write_bytes(rss(nothing, no_guid))
    fetch()
    assert {a.title: a.id for a in store.articles.all()} == ids
    assert len(set(ids.values())) == 2


def test_duplicates_across_feeds_merge_by_normalised_link_and_local_wins(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    shared = "https://News.Example.com:443/story-1?utm_source=a&utm_medium=rss"
    national = feed_at(_feed_file(tmp_path, "a.xml", item(1, link=shared), item(2)))
    gazette = feed_at(
        _feed_file(tmp_path, "b.xml", item(9, link="https://news.example.com/story-1?fbclid=zz")),
        local=True,
    )

    summary = fetch()

    assert summary.new == 2
    merged = next(a for a in store.articles.all() if a.link == "https://news.example.com/story-1")
    assert sorted(merged.feed_ids) == sorted([national.id, gazette.id])
    assert merged.local is True
    assert [a.local for a in store.articles.all() if a.id != merged.id] == [False]


def test_dates_are_utc_clamped_and_default_to_fetch_time(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    dated = item(1, pubDate="Sun, 22 Nov 2026 09:30:00 -0200")
    future = item(2, pubDate="Fri, 01 Jan 2100 00:00:00 GMT")
    undated = {k: v for k, v in item(3).items() if k != "pubDate"}
    feed_at(_feed_file(tmp_path, "news.xml", dated, future, undated))
    fetch(now=NOW)
    published = {a.title: a.published for a in store.articles.all()}
    assert published["Story 1"] == datetime(2026, 11, 22, 11, 30, tzinfo=UTC)
    assert published["Story 2"] == NOW
    assert published["Story 3"] == NOW


def test_only_http_links_are_kept(tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed) -> None:
    items = [
        item(1, link="javascript:alert(1)"),
        item(2, link="file:///etc/passwd"),
        item(3, link="data:text/html,<script>x</script>"),
        item(4, link="https://user:pw@example.com/a#top"),
    ]
    feed_at(_feed_file(tmp_path, "news.xml", *items))
    fetch()
    links = {a.title: a.link for a in store.articles.all()}
    assert links == {
        "Story 1": None,
        "Story 2": None,
        "Story 3": None,
        "Story 4": "https://example.com/a#top",
    }


def test_hostile_text_is_stored_as_plain_text(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    title = "\x1b[31mRed\x1b[0m \u202eevil\u202c <i>x</i> [bold]markup[/] " + "long " * 200
    feed_at(_feed_file(tmp_path, "news.xml", item(1, title=title, description="a\x07b<script>x</script>")))
    fetch()
    (article,) = store.articles.all()
    assert article.title.startswith("Red evil x [bold]markup[/] long")
    assert len(article.title) <= 300 and article.title.endswith("…")
    assert article.summary == "ab"


def test_retention_prunes_old_articles_except_those_the_desk_refers_to(
    tmp_path: Path, store: Store, feed_at: AddFeed
) -> None:
    feed = feed_at(_feed_file(tmp_path, "news.xml", item(1)))
    old = [
        Article(id=f"old-{n}", title=f"Old {n}", feed_id=feed.id, published=NOW - timedelta(days=40))
        for n in range(5)
    ]
    store.articles.insert_many(old)
    store.queue.insert(QueueItem(contact_id="c", title="Old 1", article_id="old-1"))
    store.gives.insert(Give(contact_id="c", kind="article", article_id="old-2"))
    store.states.insert(SuggestionState(kind="match", subject_id="old-3", contact_id="c", status="dismissed"))
    store.states.insert(SuggestionState(kind="intro", subject_id="old-4", contact_id="c", status="dismissed"))

    summary = fetch_all(store, Config(), force=True, now=NOW)

    assert summary.pruned == 2
    assert sorted(a.id for a in store.articles.all() if a.id.startswith("old")) == ["old-1", "old-2", "old-3"]


def test_entries_older_than_retention_are_not_stored(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed_at(_feed_file(tmp_path, "news.xml", item(1, days_ago=3), item(2, days_ago=45)))
    assert fetch(Config(fetch=FetchConfig(retention_days=30))).new == 1
    assert fetch(Config(fetch=FetchConfig(retention_days=30))).pruned == 0


def test_one_fetch_writes_news_json_once(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(5):
        feed_at(_feed_file(tmp_path, f"{number}.xml", *(item(number * 10 + n) for n in range(10))))
    flushes = []
    original = store.news.storage._flush
    monkeypatch.setattr(store.news.storage, "_flush", lambda: (flushes.append(1), original()))

    assert fetch().new == 50
    assert len(flushes) == 1


def test_config_local_feeds_are_registered_once_and_flagged(
    tmp_path: Path, home: Path, store: Store, server: FeedServer, fetch: Fetch
) -> None:
    (home / "gazette.xml").write_bytes(rss(item(1)))
    server.route("/search?q=Harbor%20View%2C%20WA", rss(item(2)))
    local = LocalConfig(
        place="Harbor View, WA",
        feeds=["gazette.xml"],
        search_url_template=server.url("/search?q={place}"),
    )
    config = Config(local=local)

    first = fetch(config)
    second = fetch(config)

    assert (first.new, first.count("ok")) == (2, 2)
    assert len(second.results) == 2
    assert all(feed.local for feed in store.feeds.all())
    assert all(article.local for article in store.articles.all())


def test_an_existing_feed_named_in_config_becomes_local(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    path = _feed_file(tmp_path, "news.xml", item(1))
    feed_at(path)
    fetch()
    fetch(Config(local=LocalConfig(feeds=[path])))
    assert [f.local for f in store.feeds.all()] == [True]
    assert [a.local for a in store.articles.all()] == [True]


def test_a_bad_config_local_feed_stops_the_fetch_naming_the_config(store: Store) -> None:
    with pytest.raises(UserError, match=r"config\.toml: \[local\] 'ftp://x': only http"):
        fetch_all(store, Config(local=LocalConfig(feeds=["ftp://x"])))
    assert store.feeds.count() == 0


def test_a_feed_removed_during_the_fetch_stays_removed(
    tmp_path: Path, store: Store, feed_at: AddFeed
) -> None:
    feed = feed_at(_feed_file(tmp_path, "news.xml", item(1)))

    def remove_it(done: int, total: int, fetched: object) -> None:
        store.feeds.remove(feed.id)

    summary = fetch_all(store, Config(), force=True, progress=remove_it)
    assert summary.results == []
    assert store.feeds.count() == 0 and store.articles.count() == 0


def test_only_fetches_the_named_feeds_now(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    first = feed_at(_feed_file(tmp_path, "a.xml", item(1)))
    feed_at(_feed_file(tmp_path, "b.xml", item(2)))
    fetch(now=NOW)
    Path(first.url).write_bytes(rss(item(1), item(3)))

    summary = fetch(force=False, now=NOW + timedelta(minutes=1), only=[first.id])

    assert [(r.feed_id, r.status, r.new) for r in summary.results] == [(first.id, "ok", 1)]
