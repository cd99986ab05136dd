"""`givedesk gives ...` and `givedesk asks ...` end to end."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.people import NOW, add_by_cli, assert_refused, freeze_cli_clock


@pytest.fixture
def zoe(run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    freeze_cli_clock(monkeypatch)
    add_by_cli(run_cli, "Hana Kobayashi")
    return add_by_cli(run_cli, "Zoë Okafor", "--key")


def test_log_and_list_gives(run_cli: Any, zoe: str, monkeypatch: pytest.MonkeyPatch) -> None:
    added = run_cli("gives", "add", "Zoë", "--kind", "help", "--note", "Coffee; [b]pricing[/b]",
                    "--link", "https://example.com/pricing")
    assert added.code == 0 and added.out.startswith("Logged a help give to Zoë Okafor (")
    monkeypatch.setattr("givedesk.cli.clock.local_now", lambda: NOW - timedelta(days=10))
    informed = run_cli("gives", "add", "Hana", "--kind", "info", "--note", "Sent the tax calendar")
    assert informed.out.startswith("Logged an info give to Hana Kobayashi (")
    [give, older] = json.loads(run_cli("gives", "--json").out)
    assert give["contact"] == {"id": zoe, "name": "Zoë Okafor"}
    assert (give["kind"], give["note"], give["link"]) == ("help", "Coffee; [b]pricing[/b]",
                                                           "https://example.com/pricing")
    assert give["given_on"] == NOW.isoformat() and older["note"] == "Sent the tax calendar"
    assert "[b]pricing[/b]" in run_cli("gives").out
    assert [g["id"] for g in json.loads(run_cli("gives", "--json", "--contact", "Zoë").out)] == [
        give["id"]]
    since = json.loads(run_cli("gives", "--json", "--since", "2026-11-15").out)
    assert [g["id"] for g in since] == [give["id"]]
    assert json.loads(run_cli("gives", "--json", "--kind", "info").out)[0]["id"] == older["id"]
    rows = list(csv.DictReader(io.StringIO(run_cli("gives", "--csv").out)))
    assert [(row["contact"], row["kind"]) for row in rows] == [("Zoë Okafor", "help"),
                                                               ("Hana Kobayashi", "info")]


def test_feedback(run_cli: Any, zoe: str) -> None:
    run_cli("gives", "add", "Zoë", "--kind", "article", "--note", "A piece on roasters")
    give_id = json.loads(run_cli("gives", "--json").out)[0]["id"]
    result = run_cli("gives", "feedback", give_id, "not-relevant")
    assert "Zoë Okafor will get fewer suggestions like it" in result.out
    assert json.loads(run_cli("gives", "--json").out)[0]["feedback"] == "not-relevant"
    run_cli("gives", "feedback", give_id, "none")
    assert json.loads(run_cli("gives", "--json").out)[0]["feedback"] is None


def test_stats(run_cli: Any, zoe: str) -> None:
    run_cli("gives", "add", "Zoë", "--kind", "help", "--note", "A call")
    stats = json.loads(run_cli("gives", "stats", "--json").out)
    assert stats["streak"] == 1 and len(stats["weeks"]) == 12
    assert stats["weeks"][-1] == {"start": "2026-11-16", "gives": 1}
    assert (stats["key_helped"], stats["key_total"], stats["key_not_helped"]) == (1, 1, [])
    text = run_cli("gives", "stats").out
    assert "Desk streak: 1 day\n" in text and "helped in the last 30 days: 1 of 1" in text


def test_asks_are_recorded_apart_and_flagged_gently(run_cli: Any, zoe: str) -> None:
    first = run_cli("asks", "add", "Zoë", "An intro to her bank")
    assert first.out.startswith("Recorded an ask of Zoë Okafor.")
    assert "asked Zoë more than you have given (1 ask, 0 gives)" in first.out
    run_cli("gives", "add", "Zoë", "--kind", "help", "--note", "A call")
    run_cli("gives", "add", "Zoë", "--kind", "help", "--note", "Another call")
    assert "more than" not in run_cli("asks", "add", "Zoë", "A quote").out
    assert json.loads(run_cli("gives", "--json").out)[0]["kind"] == "help"
    [row] = json.loads(run_cli("asks", "--json").out)
    assert row == {"contact": {"id": zoe, "name": "Zoë Okafor"}, "gives": 2, "asks": 2,
                   "flagged": False}
    run_cli("asks", "add", "Hana", "A favour")
    assert "asked more than given" in run_cli("asks").out.splitlines()[1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["gives", "add", "Zoë", "--kind", "gift", "--note", "x"], "'gift' is not one of"),
        (["gives", "add", "Zoë", "--kind", "help"], "Missing option '--note'"),
        (["gives", "add", "Zoë", "--kind", "help", "--note", "x", "--link", "ftp://x"],
         "must be an http(s) URL"),
        (["gives", "add", "Nobody", "--kind", "help", "--note", "x"], "no contact named"),
        (["gives", "--json", "--csv"], "cannot be combined"),
        (["gives", "--since", "last week"], "--since"),
        (["gives", "--since", "2026-13-01"], "not a date: '2026-13-01'"),
        (["gives", "feedback", "nope", "useful"], "no give with id 'nope'"),
        (["gives", "feedback", "nope", "meh"], "'meh' is not one of"),
        (["asks", "add", "Zoë", " "], "needs a text"),
    ],
)
def test_mistakes_are_one_line_and_change_nothing(
    run_cli: Any, home: Path, zoe: str, args: list[str], expected: str
) -> None:
    assert_refused(run_cli, home, args, expected)
