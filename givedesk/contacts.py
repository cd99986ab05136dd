"""Contacts: adding, merging and listing the people on the desk.

The same person reaches the desk many times (typed by hand, then imported from a
phone, then from LinkedIn). Merging instead of duplicating keeps one record with one
history: same email, or the same name at the same company, is the same person.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from givedesk.errors import UserError
from givedesk.models import Contact, Give, utc_now
from givedesk.store import Store
from givedesk.text import clean_text, unique_terms

LIST_FIELDS = ("interests", "needs", "offers", "tags", "muted_topics")
TEXT_FIELDS = ("email", "phone", "company", "role", "location", "met_at")
MULTILINE_FIELDS = ("notes",)


def _folded(value: str) -> str:
    return " ".join(value.casefold().split())


def identity_keys(contact: Contact) -> list[tuple[str, str]]:
    """The facts that make two records the same person."""
    keys = []
    if contact.email:
        keys.append(("email", contact.email.strip().casefold()))
    keys.append(("name+company", f"{_folded(contact.name)}|{_folded(contact.company)}"))
    return keys


def clean_contact(contact: Contact) -> Contact:
    """The contact with every text field made safe to store and show."""
    changes: dict[str, object] = {"name": clean_text(contact.name, max_length=200)}
    for name in TEXT_FIELDS:
        changes[name] = clean_text(getattr(contact, name), max_length=300)
    for name in MULTILINE_FIELDS:
        changes[name] = clean_text(getattr(contact, name), max_length=5000, multiline=True)
    for name in LIST_FIELDS:
        changes[name] = unique_terms(getattr(contact, name))
    return dataclasses.replace(contact, **changes)  # type: ignore[arg-type]


def merge_into(existing: Contact, incoming: Contact, *, overwrite: bool = False) -> bool:
    """Fill `existing` from `incoming`; return whether anything changed.

    Empty fields are filled and lists are united; a field that already has a value is
    replaced only with `overwrite`, so an import never silently loses what was typed.
    """
    changed = False
    for spec in dataclasses.fields(Contact):
        name = spec.name
        if name in ("id", "created", "updated"):
            continue
        old, new = getattr(existing, name), getattr(incoming, name)
        if name in LIST_FIELDS:
            united = unique_terms([*old, *new]) if not overwrite or not new else list(new)
            if united != old:
                setattr(existing, name, united)
                changed = True
        elif new in ("", None, False):
            continue
        elif (overwrite or old in ("", None, False)) and new != old:
            setattr(existing, name, new)
            changed = True
    if changed:
        existing.updated = utc_now()
    return changed


@dataclass
class MergeReport:
    """What an import or add did, for the user to read."""

    added: list[Contact] = field(default_factory=list)
    merged: list[Contact] = field(default_factory=list)
    unchanged: list[Contact] = field(default_factory=list)


def merge_contacts(
    store: Store, incoming: Iterable[Contact], *, overwrite: bool = False, dry_run: bool = False
) -> MergeReport:
    """Add new people and merge known ones, all in one write (or none with `dry_run`)."""
    report = MergeReport()
    with store.desk.transaction():
        existing = store.contacts.all()
        by_key: dict[tuple[str, str], Contact] = {}
        for contact in existing:
            for key in identity_keys(contact):
                by_key.setdefault(key, contact)
        to_save: dict[str, Contact] = {}
        for raw in incoming:
            candidate = clean_contact(raw)
            if not candidate.name:
                continue
            match = next((by_key[k] for k in identity_keys(candidate) if k in by_key), None)
            if match is None:
                report.added.append(candidate)
                to_save[candidate.id] = candidate
                for key in identity_keys(candidate):
                    by_key.setdefault(key, candidate)
            elif merge_into(match, candidate, overwrite=overwrite):
                if match.id not in to_save:
                    report.merged.append(match)
                to_save[match.id] = match
                for key in identity_keys(match):
                    by_key.setdefault(key, match)
            elif match.id not in to_save:
                report.unchanged.append(match)
        if not dry_run and to_save:
            store.contacts.save_many(to_save.values())
    return report


def find_contact(store: Store, query: str) -> Contact:
    """The one contact a user means by a name, email or id; ambiguity is an error."""
    contacts = store.contacts.all()
    wanted = _folded(query)
    for exact in (
        [c for c in contacts if c.id == query],
        [c for c in contacts if c.email and c.email.casefold() == wanted],
        [c for c in contacts if _folded(c.name) == wanted],
        [c for c in contacts if wanted and wanted in _folded(c.name)],
    ):
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            names = ", ".join(f"{c.name} ({c.id})" for c in exact[:5])
            raise UserError(f"'{query}' matches several contacts: {names}; use the id")
    raise UserError(f"no contact named '{query}' (see: givedesk contacts list)")


def sorted_contacts(contacts: Iterable[Contact]) -> list[Contact]:
    return sorted(contacts, key=lambda c: (not c.key, c.name.casefold()))


def search_contacts(contacts: Iterable[Contact], query: str) -> list[Contact]:
    """Contacts whose name, company or interests fit `query`, best first.

    Typed incrementally, so a substring hit always counts; from three letters on, small
    typos are forgiven with a fuzzy word score ("okafr" finds Okafor).
    """
    from rapidfuzz import fuzz, utils

    wanted = _folded(query)
    people = list(contacts)
    if not wanted:
        return sorted_contacts(people)
    scored = []
    for contact in people:
        haystack = _folded(" ".join([contact.name, contact.company, *contact.interests]))
        if wanted in haystack:
            score = 200.0 - haystack.index(wanted) / 1000
        elif len(wanted) >= 3:
            score = fuzz.partial_ratio(wanted, haystack, processor=utils.default_process)
            if score < 80:
                continue
        else:
            continue
        scored.append((score, contact))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name.casefold()))
    return [contact for _score, contact in scored]


def set_key_relationship(store: Store, contact_id: str, key: bool) -> Contact:
    with store.desk.transaction():
        contact = store.contacts.get(contact_id)
        if contact is None:
            raise UserError(f"no contact with id {contact_id}")
        contact.key = key
        contact.updated = utc_now()
        store.contacts.save(contact)
    return contact


def delete_contact(store: Store, contact_id: str) -> Contact:
    """Remove a person and what is pending for them (queue, suggestion states).

    Their gives and asks stay: the ledger is history, and a restore or re-import of the
    same person (same id) finds it again.
    """
    with store.desk.transaction():
        contact = store.contacts.get(contact_id)
        if contact is None:
            raise UserError(f"no contact with id {contact_id}")
        store.contacts.remove(contact_id)
        store.queue.remove_many(q.id for q in store.queue.all() if q.contact_id == contact_id)
        store.states.remove_many(
            s.id for s in store.states.all()
            if contact_id in (s.contact_id, s.subject_id if s.kind == "intro" else None)
        )
    return contact


def save_contact(store: Store, contact: Contact) -> Contact:
    """Store an edited contact as it is (the form already validated it)."""
    cleaned = clean_contact(contact)
    cleaned.updated = utc_now()
    return store.contacts.save(cleaned)


@dataclass(frozen=True)
class Activity:
    """How much a person has been helped lately, for the contacts table."""

    last_give: datetime | None = None
    gives_30_days: int = 0


def give_activity(gives: Iterable[Give], now: datetime) -> dict[str, Activity]:
    """Per contact id: the latest give and the number of gives in the last 30 days."""
    last: dict[str, datetime] = {}
    recent: dict[str, int] = {}
    since = now - timedelta(days=30)
    for give in gives:
        if give.contact_id not in last or give.given_on > last[give.contact_id]:
            last[give.contact_id] = give.given_on
        if give.given_on >= since:
            recent[give.contact_id] = recent.get(give.contact_id, 0) + 1
    return {cid: Activity(when, recent.get(cid, 0)) for cid, when in last.items()}
