"""Top suggestions without building every pair: the limit, the heap, hidden pairs, and
reading each wording once."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from benchmarks.bench_intros import generate_desk
from givedesk.config import Config, IntrosConfig
from givedesk.intros import dismiss_suggestion, rank_pairs, suggest_intros
from givedesk.intros import suggest as suggest_module
from givedesk.intros.analysis import Found
from givedesk.models import Contact
from givedesk.store import Store
from tests.intros.evaluation import load
from tests.people import NOW, add_person

CONFIG = Config()


def names(suggestions: list[Any]) -> list[tuple[str, str, float]]:
    return [(s.a.name, s.b.name, s.score) for s in suggestions]


@pytest.mark.parametrize("limit", [1, 5, 20])
def test_the_best_few_are_the_head_of_the_full_ranking(limit: int) -> None:
    people = load("dev").people + generate_desk(300)
    assert names(rank_pairs(people, CONFIG, limit=limit)) == \
        names(rank_pairs(people, CONFIG)[:limit])


def test_only_the_kept_suggestions_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    real = suggest_module.IntroSuggestion

    def counting(*args: Any) -> object:
        built.append(args)
        return real(*args)

    monkeypatch.setattr(suggest_module, "IntroSuggestion", counting)
    people = generate_desk(600)
    assert len(rank_pairs(people, CONFIG, limit=20)) == 20
    assert len(built) == 20


def test_dismissed_pairs_leave_no_gap_in_the_top(store: Store) -> None:
    needy = add_person(store, "Zoë", needs=["a bookkeeper"], tags=["coffee"])
    for number in range(4):
        add_person(store, f"Keeper {number}", role="Bookkeeper", tags=["finance"])
    config = Config(intros=IntrosConfig(max_suggestions=3))
    first = suggest_intros(store, config, NOW)
    assert len(first) == 3
    dismiss_suggestion(store, needy.id, first[0].b.id, NOW)
    after = suggest_intros(store, config, NOW)
    assert len(after) == 3 and first[0].b.name not in {s.b.name for s in after}
    assert len(suggest_intros(store, config, NOW, limit=2)) == 2


def test_each_wording_is_read_once_not_once_per_person(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of people repeat a few hundred roles, fields and offers: finding their
    lexicon terms follows the distinct wordings, not the people, so a desk of twice the
    people with the same wordings reads no more."""
    read: list[tuple[str, ...]] = []
    real = suggest_module.find_terms

    def counting(words: tuple[str, ...]) -> list[Found]:
        read.append(words)
        return real(words)

    def reads(people: list[Contact]) -> int:
        read.clear()
        suggest_module._identity_terms.cache_clear()
        suggest_module._read_offer.cache_clear()
        assert rank_pairs(people, CONFIG, limit=20)
        return len(read)

    monkeypatch.setattr(suggest_module, "find_terms", counting)
    people = generate_desk(1_000)
    twins = [dataclasses.replace(person, id=f"{person.id}-twin") for person in people]
    assert 0 < reads(people) == reads(people + twins)
