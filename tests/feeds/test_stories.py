"""Issue #11: no story lost or garbled between the feed and the desk.

Each case has its own fixture file under `files/` (real files, read as local feeds or
served by a real HTTP server on 127.0.0.1).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from givedesk.feeds.fetch import FeedResult, FetchSummary
from givedesk.models import Article
from givedesk.store import Store
from tests.feeds.conftest import AddFeed, FeedServer, Fetch, fast_config, item, numbered, rss

FILES = Path(__file__).parent / "files"
KEEP_ALL = fast_config(retention_days=1_000_000)
"""Fixture files are dated; nothing is too old for these tests."""
MARKUP = re.compile(r"<[A-Za-z/!?][^>]*>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def _only(summary: FetchSummary) -> FeedResult:
    (result,) = summary.results
    return result


def _titles(store: Store) -> dict[str, Article]:
    return {article.title: article for article in store.articles.all()}


def test_rss_titles_and_descriptions_with_markup_are_cleaned(
    store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed = feed_at(str(FILES / "publisher_markup.rss"))

    assert _only(fetch(KEEP_ALL)).status == "ok"

    titles = _titles(store)
    assert sorted(titles) == sorted([
        "Tom's & Jerry's diner", "Storm & flood warning", "Election results & analysis",
        "First line second", "Supercalifragilistic",
    ])
    assert titles["Tom's & Jerry's diner"].summary == "The diner – a local favourite since 1962."
    assert titles["Storm & flood warning"].summary == "Rain & wind."
    assert titles["Election results & analysis"].summary == "Counting — continues"
    assert titles["First line second"].summary == "Heading Body…"
    assert titles["Supercalifragilistic"].summary == 'Café opens — at "noon"'
    for article in titles.values():
        assert not MARKUP.search(article.title) and not MARKUP.search(article.summary)
    stored = store.feeds.get(feed.id)
    assert stored is not None and stored.name == "The Gazette & Times"


def test_atom_text_stays_literal_and_atom_html_is_cleaned(
    store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed_at(str(FILES / "literal_text.atom"))
    fetch(KEEP_ALL)
    titles = _titles(store)
    assert titles["x <y> z"].summary == "Use &amp; in HTML"
    assert titles["Marked up & fine"].summary == "Real XHTML"


def test_items_sharing_one_link_are_separate_stories(
    store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed_at(str(FILES / "podcast_one_link.rss"))
    assert _only(fetch(KEEP_ALL)).new == 5
    assert sorted(_titles(store)) == [f"Episode {n}" for n in range(1, 6)]
    assert _only(fetch(KEEP_ALL, force=True)).new == 0  # and stable on the next fetch
    assert store.articles.count() == 5


def test_repeated_guids_and_bare_items_get_a_content_identity(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    path = tmp_path / "events.rss"
    path.write_bytes((FILES / "repeated_guid.rss").read_bytes())
    feed_at(str(path))

    assert _only(fetch(KEEP_ALL)).new == 4
    assert sorted(_titles(store)) == ["Book fair", "Choir concert", "Plain item one", "Plain item two"]
    path.write_bytes(path.read_bytes().replace(b"<rss", b"<!-- touched --><rss"))
    assert _only(fetch(KEEP_ALL)).new == 0
    assert store.articles.count() == 4


def test_an_empty_item_never_replaces_one_with_text(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed_at(server.route("/feed", rss(item(1, title="Harbour opens", description="At last."))))
    fetch()
    server.route("/feed", rss({"guid": "story-1", "title": "", "description": ""}))
    fetch()
    (article,) = store.articles.all()
    assert (article.title, article.summary) == ("Harbour opens", "At last.")


def test_a_feed_over_the_limit_keeps_its_newest_items_and_says_how_many_were_left_out(
    tmp_path: Path, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    path = tmp_path / "archive.rss"
    path.write_bytes(numbered(1500, datetime(2026, 1, 1, tzinfo=UTC)))
    feed_at(str(path))

    result = _only(fetch(KEEP_ALL))

    assert (result.status, result.new, result.left_out) == ("ok", 1000, 500)
    assert "kept the newest 1000 of 1500 items, 500 older left out" in (result.detail or "")
    kept = {int(article.title.split()[1]) for article in store.articles.all()}
    assert kept == set(range(500, 1500))


def test_a_future_date_is_clamped_once_and_the_story_ages_from_then(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    feed_at(server.route("/feed", rss(item(1, pubDate="Fri, 31 Dec 9999 23:59:59 GMT"))))

    fetch(now=now)
    later = fetch(now=now + timedelta(days=3))
    (article,) = store.articles.all()
    assert (article.published, later.results[0].new) == (now, 0)

    much_later = fetch(now=now + timedelta(days=40))
    (article,) = store.articles.all()  # kept while the feed carries it, not new again
    assert (article.published, much_later.new, much_later.pruned) == (now, 0, 0)

    server.route("/feed", rss(item(2, pubDate=format_datetime(now + timedelta(days=41), usegmt=True))))
    gone = fetch(now=now + timedelta(days=41))
    assert gone.pruned == 1 and [a.title for a in store.articles.all()] == ["Story 2"]


def test_undated_items_are_marked_and_dated_when_first_seen(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    undated = {"title": "No date", "guid": "a", "link": "https://x.example/a"}
    nonsense = {"title": "Bad date", "guid": "b", "link": "https://x.example/b", "pubDate": "soon-ish"}
    feed_at(server.route("/feed", rss(undated, nonsense, item(3))))

    fetch(now=now)
    fetch(now=now + timedelta(hours=5))

    by_title = _titles(store)
    for title in ("No date", "Bad date"):
        assert (by_title[title].dated, by_title[title].published) == (False, now)
    assert by_title["Story 3"].dated is True


def test_json_feed_1_1(server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed) -> None:
    body = (FILES / "json_feed_1_1.json").read_bytes()
    feed = feed_at(server.route("/feed.json", body, headers={"Content-Type": "application/feed+json"}))

    result = _only(fetch(KEEP_ALL))

    assert (result.status, result.new, result.error, result.detail) == ("ok", 2, None, None)
    titles = _titles(store)
    assert titles["Harbour opens"].summary == "The harbour & the quay."
    assert titles["Harbour opens"].published == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert titles["Literal <tags> stay"].summary == "Plain & simple."
    assert titles["Literal <tags> stay"].published == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    stored = store.feeds.get(feed.id)
    assert stored is not None and stored.name == "JSON Gazette"


def test_an_empty_valid_feed_is_ok_with_no_items(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed = feed_at(server.route("/search", (FILES / "empty_valid.rss").read_bytes(),
                                headers={"Content-Type": "text/xml"}))
    result = _only(fetch())
    assert (result.status, result.new, result.error, result.detail) == ("ok", 0, None, None)
    stored = store.feeds.get(feed.id)
    assert stored is not None and (stored.failures, stored.last_warning) == (0, None)


def test_utf8_served_as_text_xml_without_charset_is_not_a_warning(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed = feed_at(server.route("/feed", rss(item(1, title="Café crème")),
                                headers={"Content-Type": "text/xml"}))
    result = _only(fetch())
    assert (result.status, result.detail) == ("ok", None)
    stored = store.feeds.get(feed.id)
    assert stored is not None and stored.last_warning is None
    assert [a.title for a in store.articles.all()] == ["Café crème"]


def test_a_broken_feed_is_described_in_words(
    server: FeedServer, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed_at(server.route("/broken", b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title'))
    feed_at(server.route("/page", b"<!DOCTYPE html><html><head><title>Site</title></head></html>",
                         headers={"Content-Type": "text/html"}))
    broken, page = fetch().results
    assert broken.error == "not a feed: broken XML: unclosed token at line 2, column 36"
    assert page.error == "not a feed: a web page (add the site to find its feed)"


def test_the_same_story_from_two_feeds_is_one_article_titled_by_the_first_added_feed(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    first = {"title": "Bridge reopens (Gazette)", "guid": "gz-1",
             "link": "http://www.example.com/news/bridge/?ref=gazette"}
    second = {"title": "Bridge reopens (Wire)", "guid": "wire-77",
              "link": "https://example.com/news/bridge?utm_source=rss&source=wire"}
    gazette = feed_at(server.route("/gazette", rss(first), delay=0.5))  # added first, arrives last
    wire = feed_at(server.route("/wire", rss(second)))

    fetch(KEEP_ALL)
    fetch(KEEP_ALL)

    (article,) = store.articles.all()
    assert article.title == "Bridge reopens (Gazette)"
    assert article.feed_ids == [gazette.id, wire.id]
