"""The double opt-in: steps, stamps, refusals, reminders and the gives it records."""

from __future__ import annotations

from datetime import timedelta

import pytest

from givedesk.config import IntrosConfig
from givedesk.errors import UserError
from givedesk.intros import (
    NEXT_STATUS,
    advance_intro,
    decline_intro,
    get_intro,
    intro_progress,
    next_action,
    propose_intro,
)
from givedesk.models import Intro
from givedesk.store import Store
from tests.people import NOW, mateo, priya

HOUR = timedelta(hours=1)


def proposed(store: Store) -> Intro:
    return propose_intro(store, priya(store), mateo(store), NOW)


def advance(store: Store, intro: Intro, times: int) -> Intro:
    for step in range(times):
        intro = advance_intro(store, intro.id, NOW + (step + 1) * HOUR)
    return intro


def test_the_whole_way_with_a_stamp_at_each_step_and_a_give_to_both(store: Store) -> None:
    intro = proposed(store)
    done = advance(store, intro, 5)
    assert done.status == "introduced"
    assert [(step.status, step.at) for step in get_intro(store, intro.id).history] == [
        ("proposed", NOW), ("asked_a", NOW + HOUR), ("a_agreed", NOW + 2 * HOUR),
        ("asked_b", NOW + 3 * HOUR), ("b_agreed", NOW + 4 * HOUR), ("introduced", NOW + 5 * HOUR),
    ]
    gives = sorted(store.gives.all(), key=lambda give: give.note)
    assert [(g.kind, g.intro_id, g.note, g.given_on) for g in gives] == [
        ("intro", intro.id, "Introduced to Mateo Núñez", NOW + 5 * HOUR),
        ("intro", intro.id, "Introduced to Priya Raman", NOW + 5 * HOUR),
    ]
    assert {g.contact_id for g in gives} == {intro.a_id, intro.b_id}


def test_no_give_before_the_introduction_is_made(store: Store) -> None:
    advance(store, proposed(store), 4)
    assert store.gives.count() == 0


def test_a_note_is_kept_with_its_step(store: Store) -> None:
    intro = advance_intro(store, proposed(store).id, NOW, note="asked at the gym")
    assert intro.history[-1].note == "asked at the gym"


@pytest.mark.parametrize("steps", range(5))
def test_declined_at_any_open_step(store: Store, steps: int) -> None:
    intro = advance(store, proposed(store), steps)
    ended = decline_intro(store, intro.id, NOW + timedelta(days=1))
    assert ended.status == "declined" and ended.history[-1].at == NOW + timedelta(days=1)
    with pytest.raises(UserError, match="is declined: it has no next step"):
        advance_intro(store, intro.id, NOW)
    with pytest.raises(UserError, match="is already declined"):
        decline_intro(store, intro.id, NOW)


@pytest.mark.parametrize(("steps", "allowed"), [(0, False), (1, True), (2, False), (3, True),
                                                (4, False)])
def test_no_reply_only_while_waiting_for_an_answer(store: Store, steps: int, allowed: bool) -> None:
    intro = advance(store, proposed(store), steps)
    if allowed:
        assert decline_intro(store, intro.id, NOW, no_reply=True).status == "no_reply"
    else:
        with pytest.raises(UserError, match="not waiting for an answer"):
            decline_intro(store, intro.id, NOW, no_reply=True)
        assert get_intro(store, intro.id).status == intro.status


def test_an_introduced_pair_cannot_go_further_or_back(store: Store) -> None:
    intro = advance(store, proposed(store), 5)
    with pytest.raises(UserError, match="is introduced: it has no next step"):
        advance_intro(store, intro.id, NOW)
    with pytest.raises(UserError, match="already introduced"):
        decline_intro(store, intro.id, NOW)
    assert store.gives.count() == 2


def test_proposals_that_make_no_sense_are_refused(store: Store) -> None:
    a, b = priya(store), mateo(store)
    with pytest.raises(UserError, match="two different people"):
        propose_intro(store, a, a, NOW)
    first = propose_intro(store, a, b, NOW)
    with pytest.raises(UserError, match=f"already have an introduction in progress \\({first.id}"):
        propose_intro(store, b, a, NOW)
    decline_intro(store, first.id, NOW)
    again = propose_intro(store, b, a, NOW)
    advance(store, again, 5)
    with pytest.raises(UserError, match="were already introduced"):
        propose_intro(store, a, b, NOW)
    with pytest.raises(UserError, match="no introduction with id 'nope'"):
        advance_intro(store, "nope", NOW)


def test_a_step_waiting_too_long_is_flagged(store: Store) -> None:
    config = IntrosConfig(reminder_days=5)
    intro = advance(store, proposed(store), 1)
    [row] = intro_progress(store)
    assert row.since == NOW + HOUR
    assert not row.overdue(NOW + timedelta(days=5), config)
    assert row.overdue(NOW + timedelta(days=5, hours=2), config)
    assert row.days_waiting(NOW + timedelta(days=6)) == 5
    assert row.next_action == "wait for Priya Raman's answer"
    decline_intro(store, intro.id, NOW)
    assert intro_progress(store) == []
    [finished] = intro_progress(store, include_finished=True)
    assert not finished.overdue(NOW + timedelta(days=50), config)


def test_open_introductions_first_and_longest_waiting_first(store: Store) -> None:
    a, b = priya(store), mateo(store)
    c = store.contacts.insert(type(a)(name="Zoë"))
    done = propose_intro(store, a, c, NOW - timedelta(days=9))
    decline_intro(store, done.id, NOW - timedelta(days=8))
    newer = propose_intro(store, b, c, NOW)
    older = propose_intro(store, a, b, NOW - timedelta(days=2))
    order = [row.intro.id for row in intro_progress(store, include_finished=True)]
    assert order == [older.id, newer.id, done.id]


def test_every_open_step_names_what_to_do_next(store: Store) -> None:
    a, b = priya(store), mateo(store)
    intro = propose_intro(store, a, b, NOW)
    actions = []
    for _ in NEXT_STATUS:
        actions.append(next_action(intro, a, b))
        intro = advance_intro(store, intro.id, NOW)
    assert actions == [
        "ask Priya Raman (without naming Mateo Núñez)", "wait for Priya Raman's answer",
        "ask Mateo Núñez", "wait for Mateo Núñez's answer", "introduce them",
    ]
    assert next_action(intro, a, b) == ""
