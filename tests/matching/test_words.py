"""Single words: normalising, stemming, short words and typos."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from givedesk.matching.engine import _typo_pairs
from givedesk.matching.words import (
    normalize_word,
    stem,
    term_word,
    tokens,
    typo_similarity,
    word_similarity,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Podcasting", "podcasting"),
        ("Núñez", "nunez"),
        ("Okafor's", "okafor"),
        ("Okafor’s", "okafor"),
        ("don't", "dont"),
        ("İstanbul", "istanbul"),
        ("IT", "IT"),
        ("It", "it"),
        ("US", "US"),
        ("AI", "ai"),
    ],
)
def test_normalize_word(raw: str, expected: str) -> None:
    assert normalize_word(raw) == expected


def test_tokens_split_hyphens_and_underscores_but_keep_apostrophes() -> None:
    assert tokens("bike-lanes, snake_case and Okafor's 5G") == [
        "bike", "lanes", "snake", "case", "and", "Okafor's", "5G",
    ]


@pytest.mark.parametrize(
    "forms",
    [
        ("podcast", "podcasts", "podcasting", "podcaster"),
        ("bike", "bikes", "biking"),
        ("lane", "lanes"),
        ("run", "running", "runner", "runners", "runs"),
        ("bookkeeper", "bookkeeping", "bookkeepers"),
        ("library", "libraries"),
        ("study", "studied", "studies", "studying"),
        ("engineer", "engineers", "engineering"),
        ("speed", "speeding", "speeds"),
        ("house", "houses"),
    ],
)
def test_inflections_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(form) for form in forms}) == 1, {form: stem(form) for form in forms}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("transit", "transition"),
        ("rust", "rustic"),
        ("rust", "trust"),
        ("market", "marketing"),
        ("new", "news"),
        ("let", "letters"),
        ("engine", "engineer"),
        ("compost", "composer"),
    ],
)
def test_derivations_keep_their_own_stem(one: str, other: str) -> None:
    assert stem(one) != stem(other)


@pytest.mark.parametrize(
    ("term", "word", "matches"),
    [
        ("rust", "rust", True),
        ("rust", "rusted", False),
        ("rust", "rustic", False),
        ("ai", "ais", True),
        ("bus", "buses", True),
        ("case", "cases", True),
        ("bike", "bikes", True),
        ("bike", "biking", False),
        ("wine", "winery", False),
        ("wine", "wins", False),
    ],
)
def test_short_words_match_themselves_and_their_plural_only(
    term: str, word: str, matches: bool
) -> None:
    assert (word_similarity(term_word(term), word) == 100.0) is matches


@pytest.mark.parametrize(
    ("a", "b", "forgiven"),
    [
        ("security", "securty", True),
        ("cybersecurity", "cybersecuirty", True),
        ("organisation", "organization", True),
        ("marathon", "maratohn", True),
        ("protect", "protest", False),
        ("contract", "contrast", False),
        ("zamoutu", "zaimutu", False),
        ("security", "fecurity", False),
        ("podcast", "podcat", False),
    ],
)
def test_typos_are_forgiven_only_in_the_shapes_people_make(
    a: str, b: str, forgiven: bool
) -> None:
    assert (typo_similarity(a, b) > 0) is forgiven
    assert (typo_similarity(b, a) > 0) is forgiven


def test_a_typo_scores_below_an_exact_word() -> None:
    slot = term_word("cybersecurity")
    assert 85 < word_similarity(slot, "cybersecurty") < 100
    assert word_similarity(slot, "cybersecurity") == 100


KEYS = st.text(alphabet="abcde", min_size=6, max_size=14)


@settings(max_examples=60, deadline=None)
@given(slots=st.lists(KEYS, min_size=1, max_size=8), keys=st.lists(KEYS, max_size=40))
def test_typo_shortlist_holds_every_forgivable_pair(slots: list[str], keys: list[str]) -> None:
    """The engine compares only shortlisted pairs; it must never miss one."""
    vocabulary = set(keys)
    shortlisted = {(slot[0], key) for slot, key in _typo_pairs([(s, "stem") for s in slots], vocabulary)}
    forgivable = {(s, k) for s in slots for k in vocabulary if typo_similarity(s, k) > 0}
    assert forgivable <= shortlisted
