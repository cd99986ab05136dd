"""Suggested introductions: needs met, interests shared across fields, and what hides them."""

from __future__ import annotations

from datetime import timedelta

from givedesk.config import Config, IntrosConfig
from givedesk.intros import (
    dismiss_suggestion,
    explain_pair,
    propose_intro,
    rank_pairs,
    snooze_suggestion,
    suggest_intros,
)
from givedesk.models import Contact
from givedesk.store import Store
from tests.people import NOW, add_person, mateo, priya

CONFIG = Config()


def pairs(store: Store, config: Config = CONFIG, **options: bool) -> list[tuple[str, str]]:
    return [(s.a.name, s.b.name) for s in suggest_intros(store, config, NOW, **options)]


def test_a_need_meets_an_offer_and_both_sides_are_explained(store: Store) -> None:
    mateo(store)
    priya(store)
    [found] = suggest_intros(store, CONFIG, NOW)
    assert (found.a.name, found.b.name) == ("Priya Raman", "Mateo Núñez")
    assert [(r.a_field, r.a_term, r.b_field, r.b_term) for r in found.reasons] == [
        ("needs", "architects for the new wing",
         "offers", "architects for hospital and clinic projects"),
    ]
    why_a = ("You're looking for architects for the new wing, and I know someone who offers "
             "architects for hospital and clinic projects.")
    why_b = ("Priya is looking for architects for the new wing, and you offer architects for "
             "hospital and clinic projects.")
    assert (found.why_a, found.why_b) == (why_a, why_b)
    assert found.to_json() == {
        "a": {"id": found.a.id, "name": "Priya Raman"},
        "b": {"id": found.b.id, "name": "Mateo Núñez"},
        "score": round(found.score, 1),
        "reasons": [
            {"a_field": "needs", "a_term": "architects for the new wing", "b_field": "offers",
             "b_term": "architects for hospital and clinic projects"},
        ],
        "why_a": why_a,
        "why_b": why_b,
    }


def test_who_needs_the_same_competes_for_it_unless_they_offer_it(store: Store) -> None:
    add_person(store, "Úna", role="Hotel general manager", needs=["chefs"], tags=["tourism"])
    add_person(store, "Lisa", role="Restaurant owner and chef", needs=["chefs"], tags=["food"])
    assert pairs(store) == []
    add_person(store, "Cathal", role="Culinary school director", needs=["chefs"],
               offers=["trainee chefs for placements"], tags=["education"])
    assert {frozenset(pair) for pair in pairs(store)} == {
        frozenset(("Úna", "Cathal")), frozenset(("Lisa", "Cathal"))}


def test_a_role_can_meet_a_need_with_plurals_and_word_forms(store: Store) -> None:
    add_person(store, "Zoë", needs=["a bookkeeper"], tags=["coffee"])
    add_person(store, "Hana", role="Bookkeeping consultant", tags=["finance"])
    [found] = suggest_intros(store, CONFIG, NOW)
    assert (found.a.name, found.reasons[0].b_field) == ("Zoë", "role")


def test_words_inside_other_words_are_not_matches(store: Store) -> None:
    add_person(store, "Jonas", needs=["Rust developers"], tags=["software"])
    add_person(store, "Ben", offers=["trust fund advice"], company="Trustworthy Bank",
               tags=["finance"])
    assert pairs(store) == []


def test_shared_interests_count_only_across_fields(store: Store) -> None:
    add_person(store, "Jonas", interests=["timber construction"], tags=["software"])
    add_person(store, "Mateo", interests=["Timber construction"], tags=["architecture"])
    add_person(store, "Ada", interests=["timber constructions"], tags=["Software"])
    add_person(store, "Colleague", interests=["timber construction"], company="Tidewater Labs")
    add_person(store, "Jonas's colleague", interests=["timber construction"],
               company="Tidewater Labs")
    found = pairs(store)
    assert ("Jonas", "Mateo") in found and ("Ada", "Mateo") in found
    assert ("Ada", "Jonas") not in found and ("Jonas", "Ada") not in found
    assert not any({"Colleague", "Jonas's colleague"} == set(pair) for pair in found)


def test_crossing_fields_scores_higher(store: Store) -> None:
    needy = add_person(store, "Needy", needs=["design reviews for the wing"], tags=["health"])
    across = add_person(store, "Across", offers=["design reviews"], tags=["architecture"])
    unknown = add_person(store, "Unknown", offers=["design reviews"])
    scores = {s.b.name: s.score for s in rank_pairs([needy, across, unknown], CONFIG)}
    assert scores["Across"] == scores["Unknown"] + CONFIG.intros.cross_field_bonus


def test_the_threshold_and_the_maximum_apply(store: Store) -> None:
    priya(store)
    mateo(store)
    add_person(store, "Jonas", interests=["bike lanes"], tags=["software"])
    assert len(pairs(store)) == 2
    assert pairs(store, Config(intros=IntrosConfig(max_suggestions=1))) == [
        ("Priya Raman", "Mateo Núñez")]
    assert pairs(store, Config(intros=IntrosConfig(threshold=100))) == []


def test_dismissed_pairs_stay_hidden_whichever_way_round(store: Store) -> None:
    a, b = priya(store), mateo(store)
    state = dismiss_suggestion(store, b.id, a.id, NOW)
    assert (state.kind, state.status) == ("intro", "dismissed")
    assert (state.contact_id, state.subject_id) == tuple(sorted((a.id, b.id)))
    assert pairs(store) == []
    assert pairs(store, include_hidden=True) == [("Priya Raman", "Mateo Núñez")]
    assert store.states.count() == 1


def test_a_snoozed_pair_comes_back(store: Store) -> None:
    a, b = priya(store), mateo(store)
    state = snooze_suggestion(store, a.id, b.id, NOW, days=3)
    assert state.until == NOW.date() + timedelta(days=3)
    assert pairs(store) == []
    later = suggest_intros(store, CONFIG, NOW + timedelta(days=3))
    assert [(s.a.name, s.b.name) for s in later] == [("Priya Raman", "Mateo Núñez")]
    dismiss_suggestion(store, a.id, b.id, NOW)
    assert store.states.count() == 1 and store.states.all()[0].status == "dismissed"


def test_a_pair_with_an_introduction_is_not_suggested_again(store: Store) -> None:
    a, b = priya(store), mateo(store)
    propose_intro(store, b, a, NOW)
    assert pairs(store) == []


def test_explain_pair_keeps_the_order_asked_for() -> None:
    a = Contact(name="Priya", needs=["architects for the new wing"], tags=["health"])
    b = Contact(name="Mateo", offers=["architects for hospitals"], tags=["architecture"])
    forward, backward = explain_pair(a, b, CONFIG), explain_pair(b, a, CONFIG)
    assert forward is not None and backward is not None
    assert forward.reasons[0].a_field == "needs" and backward.reasons[0].a_field == "offers"
    assert (backward.a.name, backward.b.name) == ("Mateo", "Priya")
    assert explain_pair(a, Contact(name="Stranger"), CONFIG) is None
