"""`feeds add` given a website's address adds the feed its page names."""

from __future__ import annotations

import json

from tests.feeds.conftest import FeedServer, item, rss

PAGE = b"""<!DOCTYPE html><html><head><title>Gazette</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" title="Gazette &amp; Times: all news" href="/news/all">
<link rel="alternate" type="application/atom+xml" title="Sport" href="/sport.atom">
</head><body>Welcome</body></html>"""


def test_a_web_page_adds_the_feed_it_names(run_cli, server: FeedServer) -> None:  # type: ignore[no-untyped-def]
    page = server.route("/", PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    server.route("/news/all", rss(item(1)))

    result = run_cli("feeds", "add", page)

    assert result.code == 0 and result.err == ""
    feed_url = server.url("/news/all")
    assert result.out.splitlines()[0] == (
        f"{page} is a web page; adding the feed it names: {feed_url} (Gazette & Times: all news)"
    )
    assert [f["url"] for f in json.loads(run_cli("feeds", "list", "--json").out)] == [feed_url]


def test_a_web_page_naming_no_feed_is_refused(run_cli, server: FeedServer) -> None:  # type: ignore[no-untyped-def]
    page = server.route("/about", b"<html><head><title>About</title></head></html>",
                        headers={"Content-Type": "text/html"})
    result = run_cli("feeds", "add", page)
    assert result.code == 2
    assert result.err.startswith(f"givedesk: error: '{page}' is a web page that names no feed")
    assert json.loads(run_cli("feeds", "list", "--json").out) == []


def test_a_feed_at_a_plain_address_is_added_as_given(run_cli, server: FeedServer) -> None:  # type: ignore[no-untyped-def]
    url = server.route("/news", rss(item(1)), headers={"Content-Type": "text/html"})  # sic
    result = run_cli("feeds", "add", url)
    assert result.code == 0 and "web page" not in result.out and result.err == ""
    assert [f["url"] for f in json.loads(run_cli("feeds", "list", "--json").out)] == [url]
    assert len(server.hits("/news")) == 1
