"""`givedesk matches`: the JSON contract, the table, --all, errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from givedesk.matching.service import dismiss_match
from givedesk.models import Article, Contact, Feed
from givedesk.store import Store


def seed(store: Store) -> None:
    store.feeds.insert(Feed(url="https://gazette.example/rss", id="f1", name="Gazette"))
    store.contacts.insert(Contact(id="ana", name="Ana Lee", interests=["sailing"]))
    store.articles.insert_many([
        Article(
            id="s1", title="Sailing club [bold]opens[/bold]", summary="Free lessons on Sunday.",
            feed_id="f1", link="https://gazette.example/sailing", local=True,
            published=datetime.now(UTC) - timedelta(hours=2),
        ),
        Article(id="x1", title="Trust fund buys rustic lodge", feed_id="f1"),
    ])


def test_json_is_the_documented_array(store: Store, run_cli) -> None:  # type: ignore[no-untyped-def]
    seed(store)
    result = run_cli("matches", "--json")
    assert result.code == 0, result.err
    [match] = json.loads(result.out)
    assert set(match) == {"article", "contact", "score", "kind", "reasons"}
    assert set(match["article"]) == {"id", "title", "link", "feed", "published", "local"}
    assert match["article"]["feed"] == "Gazette"
    assert match["contact"] == {"id": "ana", "name": "Ana Lee"}
    assert match["kind"] == "interest"
    assert match["reasons"] == [
        {"field": "interests", "term": "sailing", "evidence": "Sailing club [bold]opens[/bold]"},
    ]


def test_table_prints_titles_literally(store: Store, run_cli) -> None:  # type: ignore[no-untyped-def]
    seed(store)
    result = run_cli("matches")
    assert result.code == 0, result.err
    assert "Ana Lee" in result.out
    assert "[bold]opens[/bold]" in result.out
    assert "Status" not in result.out


def test_all_includes_dismissed_pairs_with_their_status(store: Store, run_cli) -> None:  # type: ignore[no-untyped-def]
    seed(store)
    dismiss_match(store, "s1", "ana")
    assert json.loads(run_cli("matches", "--json").out) == []
    assert [m["article"]["id"] for m in json.loads(run_cli("matches", "--json", "--all").out)] == [
        "s1",
    ]
    table = run_cli("matches", "--all").out
    assert "Status" in table and "dismissed" in table


def test_an_empty_desk_says_what_to_do(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("matches")
    assert result.code == 0
    assert "No suggestions today" in result.out


def test_a_bad_matching_setting_is_one_line_and_changes_nothing(home: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text("[matching]\nnot_relevant_factor = 2\n")
    result = run_cli("matches")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert "matching.not_relevant_factor" in result.err
    assert not (home / "news.json").exists()
