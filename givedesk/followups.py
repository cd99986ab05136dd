"""Follow-ups: the people due for a give.

Two kinds of people are due. A key relationship (flagged `key`) is due when the last
give is older than its cadence (the contact's own `cadence_days`, else the config's),
or when it has never had one. Someone met recently (`met_on`, else a network's
`connected_on`, within `new_contact_days`) with no give yet is due, because follow-up
is where networking happens and a first give soon after meeting matters most. Any give
resets the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from givedesk.config import FollowupsConfig
from givedesk.ledger import last_give_by_contact, local_day
from givedesk.models import Contact, Give
from givedesk.store import Store

FollowupReason = Literal["key", "new"]


@dataclass(frozen=True)
class Followup:
    """One person due for a give, and why."""

    contact: Contact
    reason: FollowupReason
    due_since: date
    """The day it became due: the cadence's end, the day met, or the day a never-helped
    key relationship was added."""
    last_give: datetime | None
    cadence_days: int | None
    """The cadence that applied, for a key relationship."""

    def days_waiting(self, now: datetime) -> int:
        return max(0, (now.date() - self.due_since).days)


def due_followups(store: Store, config: FollowupsConfig, now: datetime) -> list[Followup]:
    """Everyone due, longest waiting first."""
    with store.desk.transaction():
        contacts, gives = store.contacts.all(), store.gives.all()
    return followups_among(contacts, gives, config, now)


def followups_among(contacts: Iterable[Contact], gives: Iterable[Give], config: FollowupsConfig,
                    now: datetime) -> list[Followup]:
    """`due_followups` of contacts and gives already read (Today's agenda reads the
    desk once for all its parts)."""
    last_gives = last_give_by_contact(gives)
    today = now.date()
    due = []
    for contact in contacts:
        last = last_gives.get(contact.id)
        met = contact.met_on or contact.connected_on
        if last is None and met is not None and (today - met).days <= config.new_contact_days:
            due.append(Followup(contact, "new", met, None, None))
        elif contact.key:
            cadence = contact.cadence_days or config.cadence_days
            if last is None:
                due.append(Followup(contact, "key", local_day(contact.created, now), None, cadence))
            elif now - last > timedelta(days=cadence):
                due_day = local_day(last + timedelta(days=cadence), now)
                due.append(Followup(contact, "key", due_day, last, cadence))
    return sorted(due, key=lambda followup: (followup.due_since, followup.contact.name.casefold()))
