"""The first morning after importing 300 LinkedIn connections and adding three feeds,
checked on `givedesk today --json` as a script would read it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from givedesk.tone import tone_of_text
from tests.day_one.desk_fixture import FEEDS, LARGE, write_connections, write_feeds

LARGE_COMPANY = 5
"""The default `[today] large_company`."""


@pytest.fixture
def morning(run_cli, tmp_path: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    files = tmp_path / "files"
    files.mkdir()
    write_connections(files / "Connections.csv", date.today())
    assert run_cli("contacts", "import", str(files / "Connections.csv")).code == 0
    # One person typed an interest: what stated interests look like beside field news.
    assert run_cli("contacts", "add", "Paloma Reyes", "--interest", "campsites").code == 0
    for path in write_feeds(files, datetime.now(UTC)):
        extra = ("--local",) if path.name == "local.xml" else ()
        assert run_cli("feeds", "add", str(path), *extra).code == 0
    assert run_cli("fetch").code == 0
    today = run_cli("today", "--json")
    assert today.code == 0, today.err
    pairs = json.loads(run_cli("matches", "--json").out)
    people = json.loads(run_cli("contacts", "list", "--json").out)
    return {"today": json.loads(today.out), "pairs": pairs, "people": people}


def test_the_first_morning_is_a_short_list_worth_acting_on(morning: dict[str, Any]) -> None:
    items, pairs = morning["today"]["items"], morning["pairs"]
    articles = [item for item in items if item["article"] is not None]
    ids = [item["article"]["id"] for item in articles]
    # One article, one row, and at most three people chosen for it...
    assert len(ids) == len(set(ids)) and all(len(i["people"]) <= 3 for i in articles)
    # ...while `matches --json` keeps one record per pair: the bank's results fit dozens.
    per_article = Counter(pair["article"]["title"] for pair in pairs)
    assert per_article["Northwind Bank publishes third-quarter results"] > 3
    # No mention or congratulation for a company with many people on the desk.
    size = Counter(person["company"] for person in morning["people"])
    assert max(size.values()) == max(LARGE.values())
    for item in articles:
        for person in item["people"]:
            if size[person["company"]] >= LARGE_COMPANY:
                assert person["kind"] != "mention", (item["title"], person)
        if size[item["contact"]["company"]] >= LARGE_COMPANY:
            assert item["label"] not in ("Mention", "Congrats", "Heads-up"), item["title"]
    # Bad news of a large employer is left out; of someone's own small company, a heads-up.
    titles = {item["title"]: item["label"] for item in articles}
    for gone in ("Northwind Bank to cut 400 jobs as branch network shrinks",
                 "A single point of failure triggered the Skyway Cloud outage",
                 "Fabrikam Motors recalls 20,000 vans over brake fault"):
        assert gone not in titles
    assert titles["Tidewater Plastics fined over river spill"] == "Heads-up"
    assert titles["Kettle Hill Brewing wins gold at the regional beer awards"] == "Congrats"
    summaries = {title: summary for feed in FEEDS.values() for title, summary in feed}
    for title, label in titles.items():
        if tone_of_text(title, summaries[title]) == "bad":
            assert label not in ("Congrats", "Share", "Field news"), title
    # A bad-news story shared for an interest is a heads-up, not a cheerful share.
    assert titles["Campsites closed after storm damage"] == "Heads-up"


def test_no_occasion_from_an_imported_connection_date(morning: dict[str, Any]) -> None:
    # The fixture connected people on this day two to eight years ago.
    assert [i for i in morning["today"]["items"] if i["kind"] == "occasion"] == []
    followups = [i for i in morning["today"]["items"] if i["kind"] == "followup"]
    assert followups and all(i["title"] == "New connection: a first give soon" for i in followups)


def test_key_relationships_are_offered_with_reasons_and_suggested_terms(
    morning: dict[str, Any],
) -> None:
    offered = morning["today"]["key_suggestions"]
    assert len(offered) == 10
    assert all(s["reasons"] and not s["contact"]["key"] for s in offered)
    assert any(reason.startswith("connected ") for reason in offered[0]["reasons"])
    assert any(s["suggested_needs"] or s["suggested_interests"] for s in offered)


def test_a_company_named_with_a_common_word_is_mentioned_only_by_news_of_it(
    morning: dict[str, Any],
) -> None:
    rows = {item["title"]: item for item in morning["today"]["items"] if item["article"]}
    # The fixture has people at UPS and at a small firm called Anchor.
    assert "Which UPS should I buy for my homelab rack?" not in rows
    assert "Anchor your shelves: a guide to wall fixings" not in rows
    carrier = rows["UPS raises delivery surcharges"]
    assert carrier["kind"] == "mention" and carrier["contact"]["company"] == "UPS"
    assert rows["Orbit celebrates ten years on the high street"]["label"] == "Congrats"


def test_people_with_only_a_role_get_news_of_their_field_below_stated_interests(
    morning: dict[str, Any],
) -> None:
    items = [item for item in morning["today"]["items"] if item["article"]]
    interests = {person["id"]: person["interests"] for person in morning["people"]}
    java = next(i for i in items if i["title"] == "Java 25 is out: what changes for developers")
    assert java["label"] == "Field news" and java["field_news"]
    assert java["people"] and all(not interests[p["id"]] for p in java["people"])
    assert f"news for {java['contact']['name'].split()[0]}'s field: java" in java["why"]
    shares = [n for n, i in enumerate(items) if i["label"] == "Share"]
    fields = [n for n, i in enumerate(items) if i["label"] == "Field news"]
    assert {items[n]["contact"]["name"] for n in shares} == {"Paloma Reyes"}
    assert max(shares) < min(fields)
