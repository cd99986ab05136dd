"""Today's matches from the store: decisions, the daily cap, feedback, the cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from givedesk import store as store_module
from givedesk.config import Config, MatchingConfig
from givedesk.errors import UserError
from givedesk.matching import cache as cache_module
from givedesk.matching import engine, service
from givedesk.matching.cache import hit_order
from givedesk.matching.columns import HitColumns, TermIndex
from givedesk.matching.context import ArticleText
from givedesk.matching.engine import Match, find_hits, rank, stop_words_for
from givedesk.matching.explain import judged_to_match
from givedesk.matching.judged import judge
from givedesk.matching.scorer import bundled_scorer
from givedesk.matching.semantic import MemoryVectors, VectorSource, people_vectors
from givedesk.matching.lexicon import BUNDLED, lexicon_for
from givedesk.matching.service import (
    dismiss_match,
    refresh_hits,
    set_match_status,
    snooze_match,
    todays_matches,
)
from givedesk.models import Article, Contact, Feed, Give, MatchHit
from givedesk.store import Store
from tests.matching.evaluation import EVAL_SET, EVAL_SET_2, load_eval_set

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
TODAY = NOW.date()


def news(id_: str, title: str, summary: str = "", *, hours_ago: float = 1.0) -> Article:
    return Article(
        id=id_, title=title, summary=summary, feed_id="f1",
        published=NOW - timedelta(hours=hours_ago),
    )


@pytest.fixture
def desk(store: Store) -> Store:
    store.feeds.insert(Feed(url="https://gazette.example/rss", id="f1", name="Gazette"))
    store.contacts.insert_many([
        Contact(id="ana", name="Ana Lee", interests=["sailing", "podcasting"],
                needs=["a bookkeeper"]),
        Contact(id="ben", name="Ben Ode", company="Ode Bikes", interests=["bike lanes"]),
    ])
    store.articles.insert_many([
        news("s1", "Sailing club offers free lessons", hours_ago=1),
        news("s2", "Sailing regatta returns to the bay", hours_ago=2),
        news("s3", "Why sailing is booming", "Podcasts about sailing are booming too.",
             hours_ago=3),
        news("s4", "Sailing school hires instructors", hours_ago=4),
        news("b1", "Council approves bike-lane network", "Ode Bikes welcomed the vote.",
             hours_ago=5),
        news("x1", "Trust fund buys rustic lodge", hours_ago=6),
    ])
    return store


def pairs(store: Store, **kwargs: Any) -> list[tuple[str, str]]:
    found = todays_matches(store, Config(), now=NOW, **kwargs)
    return [(match.article.id, match.contact.id) for match in found]


def test_matches_best_first_with_reasons_and_feed_name(desk: Store) -> None:
    found = todays_matches(desk, Config(), now=NOW)
    # Ben's company named with his interest, then Ana's two-term story, then her others
    assert [(m.article.id, m.contact.id) for m in found][:2] == [("b1", "ben"), ("s3", "ana")]
    assert {(m.article.id, m.contact.id) for m in found[2:]} <= {("s1", "ana"), ("s2", "ana"),
                                                                 ("s4", "ana")}
    assert ("x1", "ana") not in [(m.article.id, m.contact.id) for m in found]  # "trust", "rustic"
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    bikes, two_terms = found[0], found[1]
    assert [r.evidence for r in two_terms.reasons] == [
        "Why sailing is booming", "Podcasts about sailing are booming…",
    ]
    assert (bikes.kind, bikes.feed) == ("mention", "Gazette")
    assert {(r.field, r.term) for r in bikes.reasons} == {
        ("company", "Ode Bikes"), ("interests", "bike lanes"),
    }


def test_at_most_max_per_contact_a_day(desk: Store) -> None:
    every = [p for p in pairs(desk, ) if p[1] == "ana"]
    assert len(every) == 3 and every[0] == ("s3", "ana")
    set_match_status(desk, "s3", "ana", "queued", now=NOW)  # counts toward today's three
    assert [p for p in pairs(desk) if p[1] == "ana"] == every[1:]
    set_match_status(desk, every[1][0], "ana", "given", now=NOW - timedelta(days=1))
    left = [p for p in pairs(desk) if p[1] == "ana"]
    assert len(left) == 2 and every[1] not in left and every[2] in left


def test_at_most_max_suggestions_a_day_the_strongest(desk: Store) -> None:
    config = Config(matching=MatchingConfig(max_suggestions=2))
    everyone = [(m.article.id, m.contact.id) for m in todays_matches(desk, Config(), now=NOW)]
    assert [(m.article.id, m.contact.id)
            for m in todays_matches(desk, config, now=NOW)] == everyone[:2]
    set_match_status(desk, "s3", "ana", "queued", now=NOW)
    set_match_status(desk, "b1", "ben", "queued", now=NOW - timedelta(days=1))
    rest = [pair for pair in everyone if pair not in {("s3", "ana"), ("b1", "ben")}]
    assert [(m.article.id, m.contact.id)
            for m in todays_matches(desk, config, now=NOW)] == rest[:1]


def test_ties_beyond_a_persons_allowance_do_not_crowd_out_the_day(store: Store) -> None:
    """Ana's two equal sailing stories both pass her allowance's cut; only one counts
    toward the day's, so Ben's weaker story is still the day's second."""
    store.contacts.insert_many([Contact(id="ana", name="Ana Lee", interests=["sailing"]),
                                Contact(id="ben", name="Ben Ode", interests=["bike lanes"])])
    store.articles.insert_many([
        news("s1", "Sailing club offers free lessons"),
        news("s2", "Sailing club offers free lessons"),
        news("b1", "A story", "The council approves bike lanes."),
    ])
    config = Config(matching=MatchingConfig(max_per_contact=1, max_suggestions=2))
    assert sorted(m.contact.id for m in todays_matches(store, config, now=NOW)) == ["ana", "ben"]


def test_a_day_of_one_persons_news_still_reaches_the_others(store: Store) -> None:
    """Ana's dozen sailing stories outrank Ben's bike lanes, but her allowance is one:
    the search for the day's strongest pairs widens until Ben's is found."""
    store.contacts.insert_many([Contact(id="ana", name="Ana Lee", interests=["sailing"]),
                                Contact(id="ben", name="Ben Ode", interests=["bike lanes"])])
    store.articles.insert_many(
        [news(f"s{n}", f"Sailing club {n} offers free lessons", hours_ago=n) for n in range(12)]
        + [news("b1", "A story", "The council approves bike lanes.", hours_ago=13)])
    config = Config(matching=MatchingConfig(max_per_contact=1, max_suggestions=2))
    shown = [(m.article.id, m.contact.id) for m in todays_matches(store, config, now=NOW)]
    assert ("b1", "ben") in shown and [who for _, who in shown].count("ana") == 1


def test_dismissed_pairs_never_come_back_but_all_lists_them(desk: Store) -> None:
    dismiss_match(desk, "b1", "ben")
    assert ("b1", "ben") not in pairs(desk)
    every = todays_matches(desk, Config(), now=NOW + timedelta(days=3), include_all=True)
    assert [(m.article.id, m.status) for m in every if m.contact.id == "ben"] == [
        ("b1", "dismissed"),
    ]


def test_a_snoozed_pair_returns_on_its_day(desk: Store) -> None:
    snooze_match(desk, "b1", "ben", TODAY + timedelta(days=2))
    assert ("b1", "ben") not in pairs(desk)
    later = todays_matches(desk, Config(), now=NOW + timedelta(days=2))
    assert ("b1", "ben") in [(m.article.id, m.contact.id) for m in later]


def test_deciding_again_replaces_the_decision(desk: Store) -> None:
    snooze_match(desk, "b1", "ben", TODAY + timedelta(days=2))
    set_match_status(desk, "b1", "ben", "queued")
    states = [s for s in desk.states.all() if s.subject_id == "b1"]
    assert [(s.kind, s.status, s.until) for s in states] == [("match", "queued", None)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: set_match_status(s, "nope", "ben", "queued"), "no article"),
        (lambda s: set_match_status(s, "b1", "nope", "queued"), "no contact"),
        (lambda s: set_match_status(s, "b1", "ben", "snoozed"), "a snooze needs"),
    ],
)
def test_bad_decisions_are_refused(
    desk: Store, call: Callable[[Store], object], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        call(desk)
    assert desk.states.all() == []


def test_not_relevant_feedback_down_weights_the_term_for_that_person(desk: Store) -> None:
    config = Config(matching=MatchingConfig(threshold=0, max_per_contact=10))

    def scores() -> dict[tuple[str, str], float]:
        return {(m.article.id, m.contact.id): m.score
                for m in todays_matches(desk, config, now=NOW)}

    before = scores()
    set_match_status(desk, "s2", "ana", "given")
    desk.gives.insert(Give(contact_id="ana", kind="article", article_id="s2",
                           feedback="not-relevant"))
    after = scores()
    # the scorer reads the lexical evidence halved: a weaker suggestion, not a linear half
    assert after[("s1", "ana")] < before[("s1", "ana")] - 10
    assert after[("s3", "ana")] < before[("s3", "ana")]
    assert after[("b1", "ben")] == before[("b1", "ben")]


def cached_hits(store: Store) -> dict[str, list[MatchHit]]:
    return refresh_hits(store, MatchingConfig())


def full_rescore(store: Store, config: MatchingConfig) -> dict[str, list[MatchHit]]:
    found = find_hits(store.articles.all(), store.contacts.all(), stop_words_for(config),
                      lexicon_for(config))
    return {key: sorted(hits, key=hit_order) for key, hits in found.items()}


Described = tuple[str, str, float, str, list[engine.Reason], list[str]]


def full_ranking(store: Store, config: Config, now: datetime = NOW) -> list[Described]:
    """What `todays_matches` shows, computed from nothing: every lexical pair the engine
    finds (with the lexicon, the context rules and the feedback of the user's
    decisions), judged with everyone's nearest articles by the fitted scorer."""
    hits = full_rescore(store, config.matching)
    contacts = store.contacts.all()
    states = [state for state in store.states.all() if state.kind == "match"]
    feedback = full_feedback(store, config.matching, hits)
    every = msgspec.structs.replace(config.matching, threshold=-1000.0)
    ranked = rank(hits, store.articles.all(), {c.id: c for c in contacts}, now=now, config=every,
                  penalties=feedback.penalties, lexicon=lexicon_for(config.matching))
    current = [a for a in store.articles.all()
               if engine.article_age_penalty(a, now, config.matching) is not None]
    source = VectorSource(MemoryVectors())
    readers = people_vectors(contacts, source)
    judged = judge(current, contacts, ranked, source, bundled_scorer(), people=readers)
    decided = {(state.subject_id, state.contact_id) for state in states}
    used: dict[str, int] = {}
    shown = []
    for pair in judged:
        cut = config.matching.threshold
        if pair.probability < (bundled_scorer().threshold if cut is None else cut / 100):
            break
        if (pair.article.id, pair.contact.id) in decided or (
                pair.lexical is None and service._muted(pair)):
            continue
        if len(shown) == config.matching.max_suggestions:
            break
        if used.get(pair.contact.id, 0) < config.matching.max_per_contact:
            used[pair.contact.id] = used.get(pair.contact.id, 0) + 1
            match = judged_to_match(pair, readers, source)
            match.feedback = service._feedback_notes(match, feedback)
            shown.append(match)
    return [described(match) for match in shown]


def full_feedback(store: Store, config: MatchingConfig,
                  hits: dict[str, list[MatchHit]]) -> service.Feedback:
    """What the user's decisions teach, from every pair's hits found anew."""
    return service.feedback_penalties(
        [state for state in store.states.all() if state.kind == "match"], store.gives.all(),
        {contact.id: contact for contact in store.contacts.all()},
        lambda a, c: [hit for hit in hits.get(a, []) if hit.contact_id == c],
        lexicon_for(config), config)


def described(match: Match) -> Described:
    return (match.article.id, match.contact.id, match.score, match.kind, match.reasons,
            match.feedback)


def ranking(store: Store, config: Config, now: datetime = NOW) -> list[Described]:
    return [described(match) for match in todays_matches(store, config, now=now)]


def cached_bases(store: Store) -> dict[tuple[str, str], tuple[float | None, bool]]:
    """(article id, contact id) -> the base score the match cache holds (or its bound),
    and whether it is exact."""
    with sqlite3.connect(store.paths.match_cache_file) as connection:
        rows = connection.execute(
            "SELECT a.id, c.id, p.base, p.exact FROM pairs p "
            "JOIN articles a ON a.num = p.article JOIN contacts c ON c.num = p.contact"
        ).fetchall()
    return {(article, contact): (base, bool(exact)) for article, contact, base, exact in rows}


def assert_bases_hold(store: Store, config: MatchingConfig) -> None:
    """Every pair the cache holds, as a full rescore scores it: exactly, or bounded from
    above (a pair left out on its bound must be left out on its score)."""
    full = full_bases(store, config)
    cached = cached_bases(store)
    assert cached.keys() == full.keys()
    muted = {(article, hit.contact_id) for article, hits in full_rescore(store, config).items()
             for hit in hits if hit.field == "muted_topics"}
    for key, (base, exact) in cached.items():
        if key in muted:  # known at once, never worth scoring
            assert (base, exact) == (None, True), key
        elif exact or base is None:
            assert (base, exact) == (full[key], True), key
        else:
            score = full[key]
            assert score is None or score <= base + 1e-9, key


def full_bases(store: Store, config: MatchingConfig) -> dict[tuple[str, str], float | None]:
    """The same, scored from nothing by the engine (context rules, feedback)."""
    hits = full_rescore(store, config)
    contacts = {contact.id: contact for contact in store.contacts.all()}
    feedback = full_feedback(store, config, hits)
    judge = engine._Judge(lexicon_for(config))
    found: dict[tuple[str, str], float | None] = {}
    for article in store.articles.all():
        by_contact: dict[str, list[MatchHit]] = {}
        for hit in hits.get(article.id, []):
            by_contact.setdefault(hit.contact_id, []).append(hit)
        text = ArticleText(article)
        for contact_id, pair_hits in by_contact.items():
            pair = engine._score_pair(text, contacts[contact_id], pair_hits, 0.0, config,
                                      feedback.penalties, judge)
            found[(article.id, contact_id)] = None if pair is None else pair.strength
    return found


@pytest.mark.parametrize("path", [EVAL_SET, EVAL_SET_2], ids=["first-set", "second-set"])
def test_the_cache_ranks_as_the_engine_does_with_context_rules_and_learning(
    store: Store, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The labelled sets are full of the context rules' cases (related terms, roles,
    ambiguous words, namesakes): the cached path must give exactly the engine's
    suggestions, reasons and feedback, and hold exactly the base scores a full rescore
    gives, through decisions and edits of what the rules read."""
    monkeypatch.setattr(cache_module, "ARTICLES_PER_BATCH", 7)  # many batches
    data = load_eval_set(path)
    store.contacts.insert_many(data.contacts)
    store.articles.insert_many(data.articles)
    everything = MatchingConfig(max_per_contact=50, dismiss_after=2, threshold=0)

    def same_as_engine(config: MatchingConfig) -> list[Described]:
        shown = ranking(store, Config(matching=config), data.now)
        assert shown == full_ranking(store, Config(matching=config), data.now)
        assert_bases_hold(store, config)
        # A small day judges a pool of each person's strongest lexical pairs (a few
        # times the allowance), not all: what it shows is among the full judgment's.
        day = Config(matching=msgspec.structs.replace(config, max_per_contact=2,
                                                      max_suggestions=9))
        small = ranking(store, day, data.now)
        assert len(small) == 9
        assert {match[:2] for match in small} <= {match[:2] for match in shown}
        return shown

    first = same_as_engine(everything)
    assert any(reason.related or reason.note for match in first for reason in match[4])

    # learning: a term of a person dismissed twice loses weight, and says so
    by_term: dict[tuple[str, str], list[str]] = {}
    for article_id, contact_id, _, _, reasons, _ in first:
        by_term.setdefault((contact_id, reasons[0].term), []).append(article_id)
    (person, _), articles = max(by_term.items(), key=lambda item: len(item[1]))
    assert len(articles) > everything.dismiss_after
    for article_id in articles[: everything.dismiss_after]:
        dismiss_match(store, article_id, person)
    assert any(match[5] for match in same_as_engine(everything))
    # and a term queued as often gains weight, its related terms too: above the bounds
    # the pairs had without feedback
    related = {(contact_id, reasons[0].term) for _, contact_id, _, _, reasons, _ in first
               if reasons[0].related}
    others = [(key, ids) for key, ids in by_term.items() if key[0] != person]
    (other, term), kept = max([item for item in others if item[0] in related] or others,
                              key=lambda item: len(item[1]))
    assert len(kept) >= everything.dismiss_after
    for article_id in kept[: everything.dismiss_after]:
        set_match_status(store, article_id, other, "queued")
    keen = msgspec.structs.replace(everything, queue_bonus=0.5)  # beyond related_weight
    same_as_engine(keen)
    learned = full_feedback(store, keen, full_rescore(store, keen)).penalties
    assert learned[(other, term.casefold())] * keen.related_weight > 1
    # and learned the same from nothing: every decided pair's hits found anew
    cache_module.remove_cache(store.paths.match_cache_file)
    assert any(match[5] for match in same_as_engine(everything))

    # each thing the context rules read, changed on its own: a person's role and tags,
    # their aliases, the config's aliases, the weights, the lexicon file
    people = store.contacts.all()
    for contact in people:  # tags corroborate some ambiguous words and not others
        contact.tags = [*contact.tags, "software", "programming", "garden", "band", "sport"]
        store.contacts.save(contact)
    same_as_engine(everything)
    for contact in people[:10]:  # a role names a field whose news is weak evidence
        contact.role = "Architect" if contact.role else "Brewer"
        store.contacts.save(contact)
    same_as_engine(everything)
    for contact in people[10:20]:
        contact.aliases = [*contact.aliases, f"{(contact.interests or ['news'])[0]}: chess"]
        store.contacts.save(contact)
    same_as_engine(everything)
    aliased = msgspec.structs.replace(everything, aliases={"cloud computing": ["chess"]})
    same_as_engine(aliased)
    weighted = msgspec.structs.replace(aliased, related_weight=0.5, role_weight=0.9)
    same_as_engine(weighted)
    lexicon = tmp_path / "lexicon.toml"  # no word says "a namesake" any more
    lexicon.write_text(BUNDLED.read_text(encoding="utf-8").replace(
        "contradicting = [", 'contradicting = ["chess"]\nformerly = ['), encoding="utf-8")
    same_as_engine(msgspec.structs.replace(weighted, lexicon=str(lexicon)))


def test_incremental_matching_gives_what_a_full_rescore_gives(desk: Store) -> None:
    config = Config()
    refresh_hits(desk, config.matching)
    assert ranking(desk, config) == full_ranking(desk, config)

    desk.articles.insert_many([
        news("n1", "Podcasting gear for beginners", "A bookkeeper's guide to sailing taxes."),
        news("n2", "Bike lanes and sailing: a summer guide"),
    ])
    edited = desk.articles.get("s4")
    assert edited is not None
    edited.title = "Rowing school hires instructors"
    desk.articles.save(edited)
    desk.articles.remove("s2")
    ana = desk.contacts.get("ana")
    assert ana is not None
    ana.interests = ["podcasting", "rowing"]
    desk.contacts.save(ana)
    desk.contacts.remove("ben")
    desk.contacts.insert(Contact(id="cy", name="Cy Moss", interests=["sailing", "bike lanes"]))

    assert ranking(desk, config) == full_ranking(desk, config)
    assert refresh_hits(desk, config.matching) == full_rescore(desk, config.matching)

    desk.gives.insert(Give(contact_id="cy", kind="article", article_id="n2",
                           feedback="not-relevant"))
    local = desk.articles.get("n1")
    assert local is not None
    local.local = True
    desk.articles.save(local)
    assert ranking(desk, config) == full_ranking(desk, config)
    weighted = Config(matching=MatchingConfig(title_weight=0.8, need_bonus=30))
    assert ranking(desk, weighted) == full_ranking(desk, weighted)


def test_an_edit_that_leaves_an_article_with_no_pair(desk: Store) -> None:
    """Ana no longer follows sailing: the sailing articles lose their only pairs (this
    crashed the run that wrote their packed scores)."""
    config = Config()
    assert ("s1", "ana") in [match[:2] for match in ranking(desk, Config(matching=ALL.matching))]
    ana = desk.contacts.get("ana")
    assert ana is not None
    ana.interests = ["rowing"]
    desk.contacts.save(ana)
    assert ranking(desk, config) == full_ranking(desk, config)
    assert not any(hits for article, hits in cached_hits(desk).items() if article[0] == "s")


def test_unchanged_desk_scans_nothing(desk: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    refresh_hits(desk, MatchingConfig())
    scanned: list[tuple[int, int]] = []

    found = HitColumns.found

    def counting(matches: Any, index: TermIndex, articles: list[int], local: Any) -> Any:
        scanned.append((len(articles), len(set(index.contacts.tolist()))))
        return found(matches, index, articles, local)

    monkeypatch.setattr(HitColumns, "found", counting)
    refresh_hits(desk, MatchingConfig())
    desk.articles.insert(news("n1", "Sailing news"))
    refresh_hits(desk, MatchingConfig())
    assert scanned == [(1, 2)]


def test_new_articles_meet_people_as_they_are_now(
    desk: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps everyone's searched terms as one index between runs: new articles
    must still be matched against every edit of the people and the lexicon since."""
    read: list[str] = []
    decode = TermIndex.decode

    def counting(blob: bytes, stop_words: frozenset[str]) -> TermIndex:
        read.append("kept")
        return decode(blob, stop_words)

    monkeypatch.setattr(TermIndex, "decode", counting)
    config = Config()
    assert ranking(desk, config) == full_ranking(desk, config)
    desk.articles.insert(news("n1", "Sailing news for the weekend"))
    assert ranking(desk, config) == full_ranking(desk, config)
    assert read == ["kept"]  # people unchanged: the index was read back, not gathered

    ana = desk.contacts.get("ana")
    assert ana is not None
    ana.interests = ["rowing"]
    desk.contacts.save(ana)
    assert ranking(desk, config) == full_ranking(desk, config)  # no new article
    desk.articles.insert(news("n2", "Rowing club opens a boathouse"))
    assert ("n2", "ana") in [match[:2] for match in ranking(desk, config)]
    assert ranking(desk, config) == full_ranking(desk, config)

    desk.contacts.insert(Contact(id="cy", name="Cy Moss", interests=["rowing"]))
    desk.articles.insert(news("n3", "Rowing regatta on Sunday"))
    assert ranking(desk, config) == full_ranking(desk, config)
    aliased = Config(matching=MatchingConfig(max_per_contact=5,
                                             aliases={"rowing": ["river sculling"]}))
    desk.articles.insert(news("n4", "River sculling lessons at the boathouse"))
    assert {"ana", "cy"} <= {match[1] for match in ranking(desk, aliased) if match[0] == "n4"}
    assert ranking(desk, aliased) == full_ranking(desk, aliased)
    desk.articles.insert(news("n5", "River sculling regatta on Saturday"))
    assert ranking(desk, aliased) == full_ranking(desk, aliased)
    assert read.count("kept") == 2


def test_unchanged_tables_cost_no_per_record_work(
    desk: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the contacts and the news as the last run left them, nobody's digest is
    worked out and only the people shown are converted: the warm run of a big desk
    costs what changed, not its size."""
    ranking(desk, Config())
    digested: list[str] = []
    converted: list[str] = []
    fields_digest, decode = cache_module._fields_digest, store_module.Collection._decode

    def counting_digest(contact: Contact) -> str:
        digested.append(contact.id)
        return fields_digest(contact)

    def counting_decode(self: Any, document: dict[str, Any]) -> Any:
        if self.name == "contacts":
            converted.append(document["id"])
        return decode(self, document)

    monkeypatch.setattr(cache_module, "_fields_digest", counting_digest)
    monkeypatch.setattr(store_module.Collection, "_decode", counting_decode)
    shown = ranking(desk, Config())
    assert not digested
    assert set(converted) == {contact_id for _, contact_id, *_ in shown}
    ana = desk.contacts.get("ana")
    assert ana is not None
    ana.interests = [*ana.interests, "rowing"]
    desk.contacts.save(ana)
    ranking(desk, Config())
    assert "ana" in digested


def test_unchanged_desk_writes_no_cache(desk: Store) -> None:
    first = pairs(desk)
    cache = desk.paths.match_cache_file
    before = cache.stat().st_mtime_ns
    assert pairs(desk) == first
    assert cache.stat().st_mtime_ns == before


def test_changed_stop_words_rescore_everything(desk: Store) -> None:
    refresh_hits(desk, MatchingConfig())
    config = MatchingConfig(stop_words=["sailing"])
    assert refresh_hits(desk, config) == full_rescore(desk, config)
    assert not any(hit.term == "sailing" for hits in refresh_hits(desk, config).values()
                   for hit in hits)


@pytest.mark.parametrize("damage", ["missing", "garbage", "old-format", "empty"])
def test_the_cache_is_rebuilt_when_lost_damaged_or_old(desk: Store, damage: str) -> None:
    first = pairs(desk)
    cache = desk.paths.match_cache_file
    if damage == "missing":
        cache_module.remove_cache(cache)
    elif damage == "garbage":
        cache.write_bytes(b"this is not a database" * 100)
    elif damage == "empty":
        cache.write_bytes(b"")
    else:
        with sqlite3.connect(cache) as connection:
            connection.execute("UPDATE meta SET value = 'old' WHERE key = 'format'")
            connection.execute("DELETE FROM pairs")
    assert pairs(desk) == first
    assert refresh_hits(desk, MatchingConfig()) == full_rescore(desk, MatchingConfig())


def test_snooze_until_is_a_date(desk: Store) -> None:
    state = snooze_match(desk, "s1", "ana", date(2026, 3, 12))
    assert (state.status, state.until) == ("snoozed", date(2026, 3, 12))


ALL = Config(matching=MatchingConfig(max_per_contact=50, threshold=0))
"""No cap, no threshold: every score is seen."""


def sailing_scores(store: Store) -> dict[str, float]:
    return {m.article.id: m.score for m in todays_matches(store, ALL, now=NOW)
            if m.contact.id == "ana"}


def test_a_term_the_user_keeps_dismissing_loses_weight_and_says_so(desk: Store) -> None:
    desk.articles.insert_many([news(f"d{n}", f"Sailing story {n}", hours_ago=10 + n)
                               for n in range(4)])
    before = sailing_scores(desk)["s4"]
    for n in range(3):
        dismiss_match(desk, f"d{n}", "ana")
    found = {m.article.id: m for m in todays_matches(desk, ALL, now=NOW) if m.contact.id == "ana"}
    assert found["s4"].score < before
    assert found["s4"].feedback == ["you dismissed 3 of 3 'sailing' suggestions for Ana"]
    assert engine.match_to_json(found["s4"])["feedback"] == found["s4"].feedback


def test_two_dismissals_change_nothing_and_queueing_outweighs_them(desk: Store) -> None:
    desk.articles.insert_many([news(f"d{n}", f"Sailing story {n}", hours_ago=10 + n)
                               for n in range(7)])
    before = sailing_scores(desk)["s4"]
    for n in range(2):
        dismiss_match(desk, f"d{n}", "ana")
    assert sailing_scores(desk)["s4"] == before
    for n in range(2, 6):
        set_match_status(desk, f"d{n}", "ana", "queued", now=NOW - timedelta(days=1))
    found = {m.article.id: m for m in todays_matches(desk, ALL, now=NOW, include_all=True)
             if m.contact.id == "ana"}
    assert found["s4"].score > before
    assert found["s4"].feedback == ["you queued 4 of 6 'sailing' suggestions for Ana"]


def test_dismissals_count_for_the_own_term_a_related_term_stands_for(store: Store) -> None:
    store.feeds.insert(Feed(url="https://gazette.example/rss", id="f1", name="Gazette"))
    store.contacts.insert(Contact(id="ines", name="Ines Moreau", interests=["information security"]))
    store.articles.insert_many(
        [news(f"r{n}", f"Ransomware hits firm {n}", "Hackers demanded bitcoin.") for n in range(3)]
        + [news("i1", "Information security budgets rise")]
    )
    for n in range(3):
        dismiss_match(store, f"r{n}", "ines")
    [match] = todays_matches(store, ALL, now=NOW)
    assert match.feedback == [
        "you dismissed 3 of 3 'information security' suggestions for Ines"
    ]
