"""Reading a need: whole words, its head, its modifiers, and whether it asks for clients."""

from __future__ import annotations

import pytest

from givedesk.intros.analysis import lemma, read_phrase


@pytest.mark.parametrize(("word", "folded"), [
    ("tours", "tour"), ("touring", "touring"), ("Cafés", "cafe"), ("bakeries", "bakery"),
    ("businesses", "business"), ("bookkeeper", "bookkeeper"), ("bookkeeping", "bookkeeping"),
    ("Núñez's", "nunez"), ("analysis", "analysis"),
])
def test_words_fold_case_accents_and_plurals_but_are_never_stemmed(word: str, folded: str) -> None:
    assert lemma(word) == folded


def test_the_head_says_what_is_needed_and_the_rest_qualifies_it() -> None:
    need = read_phrase("touring musicians for weeknights")
    assert (need.shape, need.noun, set(need.concepts)) == ("supply", "musician", {"music"})
    assert "tourism" not in need.concepts and need.qualifier == ("weeknight",)


@pytest.mark.parametrize(("text", "kind"), [
    ("law-firm clients", {"legal"}),
    ("software startups as clients", {"startup"}),
    ("referrals from estate agents", {"property"}),
])
def test_a_need_for_clients_names_the_kind_of_client(text: str, kind: set[str]) -> None:
    need = read_phrase(text)
    assert need.shape == "clients" and set(need.concepts) == kind


def test_listed_items_are_not_modifiers_but_qualifying_words_are() -> None:
    assert read_phrase("donated bread and produce").modifiers == ()
    assert read_phrase("a patent attorney").modifiers == ("patent",)
    assert read_phrase("architect partners").concepts == {"architecture"}
