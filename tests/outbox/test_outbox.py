"""Queue → send → undo, through the service the Outbox screen uses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from givedesk.errors import UserError
from givedesk.models import Contact, Lead, QueueItem
from givedesk.outbox import (
    check_in,
    mark_sent,
    outbox_groups,
    queue_item,
    remove_item,
    undo_send,
)
from givedesk.store import Store

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def people(store: Store) -> tuple[Contact, Contact]:
    zoe, mateo = Contact(name="Zoë Okafor"), Contact(name="Mateo Núñez")
    store.contacts.insert_many([zoe, mateo])
    return zoe, mateo


def test_items_are_grouped_by_person_and_queued_once(store: Store, people) -> None:  # type: ignore[no-untyped-def]
    zoe, mateo = people
    queue_item(store, QueueItem(contact_id=zoe.id, title="Bike lanes", article_id="a1"), NOW)
    queue_item(store, QueueItem(contact_id=zoe.id, title="Bike lanes", article_id="a1"), NOW)
    queue_item(store, QueueItem(contact_id=mateo.id, title="Design award", article_id="a2"), NOW)
    groups = outbox_groups(store)
    assert [(g.contact.name, [i.title for i in g.items]) for g in groups] == [
        ("Mateo Núñez", ["Design award"]), ("Zoë Okafor", ["Bike lanes"]),
    ]
    states = {(s.subject_id, s.status) for s in store.states.all()}
    assert states == {("a1", "queued"), ("a2", "queued")}


def test_a_check_in_is_queued_once_a_person(store: Store, people) -> None:  # type: ignore[no-untyped-def]
    zoe, mateo = people
    first = queue_item(store, check_in(zoe.id, "How is the roastery?"), NOW)
    assert queue_item(store, check_in(zoe.id, "Hello again"), NOW) == first
    queue_item(store, check_in(mateo.id, ""), NOW)
    queue_item(store, QueueItem(contact_id=zoe.id, title="News", kind="info"), NOW)
    assert sorted((i.contact_id == zoe.id, i.title) for i in store.queue.all()) == [
        (False, "Checking in"), (True, "Checking in"), (True, "News")]


def test_sending_records_one_give_per_item_and_undo_restores_everything(
    store: Store, people  # type: ignore[no-untyped-def]
) -> None:
    zoe, _ = people
    lead = store.leads.insert(Lead(text="Cafe space on Pier Street", source="Harborview Chamber"))
    queue_item(store, QueueItem(contact_id=zoe.id, title="Bike lanes", article_id="a1",
                                link="https://news.example.com/1", note="for the ride"), NOW)
    queue_item(store, QueueItem(contact_id=zoe.id, title="Cafe space", kind="lead",
                                lead_id=lead.id), NOW)
    record = mark_sent(store, zoe.id, NOW)
    gives = sorted(store.gives.all(), key=lambda g: g.kind)
    assert [(g.kind, g.note, g.source) for g in gives] == [
        ("article", "Bike lanes — for the ride", ""),
        ("lead", "Cafe space", "Harborview Chamber"),
    ]
    assert outbox_groups(store) == []
    assert [s.status for s in store.states.all()] == ["given"]

    undo_send(store, record)
    assert store.gives.all() == []
    assert [i.title for i in outbox_groups(store)[0].items] == ["Bike lanes", "Cafe space"]
    assert [s.status for s in store.states.all()] == ["queued"]


def test_removing_an_item_lets_its_article_be_suggested_again(store: Store, people) -> None:  # type: ignore[no-untyped-def]
    zoe, _ = people
    item = queue_item(store, QueueItem(contact_id=zoe.id, title="x", article_id="a1"), NOW)
    remove_item(store, item.id)
    assert store.queue.all() == [] and store.states.all() == []


def test_sending_an_empty_outbox_is_refused(store: Store, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="nothing queued"):
        mark_sent(store, people[0].id, NOW)
