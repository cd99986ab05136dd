"""Occasions: a birthday, an anniversary, a work anniversary or a year since you met,
coming up in the next few days; the most natural moments to send something.

Each one is shown once a year: dismissing it (or queueing a note) hides that year's
occurrence only, so next year's comes back. A birthday on February 29 is kept on
February 28 in other years. Key relationships come first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from givedesk.config import OccasionsConfig
from givedesk.models import Contact, SuggestionState, SuggestionStatus, utc_now
from givedesk.partial_date import PartialDate, parse_partial_date
from givedesk.store import Store

OccasionKind = Literal["birthday", "anniversary", "work_anniversary", "met"]
KIND_LABELS: dict[OccasionKind, str] = {
    "birthday": "Birthday",
    "anniversary": "Anniversary",
    "work_anniversary": "Work anniversary",
    "met": "Since you met",
}


@dataclass(frozen=True)
class Occasion:
    """One person's occasion on one day."""

    contact: Contact
    kind: OccasionKind
    on: date
    years: int | None
    """Years it marks, when the first one's year is known."""

    @property
    def subject_id(self) -> str:
        """What a dismissal is stored under: this kind, this year."""
        return f"{self.kind}:{self.on.year}"

    def when(self, today: date) -> str:
        days = (self.on - today).days
        if days == 0:
            return "today"
        if days == 1:
            return "tomorrow"
        return f"on {self.on:%a} {self.on.day} {self.on:%b} (in {days} days)"

    def title(self, today: date) -> str:
        """The Today row: "Birthday today", "3 years since you met, on Sat 2 Jan (in 3 days)"."""
        if self.kind == "met":
            span = "A year" if self.years == 1 else f"{self.years} years"
            return f"{span} since you met, {self.when(today)}"
        counted = f" ({self.years} years)" if self.years and self.kind != "birthday" else ""
        return f"{KIND_LABELS[self.kind]}{counted} {self.when(today)}"

    def message(self) -> str:
        """What the drafted note says the occasion is."""
        day = f"{self.on:%A} {self.on.day} {self.on:%B}"
        contact = self.contact
        if self.kind == "birthday":
            return f"Happy birthday! ({day})"
        if self.kind == "anniversary":
            years = f", {self.years} years" if self.years else ""
            return f"Happy anniversary{years}! ({day})"
        if self.kind == "work_anniversary":
            span = f"{self.years} year{'s' if self.years != 1 else ''}" if self.years else "another year"
            where = f" at {contact.company}" if contact.company else " in the job"
            return f"Congratulations on {span}{where}! ({day})"
        place = f" at {contact.met_at}" if contact.met_at else ""
        span = "a year" if self.years == 1 else f"{self.years} years"
        return f"It's {span} since we met{place}! ({day})"


def _dates(contact: Contact) -> list[tuple[OccasionKind, PartialDate]]:
    found: list[tuple[OccasionKind, PartialDate]] = []
    for kind, text in (("birthday", contact.birthday), ("anniversary", contact.anniversary),
                       ("work_anniversary", contact.work_anniversary)):
        try:
            found.append((kind, parse_partial_date(text)))  # type: ignore[arg-type]
        except ValueError:
            continue
    if contact.met_on is not None:
        met = contact.met_on
        found.append(("met", PartialDate(met.month, met.day, met.year)))
    return found


def occasions_for(contact: Contact, today: date, days_ahead: int) -> list[Occasion]:
    """`contact`'s occasions from `today` to `days_ahead` days later. A work anniversary
    or a meeting counts from its first year on, and only when its year is known for a
    meeting."""
    found = []
    for kind, when in _dates(contact):
        on = when.on_or_after(today)
        if (on - today).days > days_ahead:
            continue
        years = on.year - when.year if when.year is not None else None
        if kind in ("met", "work_anniversary", "anniversary") and years is not None and years < 1:
            continue
        found.append(Occasion(contact, kind, on, years))
    return found


def upcoming_occasions(store: Store, config: OccasionsConfig, now: datetime) -> list[Occasion]:
    """Everyone's occasions in the next `days_ahead` days not dismissed or queued this
    year: key relationships first, then the soonest."""
    with store.desk.transaction():
        contacts, states = store.contacts.all(), store.states.all()
    return occasions_among(contacts, states, config, now)


def occasions_among(contacts: Iterable[Contact], states: Iterable[SuggestionState],
                    config: OccasionsConfig, now: datetime) -> list[Occasion]:
    """`upcoming_occasions` of contacts and decisions already read (Today's agenda reads
    the desk once for all its parts)."""
    today = now.date()
    handled = {(s.contact_id, s.subject_id) for s in states if s.kind == "occasion"}
    found = [
        occasion
        for contact in contacts
        for occasion in occasions_for(contact, today, config.days_ahead)
        if (contact.id, occasion.subject_id) not in handled
    ]
    return sorted(found, key=lambda o: (not o.contact.key, o.on, o.contact.name.casefold()))


def set_occasion_status(
    store: Store, occasion: Occasion, status: SuggestionStatus
) -> SuggestionState:
    """Hide this year's occasion: "dismissed", or "queued" once a note is in the outbox."""
    state = SuggestionState(kind="occasion", subject_id=occasion.subject_id,
                            contact_id=occasion.contact.id, status=status, updated=utc_now())
    with store.desk.transaction():
        stale = [s.id for s in store.states.all() if s.kind == "occasion"
                 and (s.contact_id, s.subject_id) == (state.contact_id, state.subject_id)]
        store.states.remove_many(stale)
        store.states.insert(state)
    return state
