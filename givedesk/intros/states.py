"""What you said about suggested pairs: dismissed for good, or snoozed for a while.

Dismissed and snoozed pairs are kept as `SuggestionState(kind="intro")` with the pair
ordered by id: `contact_id` is the smaller id, `subject_id` the larger, so the state is
found whichever way round the pair is shown. A pair that already has an introduction
(in progress, done or declined) is not suggested again.

Apart from the ranking (`suggest`) so that `intros dismiss` and `intros snooze` load no
lexicon and no ranking they do not use.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from givedesk.ledger import as_utc
from givedesk.models import SuggestionState
from givedesk.store import Store


def pair_key(first_id: str, second_id: str) -> tuple[str, str]:
    """The pair's ids in the order its suggestion state is stored."""
    low, high = sorted((first_id, second_id))
    return low, high


def hidden_pairs(store: Store, today: date) -> set[tuple[str, str]]:
    """Pairs not to suggest today: introduced already, dismissed, or snoozed until later."""
    hidden = {pair_key(intro.a_id, intro.b_id) for intro in store.intros.all()}
    for state in store.states.all():
        if state.kind == "intro" and (
            state.status != "snoozed" or state.until is None or state.until > today
        ):
            hidden.add(pair_key(state.contact_id, state.subject_id))
    return hidden


def _set_state(store: Store, a_id: str, b_id: str, now: datetime,
               status: Literal["dismissed", "snoozed"], until: date | None) -> SuggestionState:
    low, high = pair_key(a_id, b_id)
    with store.desk.transaction():
        state = next(
            (s for s in store.states.all()
             if s.kind == "intro" and (s.contact_id, s.subject_id) == (low, high)),
            None,
        ) or SuggestionState(kind="intro", subject_id=high, contact_id=low, status=status)
        state.status, state.until, state.updated = status, until, as_utc(now)
        return store.states.save(state)


def dismiss_suggestion(store: Store, a_id: str, b_id: str, now: datetime) -> SuggestionState:
    """Never suggest this pair again."""
    return _set_state(store, a_id, b_id, now, "dismissed", None)


def snooze_suggestion(store: Store, a_id: str, b_id: str, now: datetime,
                      days: int) -> SuggestionState:
    """Suggest this pair again in `days` days."""
    return _set_state(store, a_id, b_id, now, "snoozed", now.date() + timedelta(days=days))
