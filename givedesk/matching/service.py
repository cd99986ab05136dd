"""Today's article suggestions for the desk in the store, and what the user decides.

Incremental matching: hits and base scores are derived data, kept in the match cache
beside the news (`cache.py`): a run scans only new or edited articles (against
everyone) and the other articles only against people whose searched terms changed,
rescores only the pairs whose weights, context or feedback changed, and ranks the rest
from packed score arrays. A test compares the result with a full rescore. The cache
is rebuildable: delete it and the next run redoes all.

Decisions are `SuggestionState(kind="match", subject_id=article id, ...)` records in
desk.json: dismissed (never again), snoozed (back on its `until` day), queued, given.

Feedback: each give the user marked "not-relevant" multiplies, for that person, the
weight of every term that matched the given article by `not_relevant_factor`; two
such gives for "podcasting" make Zoë's podcasting matches count a quarter. Decisions
teach too: once `dismiss_after` suggestions on one of a person's terms were
dismissed, and more were dismissed than queued, that term's weight for them falls
toward `dismiss_factor` (by the share dismissed); once as many were queued or given
(and more than dismissed), it gains up to `queue_bonus`. Each such change is said in
the suggestion ("you dismissed 4 of 5 'cloud' suggestions for Ana"). A related term
counts for the person's own term it stands for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from givedesk.collector import gc_paused
from givedesk.config import Config, MatchingConfig
from givedesk.errors import UserError
from givedesk.matching.cache import HitsOf, MatchCache
from givedesk.matching.company_sense import names_only_a_word
from givedesk.matching.context import ArticleText, Profile
from givedesk.matching.engine import (
    Match,
    Penalties,
    Ranked,
    _Judge,
    _score_pair,
    article_age_penalty,
    stop_words_for,
)
from givedesk.matching.explain import judged_to_match
from givedesk.matching.judged import Judged, judge
from givedesk.matching.lexicon import Lexicon, lexicon_for
from givedesk.matching.scorer import bundled_scorer
from givedesk.matching.semantic import VectorSource, people_vectors
from givedesk.matching.text import find_term
from givedesk.models import (
    Article,
    Contact,
    Give,
    MatchHit,
    SuggestionState,
    SuggestionStatus,
    utc_now,
)
from givedesk.store import Records, Store

POOL = 4
"""Lexical candidates per suggestion the day can show: the scorer reorders them."""
CANDIDATE_FLOOR = -1000.0
"""No lexical score is too low to be a candidate: the fitted scorer judges it."""


def refresh_hits(store: Store, config: MatchingConfig) -> dict[str, list[MatchHit]]:
    """Bring the match cache up to date (module docstring); every article's hits."""
    contacts = store.contacts.records()
    with store.news.transaction(), _synced(store, config, contacts) as (cache, _):
        return cache.all_hits()


@dataclass
class _Tally:
    dismissed: int = 0
    kept: int = 0
    not_relevant: int = 0


@dataclass(frozen=True)
class Feedback:
    """What the user's decisions do to scores: the weights and the words that say so."""

    penalties: Penalties
    """(contact id, casefolded own term) -> weight factor."""
    notes: Mapping[tuple[str, str], str]
    """(contact id, casefolded own term) -> "you dismissed 4 of 5 'cloud' suggestions ..."."""


def _tallies(
    states: Iterable[SuggestionState], gives: Iterable[Give], contacts: Mapping[str, Contact],
    hits_of: HitsOf, lexicon: Lexicon,
) -> dict[tuple[str, str], _Tally]:
    tallies: dict[tuple[str, str], _Tally] = {}

    def tally(article_id: str, contact_id: str) -> list[_Tally]:
        """The tallies of the person's own terms (casefolded) behind a decided pair's hits."""
        contact = contacts.get(contact_id)
        hits = hits_of(article_id, contact_id) if contact is not None else ()
        if contact is None or not hits:
            return []
        profile = Profile(contact, lexicon)
        terms = {profile.origin(hit).term.casefold() for hit in hits
                 if hit.field != "muted_topics"}
        return [tallies.setdefault((contact_id, term), _Tally()) for term in terms]

    for state in states:
        if state.status == "dismissed":
            for found in tally(state.subject_id, state.contact_id):
                found.dismissed += 1
        elif state.status in ("queued", "given"):
            for found in tally(state.subject_id, state.contact_id):
                found.kept += 1
    for give in gives:
        if give.feedback == "not-relevant" and give.article_id is not None:
            for found in tally(give.article_id, give.contact_id):
                found.not_relevant += 1
    return tallies


def feedback_penalties(
    states: Iterable[SuggestionState], gives: Iterable[Give], contacts: Mapping[str, Contact],
    hits_of: HitsOf, lexicon: Lexicon, config: MatchingConfig,
) -> Feedback:
    """Weights and notes from gives marked not relevant and from dismissed, queued and
    given suggestions (module docstring); `hits_of(article id, contact id)` gives a
    pair's hits. Given articles are kept when old news is pruned, so their hits stay."""
    penalties: dict[tuple[str, str], float] = {}
    notes: dict[tuple[str, str], str] = {}
    for (contact_id, term), found in _tallies(states, gives, contacts, hits_of, lexicon).items():
        factor = config.not_relevant_factor**found.not_relevant
        decided = found.dismissed + found.kept
        who = contacts[contact_id].first_name
        if found.dismissed >= config.dismiss_after and found.dismissed > found.kept:
            factor *= 1 - (1 - config.dismiss_factor) * found.dismissed / decided
            notes[(contact_id, term)] = (
                f"you dismissed {found.dismissed} of {decided} '{term}' suggestions for {who}"
            )
        elif found.kept >= config.dismiss_after and found.kept > found.dismissed:
            factor *= 1 + config.queue_bonus * found.kept / decided
            notes[(contact_id, term)] = (
                f"you queued {found.kept} of {decided} '{term}' suggestions for {who}"
            )
        if factor != 1.0:
            penalties[(contact_id, term)] = factor
    return Feedback(penalties, notes)


@contextmanager
def _synced(
    store: Store, config: MatchingConfig, contacts: Records[Contact],
    articles: Records[Article] | None = None,
) -> Iterator[tuple[MatchCache, Feedback]]:
    """The match cache brought up to date with the desk (call it inside the news
    transaction), and the feedback it was scored with."""
    lexicon = lexicon_for(config)
    states = _match_states(store).values()
    gives = store.gives.all()
    learned: list[Feedback] = []

    def penalties_for(hits_of: HitsOf) -> Penalties:
        learned.append(feedback_penalties(states, gives, contacts, hits_of, lexicon, config))
        return learned[-1].penalties

    with MatchCache.opened(store.paths.match_cache_file, lexicon) as cache:
        news = store.articles.records() if articles is None else articles
        decided = [*((state.subject_id, state.contact_id) for state in states),
                   *((give.article_id, give.contact_id) for give in gives
                     if give.article_id is not None)]
        cache.sync(news, contacts, stop_words_for(config), config, decided, penalties_for)
        yield cache, learned[-1]


def _match_states(store: Store) -> dict[tuple[str, str], SuggestionState]:
    return {
        (state.subject_id, state.contact_id): state
        for state in store.states.all()
        if state.kind == "match"
    }


def _open_status(state: SuggestionState | None, today: date) -> SuggestionStatus | None:
    """The decision still in force for a pair; a snooze whose day has come is over."""
    if state is None or (state.status == "snoozed" and state.until and state.until <= today):
        return None
    return state.status


@gc_paused
def todays_matches(
    store: Store, config: Config, *, now: datetime, include_all: bool = False
) -> list[Match]:
    """Today's suggestions, best first, at most `max_per_contact` per person and
    `max_suggestions` in all.

    Pairs the user dismissed, snoozed (until their day), queued or gave are left out;
    `include_all` lists them too, with their `status`. Pairs queued or given today
    count toward the day's allowances, so working through the list does not refill it.
    The cycle collector waits (`gc_paused`): a full collection of a big desk's heap would
    take as long as a run with nothing new.
    """
    matching = config.matching
    contacts = store.contacts.records()
    states = _match_states(store)
    today = now.date()
    used = Counter(
        state.contact_id
        for state in states.values()
        if state.status in ("queued", "given")
        and state.updated.astimezone(now.tzinfo).date() == today
    )
    decided = [key for key, state in states.items() if _open_status(state, today) is not None]
    day_left = matching.max_suggestions - used.total()
    pool = POOL * max(day_left, 0)
    with store.news.transaction():
        articles = store.articles.records()
        with _synced(store, matching, contacts, articles) as (cache, feedback):
            ages = {article.id: article_age_penalty(article, now, matching)
                    for article in articles.values()}
            # The lexical pairs are candidates, not verdicts: a pool a few times the
            # day, whatever their lexical score; the fitted scorer decides.
            allowance = {contact_id: POOL * (matching.max_per_contact - count)
                         for contact_id, count in used.items()}
            wanted = cache.best_pairs(ages, CANDIDATE_FLOOR, allowance,
                                      POOL * matching.max_per_contact, decided, pool)
            if include_all:
                wanted.update(key for key in (cache.numbers(*pair) for pair in decided) if key)
            cached = cache.pairs(wanted)
            ids, people = cache.article_ids(), cache.contact_ids()
            lexical = _rescored(cached, ids, people, articles, contacts, ages, matching, feedback)
            current = [article for article in articles.values() if ages[article.id] is not None]
            everyone = list(contacts.values())
            source = VectorSource(cache)
            readers = people_vectors(everyone, source)
            scorer = bundled_scorer()
            judged = judge(current, everyone, lexical, source, scorer, people=readers,
                           neighbours=cache)
            feeds = {feed.id: feed.name or feed.url for feed in store.feeds.all()}
            cut = scorer.threshold if matching.threshold is None else matching.threshold / 100.0
            shown = []
            for pair in judged:
                if pair.probability < cut:
                    break
                if pair.lexical is None and _muted(pair):  # only pairs that could be shown
                    continue
                if pair.lexical is not None and names_only_a_word(pair.lexical, source):
                    continue  # "Which UPS battery…" is not news of UPS
                status = _open_status(states.get((pair.article.id, pair.contact.id)), today)
                if status is None:
                    if used[pair.contact.id] >= matching.max_per_contact or day_left <= 0:
                        continue
                    used[pair.contact.id] += 1
                    day_left -= 1
                elif not include_all:
                    continue
                match = judged_to_match(pair, readers, source,
                                        feed=feeds.get(pair.article.feed_id, ""), status=status)
                match.feedback = _feedback_notes(match, feedback)
                shown.append(match)
    return shown


def _muted(judged: Judged) -> bool:
    """A pair found by meaning alone still honours the person's muted topics."""
    text = f"{judged.article.title} {judged.article.summary}"
    return any(find_term(topic, text) is not None for topic in judged.contact.muted_topics)


def _rescored(
    cached: Mapping[tuple[int, int], Sequence[MatchHit]],
    ids: Mapping[int, str],
    people: Mapping[int, str],
    articles: Mapping[str, Article],
    contacts: Mapping[str, Contact],
    ages: Mapping[str, float | None],
    config: MatchingConfig,
    feedback: Feedback,
) -> list[Ranked]:
    """The candidate pairs, scored from their cached hits as `engine.rank` scores them
    (context rules, age penalty, feedback), whatever their score; `judged` orders them."""
    judge = _Judge(lexicon_for(config))
    texts: dict[str, ArticleText] = {}
    ranked = []
    for (article_num, contact_num), hits in cached.items():
        article, contact = articles[ids[article_num]], contacts[people[contact_num]]
        penalty = ages[article.id]
        if penalty is None:
            continue
        text = texts.get(article.id)
        if text is None:
            text = texts[article.id] = ArticleText(article)
        pair = _score_pair(text, contact, hits, penalty, config, feedback.penalties, judge)
        if pair is not None:
            ranked.append(pair)
    return ranked


def _feedback_notes(match: Match, feedback: Feedback) -> list[str]:
    terms = dict.fromkeys(reason.term.casefold() for reason in match.reasons)
    found = (feedback.notes.get((match.contact.id, term)) for term in terms)
    return [note for note in found if note]


def set_match_status(
    store: Store,
    article_id: str,
    contact_id: str,
    status: SuggestionStatus,
    *,
    until: date | None = None,
    now: datetime | None = None,
) -> SuggestionState:
    """Record what the user decided about suggesting this article to this person."""
    if status == "snoozed" and until is None:
        raise UserError("a snooze needs the day the suggestion should come back")
    if store.articles.get(article_id) is None:
        raise UserError(f"no article with id '{article_id}'")
    with store.desk.transaction():
        if store.contacts.get(contact_id) is None:
            raise UserError(f"no contact with id '{contact_id}' (see: givedesk contacts list)")
        state = _match_states(store).get((article_id, contact_id)) or SuggestionState(
            kind="match", subject_id=article_id, contact_id=contact_id, status=status
        )
        state.status = status
        state.until = until if status == "snoozed" else None
        state.updated = now or utc_now()
        store.states.save(state)
    return state


def dismiss_match(store: Store, article_id: str, contact_id: str) -> SuggestionState:
    """Never suggest this article to this person again."""
    return set_match_status(store, article_id, contact_id, "dismissed")


def snooze_match(store: Store, article_id: str, contact_id: str, until: date) -> SuggestionState:
    """Hide the suggestion until `until`; it is back on that day."""
    return set_match_status(store, article_id, contact_id, "snoozed", until=until)
