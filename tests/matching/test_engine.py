"""Matching a desk: the indexed search agrees with one-text matching; ranking."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from givedesk.config import MatchingConfig
from givedesk.matching.engine import (
    find_hits,
    match_to_json,
    rank,
    searched_terms,
)
from givedesk.matching.lexicon import default_lexicon
from givedesk.matching.text import Analysed, compile_term, match_term
from givedesk.matching.words import STOP_WORDS
from givedesk.models import Article, Contact, MatchField, MatchHit
from tests.matching.evaluation import load_eval_set

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
HitKey = tuple[str, str, str, str, bool, float, int, int]


def one_text_at_a_time(articles: list[Article], contacts: list[Contact]) -> set[HitKey]:
    """What matching each text on its own finds: the definition `find_hits` must meet."""
    expected = set()
    for article in articles:
        for in_title, text in ((True, article.title), (False, article.summary)):
            analysed = Analysed(text)
            for contact in contacts:
                for field_name, term, style in searched_terms(contact, default_lexicon()):
                    compiled = compile_term(term, style, STOP_WORDS)
                    found = match_term(compiled, analysed, analysed.expansions(compiled.slots))
                    if found is not None:
                        expected.add((
                            article.id, contact.id, field_name, term, in_title,
                            round(found.similarity, 1), found.first, found.last,
                        ))
    return expected


def as_keys(hits: dict[str, list[MatchHit]]) -> set[HitKey]:
    return {
        (article_id, h.contact_id, h.field, h.term, h.in_title, h.similarity,
         h.first_token, h.last_token)
        for article_id, found in hits.items()
        for h in found
    }


def test_desk_matching_equals_one_text_matching_on_the_eval_set() -> None:
    data = load_eval_set()
    assert as_keys(find_hits(data.articles, data.contacts)) == one_text_at_a_time(
        data.articles, data.contacts
    )


TERMS = [
    "podcasting", "bike lanes", "cybersecurity", "machine learning", "Rust", "AI",
    "small business lending", "financing for a second roaster", "heat pumps", "running",
    "marathon training", "open source", "security auditors", "bookkeeping",
]


def variants(word: str) -> list[str]:
    """The word as people write it, and as they mistype it."""
    swapped = word[:3] + word[4] + word[3] + word[5:] if len(word) > 5 else word
    return [
        word, word.title(), word.upper(), f"{word}s", f"{word}ing", f"{word}er",
        word[:3] + word[4:], swapped, word[:3] + "x" + word[4:], f"{word}'s",
    ]


def random_desk(seed: int) -> tuple[list[Article], list[Contact]]:
    rng = random.Random(seed)
    pool = [v for term in TERMS for word in term.split() for v in variants(word)]
    pool += [
        "bike-lanes", "cyber security", "machine-learning", "open-source", "bikelanes",
        "book keeping", "start-ups", "trust", "rustic", "said", "rain", "transition",
        "the", "a", "to", "for", "of", "city", "council", "plan", "new", "run", "a", "the",
    ]

    def text() -> str:
        return " ".join(rng.choice(pool) for _ in range(rng.randint(3, 18)))

    articles = [
        Article(id=f"a{n}", title=text(), summary=text(), feed_id="f") for n in range(120)
    ]
    contacts = [
        Contact(
            id=f"c{n}", name=rng.choice(["Ana Rust", "Ben Heat", "Zoë Okafor"]),
            company=rng.choice(["Rust", "Open Source Labs Inc", ""]),
            interests=rng.sample(TERMS, 3), needs=rng.sample(TERMS, 1),
            muted_topics=rng.sample(TERMS, 1) if n % 4 == 0 else [],
        )
        for n in range(12)
    ]
    return articles, contacts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_desk_matching_equals_one_text_matching_on_random_text(seed: int) -> None:
    articles, contacts = random_desk(seed)
    found = as_keys(find_hits(articles, contacts))
    assert found == one_text_at_a_time(articles, contacts)
    assert len(found) > 100


def article(id_: str = "a1", *, age_days: float = 0.0, local: bool = False) -> Article:
    return Article(
        id=id_, title="Title", summary="Summary", feed_id="f", local=local,
        published=NOW - timedelta(days=age_days),
    )


def hit(
    contact_id: str = "c1", field: MatchField = "interests", term: str = "sailing", *,
    similarity: float = 100.0, in_title: bool = True,
) -> MatchHit:
    return MatchHit(contact_id, field, term, similarity, in_title, 0, 0)


PEOPLE = {"c1": Contact(id="c1", name="Ana Lee"), "c2": Contact(id="c2", name="Ben Ode")}
CONFIG = MatchingConfig(threshold=0, recency_penalty=0)


def score(*hits: MatchHit, article_: Article | None = None, config: MatchingConfig = CONFIG,
          penalties: dict[tuple[str, str], float] | None = None) -> float | None:
    target = article_ or article()
    ranked = rank({target.id: list(hits)}, [target], PEOPLE, now=NOW, config=config,
                  penalties=penalties)
    return ranked[0].score if ranked else None


def test_title_counts_more_than_summary() -> None:
    assert score(hit(in_title=True)) == 100
    assert score(hit(in_title=False)) == 70


def test_needs_and_mentions_rank_above_interests() -> None:
    interest = score(hit(in_title=False))
    need = score(hit(field="needs", in_title=False))
    mention = score(hit(field="company", in_title=False))
    local = score(hit(field="company", in_title=False), article_=article(local=True))
    assert interest is not None and need is not None and mention is not None
    assert interest < need < mention < (local or 0)


def test_each_further_term_adds_a_bonus_up_to_three() -> None:
    base = hit(term="topic0", in_title=False)
    more = [hit(term=f"topic{n}", similarity=60, in_title=False) for n in range(1, 6)]
    assert score(base) == 70
    assert score(base, more[0]) == 76
    assert score(base, *more) == 70 + 3 * 6
    assert score(base, hit(term="TOPIC0", similarity=90, in_title=False)) == 70


def test_the_kind_is_the_most_specific_found() -> None:
    target = article()
    hits = [hit(in_title=True), hit(field="name", term="Ana Lee", in_title=False)]
    ranked = rank({target.id: hits}, [target], PEOPLE, now=NOW, config=CONFIG)
    assert ranked[0].kind == "mention"
    assert [h.field for h in ranked[0].hits] == ["interests", "name"]


def test_older_articles_lose_score_and_stale_ones_are_left_out() -> None:
    config = MatchingConfig(threshold=0, recency_penalty=10, recency_days=5, max_age_days=14)
    fresh = score(hit(in_title=False), config=config)
    older = score(hit(in_title=False), article_=article(age_days=2.5), config=config)
    old = score(hit(in_title=False), article_=article(age_days=10), config=config)
    stale = score(hit(in_title=False), article_=article(age_days=15), config=config)
    assert (fresh, older, old, stale) == (70, 65, 60, None)


def test_a_muted_topic_drops_the_pair() -> None:
    assert score(hit(), hit(field="muted_topics", term="fishing", in_title=False)) is None


def test_feedback_down_weights_that_term_for_that_person_only() -> None:
    penalties = {("c1", "sailing"): 0.5}
    assert score(hit(in_title=False), penalties=penalties) == 35
    assert score(hit("c2", in_title=False), penalties=penalties) == 70


def test_threshold_and_order() -> None:
    config = MatchingConfig(threshold=50, recency_penalty=0)
    older, newer = article("old", age_days=1), article("new", age_days=0)
    hits = {
        "old": [hit("c1"), hit("c2", in_title=False, similarity=60)],
        "new": [hit("c1"), hit("c2", field="needs")],
    }
    ranked = rank(hits, [older, newer], PEOPLE, now=NOW, config=config)
    assert [(r.article.id, r.contact.id, r.score) for r in ranked] == [
        ("new", "c2", 100), ("new", "c1", 100), ("old", "c1", 100),
    ]


def test_match_json_has_exactly_the_documented_shape() -> None:
    target = Article(
        id="a1", title="Sailing club opens", summary="Free lessons on Sunday.", feed_id="f1",
        link="https://news.example/sailing", local=True, published=NOW,
    )
    found = find_hits([target], [Contact(id="c1", name="Ana Lee", interests=["sailing"])])
    ranked = rank(found, [target], {"c1": Contact(id="c1", name="Ana Lee")}, now=NOW,
                  config=MatchingConfig())
    assert match_to_json(ranked[0].to_match(feed="Gazette")) == {
        "article": {
            "id": "a1", "title": "Sailing club opens", "link": "https://news.example/sailing",
            "feed": "Gazette", "published": "2026-03-10T12:00:00+00:00", "local": True,
        },
        "contact": {"id": "c1", "name": "Ana Lee"},
        "score": 100.0,
        "kind": "interest",
        "reasons": [
            {"field": "interests", "term": "sailing", "evidence": "Sailing club opens"},
        ],
    }
