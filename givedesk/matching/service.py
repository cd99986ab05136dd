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
such gives for "podcasting" make Zoë's podcasting matches count a quarter. Decisions
teach too: once `dismiss_after` suggestions on one of a person's terms were
dismissed, and more were dismissed than queued, that term's weight for them falls
toward `dismiss_factor` (by the share dismissed); once as many were queued or given
(and more than dismissed), it gains up to `queue_bonus`. Each such change is said in
the suggestion ("you dismissed 4 of 5 'cloud' suggestions for Ana"). A related term
counts for the person's own term it stands for.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from givedesk.config import Config, MatchingConfig
from givedesk.errors import UserError
from givedesk.matching.context import Profile
from givedesk.matching.engine import (
    Match,
    Penalties,
    find_hits,
    rank,
    searched_terms,
    stop_words_for,
)
from givedesk.matching.lexicon import Lexicon, lexicon_for
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

ENGINE_VERSION = "3"
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


def _contact_digest(contact: Contact, settings: str, lexicon: Lexicon) -> str:
    """Of every term searched for the contact, their related terms included: editing
    the lexicon or an alias rescans the people it touches."""
    terms = searched_terms(contact, lexicon)
    return _digest([settings, *(f"{name}:{style}:{term}" for name, term, style in terms)])


def _hit_order(hit: MatchHit) -> tuple[str, str, str, bool, int]:
    return (hit.contact_id, hit.field, hit.term, hit.in_title, hit.first_token)


@dataclass(frozen=True)
class DeskHits:
    """The desk as matching saw it: articles, contacts and every article's hits."""

    articles: list[Article]
    contacts: dict[str, Contact]
    hits: dict[str, list[MatchHit]]
    lexicon: Lexicon


def refresh_hits(store: Store, config: MatchingConfig) -> DeskHits:
    """Bring the cached hits up to date, scanning only what changed (module docstring)."""
    stop_words = stop_words_for(config)
    lexicon = lexicon_for(config)
    settings = _digest([ENGINE_VERSION, *sorted(stop_words)])
    contacts = store.contacts.all()
    with store.news.transaction():
        articles = store.articles.all()
        cached = {entry.id: entry for entry in store.match_cache.all()}
        known = {entry.id: entry.digest for entry in store.match_contacts.all()}
        digests = {
            contact.id: _contact_digest(contact, settings, lexicon) for contact in contacts
        }
        changed = [contact for contact in contacts if known.get(contact.id) != digests[contact.id]]
        stale = (known.keys() - digests.keys()) | {contact.id for contact in changed}

        fresh = [a for a in articles if a.id not in cached or cached[a.id].digest != _article_digest(a)]
        fresh_ids = {article.id for article in fresh}
        kept = [article for article in articles if article.id not in fresh_ids]
        current = {article.id: cached[article.id].hits for article in kept}
        found = find_hits(fresh, contacts, stop_words, lexicon)
        saved = []
        for article in fresh:
            current[article.id] = sorted(found.get(article.id, []), key=_hit_order)
            saved.append(ArticleHits(article.id, _article_digest(article), current[article.id]))
        if stale:
            redone = find_hits(kept, changed, stop_words, lexicon)
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
    return DeskHits(articles, {contact.id: contact for contact in contacts}, current, lexicon)


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


def _decided_terms(desk: DeskHits, article_id: str, contact_id: str) -> set[str]:
    """The person's own terms (casefolded) behind the hits of one decided pair."""
    contact = desk.contacts.get(contact_id)
    hits = [h for h in desk.hits.get(article_id, ()) if h.contact_id == contact_id]
    if contact is None or not hits:
        return set()
    profile = Profile(contact, desk.lexicon)
    return {profile.origin(hit).term.casefold() for hit in hits if hit.field != "muted_topics"}


def _tallies(store: Store, desk: DeskHits) -> dict[tuple[str, str], _Tally]:
    tallies: dict[tuple[str, str], _Tally] = {}

    def tally(article_id: str, contact_id: str) -> list[_Tally]:
        return [
            tallies.setdefault((contact_id, term), _Tally())
            for term in _decided_terms(desk, article_id, contact_id)
        ]

    for state in _match_states(store).values():
        if state.status == "dismissed":
            for found in tally(state.subject_id, state.contact_id):
                found.dismissed += 1
        elif state.status in ("queued", "given"):
            for found in tally(state.subject_id, state.contact_id):
                found.kept += 1
    for give in store.gives.all():
        if give.feedback == "not-relevant" and give.article_id is not None:
            for found in tally(give.article_id, give.contact_id):
                found.not_relevant += 1
    return tallies


def feedback_penalties(store: Store, desk: DeskHits, config: MatchingConfig) -> Feedback:
    """Weights and notes from gives marked not relevant and from dismissed, queued and
    given suggestions (module docstring). Given articles are kept when old news is
    pruned, so their hits stay."""
    penalties: dict[tuple[str, str], float] = {}
    notes: dict[tuple[str, str], str] = {}
    for (contact_id, term), found in _tallies(store, desk).items():
        factor = config.not_relevant_factor**found.not_relevant
        decided = found.dismissed + found.kept
        who = desk.contacts[contact_id].first_name
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
    feedback = feedback_penalties(store, desk, matching)
    ranked = rank(
        desk.hits, desk.articles, desk.contacts, now=now, config=matching,
        penalties=feedback.penalties, lexicon=desk.lexicon,
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
        match = pair.to_match(feed=feeds.get(pair.article.feed_id, ""), status=status)
        match.feedback = _feedback_notes(match, feedback)
        shown.append(match)
    return shown


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
