"""Contacts: adding, merging and listing the people on the desk.

The same person reaches the desk many times (typed by hand, then imported from a
phone, then from LinkedIn). Merging instead of duplicating keeps one record with one
history: same email, or the same name at the same company, is the same person
(`givedesk.identity` says how names and companies are compared). Imports also merge a
similar name at the same company (a typo); an explicit add does not, since "Mario
Garcia" typed by hand is not "Maria Garcia": it is added, the near match is reported,
and `merge_people` joins two records the user says are one person.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from givedesk.contact_points import clean_points, points_text, with_preferred
from givedesk.errors import UserError
from givedesk.identity import ContactIndex, Match, fold
from givedesk.ledger import last_give_by_contact
from givedesk.models import Contact, ContactPoint, Give, utc_now
from givedesk.partial_date import describe_partial_date, normalise_partial_date
from givedesk.store import Store
from givedesk.text import clean_text, unique_terms

LIST_FIELDS = ("interests", "needs", "offers", "tags", "muted_topics")
TEXT_FIELDS = ("email", "phone", "company", "role", "location", "met_at", "nickname")
POINT_FIELDS = ("emails", "phones", "urls")
DATE_FIELDS = ("birthday", "anniversary", "work_anniversary")
MULTILINE_FIELDS = ("notes",)


def clean_contact(contact: Contact) -> Contact:
    """The contact with every text field made safe to store and show."""
    changes: dict[str, object] = {"name": clean_text(contact.name, max_length=200)}
    for name in TEXT_FIELDS:
        changes[name] = clean_text(getattr(contact, name), max_length=300)
    for name in MULTILINE_FIELDS:
        changes[name] = clean_text(getattr(contact, name), max_length=5000, multiline=True)
    for name in LIST_FIELDS:
        # `;` separates terms in the CSV format, so a term can never contain one.
        terms = [part for term in getattr(contact, name) for part in term.split(";")]
        changes[name] = unique_terms(terms)
    for name in DATE_FIELDS:
        try:
            changes[name] = normalise_partial_date(getattr(contact, name))
        except ValueError:
            changes[name] = ""
    cleaned = dataclasses.replace(contact, **changes)  # type: ignore[arg-type]
    _sync_points(cleaned, lists=True)
    return cleaned


def _sync_points(contact: Contact, *, lists: bool = False) -> None:
    """`email` and `phone` are the first of `emails` and `phones` (`lists`: clean those;
    a preferred value typed as "a; b" is two, the first preferred)."""
    for single, several in (("email", "emails"), ("phone", "phones")):
        preferred, points = getattr(contact, single), getattr(contact, several)
        if lists:
            split = clean_points([ContactPoint(preferred)])
            points = clean_points([*split, *points] if len(split) > 1 else points)
            preferred = split[0].value if split else ""
        preferred, points = with_preferred(preferred, points)
        setattr(contact, single, preferred)
        setattr(contact, several, points)
    if lists:
        contact.urls = clean_points(contact.urls, links=True)


def _every_point(contact: Contact, name: str) -> list[ContactPoint]:
    """`emails`, `phones` or `urls` in full: the preferred value alone is kept only in
    `email` or `phone`."""
    points: list[ContactPoint] = getattr(contact, name)
    single = {"emails": contact.email, "phones": contact.phone}.get(name, "")
    return points or ([ContactPoint(single)] if single else [])


def merge_into(existing: Contact, incoming: Contact, *, overwrite: bool = False) -> list[str]:
    """Fill `existing` from `incoming`; return the names of the fields that changed.

    Empty fields are filled and lists are united; a field that already has a value is
    replaced only with `overwrite`, so an import never silently loses what was typed.
    """
    changed: list[str] = []
    for spec in dataclasses.fields(Contact):
        name = spec.name
        if name in ("id", "created", "updated"):
            continue
        old, new = getattr(existing, name), getattr(incoming, name)
        if name in LIST_FIELDS:
            united = unique_terms([*old, *new]) if not overwrite or not new else list(new)
            if united != old:
                setattr(existing, name, united)
                changed.append(name)
        elif name in POINT_FIELDS:
            before = _every_point(existing, name)
            points = clean_points([*before, *_every_point(incoming, name)], links=name == "urls")
            if points != before:
                setattr(existing, name, points)
                changed.append(name)
        elif new in ("", None, False):
            continue
        elif (overwrite or old in ("", None, False)) and new != old:
            setattr(existing, name, new)
            changed.append(name)
    if changed:
        _sync_points(existing)
        existing.updated = utc_now()
    return changed


@dataclass
class MergeReport:
    """What an import or add did (or, in a dry run, would do), for the user to read.

    Each person appears once, in the first list that applies: added, else merged (some
    field filled or replaced), else unchanged. `matches` says which existing contact
    each merged or unchanged one was recognised as and why, so a user can check a
    fuzzy match before importing for real.
    """

    added: list[Contact] = field(default_factory=list)
    merged: list[Contact] = field(default_factory=list)
    unchanged: list[Contact] = field(default_factory=list)
    changed_fields: dict[str, list[str]] = field(default_factory=dict)
    """Contact id -> the fields the incoming records filled (or replaced, with overwrite)."""
    matches: dict[str, Match] = field(default_factory=dict)
    """Contact id -> how the first incoming record was recognised as that contact."""
    similar: dict[str, list[Contact]] = field(default_factory=dict)
    """Added contact id -> people already on the desk with a near name at the same company
    (an import merges those), or the same name at another company or none (an explicit
    add only)."""

    def listing(self, *, dry_run: bool = False) -> list[str]:
        """One line per person: what happened (or would happen) to them."""
        add, merge = ("would add", "would merge") if dry_run else ("added", "merged")
        lines = [f"{add}: {_label(contact)}" for contact in self.added]
        for contact in self.merged:
            fields = ", ".join(self.changed_fields[contact.id])
            lines.append(f"{merge}: {_label(contact)} ({self._why(contact)}; {fields})")
        lines += [f"unchanged: {_label(c)} ({self._why(c)})" for c in self.unchanged]
        return lines

    def _why(self, contact: Contact) -> str:
        return self.matches[contact.id].reason


    def similar_note(self, contact: Contact) -> str:
        """"similar to Maria Garcia (Acme): ..." for a person added beside a near match."""
        near = self.similar.get(contact.id)
        if not near:
            return ""
        names = ", ".join(f"{c.name} ({c.company})" if c.company else c.name for c in near)
        return f"similar to {names}: if they are one person, merge with `givedesk contacts merge`"


def _label(contact: Contact) -> str:
    return f"{contact.name}, {contact.company}" if contact.company else contact.name


def merge_contacts(
    store: Store, incoming: Iterable[Contact], *, overwrite: bool = False, dry_run: bool = False,
    fuzzy: bool = True,
) -> MergeReport:
    """Add new people and merge known ones, all in one write (or none with `dry_run`).

    Records are cleaned (`clean_contact`) first; a record without a name is ignored.
    People repeated within `incoming` are merged with each other as well. Without
    `fuzzy` only the same email or the same normalised name at the same company is a
    known person; a near match is added and listed in `MergeReport.similar`.
    """
    report = MergeReport()
    with store.desk.transaction():
        index = ContactIndex(store.contacts.all())
        added: dict[str, Contact] = {}
        touched: dict[str, Contact] = {}
        for raw in incoming:
            candidate = clean_contact(raw)
            if not candidate.name:
                continue
            match = index.find(candidate, fuzzy=fuzzy)
            if match is None:
                if not fuzzy and (near := [*index.similar(candidate),
                                           *index.namesakes(candidate)]):
                    report.similar[candidate.id] = near
                added[candidate.id] = candidate
                index.add(candidate)
                continue
            contact = match.contact
            if contact.id not in added:
                touched.setdefault(contact.id, contact)
                report.matches.setdefault(contact.id, match)
            changed = merge_into(contact, candidate, overwrite=overwrite)
            if changed and contact.id not in added:
                fields = report.changed_fields.setdefault(contact.id, [])
                fields += [name for name in changed if name not in fields]
            index.add(contact)
        report.added = list(added.values())
        for contact_id, contact in touched.items():
            target = report.merged if contact_id in report.changed_fields else report.unchanged
            target.append(contact)
        if not dry_run and (report.added or report.merged):
            store.contacts.save_many([*report.added, *report.merged])
    return report


def add_contact(store: Store, contact: Contact) -> MergeReport:
    """What `contacts add` and the Contacts form do: never fold a typed person into a
    merely similar one."""
    return merge_contacts(store, [contact], fuzzy=False)


def find_contact(store: Store, query: str) -> Contact:
    """The one contact a user means by a name, email or id, typed with or without accents
    and capitals ("zoe okafor" is Zoë Okafor); ambiguity is an error naming them all."""
    contacts = store.contacts.all()
    wanted = fold(query)
    for exact in (
        [c for c in contacts if c.id == query],
        [c for c in contacts if c.email and c.email.casefold() == wanted],
        [c for c in contacts if fold(c.name) == wanted],
        [c for c in contacts if wanted and wanted in fold(c.name)],
    ):
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            names = ", ".join(f"{c.name} ({c.id})" for c in exact[:5])
            raise UserError(f"'{query}' matches several contacts: {names}; use the id")
    raise UserError(f"no contact named '{query}' (see: givedesk contacts list)")


def contact_details(contact: Contact) -> list[tuple[str, str]]:
    """Every filled field of a person as (label, value) rows, one per address, number
    and link (the preferred first), as `contacts show` and the Contacts screen list them.
    Notes are left to the caller: they span lines."""
    emails = contact.emails or [ContactPoint(contact.email)]
    phones = contact.phones or [ContactPoint(contact.phone)]
    rows = [
        ("Nickname", contact.nickname), ("Role", contact.role), ("Company", contact.company),
        *(("Email", points_text([p])) for p in emails),
        *(("Phone", points_text([p])) for p in phones),
        *(("Link", points_text([p])) for p in contact.urls),
        ("Location", contact.location),
        ("Birthday", describe_partial_date(contact.birthday)),
        ("Anniversary", describe_partial_date(contact.anniversary)),
        ("Work anniv.", describe_partial_date(contact.work_anniversary)),
        ("Interests", "; ".join(contact.interests)), ("Needs", "; ".join(contact.needs)),
        ("Offers", "; ".join(contact.offers)), ("Tags", "; ".join(contact.tags)),
        ("Muted", "; ".join(contact.muted_topics)), ("Met at", contact.met_at),
        ("Met on", contact.met_on.isoformat() if contact.met_on else ""),
        ("Connected", contact.connected_on.isoformat() if contact.connected_on else ""),
        ("Cadence", f"every {contact.cadence_days} days" if contact.cadence_days else ""),
    ]
    return [(label, value) for label, value in rows if value]


def sorted_contacts(contacts: Iterable[Contact]) -> list[Contact]:
    return sorted(contacts, key=lambda c: (not c.key, c.name.casefold()))


def search_contacts(contacts: Iterable[Contact], query: str) -> list[Contact]:
    """Contacts whose name, company or interests fit `query`, best first.

    Typed incrementally, so a substring hit always counts; from three letters on, small
    typos are forgiven with a fuzzy word score ("okafr" finds Okafor).
    """
    from rapidfuzz import fuzz, utils

    wanted = fold(query)
    people = list(contacts)
    if not wanted:
        return sorted_contacts(people)
    scored = []
    for contact in people:
        haystack = fold(" ".join([contact.name, contact.company, *contact.interests]))
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


@dataclass(frozen=True)
class PeopleMerge:
    """What `merge_people` did, for the one line the user reads."""

    kept: Contact
    removed: Contact
    filled: list[str]
    """Fields of the kept record filled from the removed one."""
    moved: int
    """Gives, asks, queued items, introductions and decisions now pointing at the kept one."""


def merge_people(store: Store, keep_id: str, other_id: str) -> PeopleMerge:
    """Make two records one person: `other`'s empty-field values, history (gives, asks),
    queue, introductions and suggestion decisions move to `keep`, then `other` goes.

    Values `keep` already has win; nothing of `other` that `keep` lacks is lost.
    """
    if keep_id == other_id:
        raise UserError("those are the same contact; name two different people")
    with store.desk.transaction():
        keep, other = store.contacts.get(keep_id), store.contacts.get(other_id)
        if keep is None or other is None:
            raise UserError(f"no contact with id {other_id if keep else keep_id}")
        filled = merge_into(keep, other)
        moved = 0
        for collection in (store.gives, store.asks, store.queue):
            items = [item for item in collection.all() if item.contact_id == other_id]
            for item in items:
                item.contact_id = keep_id
            collection.save_many(items)  # type: ignore[arg-type]
            moved += len(items)
        intros = [i for i in store.intros.all() if other_id in (i.a_id, i.b_id)]
        for intro in intros:
            intro.a_id, intro.b_id = (keep_id if x == other_id else x for x in (intro.a_id, intro.b_id))
        store.intros.save_many(intros)
        states = [s for s in store.states.all()
                  if other_id in (s.contact_id, s.subject_id if s.kind == "intro" else None)]
        for state in states:
            state.contact_id = keep_id if state.contact_id == other_id else state.contact_id
            if state.kind == "intro" and state.subject_id == other_id:
                state.subject_id = keep_id
        store.states.save_many(states)
        moved += len(intros) + len(states)
        store.contacts.save(keep)
        store.contacts.remove(other_id)
    return PeopleMerge(keep, other, filled, moved)


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


def give_activity(gives: Sequence[Give], now: datetime) -> dict[str, Activity]:
    """Per contact id: the latest give and the number of gives in the last 30 days."""
    since = now - timedelta(days=30)
    recent = Counter(give.contact_id for give in gives if give.given_on >= since)
    return {cid: Activity(when, recent[cid]) for cid, when in last_give_by_contact(gives).items()}
