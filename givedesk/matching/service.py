"""Today's article suggestions for the desk in the store, and what the user decides.

Incremental matching: hits and base scores are derived data, kept in the match cache
beside the news (`cache.py`): a run scans only new or edited articles (against
everyone) and the other articles only against people whose terms changed, rescores
only the pairs whose weights or feedback changed, and ranks the rest from packed score
arrays. A test compares the result with a full rescore. The cache is rebuildable:
delete it and the next run redoes all.

Decisions are `SuggestionState(kind="match", subject_id=article id, ...)` records in
desk.json: dismissed (never again), snoozed (back on its `until` day), queued, given.

Feedback: each give the user marked "not-relevant" multiplies, for that person, the
weight of every term that matched the given article by `not_relevant_factor`; two
such gives for "podcasting" make Zoë's podcasting matches count a quarter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from givedesk.config import Config, MatchingConfig
from givedesk.errors import UserError
from givedesk.matching.cache import MatchCache
from givedesk.matching.engine import SECONDS_PER_DAY, Match, Penalties, Ranked, stop_words_for
from givedesk.models import (
    Article,
    Give,
    MatchHit,
    SuggestionState,
    SuggestionStatus,
    utc_now,
)
from givedesk.store import Store


def refresh_hits(store: Store, config: MatchingConfig) -> dict[str, list[MatchHit]]:
    """Bring the match cache up to date (module docstring); every article's hits."""
    contacts = store.contacts.all()
    gives = store.gives.all()
    with store.news.transaction(), MatchCache.opened(store.paths.match_cache_file) as cache:
        articles = store.articles.all()
        cache.sync(articles, contacts, stop_words_for(config), config,
                   lambda hits_of: feedback_penalties(gives, hits_of, config))
        return cache.all_hits({contact.id: contact for contact in contacts})


def feedback_penalties(
    gives: Iterable[Give], hits_of: Callable[[str, str], Sequence[MatchHit]],
    config: MatchingConfig,
) -> Penalties:
    """(contact id, term) -> weight factor, from gives marked not relevant (module
    docstring). Given articles are kept when old news is pruned, so their hits stay."""
    counts: Counter[tuple[str, str]] = Counter()
    for give in gives:
        if give.feedback != "not-relevant" or give.article_id is None:
            continue
        terms = {
            hit.term.casefold()
            for hit in hits_of(give.article_id, give.contact_id)
            if hit.field != "muted_topics"
        }
        counts.update((give.contact_id, term) for term in terms)
    return {key: config.not_relevant_factor**count for key, count in counts.items()}


def _age_penalties(
    articles: Iterable[Article], now: datetime, config: MatchingConfig
) -> dict[str, tuple[float, bool]]:
    """Article id -> (points lost to age, still young enough to suggest), computed as
    `engine.rank` does."""
    found = {}
    for article in articles:
        age_days = (now - article.published).total_seconds() / SECONDS_PER_DAY
        penalty = config.recency_penalty * min(max(age_days, 0.0) / config.recency_days, 1.0)
        found[article.id] = (penalty, age_days <= config.max_age_days)
    return found


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


def todays_matches(
    store: Store, config: Config, *, now: datetime, include_all: bool = False
) -> list[Match]:
    """Today's suggestions, best first, at most `max_per_contact` per person.

    Pairs the user dismissed, snoozed (until their day), queued or gave are left out;
    `include_all` lists them too, with their `status`. Pairs queued or given today
    count toward the day's allowance, so working through the list does not refill it.
    """
    matching = config.matching
    contacts = {contact.id: contact for contact in store.contacts.all()}
    gives = store.gives.all()
    states = _match_states(store)
    today = now.date()
    used = Counter(
        state.contact_id
        for state in states.values()
        if state.status in ("queued", "given")
        and state.updated.astimezone(now.tzinfo).date() == today
    )
    decided = [key for key, state in states.items() if _open_status(state, today) is not None]
    with store.news.transaction(), MatchCache.opened(store.paths.match_cache_file) as cache:
        articles = {article.id: article for article in store.articles.all()}
        cache.sync(list(articles.values()), list(contacts.values()), stop_words_for(matching),
                   matching, lambda hits_of: feedback_penalties(gives, hits_of, matching))
        ages = _age_penalties(articles.values(), now, matching)
        allowance = {contact_id: matching.max_per_contact - count
                     for contact_id, count in used.items()}
        wanted = cache.best_pairs(ages, matching.threshold, allowance,
                                  matching.max_per_contact, decided)
        if include_all:
            wanted.update(key for key in (cache.numbers(*pair) for pair in decided) if key)
        cached = cache.pairs(wanted, contacts)
        ids = {num: aid for aid, num in cache.article_nums.items()}
        people = {num: cid for cid, num in cache.contact_nums.items()}
    ranked: list[tuple[tuple[float, float, str, str], Ranked]] = []
    for (article_num, contact_num), scored in cached.items():
        article, contact = articles[ids[article_num]], contacts[people[contact_num]]
        penalty, young = ages[article.id]
        strength = scored.base - penalty
        score = round(min(max(strength, 0.0), 100.0), 1)
        if young and score >= matching.threshold:
            key = (-strength, -article.published.timestamp(), article.id, contact.id)
            ranked.append((key, Ranked(article, contact, score, strength, scored.kind, scored.hits)))
    ranked.sort(key=lambda keyed: keyed[0])
    feeds = {feed.id: feed.name or feed.url for feed in store.feeds.all()}
    shown = []
    for _, pair in ranked:
        status = _open_status(states.get((pair.article.id, pair.contact.id)), today)
        if status is None:
            if used[pair.contact.id] >= matching.max_per_contact:
                continue
            used[pair.contact.id] += 1
        elif not include_all:
            continue
        shown.append(pair.to_match(feed=feeds.get(pair.article.feed_id, ""), status=status))
    return shown


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
