"""`givedesk intros ...` end to end, as a user types it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.foundation.test_lazy import HEAVY, imported_by
from tests.people import MATEO_OPTIONS, NOW, PRIYA_OPTIONS, add_by_cli, assert_refused, freeze_cli_clock


@pytest.fixture
def pair(run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    freeze_cli_clock(monkeypatch)
    return add_by_cli(run_cli, "Priya Raman", *PRIYA_OPTIONS), add_by_cli(
        run_cli, "Mateo Núñez", *MATEO_OPTIONS)


def test_suggestions_as_json_have_the_documented_shape(run_cli: Any, pair: tuple[str, str]) -> None:
    priya_id, mateo_id = pair
    [found] = json.loads(run_cli("intros", "--json").out)
    assert set(found) == {"a", "b", "score", "reasons", "why_a", "why_b"}
    assert found["why_a"].startswith("You're looking for architects for the new wing, and I know")
    assert "Mateo" not in found["why_a"] and "Brightline" not in found["why_a"]
    assert found["why_b"].startswith("Priya is looking for architects for the new wing")
    assert found["a"] == {"id": priya_id, "name": "Priya Raman"}
    assert found["b"] == {"id": mateo_id, "name": "Mateo Núñez"}
    assert isinstance(found["score"], float) and 45 <= found["score"] <= 100
    assert found["reasons"][0] == {
        "a_field": "needs", "a_term": "architects for the new wing",
        "b_field": "offers", "b_term": "architects for hospital and clinic projects"}
    table = " ".join(run_cli("intros").out.split())
    assert "Priya Raman" in table and "Priya is looking for architects for the new wing" in table


def test_the_double_opt_in_from_the_command_line(run_cli: Any, pair: tuple[str, str]) -> None:
    proposed = run_cli("intros", "propose", "Priya", "Mateo")
    assert proposed.code == 0
    assert "Next: ask Priya Raman (without naming Mateo Núñez)." in proposed.out
    note_to_a = proposed.out.split("To: ", 1)[1]
    assert note_to_a.startswith("priya@example.com\nSubject: An introduction?")
    assert "Mateo" not in note_to_a and "Brightline" not in note_to_a
    [row] = json.loads(run_cli("intros", "list", "--json").out)
    intro_id = row["id"]
    assert (row["status"], row["overdue"], len(row["history"])) == ("proposed", False, 1)

    outputs = [run_cli("intros", "advance", intro_id).out for _ in range(5)]
    assert "asked A" in outputs[0] and "To:" not in outputs[0]
    assert "To: mateo@example.com\nSubject: Would you like to meet Priya Raman?" in outputs[1]
    assert "To: priya@example.com, mateo@example.com" in outputs[3]
    assert "Logged an intro give to Priya Raman and to Mateo Núñez." in outputs[4]
    gives = json.loads(run_cli("gives", "--json").out)
    assert sorted(g["contact"]["name"] for g in gives) == ["Mateo Núñez", "Priya Raman"]
    assert {g["kind"] for g in gives} == {"intro"} and {g["intro_id"] for g in gives} == {intro_id}

    shown = run_cli("intros", "show", intro_id).out
    assert shown.count("\n  2026-11-20 ") == 6 and "Subject: Introduction:" in shown
    assert run_cli("intros", "list").out.startswith("No introductions in progress")
    assert "introduced" in run_cli("intros", "list", "--all").out
    assert run_cli("intros", "--json").out.strip() == "[]"


def test_decline_and_no_reply(run_cli: Any, pair: tuple[str, str]) -> None:
    run_cli("intros", "propose", "Priya", "Mateo")
    intro_id = json.loads(run_cli("intros", "list", "--json").out)[0]["id"]
    refused = run_cli("intros", "decline", intro_id, "--no-reply")
    assert refused.code == 2 and "not waiting for an answer" in refused.err
    run_cli("intros", "advance", intro_id)
    ended = run_cli("intros", "decline", intro_id, "--no-reply", "--note", "two weeks, nothing")
    assert ended.code == 0 and "no reply" in ended.out
    [row] = json.loads(run_cli("intros", "list", "--all", "--json").out)
    assert row["history"][-1] == {"status": "no_reply", "at": row["since"],
                                  "note": "two weeks, nothing"}


def test_dismiss_and_snooze(run_cli: Any, pair: tuple[str, str]) -> None:
    assert "until 2026-11-27" in run_cli("intros", "snooze", "Mateo", "Priya", "--days", "7").out
    assert run_cli("intros", "--json").out.strip() == "[]"
    assert len(json.loads(run_cli("intros", "--json", "--all").out)) == 1
    assert run_cli("intros", "dismiss", "Priya", "Mateo").code == 0
    assert run_cli("intros", "--json").out.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["intros", "propose", "Priya", "Priya"], "two different people"),
        (["intros", "propose", "Priya", "Nobody"], "no contact named 'Nobody'"),
        (["intros", "advance", "nope"], "no introduction with id 'nope'"),
        (["intros", "decline", "nope"], "no introduction with id 'nope'"),
        (["intros", "snooze", "Priya", "Mateo", "--days", "0"], "--days"),
    ],
)
def test_mistakes_are_one_line_and_change_nothing(
    run_cli: Any, home: Path, pair: tuple[str, str], args: list[str], expected: str
) -> None:
    assert_refused(run_cli, home, args, expected)


def test_an_advance_past_the_end_is_refused(run_cli: Any, pair: tuple[str, str]) -> None:
    run_cli("intros", "propose", "Priya", "Mateo")
    intro_id = json.loads(run_cli("intros", "list", "--json").out)[0]["id"]
    for _ in range(5):
        run_cli("intros", "advance", intro_id)
    result = run_cli("intros", "advance", intro_id)
    assert result.code == 2 and "is introduced: it has no next step" in result.err


def test_a_waiting_step_is_recalled(run_cli: Any, pair: tuple[str, str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("intros", "propose", "Priya", "Mateo")
    intro_id = json.loads(run_cli("intros", "list", "--json").out)[0]["id"]
    run_cli("intros", "advance", intro_id)
    assert "waiting" not in run_cli("intros").out
    monkeypatch.setattr("givedesk.cli.clock.local_now", lambda: NOW + timedelta(days=6))
    assert "1 introduction(s) waiting more than 5 days" in run_cli("intros").out
    assert " 6 d !" in run_cli("intros", "list").out
    assert json.loads(run_cli("intros", "list", "--json").out)[0]["overdue"] is True


def test_commands_that_rank_nothing_load_no_ranking(run_cli: Any, home: Path,
                                                    pair: tuple[str, str]) -> None:
    """Only suggesting and drafting a message (which explains the pair) need the lexicon
    and the ranking; the rest of the double opt-in, and every --help, load none of it,
    nor numpy or rapidfuzz."""
    run_cli("intros", "propose", "Priya", "Mateo")
    intro_id = json.loads(run_cli("intros", "list", "--json").out)[0]["id"]
    unused = {*HEAVY, "givedesk.intros.lexicon", "givedesk.intros.messages"}
    for args in (["intros", "--help"], ["intros", "propose", "--help"], ["intros", "list"],
                 ["intros", "advance", intro_id], ["intros", "decline", intro_id],
                 ["intros", "dismiss", "Priya", "Mateo"]):
        assert imported_by(*args, home=home) & unused == set(), args
    assert "givedesk.intros.suggest" in imported_by("intros", "--json", home=home)
