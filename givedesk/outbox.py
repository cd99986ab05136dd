"""The outbox: what you chose to share, grouped by person, until it is sent.

Sending turns each queued item into a give in the ledger. The send returns a record
of what it did so it can be undone exactly (the Outbox's `u`): gives removed, items
and suggestion states put back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from givedesk.errors import UserError
from givedesk.models import Contact, Give, QueueItem, SuggestionState
from givedesk.store import Store


@dataclass
class OutboxGroup:
    """One person's queued items: one message to draft and send."""

    contact: Contact
    items: list[QueueItem] = field(default_factory=list)


@dataclass
class SendRecord:
    """What one send did, kept so that it can be undone."""

    contact: Contact
    items: list[QueueItem]
    gives: list[Give]
    states_before: list[SuggestionState]


def _match_states(store: Store, contact_id: str, article_ids: set[str]) -> list[SuggestionState]:
    return [
        state for state in store.states.all()
        if state.kind == "match" and state.contact_id == contact_id
        and state.subject_id in article_ids
    ]


def _set_match_status(
    store: Store, contact_id: str, article_ids: set[str], status: str, now: datetime
) -> None:
    existing = {s.subject_id: s for s in _match_states(store, contact_id, article_ids)}
    for article_id in article_ids:
        state = existing.get(article_id) or SuggestionState(
            kind="match", subject_id=article_id, contact_id=contact_id, status="queued")
        state.status = status  # type: ignore[assignment]
        state.until = None
        state.updated = now
        store.states.save(state)


CHECK_IN_TITLE = "Checking in"
"""The title of a follow-up's give: nothing to share, a note saying hello."""


def check_in(contact_id: str, note: str) -> QueueItem:
    """What queueing a follow-up puts in the outbox."""
    return QueueItem(contact_id=contact_id, title=CHECK_IN_TITLE, kind="info", note=note)


def is_check_in(item: QueueItem) -> bool:
    return (item.kind == "info" and item.title == CHECK_IN_TITLE and not item.occasion
            and not item.link)


def same_give(queued: QueueItem, item: QueueItem) -> bool:
    """The same thing for the same person: one article, one lead, or a check-in (a
    follow-up queued twice put two "Checking in" items in one message)."""
    if queued.contact_id != item.contact_id:
        return False
    if item.article_id or item.lead_id:
        return (queued.article_id, queued.lead_id) == (item.article_id, item.lead_id)
    return is_check_in(item) and is_check_in(queued)


def checked_in(store: Store) -> set[str]:
    """The people with a check-in waiting in the outbox: their follow-up is handled."""
    return {item.contact_id for item in store.queue.all() if is_check_in(item)}


def queue_item(store: Store, item: QueueItem, now: datetime) -> QueueItem:
    """Put an item in the outbox; the same give queued twice for one person stays once."""
    with store.desk.transaction():
        if store.contacts.get(item.contact_id) is None:
            raise UserError(f"no contact with id {item.contact_id}")
        for queued in store.queue.all():
            if same_give(queued, item):
                return queued
        store.queue.insert(item)
        if item.article_id:
            _set_match_status(store, item.contact_id, {item.article_id}, "queued", now)
    return item


def outbox_groups(store: Store) -> list[OutboxGroup]:
    """Queued items by person, people in name order, items in the order queued."""
    with store.desk.transaction():
        contacts = {c.id: c for c in store.contacts.all()}
        groups: dict[str, OutboxGroup] = {}
        for item in sorted(store.queue.all(), key=lambda i: i.queued_on):
            contact = contacts.get(item.contact_id)
            if contact is not None:
                groups.setdefault(contact.id, OutboxGroup(contact)).items.append(item)
    return sorted(groups.values(), key=lambda g: g.contact.name.casefold())


def remove_item(store: Store, item_id: str) -> QueueItem:
    """Take an item out of the outbox; its article may be suggested again."""
    with store.desk.transaction():
        item = store.queue.get(item_id)
        if item is None:
            raise UserError(f"no queued item with id {item_id}")
        store.queue.remove(item_id)
        if item.article_id:
            states = _match_states(store, item.contact_id, {item.article_id})
            store.states.remove_many(s.id for s in states if s.status == "queued")
    return item


def mark_sent(store: Store, contact_id: str, now: datetime) -> SendRecord:
    """Record one give per queued item for the person and empty their outbox."""
    with store.desk.transaction():
        contact = store.contacts.get(contact_id)
        items = [i for i in store.queue.all() if i.contact_id == contact_id]
        if contact is None or not items:
            raise UserError("nothing queued for that person")
        leads = {lead.id: lead for lead in store.leads.all()}
        gives = [
            Give(
                contact_id=contact_id, kind=item.kind,
                note=f"{item.title} — {item.note}" if item.note else item.title,
                link=item.link, article_id=item.article_id, lead_id=item.lead_id,
                source=leads[item.lead_id].source if item.lead_id in leads else "",
                given_on=now,
            )
            for item in items
        ]
        article_ids = {i.article_id for i in items if i.article_id}
        states_before = _match_states(store, contact_id, article_ids)
        store.gives.insert_many(gives)
        store.queue.remove_many(i.id for i in items)
        _set_match_status(store, contact_id, article_ids, "given", now)
    return SendRecord(contact, items, gives, states_before)


def undo_send(store: Store, record: SendRecord) -> None:
    """Put the items back in the outbox and take their gives out of the ledger."""
    with store.desk.transaction():
        store.gives.remove_many(g.id for g in record.gives)
        store.queue.insert_many(record.items)
        article_ids = {i.article_id for i in record.items if i.article_id}
        current = _match_states(store, record.contact.id, article_ids)
        store.states.remove_many(s.id for s in current)
        store.states.insert_many(record.states_before)
