"""Follow-ups: key relationships on a cadence, and new contacts not yet helped."""

from __future__ import annotations

from datetime import date

from givedesk.config import FollowupsConfig
from givedesk.followups import due_followups
from givedesk.store import Store
from tests.people import NOW, add_give, add_person, days_ago

CONFIG = FollowupsConfig()


def due_names(store: Store, config: FollowupsConfig = CONFIG) -> list[tuple[str, str]]:
    return [(f.contact.name, f.reason) for f in due_followups(store, config, NOW)]


def test_a_key_relationship_is_due_when_the_last_give_is_older_than_the_cadence(
    store: Store,
) -> None:
    lapsed = add_person(store, "Lapsed", key=True)
    recent = add_person(store, "Recent", key=True)
    casual = add_person(store, "Casual")
    add_give(store, lapsed, 31)
    add_give(store, recent, 29)
    add_give(store, casual, 300)
    [followup] = due_followups(store, CONFIG, NOW)
    assert (followup.contact.name, followup.reason, followup.cadence_days) == ("Lapsed", "key", 30)
    assert followup.last_give == days_ago(31)
    assert followup.due_since == date(2026, 11, 19) and followup.days_waiting(NOW) == 1


def test_a_contacts_own_cadence_overrides_the_default(store: Store) -> None:
    weekly = add_person(store, "Weekly", key=True, cadence_days=7)
    add_give(store, weekly, 8)
    assert due_names(store) == [("Weekly", "key")]
    assert due_names(store, FollowupsConfig(cadence_days=5)) == [("Weekly", "key")]
    add_give(store, weekly, 1)
    assert due_names(store) == []


def test_any_give_resets_the_clock(store: Store) -> None:
    zoe = add_person(store, "Zoë", key=True)
    add_give(store, zoe, 60)
    assert due_names(store) == [("Zoë", "key")]
    add_give(store, zoe, 0, kind="intro")
    assert due_names(store) == []


def test_a_key_relationship_never_helped_is_due_since_it_was_added(store: Store) -> None:
    add_person(store, "Never", key=True, created=days_ago(3))
    [followup] = due_followups(store, CONFIG, NOW)
    assert followup.reason == "key" and followup.last_give is None
    assert followup.days_waiting(NOW) == 3


def test_people_met_recently_with_no_give_are_due(store: Store) -> None:
    add_person(store, "Met last week", met_on=date(2026, 11, 13), met_at="Chamber breakfast")
    add_person(store, "Met long ago", met_on=date(2026, 10, 1))
    given = add_person(store, "Already helped", met_on=date(2026, 11, 18))
    add_person(store, "Never met")
    add_give(store, given, 1)
    assert due_names(store) == [("Met last week", "new")]
    assert due_names(store, FollowupsConfig(new_contact_days=3)) == []


def test_longest_waiting_first(store: Store) -> None:
    add_person(store, "New", met_on=date(2026, 11, 10))
    lapsed = add_person(store, "Lapsed", key=True)
    add_give(store, lapsed, 45)
    add_person(store, "Newer", met_on=date(2026, 11, 19))
    assert due_names(store) == [("Lapsed", "key"), ("New", "new"), ("Newer", "new")]
