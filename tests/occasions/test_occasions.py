"""Occasions on Today: birthdays, anniversaries, work anniversaries, a year since you met,
with a frozen clock across a year end and around February 29."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from givedesk.compose import draft_outbox_message
from givedesk.config import Config, OccasionsConfig, parse_config
from givedesk.contacts import merge_contacts
from givedesk.desk import quick_agenda
from givedesk.errors import UserError
from givedesk.models import Contact, QueueItem
from givedesk.occasions import set_occasion_status, upcoming_occasions
from givedesk.store import Store

WEEK = OccasionsConfig()


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)


def add(store: Store, *people: Contact) -> None:
    merge_contacts(store, list(people))


def seen(store: Store, day: date, config: OccasionsConfig = WEEK) -> list[tuple[str, str, date]]:
    return [(o.contact.name, o.kind, o.on) for o in upcoming_occasions(store, config, at(day))]


def test_across_the_year_end_dec_30_to_jan_3(store: Store) -> None:
    add(store,
        Contact(name="Ada", birthday="--01-02"),
        Contact(name="Bo", anniversary="2015-12-31"),
        Contact(name="Cy", work_anniversary="2020-01-03", company="Spokes"),
        Contact(name="Di", met_on=date(2025, 12, 30), met_at="the Chamber breakfast"),
        Contact(name="Ed", birthday="1990-01-07"))  # 8 days away on Dec 30: not yet
    december_30 = date(2026, 12, 30)
    assert seen(store, december_30) == [
        ("Di", "met", date(2026, 12, 30)),
        ("Bo", "anniversary", date(2026, 12, 31)),
        ("Ada", "birthday", date(2027, 1, 2)),
        ("Cy", "work_anniversary", date(2027, 1, 3)),
    ]
    by_name = {o.contact.name: o for o in upcoming_occasions(store, WEEK, at(december_30))}
    assert by_name["Di"].title(december_30) == "A year since you met, today"
    assert by_name["Bo"].title(december_30) == "Anniversary (11 years) tomorrow"
    assert by_name["Ada"].title(december_30) == "Birthday on Sat 2 Jan (in 3 days)"
    assert by_name["Cy"].message() == "Congratulations on 7 years at Spokes! (Sunday 3 January)"
    assert by_name["Di"].message() == (
        "It's a year since we met at the Chamber breakfast! (Wednesday 30 December)")
    # On January 3 the ones that have passed are gone and Ed's is within the week.
    assert seen(store, date(2027, 1, 3)) == [
        ("Cy", "work_anniversary", date(2027, 1, 3)),
        ("Ed", "birthday", date(2027, 1, 7)),
    ]


def test_a_meeting_or_a_new_job_counts_only_from_its_first_year(store: Store) -> None:
    add(store, Contact(name="Fay", met_on=date(2027, 1, 2)),
        Contact(name="Gus", work_anniversary="2026-12-31"))
    assert seen(store, date(2026, 12, 30)) == []
    assert seen(store, date(2027, 12, 30)) == [("Gus", "work_anniversary", date(2027, 12, 31)),
                                                ("Fay", "met", date(2028, 1, 2))]


def test_february_29_falls_on_february_28_outside_leap_years(store: Store) -> None:
    add(store, Contact(name="Leap", birthday="--02-29"), Contact(name="March", birthday="--03-01"))
    assert seen(store, date(2027, 2, 27), OccasionsConfig(days_ahead=1)) == [
        ("Leap", "birthday", date(2027, 2, 28))]
    assert seen(store, date(2028, 2, 28), OccasionsConfig(days_ahead=1)) == [
        ("Leap", "birthday", date(2028, 2, 29))]
    assert seen(store, date(2028, 2, 29), OccasionsConfig(days_ahead=0)) == [
        ("Leap", "birthday", date(2028, 2, 29))]
    assert seen(store, date(2028, 2, 29), OccasionsConfig(days_ahead=1)) == [
        ("Leap", "birthday", date(2028, 2, 29)), ("March", "birthday", date(2028, 3, 1))]


def test_days_ahead_comes_from_the_config(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(store, Contact(name="Ada", birthday="--01-10"))
    assert seen(store, date(2027, 1, 1)) == []
    config = parse_config({"occasions": {"days_ahead": 10}}, tmp_path / "config.toml")
    assert seen(store, date(2027, 1, 1), config.occasions) == [("Ada", "birthday", date(2027, 1, 10))]
    with pytest.raises(UserError, match="'occasions.days_ahead' must be between 0 and 366"):
        parse_config({"occasions": {"days_ahead": -1}}, tmp_path / "config.toml")


def test_dismissed_for_the_year_and_back_the_next(store: Store) -> None:
    add(store, Contact(name="Ada", birthday="--01-02"), Contact(name="Bo", birthday="--01-02"))
    (ada, bo) = upcoming_occasions(store, WEEK, at(date(2026, 12, 30)))
    set_occasion_status(store, ada, "dismissed")
    set_occasion_status(store, bo, "queued")
    assert seen(store, date(2026, 12, 31)) == []
    assert seen(store, date(2027, 12, 30)) == [("Ada", "birthday", date(2028, 1, 2)),
                                                ("Bo", "birthday", date(2028, 1, 2))]


def test_occasions_lead_today_key_relationships_first(store: Store) -> None:
    add(store, Contact(name="Ada", birthday="--01-01"),
        Contact(name="Zed", birthday="--01-03", key=True, company="Okafor Coffee"))
    assert [name for name, _kind, _on in seen(store, date(2026, 12, 30))] == ["Zed", "Ada"]
    agenda = quick_agenda(store, Config(), at(date(2026, 12, 30)))
    occasions = [item for item in agenda if item.group == "occasion"]
    assert [item.contact.name for item in occasions] == ["Zed", "Ada"]
    assert agenda[:2] == occasions
    assert occasions[0].why.startswith("key relationship · Okafor Coffee")


def test_the_outbox_draft_says_what_the_occasion_is() -> None:
    ada = Contact(name="Ada Okafor", email="ada@okafor.coffee")
    item = QueueItem(contact_id=ada.id, title="Happy birthday! (Saturday 2 January)", kind="info",
                     note="Coffee on me next week?", occasion=True)
    draft = draft_outbox_message(ada, [item], Config())
    assert draft.subject == "Happy birthday!"
    assert draft.body.startswith(
        "Hi Ada,\n\nHappy birthday! (Saturday 2 January)\nCoffee on me next week?\n\n")
    assert "I came across these" not in draft.body
