"""Today's article suggestions for the desk in the store, and what the user decides.

Incremental matching: hits depend only on article texts, contact terms and stop words
(never on the clock, weights or decisions), so news.json keeps them: each article's
hits with a digest of its text (`ArticleHits`), and a digest of each contact's terms
(`ContactTermsDigest`). A run scans only new or edited articles (against everyone)
and the other articles only against people whose terms changed. `find_hits` judges
every (term, text) on its own, so this gives exactly what a full rescore would; a
test compares them. The cache is rebuildable: delete it and the next run redoes all.

Decisions are `SuggestionState(kind="match", subject_id=article id, ...)` records in
desk.json: dismissed (never again), snoozed (back on its `until` day), queued, given.

Feedback: each give the user marked "not-relevant" multiplies, for that person, the
weight of every term that matched the given article by `not_relevant_factor`; two
such gives for "podcasting" make Zoë's podcasting matches count a quarter.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from givedesk.config import Config, MatchingConfig
from givedesk.errors import UserError
from givedesk.matching.engine import (
    Match,
    Penalties,
    contact_terms,
    find_hits,
    rank,
    stop_words_for,
)
from givedesk.models import (
    Article,
    ArticleHits,
    Contact,
    ContactTermsDigest,
    MatchHit,
    SuggestionState,
    SuggestionStatus,
    utc_now,
)
from givedesk.store import Store

ENGINE_VERSION = "1"
"""Part of every contact digest: bump it when matching rules change, and every cached
hit is recomputed on the next run."""


def _digest(parts: Iterable[str]) -> str:
    hashed = hashlib.blake2b(digest_size=10)
    for part in parts:
        hashed.update(part.encode("utf-8"))
        hashed.update(b"\x00")
    return hashed.hexdigest()


def _article_digest(article: Article) -> str:
    return _digest((article.title, article.summary))


def _contact_digest(contact: Contact, settings: str) -> str:
    return _digest([settings, *(f"{name}:{term}" for name, term in contact_terms(contact))])


def _hit_order(hit: MatchHit) -> tuple[str, str, str, bool, int]:
    return (hit.contact_id, hit.field, hit.term, hit.in_title, hit.first_token)


@dataclass(frozen=True)
class DeskHits:
    """The desk as matching saw it: articles, contacts and every article's hits."""

    articles: list[Article]
    contacts: dict[str, Contact]
    hits: dict[str, list[MatchHit]]


def refresh_hits(store: Store, config: MatchingConfig) -> DeskHits:
    """Bring the cached hits up to date, scanning only what changed (module docstring)."""
    stop_words = stop_words_for(config)
    settings = _digest([ENGINE_VERSION, *sorted(stop_words)])
    contacts = store.contacts.all()
    with store.news.transaction():
        articles = store.articles.all()
        cached = {entry.id: entry for entry in store.match_cache.all()}
        known = {entry.id: entry.digest for entry in store.match_contacts.all()}
        digests = {contact.id: _contact_digest(contact, settings) for contact in contacts}
        changed = [contact for contact in contacts if known.get(contact.id) != digests[contact.id]]
        stale = (known.keys() - digests.keys()) | {contact.id for contact in changed}

        fresh = [a for a in articles if a.id not in cached or cached[a.id].digest != _article_digest(a)]
        fresh_ids = {article.id for article in fresh}
        kept = [article for article in articles if article.id not in fresh_ids]
        current = {article.id: cached[article.id].hits for article in kept}
        found = find_hits(fresh, contacts, stop_words)
        saved = []
        for article in fresh:
            current[article.id] = sorted(found.get(article.id, []), key=_hit_order)
            saved.append(ArticleHits(article.id, _article_digest(article), current[article.id]))
        if stale:
            redone = find_hits(kept, changed, stop_words)
            for article in kept:
                entry = cached[article.id]
                still = [hit for hit in entry.hits if hit.contact_id not in stale]
                current[article.id] = sorted(still + redone.get(article.id, []), key=_hit_order)
                if current[article.id] != entry.hits:
                    saved.append(ArticleHits(article.id, entry.digest, current[article.id]))
            store.match_contacts.replace_all(
                ContactTermsDigest(contact_id, digest) for contact_id, digest in digests.items()
            )
        if saved:
            store.match_cache.save_many(saved)
        gone = cached.keys() - {article.id for article in articles}
        if gone:
            store.match_cache.remove_many(gone)
    return DeskHits(articles, {contact.id: contact for contact in contacts}, current)


def feedback_penalties(
    store: Store, hits: Mapping[str, Sequence[MatchHit]], config: MatchingConfig
) -> Penalties:
    """(contact id, term) -> weight factor, from gives marked not relevant (module
    docstring). Given articles are kept when old news is pruned, so their hits stay."""
    counts: Counter[tuple[str, str]] = Counter()
    for give in store.gives.all():
        if give.feedback != "not-relevant" or give.article_id is None:
            continue
        terms = {
            hit.term.casefold()
            for hit in hits.get(give.article_id, ())
            if hit.contact_id == give.contact_id and hit.field != "muted_topics"
        }
        counts.update((give.contact_id, term) for term in terms)
    return {key: config.not_relevant_factor**count for key, count in counts.items()}


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
    desk = refresh_hits(store, matching)
    penalties = feedback_penalties(store, desk.hits, matching)
    ranked = rank(
        desk.hits, desk.articles, desk.contacts, now=now, config=matching, penalties=penalties
    )
    states = _match_states(store)
    today = now.date()
    used = Counter(
        state.contact_id
        for state in states.values()
        if state.status in ("queued", "given")
        and state.updated.astimezone(now.tzinfo).date() == today
    )
    feeds = {feed.id: feed.name or feed.url for feed in store.feeds.all()}
    shown = []
    for pair in ranked:
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
