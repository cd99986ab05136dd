"""Floors on the labelled introductions (tests/intros/data, see evaluation.py).

Measured 2026-12-02 (benchmarks/bench_intros.py prints them beside the old suggester):
dev precision@5 0.87, recall 0.91, no trap; held-out precision@5 0.73, recall 0.95, one
trap ("new patients for an evening clinic" met by "free legal clinics"). The floors
sit just under: a change that loses a pair or adds a wrong one on either split fails.

The whole ranking of both desks is also kept as a snapshot (`__snapshots__/`, taken
from the suggester before issue 13's speed work): making it faster must not change a
pair, a score or a sentence. A deliberate change to the scoring updates it with
`pytest tests/intros/test_quality.py --snapshot-update`, and says so in its commit.
"""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from givedesk.config import Config
from givedesk.intros import rank_pairs
from givedesk.intros.explain import distinctive_words
from givedesk.models import Contact
from tests.intros.evaluation import SPLITS, evaluate, load

FLOORS = {"dev": (0.85, 0.90, 0), "heldout": (0.70, 0.94, 1)}
"""precision@5, recall, and the most traps allowed."""


def rank(people: list[Contact]) -> list[object]:
    return rank_pairs(people, Config())  # type: ignore[return-value]


@pytest.mark.parametrize("split", SPLITS)
def test_precision_recall_and_traps_stay_above_their_floors(split: str) -> None:
    quality = evaluate(rank, load(split))  # type: ignore[arg-type]
    precision, recall, traps = FLOORS[split]
    assert quality.precision_at_5 >= precision, quality.wrong_at_5
    assert quality.recall >= recall, quality.missed
    assert len(quality.traps) <= traps, quality.traps


@pytest.mark.parametrize("split", SPLITS)
def test_no_note_to_a_names_b_or_b_company(split: str) -> None:
    for suggestion in rank_pairs(load(split).people, Config()):
        words = set(suggestion.why_a.casefold().replace(".", " ").replace(",", " ").split())
        assert words.isdisjoint(distinctive_words(suggestion.b)), suggestion.why_a
        assert suggestion.b.company not in suggestion.why_a
        assert suggestion.a.first_name in suggestion.why_b


@pytest.mark.parametrize("split", SPLITS)
def test_the_whole_ranking_is_unchanged(split: str, snapshot: SnapshotAssertion) -> None:
    ranking = [(s.a.name, s.b.name, round(s.score, 1), s.why_a, s.why_b,
                [tuple(reason.to_json().values()) for reason in s.reasons])
               for s in rank_pairs(load(split).people, Config())]
    assert ranking == snapshot
