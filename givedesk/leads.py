"""Leads: an opportunity someone on the desk could use, and whom to forward it to.

"St. Vincent Medical is looking for an architect for the new wing" is matched against
every contact's needs, offers, role, company and interests (`phrases.match_phrase`):
the architect whose firm offers hospital work is the one to tell. Two people are
never offered a lead: the one who passed it on (its source), and anyone whose company
the lead names in full, since that is where it comes from. A lead that asks for
something (`_asked_for`) is not forwarded for a need it matches: that person wants the same
thing.

Whom a lead went to is read from the ledger (the gives carrying its id), whether it
was forwarded with `forward_lead` or sent from the Outbox. A contact who marked a
forwarded lead "not relevant" gets fewer like it: each term that matched that lead
has its weight multiplied by `matching.not_relevant_factor` for them from then on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from givedesk.config import Config
from givedesk.errors import UserError
from givedesk.ledger import as_utc, check_link
from givedesk.matching.text import find_term
from givedesk.models import Contact, Give, Lead
from givedesk.phrases import match_phrase, phrase_words, word_keys
from givedesk.store import Store
from givedesk.text import clean_text

FIELD_WEIGHTS = {"needs": 1.0, "offers": 1.0, "role": 0.9, "company": 0.9, "interests": 0.7}
"""How telling a match in each of a contact's fields is: a lead that meets a need or
asks for what someone offers is the best kind; a shared interest the weakest."""
ASKING = re.compile(r"\b(?:looking for|seeks?|seeking|searching for|in search of|needs?|"
                    r"hiring|requests? (?:for )?(?:proposals|quotes|bids))\b", re.IGNORECASE)
"""Words before what a lead asks for ("Cafe chain looking for a bookkeeper")."""
ASKED_AFTER = re.compile(r"\b(?:wanted|needed)\b", re.IGNORECASE)
"""Words after what a lead asks for ("Architects wanted for the library")."""


def _asked_for(text: str) -> tuple[int, int] | None:
    """Where the thing a lead asks for is: after "looking for", before "wanted". Such a
    lead goes to whoever can supply it; someone whose own need is that thing wants the
    same, a competitor for it, so that need is no reason to forward it to them."""
    if (cue := ASKING.search(text)) is not None:
        return cue.end(), len(text)
    if (cue := ASKED_AFTER.search(text)) is not None:
        return 0, cue.start()
    return None


EXTRA_TERM_BONUS = 8.0
"""Added for each further term of the same contact that matched."""


@dataclass(frozen=True)
class LeadReason:
    field: str
    term: str
    evidence: str
    """The words of the lead that matched."""
    score: float


@dataclass(frozen=True)
class LeadCandidate:
    """Someone to forward a lead to, and why."""

    contact: Contact
    score: float
    reasons: tuple[LeadReason, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "contact": {"id": self.contact.id, "name": self.contact.name},
            "score": round(self.score, 1),
            "reasons": [{"field": r.field, "term": r.term, "evidence": r.evidence}
                        for r in self.reasons],
        }


@dataclass(frozen=True)
class LeadView:
    """A lead as Today and `givedesk leads` show it."""

    lead: Lead
    candidates: list[LeadCandidate]
    """Whom to forward it to: the best matches it has not been given to yet."""
    forwarded_to: list[Contact]


def add_lead(store: Store, text: str, *, now: datetime, link: str | None = None,
             source: str = "") -> Lead:
    cleaned = clean_text(text, max_length=1000)
    if not cleaned:
        raise UserError("a lead needs a text saying what the opportunity is")
    lead = Lead(text=cleaned, link=check_link(link), source=clean_text(source, max_length=200),
                created=as_utc(now))
    return store.leads.insert(lead)


def get_lead(store: Store, lead_id: str) -> Lead:
    lead = store.leads.get(lead_id.strip())
    if lead is None:
        raise UserError(f"no lead with id '{lead_id}' (see: givedesk leads)")
    return lead


def _terms(contact: Contact) -> Iterable[tuple[str, str]]:
    for field in FIELD_WEIGHTS:
        value = getattr(contact, field)
        yield from ((field, term) for term in (value if isinstance(value, list) else [value]))


def _reasons(contact: Contact, text: str, stop_words: Sequence[str]) -> list[LeadReason]:
    """Each of the contact's terms found in `text`, weighted by field."""
    keys = word_keys(text)
    asked = _asked_for(text)
    reasons = []
    for field, term in _terms(contact):
        words = phrase_words(term, stop_words)
        if not words.keys & keys:
            continue
        found = match_phrase(words, text)
        if found is not None and field == "needs" and asked is not None:
            where = text.find(found.evidence.split(" … ")[0])
            if asked[0] <= where < asked[1]:
                continue  # they need what the lead asks for: a competitor
        if found is not None:
            reasons.append(LeadReason(field, term, found.evidence,
                                      found.score * FIELD_WEIGHTS[field]))
    return reasons


def _is_origin(contact: Contact, lead: Lead) -> bool:
    """The person who passed the lead on, or someone at the company it is from."""
    if lead.source and lead.source.casefold() == contact.name.casefold():
        return True
    named = find_term(contact.company, lead.text) if contact.company else None
    return named is not None and named.similarity == 100


@dataclass(frozen=True)
class LeadHistory:
    """What the ledger says about leads already passed on."""

    forwarded: dict[str, set[str]]
    """Lead id -> the contacts it was given to (from this command or the Outbox)."""
    disliked: dict[str, list[str]]
    """Contact id -> the texts of the leads they said were not relevant."""

    @classmethod
    def from_ledger(cls, gives: Iterable[Give], leads: Iterable[Lead]) -> LeadHistory:
        texts = {lead.id: lead.text for lead in leads}
        forwarded: dict[str, set[str]] = {}
        disliked: dict[str, list[str]] = {}
        for give in gives:
            if give.lead_id not in texts:
                continue
            forwarded.setdefault(give.lead_id, set()).add(give.contact_id)
            if give.feedback == "not-relevant":
                disliked.setdefault(give.contact_id, []).append(texts[give.lead_id])
        return cls(forwarded, disliked)


def match_lead(lead: Lead, contacts: Iterable[Contact], history: LeadHistory,
               config: Config) -> list[LeadCandidate]:
    """The best people to forward `lead` to (at most `leads.max_candidates`), leaving out
    those it was already given to."""
    stop_words, factor = config.matching.stop_words, config.matching.not_relevant_factor
    forwarded = history.forwarded.get(lead.id, set())
    candidates = []
    for contact in contacts:
        if contact.id in forwarded or _is_origin(contact, lead):
            continue
        reasons = _reasons(contact, lead.text, stop_words)
        if not reasons:
            continue
        disliked = Counter((r.field, r.term) for text in history.disliked.get(contact.id, ())
                           for r in _reasons(contact, text, stop_words))
        reasons = sorted(
            (replace(r, score=r.score * factor ** disliked[r.field, r.term]) for r in reasons),
            key=lambda reason: -reason.score,
        )
        score = min(100.0, reasons[0].score + EXTRA_TERM_BONUS * (len(reasons) - 1))
        if score >= config.leads.threshold:
            candidates.append(LeadCandidate(contact, score, tuple(reasons)))
    candidates.sort(key=lambda c: (-c.score, c.contact.name.casefold()))
    return candidates[: config.leads.max_candidates]


def _read_desk(store: Store) -> tuple[list[Contact], list[Lead], LeadHistory]:
    with store.desk.transaction():
        contacts, gives, leads = store.contacts.all(), store.gives.all(), store.leads.all()
    return contacts, leads, LeadHistory.from_ledger(gives, leads)


def lead_candidates(store: Store, lead: Lead, config: Config) -> list[LeadCandidate]:
    """Whom to forward `lead` to (see `match_lead`), read from the desk."""
    contacts, _, history = _read_desk(store)
    return match_lead(lead, contacts, history, config)


def forward_lead(store: Store, lead: Lead, contact: Contact, now: datetime,
                 note: str = "") -> Give:
    """Record that `lead` was passed on to `contact`: a lead give that keeps its source."""
    extra = clean_text(note, max_length=1000)
    give = Give(contact_id=contact.id, kind="lead", lead_id=lead.id, link=lead.link,
                note=f"{lead.text} — {extra}" if extra else lead.text, source=lead.source,
                given_on=as_utc(now))
    return store.gives.insert(give)


def dismiss_lead(store: Store, lead_id: str) -> Lead:
    """Done with a lead: it leaves Today (the gives it led to stay in the ledger)."""
    with store.desk.transaction():
        lead = get_lead(store, lead_id)
        lead.dismissed = True
        return store.leads.save(lead)


def lead_views(store: Store, config: Config, *,
               include_dismissed: bool = False) -> list[LeadView]:
    """Every lead, newest first, with whom to forward it to and whom it went to."""
    contacts, leads, history = _read_desk(store)
    by_id = {contact.id: contact for contact in contacts}
    return [
        LeadView(lead, match_lead(lead, contacts, history, config),
                 sorted((by_id[i] for i in history.forwarded.get(lead.id, ()) if i in by_id),
                        key=lambda contact: contact.name.casefold()))
        for lead in sorted(leads, key=lambda lead: lead.created, reverse=True)
        if include_dismissed or not lead.dismissed
    ]


def open_leads(store: Store, config: Config, now: datetime) -> list[LeadView]:
    """Today's leads: recent, not dismissed, with someone left to forward them to.
    (Without one, nobody's record is read: most mornings have none.)"""
    cutoff = as_utc(now) - timedelta(days=config.leads.fresh_days)
    if not any(not lead.dismissed and lead.created >= cutoff for lead in store.leads.all()):
        return []
    return [view for view in lead_views(store, config)
            if view.lead.created >= cutoff and view.candidates]
