"""Ten key relationships, set up in minutes: whom to mark key after an import, and what
they might care about.

The desk's whole value rests on a handful of people served well, and after importing
1,500 connections nobody will go through them one by one. Each person not yet key is
scored on four plain signals, and every point is said in words:

- a recent connection or meeting (up to 3 points, fading over a year): follow-up is where
  networking happens;
- seniority in their role (2): founders, owners, directors, partners, heads of...;
- a shared field with you (2): their role or company names a topic your own role
  (`[desk] role`) does, by the lexicon's `[roles]` table;
- people you already gave to (1 a give, up to 3).

For someone the user marks key, `suggested_terms` offers interests (the topics their
role and company name in the lexicon) and needs (a small table of what founders,
recruiters, salespeople... usually look for). They are shown to accept or edit, never
stored without the user saying so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from givedesk.contacts import save_contact
from givedesk.errors import UserError
from givedesk.matching.lexicon import Lexicon
from givedesk.models import Contact, Give
from givedesk.store import Store
from givedesk.text import split_terms, unique_terms

SENIORITY = re.compile(
    r"\b(founder|co-?founder|owner|chief|ceo|cto|cfo|coo|cio|president|vp|svp|evp|"
    r"vice president|director|head of|partner|principal|managing|general manager)\b",
    re.IGNORECASE,
)
"""Role words of people who decide: the ones a give or an introduction moves most."""
RECENT_DAYS = 365
"""A connection or meeting older than this adds nothing."""
NEEDS_BY_ROLE: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\b(founder|co-?founder|owner|ceo)\b", re.I), ("customers", "funding")),
    (re.compile(r"\b(recruiter|talent|recruiting|hr|people)\b", re.I), ("candidates",)),
    (re.compile(r"\b(sales|business development|account executive)\b", re.I), ("leads",)),
    (re.compile(r"\b(hiring manager|head of|director|vp|vice president)\b", re.I),
     ("hires for their team",)),
)
"""What people in a role usually look for: a suggestion to edit, never a fact."""


@dataclass(frozen=True)
class KeySuggestion:
    """Someone worth marking as a key relationship, and why in words."""

    contact: Contact
    score: float
    reasons: tuple[str, ...]


def _fields(lexicon: Lexicon, *texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        found += [topic for topic in lexicon.topics_in(text) if topic not in found]
    return found


def suggest_key(contacts: Iterable[Contact], gives: Iterable[Give], lexicon: Lexicon,
                today: date, *, my_role: str = "", limit: int = 10) -> list[KeySuggestion]:
    """The `limit` people not yet key who score highest (module docstring), best first;
    nobody who scores nothing."""
    given = Counter(give.contact_id for give in gives)
    mine = set(_fields(lexicon, my_role)) if my_role else set()
    found = []
    for contact in contacts:
        if contact.key:
            continue
        score, reasons = 0.0, []
        met = contact.connected_on or contact.met_on
        if met is not None and 0 <= (today - met).days < RECENT_DAYS:
            days = (today - met).days
            score += 3 * (1 - days / RECENT_DAYS)
            reasons.append(f"{'connected' if contact.connected_on else 'met'} {days} days ago")
        if SENIORITY.search(contact.role):
            score += 2
            reasons.append(f"senior: {contact.role}")
        shared = [topic for topic in _fields(lexicon, contact.role, contact.company)
                  if topic in mine]
        if shared:
            score += 2
            reasons.append(f"your field: {', '.join(shared)}")
        if given[contact.id]:
            score += min(3, given[contact.id])
            reasons.append(f"you gave {given[contact.id]} time{'s' if given[contact.id] != 1 else ''}")
        if score > 0:
            found.append(KeySuggestion(contact, round(score, 2), tuple(reasons)))
    found.sort(key=lambda s: (-s.score, s.contact.name.casefold()))
    return found[:limit]


def suggested_terms(contact: Contact, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """(interests, needs) to offer for `contact`, leaving out what they already have."""
    interests = [topic for topic in _fields(lexicon, contact.role, contact.company)
                 if topic not in contact.interests]
    needs: list[str] = []
    for pattern, offered in NEEDS_BY_ROLE:
        if pattern.search(contact.role):
            needs += [need for need in offered if need not in needs and need not in contact.needs]
    return interests, needs


def accept_terms(store: Store, contact_id: str, *, interests: str | None = None,
                 needs: str | None = None) -> Contact:
    """Add what the user accepted (or edited) of the suggested terms, typed `;`-separated,
    to the person's own; None leaves a field as it was (the user skipped it)."""
    with store.desk.transaction():
        contact = store.contacts.get(contact_id)
        if contact is None:
            raise UserError(f"no contact with id {contact_id}")
        if interests is not None:
            contact.interests = unique_terms([*contact.interests, *split_terms(interests)])
        if needs is not None:
            contact.needs = unique_terms([*contact.needs, *split_terms(needs)])
        return save_contact(store, contact)
