"""Matching quality on the labelled evaluation sets.

`eval_set.json` is the first set; `eval_set_2.json` (issue #10) is larger, has traps of
every class, and is split into a dev part (tuned on) and a held-out part (only scored,
the split fixed before the matcher was changed). The held-out F1 is the figure that
counts.
"""

from __future__ import annotations

import pytest

from tests.matching.evaluation import (
    EVAL_SET,
    EVAL_SET_2,
    givedesk_predictions,
    load_eval_set,
    measure,
    naive_predictions,
)

MINIMUM = 0.85
HELD_OUT_F1 = 0.90
"""The goal of issue #10: F1 at least this on data the matcher was not tuned on."""
DEV_F1 = 0.92
OLD_F1 = 0.95
MAX_GAP = 0.03
"""Dev F1 minus held-out F1 stays below this: tuning has not fitted the dev part alone."""


def test_the_eval_set_is_big_enough_and_has_traps() -> None:
    data = load_eval_set()
    assert len(data.contacts) >= 15
    assert len(data.articles) >= 80
    assert len(data.gold) >= 60
    assert sum(not any(pair[0] == a.id for pair in data.gold) for a in data.articles) >= 20


def test_the_second_set_is_big_split_and_has_every_trap_class() -> None:
    import json

    data = json.loads(EVAL_SET_2.read_text(encoding="utf-8"))
    assert len(data["contacts"]) >= 30
    assert len(data["articles"]) >= 200
    splits = {a["split"] for a in data["articles"]}
    assert splits == {"dev", "heldout"}
    notes = " ".join(a["note"] for a in data["articles"] if a["split"] == "heldout")
    for trap in ("sense", "namesake", "paraphrase", "subject relevance", "true"):
        assert trap in notes


def test_precision_and_recall_are_at_least_085() -> None:
    data = load_eval_set()
    scores = measure(set(givedesk_predictions(data)), set(data.gold))
    assert scores.precision >= MINIMUM, scores.false_positives
    assert scores.recall >= MINIMUM, scores.false_negatives
    assert scores.f1 >= OLD_F1


def test_f1_on_the_second_set_held_out_and_dev() -> None:
    held_out = load_eval_set(EVAL_SET_2, "heldout")
    dev = load_eval_set(EVAL_SET_2, "dev")
    held = measure(set(givedesk_predictions(held_out)), set(held_out.gold))
    tuned = measure(set(givedesk_predictions(dev)), set(dev.gold))
    assert held.f1 >= HELD_OUT_F1, (held.false_positives, held.false_negatives)
    assert tuned.f1 >= DEV_F1, (tuned.false_positives, tuned.false_negatives)
    assert tuned.f1 - held.f1 <= MAX_GAP


@pytest.mark.parametrize(("path", "split"), [(EVAL_SET, None), (EVAL_SET_2, "dev")])
def test_suggestions_have_the_labelled_kind(path, split) -> None:  # type: ignore[no-untyped-def]
    data = load_eval_set(path, split)
    predicted = givedesk_predictions(data)
    found = set(predicted) & set(data.gold)
    assert len(found) >= MINIMUM * len(data.gold), "too few labelled pairs were matched"
    wrong = {pair: (predicted[pair], data.gold[pair]) for pair in found if predicted[pair] != data.gold[pair]}
    assert len(wrong) <= (1 - MINIMUM) * len(found), wrong


def test_the_naive_matcher_falls_into_the_traps() -> None:
    """The sets are worth something only if the obvious approach fails on them."""
    data = load_eval_set()
    ours = measure(set(givedesk_predictions(data)), set(data.gold))
    naive = measure(naive_predictions(data), set(data.gold))
    assert naive.precision < MINIMUM < ours.precision
    assert ("d02", "dev") in naive.false_positives
    second = load_eval_set(EVAL_SET_2, "heldout")
    assert measure(naive_predictions(second), set(second.gold)).f1 < 0.6
