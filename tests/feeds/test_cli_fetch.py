"""`givedesk fetch` and `feeds list` as a user or a script sees them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from givedesk.demo import populate_demo
from tests.feeds.conftest import FeedServer, item, rss


def test_fetch_prints_a_summary_and_feeds_list_shows_status(run_cli, server: FeedServer) -> None:  # type: ignore[no-untyped-def]
    run_cli("feeds", "add", server.route("/good", rss(item(1), item(2))), "--name", "Good")
    run_cli("feeds", "add", server.route("/gone", b"", status=404), "--name", "Gone")

    result = run_cli("fetch")

    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert any(line.split()[:3] == ["Good", "ok", "2"] for line in lines)
    assert any("Gone" in line and "HTTP 404 Not Found" in line for line in lines)
    assert lines[-1].startswith("2 feeds: 1 ok, 0 not modified, 0 skipped, 1 failed; 2 new articles")
    listed = run_cli("feeds", "list").out
    assert "HTTP 404 Not Found" in listed and "never fetched" not in listed
    again = run_cli("fetch")
    assert "0 ok, 0 not modified, 2 skipped" in again.out


def test_fetch_json(run_cli, server: FeedServer) -> None:  # type: ignore[no-untyped-def]
    run_cli("feeds", "add", server.route("/good", rss(item(1))))
    summary = json.loads(run_cli("fetch", "--json", "--force").out)
    assert summary["new"] == 1 and summary["counts"] == {"ok": 1}
    (feed,) = summary["feeds"]
    assert (feed["status"], feed["new"], feed["error"], feed["name"]) == ("ok", 1, None, "Test feed")
    listed = json.loads(run_cli("feeds", "list", "--json").out)
    assert (listed[0]["last_status"], listed[0]["failures"]) == ("ok", 0)


def test_fetch_with_no_feeds_says_how_to_add_one(run_cli) -> None:  # type: ignore[no-untyped-def]
    assert "givedesk feeds add" in run_cli("fetch").out


def test_a_bad_local_config_is_one_line(run_cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text('[local]\nfeeds = ["missing.xml"]\n')
    result = run_cli("fetch")
    assert result.code == 2 and result.err.count("\n") == 1
    assert "config.toml: [local] 'missing.xml': neither an http(s) URL nor an existing file" in result.err


def test_feeds_add_takes_an_interval(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "news.xml"
    path.write_bytes(rss(item(1)))
    assert run_cli("feeds", "add", str(path), "--interval", "5").code == 0
    assert json.loads(run_cli("feeds", "list", "--json").out)[0]["interval_minutes"] == 5


def test_the_demo_opens_with_its_news_fetched(tmp_path: Path) -> None:
    now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    store = populate_demo(tmp_path, now)
    articles = store.articles.all()
    assert len(articles) > 20
    assert any(a.local for a in articles) and not all(a.local for a in articles)
    assert all(feed.last_status == "ok" for feed in store.feeds.all())


def test_undated_articles_show_as_undated_and_rank_after_dated_ones(  # type: ignore[no-untyped-def]
    run_cli, server: FeedServer
) -> None:
    undated = {"title": "Harbour pilots wanted", "guid": "u", "link": "https://port.example/u"}
    dated = item(2, title="Harbour pilots wanted", days_ago=2)  # the same story, dated
    run_cli("feeds", "add", server.route("/port", rss(undated, dated)))
    run_cli("contacts", "add", "Ada Pilot", "--interest", "harbour pilots")
    run_cli("fetch")

    matches = json.loads(run_cli("matches", "--json").out)

    assert [(m["article"]["title"], m["article"]["published"] is None) for m in matches] == [
        ("Harbour pilots wanted", False), ("Harbour pilots wanted", True),
    ]

