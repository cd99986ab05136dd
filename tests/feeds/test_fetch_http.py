"""Fetching against a real HTTP server on 127.0.0.1: every way a feed server behaves."""

from __future__ import annotations

import gzip
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from givedesk import __version__
from givedesk.feeds.fetch import FeedResult, FetchSummary, fetch_all
from givedesk.models import Feed
from givedesk.store import Store
from tests.feeds.conftest import AddFeed, FeedServer, Fetch, fast_config, item, rss, send

MODIFIED = "Sun, 01 Nov 2026 10:00:00 GMT"


def _only(summary: FetchSummary) -> FeedResult:
    (result,) = summary.results
    return result


def test_200_stores_clean_articles_and_validators(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    body = rss(
        item(1, title="A &amp; B <b>bold</b>", description="<p>One</p><p>two &amp; three</p>"),
        item(2, link="https://news.example.com/story-2?utm_source=rss&id=7&fbclid=x"),
        title="The Daily",
    )
    url = server.route(
        "/feed",
        body,
        headers={
            "Content-Type": "application/rss+xml",
            "ETag": '"v1"',
            "Last-Modified": "Sun, 01 Nov 2026 10:00:00 GMT",
        },
    )
    feed = feed_at(url)

    result = _only(fetch())

    assert (result.status, result.new, result.error) == ("ok", 2, None)
    articles = {a.title: a for a in store.articles.all()}
    assert set(articles) == {"A & B bold", "Story 2"}
    assert articles["A & B bold"].summary == "One two & three"
    assert articles["Story 2"].link == "https://news.example.com/story-2?id=7"
    assert all(a.published.tzinfo is not None and a.feed_ids == [feed.id] for a in articles.values())
    stored = store.feeds.get(feed.id)
    assert stored is not None
    assert (stored.etag, stored.last_modified) == ('"v1"', "Sun, 01 Nov 2026 10:00:00 GMT")
    assert (stored.last_status, stored.failures, stored.name) == ("ok", 0, "The Daily")
    agent = server.hits("/feed")[0].headers["user-agent"]
    assert agent.startswith(f"givedesk/{__version__}")


def test_304_sends_validators_back_and_stores_nothing_new(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    def conditional(request: BaseHTTPRequestHandler) -> None:
        if request.headers.get("If-None-Match") == '"v1"':
            send(request, 304, b"", {"ETag": '"v1"'})
        else:
            send(request, 200, rss(item(1)), {"ETag": '"v1"', "Last-Modified": MODIFIED})

    server.routes["/feed"] = conditional
    feed_at(server.url("/feed"))
    assert _only(fetch()).new == 1

    again = _only(fetch())

    assert (again.status, again.new, again.body_bytes) == ("not-modified", 0, 0)
    assert store.articles.count() == 1
    conditional_headers = server.hits("/feed")[1].headers
    assert conditional_headers["if-none-match"] == '"v1"'
    assert conditional_headers["if-modified-since"] == MODIFIED


def test_404_and_500_are_recorded_and_counted(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    missing = feed_at(server.route("/missing", b"gone", status=404))
    broken = feed_at(server.route("/broken", b"oops", status=500))

    fetch()
    results = {r.feed_id: r for r in fetch().results}

    assert results[missing.id].error == "HTTP 404 Not Found"
    assert results[broken.id].error == "HTTP 500 Internal Server Error"
    stored = store.feeds.get(missing.id)
    assert stored is not None and (stored.last_status, stored.failures) == ("error", 2)
    server.route("/missing", rss(item(1)))
    fetch()
    recovered = store.feeds.get(missing.id)
    assert recovered is not None
    assert (recovered.last_status, recovered.failures, recovered.last_error) == ("ok", 0, None)


def test_429_retry_after_is_respected_even_when_forced(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed = feed_at(server.route("/busy", b"", status=429, headers={"Retry-After": "120"}))
    now = datetime.now(UTC)

    first = _only(fetch(now=now))
    stored = store.feeds.get(feed.id)
    second = _only(fetch(now=now + timedelta(seconds=60)))
    third = _only(fetch(now=now + timedelta(seconds=121)))

    until = now + timedelta(seconds=120)
    assert first.error == (
        f"HTTP 429 Too Many Requests; the server asks to wait until {until:%Y-%m-%d %H:%M} UTC"
    )
    assert stored is not None and stored.retry_after == now + timedelta(seconds=120)
    assert second.status == "skipped" and "asked to wait" in (second.detail or "")
    assert third.status == "error"
    assert len(server.hits("/busy")) == 2


def test_429_without_retry_after_still_says_until_when(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed = feed_at(server.route("/busy", b"", status=429))
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

    first = _only(fetch(now=now))

    assert (first.error or "").endswith("wait until 2026-11-22 13:00 UTC")
    stored = store.feeds.get(feed.id)
    assert stored is not None and stored.retry_after == now + timedelta(hours=1)


def test_503_with_an_http_date_retry_after(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    feed = feed_at(
        server.route("/down", b"", status=503, headers={"Retry-After": "Sun, 22 Nov 2026 12:30:00 GMT"})
    )
    fetch(now=now)
    stored = store.feeds.get(feed.id)
    assert stored is not None and stored.retry_after == now + timedelta(minutes=30)


def test_interval_is_honoured_unless_forced(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    feed_at(server.route("/feed", rss(item(1))), interval_minutes=60)
    now = datetime.now(UTC)
    fetch(now=now)

    later = _only(fetch(now=now + timedelta(minutes=59), force=False))
    forced = _only(fetch(now=now + timedelta(minutes=59), force=True))
    due = _only(fetch(now=now + timedelta(minutes=59 + 61), force=False))

    assert later.status == "skipped" and "interval" in (later.detail or "")
    assert (forced.status, due.status) == ("ok", "ok")
    assert len(server.hits("/feed")) == 3


def test_a_response_slower_than_the_timeout_is_abandoned(
    server: FeedServer, fetch: Fetch, feed_at: AddFeed
) -> None:
    feed_at(server.route("/slow", rss(item(1)), delay=3.0))
    result = _only(fetch(fast_config(timeout_seconds=0.3)))
    assert result.status == "error" and result.error == "timed out after 0.3 s"


def test_a_server_dripping_bytes_hits_the_deadline(
    server: FeedServer, fetch: Fetch, feed_at: AddFeed
) -> None:
    stop = threading.Event()

    def drip(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.end_headers()
        while not stop.wait(0.05):
            request.wfile.write(b" ")
            request.wfile.flush()

    server.routes["/drip"] = drip
    feed_at(server.url("/drip"))
    try:
        result = _only(fetch(fast_config(timeout_seconds=2.0, deadline_seconds=0.6)))
    finally:
        stop.set()
    assert result.error == "still downloading after 0.6 s; abandoned"


def test_a_redirect_loop_is_an_error(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    server.route("/a", status=302, headers={"Location": "/b"})
    server.route("/b", status=302, headers={"Location": "/a"})
    feed_at(server.url("/a"))
    assert "redirect loop" in (_only(fetch()).error or "")


def test_a_permanent_redirect_moves_the_feed_a_temporary_one_does_not(
    server: FeedServer, store: Store, fetch: Fetch, feed_at
) -> None:
    server.route("/old", status=301, headers={"Location": "/new"})
    server.route("/new", rss(item(1)))
    server.route("/elsewhere", status=302, headers={"Location": "/new"})
    moved = feed_at(server.url("/old"))
    kept = feed_at(server.url("/elsewhere"))

    results = {r.feed_id: r for r in fetch().results}

    assert results[moved.id].moved_to == server.url("/new")
    assert store.feeds.get(moved.id).url == server.url("/new")  # type: ignore[union-attr]
    assert store.feeds.get(kept.id).url == server.url("/elsewhere")  # type: ignore[union-attr]


def test_gzip_bodies_are_decoded(server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed) -> None:
    feed_at(
        server.route(
            "/gz",
            gzip.compress(rss(item(1), item(2))),
            headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
        )
    )
    assert _only(fetch()).new == 2
    assert server.hits("/gz")[0].headers["accept-encoding"].startswith("gzip")


def test_an_endless_body_is_abandoned_at_the_cap(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    def endless(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.end_headers()
        request.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
        for _ in range(10_000):  # 640 MB at most, should the client never hang up
            request.wfile.write(b"<item><title>x</title></item>" * 2000)

    server.routes["/endless"] = endless
    feed_at(server.url("/endless"))
    result = _only(fetch(fast_config(max_bytes=200_000)))
    assert result.error == "body larger than 0.2 MB; abandoned"


def test_a_declared_oversized_body_is_not_read(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    feed_at(server.route("/big", b"x" * 5000))
    assert "larger than" in (_only(fetch(fast_config(max_bytes=1000))).error or "")


def test_a_gzip_bomb_is_capped_on_decoded_bytes(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    bomb = gzip.compress(b" " * 20_000_000)
    feed_at(server.route("/bomb", bomb, headers={"Content-Encoding": "gzip"}))
    assert len(bomb) < 100_000
    assert "larger than" in (_only(fetch(fast_config(max_bytes=1_000_000))).error or "")


def test_malformed_xml_keeps_its_entries_and_records_the_problem(
    server: FeedServer, store: Store, fetch: Fetch, feed_at
) -> None:
    broken = rss(item(1), item(2)).replace(b"</channel></rss>", b"<item><title>unclosed")
    feed = feed_at(server.route("/broken", broken))

    result = _only(fetch())

    assert result.status == "ok" and result.new >= 2 and result.detail
    stored = store.feeds.get(feed.id)
    assert stored is not None and stored.last_warning == result.detail


def test_html_is_not_a_feed(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    feed_at(
        server.route(
            "/page", b"<html><body><p>Hello</p></body></html>", headers={"Content-Type": "text/html"}
        )
    )
    result = _only(fetch())
    assert result.status == "error" and (result.error or "").startswith("not a feed")


def test_a_wrong_content_type_still_parses(server: FeedServer, fetch: Fetch, feed_at: AddFeed) -> None:
    feed_at(server.route("/plain", rss(item(1)), headers={"Content-Type": "text/plain"}))
    result = _only(fetch())
    assert (result.status, result.new) == ("ok", 1)


def test_windows_1252_declared_as_utf8(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed
) -> None:
    body = rss(item(1, title="Café owner’s “big” day"), encoding="cp1252")
    body = body.replace(b'encoding="cp1252"', b'encoding="utf-8"')
    feed_at(server.route("/1252", body, headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
    assert _only(fetch()).status == "ok"
    assert [a.title for a in store.articles.all()] == ["Café owner’s “big” day"]


def test_a_body_naming_a_file_is_not_read_as_a_path(
    server: FeedServer, store: Store, fetch: Fetch, feed_at: AddFeed, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss(item(1, title="read from disk")))
    feed_at(server.route("/path", str(secret).encode()))
    assert _only(fetch()).status == "error"
    assert store.articles.count() == 0


def test_connection_refused_is_an_error_not_a_crash(fetch: Fetch, feed_at: AddFeed) -> None:
    feed_at("http://127.0.0.1:9/feed")
    assert (_only(fetch()).error or "").startswith("cannot connect")


def test_concurrency_is_limited_per_host(server: FeedServer, store: Store, feed_at: AddFeed) -> None:
    for number in range(12):
        feed_at(server.route(f"/feed-{number}", rss(item(number)), delay=0.15))
    summary = fetch_all(store, fast_config(per_host=3), force=True)
    assert summary.count("ok") == 12
    assert server.most_busy == 3


@pytest.mark.parametrize("count", [3, 24], ids=["few", "many"])
def test_progress_is_reported_and_fetching_works_off_the_main_thread(
    server: FeedServer, store: Store, feed_at: AddFeed, count: int
) -> None:
    for number in range(count):
        feed_at(server.route(f"/feed-{number}", rss(item(number))))
    calls: list[tuple[int, int, str]] = []
    summaries: list[FetchSummary] = []

    def report(done: int, total: int, feed: Feed) -> None:
        calls.append((done, total, feed.url))

    worker = threading.Thread(
        target=lambda: summaries.append(fetch_all(store, fast_config(), force=True, progress=report))
    )
    worker.start()
    worker.join(20)
    assert summaries and summaries[0].new == count
    assert [(done, total) for done, total, _ in calls] == [(n, count) for n in range(1, count + 1)]
    assert {url for _, _, url in calls} == {server.url(f"/feed-{n}") for n in range(count)}
