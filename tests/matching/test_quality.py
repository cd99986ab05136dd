"""Matching quality on the labelled evaluation set (tests/matching/eval_set.json)."""

from __future__ import annotations

from tests.matching.evaluation import (
    givedesk_predictions,
    load_eval_set,
    measure,
    naive_predictions,
)

MINIMUM = 0.85


def test_the_eval_set_is_big_enough_and_has_traps() -> None:
    data = load_eval_set()
    assert len(data.contacts) >= 15
    assert len(data.articles) >= 80
    assert len(data.gold) >= 60
    assert sum(not any(pair[0] == a.id for pair in data.gold) for a in data.articles) >= 20


def test_precision_and_recall_are_at_least_085() -> None:
    data = load_eval_set()
    scores = measure(set(givedesk_predictions(data)), set(data.gold))
    assert scores.precision >= MINIMUM, scores.false_positives
    assert scores.recall >= MINIMUM, scores.false_negatives


def test_suggestions_have_the_labelled_kind() -> None:
    data = load_eval_set()
    predicted = givedesk_predictions(data)
    found = set(predicted) & set(data.gold)
    wrong = {pair: (predicted[pair], data.gold[pair]) for pair in found if predicted[pair] != data.gold[pair]}
    assert len(wrong) <= (1 - MINIMUM) * len(found), wrong


def test_the_naive_matcher_falls_into_the_traps() -> None:
    """The set is worth something only if the obvious approach fails on it."""
    data = load_eval_set()
    ours = measure(set(givedesk_predictions(data)), set(data.gold))
    naive = measure(naive_predictions(data), set(data.gold))
    assert naive.precision < MINIMUM < ours.precision
    assert ("d02", "dev") in naive.false_positives
