"""`givedesk leads ...` end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.people import MATEO_OPTIONS, PRIYA_OPTIONS, add_by_cli, assert_refused, freeze_cli_clock

WING = "St. Vincent Medical is looking for an architect for the new wing"


@pytest.fixture
def mateo_id(run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    freeze_cli_clock(monkeypatch)
    add_by_cli(run_cli, "Priya Raman", *PRIYA_OPTIONS)
    return add_by_cli(run_cli, "Mateo Núñez", *MATEO_OPTIONS)


def test_add_shows_whom_to_forward_to_and_forward_records_the_give(
    run_cli: Any, mateo_id: str
) -> None:
    added = run_cli("leads", "add", WING, "--link", "https://gazette.example.com/wing",
                    "--source", "Harborview Gazette")
    assert added.code == 0
    lead_id = added.out.split()[2].rstrip(".")
    assert "Forward it to:" in added.out and "Mateo Núñez" in added.out
    assert "Priya" not in added.out
    assert f"givedesk leads forward {lead_id} NAME" in added.out

    [listed] = json.loads(run_cli("leads", "--json").out)
    assert (listed["id"], listed["source"], listed["forwarded_to"]) == (
        lead_id, "Harborview Gazette", [])
    assert listed["candidates"][0]["contact"] == {"id": mateo_id, "name": "Mateo Núñez"}
    assert listed["candidates"][0]["reasons"][0]["evidence"] == "architect"

    forwarded = run_cli("leads", "forward", lead_id, "Mateo")
    assert "(source: Harborview Gazette)" in forwarded.out
    [give] = json.loads(run_cli("gives", "--json").out)
    assert (give["kind"], give["lead_id"], give["source"]) == ("lead", lead_id,
                                                               "Harborview Gazette")
    [listed] = json.loads(run_cli("leads", "--json").out)
    assert listed["forwarded_to"] == [{"id": mateo_id, "name": "Mateo Núñez"}]
    assert listed["candidates"] == []


def test_a_lead_nobody_matches(run_cli: Any, mateo_id: str) -> None:
    assert "Nobody on the desk matches it yet." in run_cli("leads", "add", "A bakery for sale").out


def test_an_empty_desk_has_no_leads_yet(run_cli: Any) -> None:
    assert run_cli("leads").out.startswith("No leads yet. Record one with")


def test_dismiss(run_cli: Any, mateo_id: str) -> None:
    lead_id = run_cli("leads", "add", WING).out.split()[2].rstrip(".")
    assert run_cli("leads", "dismiss", lead_id).code == 0
    assert run_cli("leads").out.startswith(
        "No open leads (1 dismissed; givedesk leads --all lists them).")
    assert lead_id in run_cli("leads", "--all").out
    assert json.loads(run_cli("leads", "--all", "--json").out)[0]["dismissed"] is True


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["leads", "add", " "], "needs a text"),
        (["leads", "add", "x", "--link", "javascript:alert(1)"], "must be an http(s) URL"),
        (["leads", "forward", "nope", "Mateo"], "no lead with id 'nope'"),
        (["leads", "dismiss", "nope"], "no lead with id 'nope'"),
    ],
)
def test_mistakes_are_one_line_and_change_nothing(
    run_cli: Any, home: Path, mateo_id: str, args: list[str], expected: str
) -> None:
    assert_refused(run_cli, home, args, expected)
