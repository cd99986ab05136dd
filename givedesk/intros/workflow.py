"""The double opt-in: an introduction is made only when both people have said yes.

    proposed -> asked_a -> a_agreed -> asked_b -> b_agreed -> introduced

A is asked first, privately, without being told who B is; B is asked only once A has
agreed, so nobody is ever named to someone they did not want to meet. Any step before
"introduced" can end as "declined"; a step waiting for an answer (asked A, asked B)
can end as "no_reply". Every step is stamped, and a step left waiting longer than
`intros.reminder_days` is flagged. "introduced" records an intro give to both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from givedesk.config import IntrosConfig
from givedesk.errors import UserError
from givedesk.ledger import as_utc
from givedesk.models import Contact, Give, Intro, IntroStatus, IntroStep
from givedesk.store import Store
from givedesk.text import clean_text

NEXT_STATUS: dict[IntroStatus, IntroStatus] = {
    "proposed": "asked_a",
    "asked_a": "a_agreed",
    "a_agreed": "asked_b",
    "asked_b": "b_agreed",
    "b_agreed": "introduced",
}
"""What `advance` moves each open step to; a status not in here is final."""
AWAITING_ANSWER: frozenset[IntroStatus] = frozenset({"asked_a", "asked_b"})
STATUS_LABELS: dict[IntroStatus, str] = {
    "proposed": "proposed",
    "asked_a": "asked A",
    "a_agreed": "A agreed",
    "asked_b": "asked B",
    "b_agreed": "B agreed",
    "introduced": "introduced",
    "declined": "declined",
    "no_reply": "no reply",
}
_NEXT_ACTIONS: dict[IntroStatus, str] = {
    "proposed": "ask {a} (without naming {b})",
    "asked_a": "wait for {a}'s answer",
    "a_agreed": "ask {b}",
    "asked_b": "wait for {b}'s answer",
    "b_agreed": "introduce them",
}


def is_open(intro: Intro) -> bool:
    return intro.status in NEXT_STATUS


def next_action(intro: Intro, a: Contact, b: Contact) -> str:
    """What the user has to do next ("ask Priya Raman (without naming Mateo Núñez)");
    empty once the introduction is over."""
    return _NEXT_ACTIONS.get(intro.status, "").format(a=a.name, b=b.name)


def intro_people(store: Store, intro: Intro) -> tuple[Contact, Contact]:
    """A and B of an introduction."""
    a, b = store.contacts.get(intro.a_id), store.contacts.get(intro.b_id)
    if a is None or b is None:
        raise UserError(f"introduction {intro.id} names a contact who is no longer on the desk")
    return a, b


def get_intro(store: Store, intro_id: str) -> Intro:
    intro = store.intros.get(intro_id.strip())
    if intro is None:
        raise UserError(f"no introduction with id '{intro_id}' (see: givedesk intros list)")
    return intro


def propose_intro(store: Store, a: Contact, b: Contact, now: datetime, *, why: str = "") -> Intro:
    """Start an introduction of `a` (asked first) to `b`.

    `why` replaces the reasons found on the desk in every message, including the
    first note to A, so it should not name B.
    """
    if a.id == b.id:
        raise UserError("an introduction needs two different people")
    with store.desk.transaction():
        for intro in store.intros.all():
            if {intro.a_id, intro.b_id} != {a.id, b.id}:
                continue
            if is_open(intro):
                raise UserError(
                    f"{a.name} and {b.name} already have an introduction in progress "
                    f"({intro.id}, {STATUS_LABELS[intro.status]})"
                )
            if intro.status == "introduced":
                raise UserError(f"{a.name} and {b.name} were already introduced ({intro.id})")
        stamp = as_utc(now)
        intro = Intro(a_id=a.id, b_id=b.id, reason=clean_text(why, max_length=1000),
                      history=[IntroStep("proposed", stamp)], created=stamp)
        return store.intros.insert(intro)


def _move(store: Store, intro: Intro, status: IntroStatus, now: datetime, note: str) -> Intro:
    intro.status = status
    intro.history.append(IntroStep(status, as_utc(now), clean_text(note, max_length=500)))
    return store.intros.save(intro)


def advance_intro(store: Store, intro_id: str, now: datetime, *, note: str = "") -> Intro:
    """Move to the next step; reaching "introduced" records an intro give to both."""
    with store.desk.transaction():
        intro = get_intro(store, intro_id)
        if not is_open(intro):
            raise UserError(
                f"introduction {intro.id} is {STATUS_LABELS[intro.status]}: it has no next step"
            )
        a, b = intro_people(store, intro)
        status = NEXT_STATUS[intro.status]
        if status == "introduced":
            store.gives.insert_many([
                Give(contact_id=me.id, kind="intro", note=f"Introduced to {other.name}",
                     intro_id=intro.id, given_on=as_utc(now))
                for me, other in ((a, b), (b, a))
            ])
        return _move(store, intro, status, now, note)


def decline_intro(store: Store, intro_id: str, now: datetime, *, no_reply: bool = False,
                  note: str = "") -> Intro:
    """End an introduction: someone said no, or (`no_reply`) never answered."""
    with store.desk.transaction():
        intro = get_intro(store, intro_id)
        if not is_open(intro):
            raise UserError(f"introduction {intro.id} is already {STATUS_LABELS[intro.status]}")
        if no_reply and intro.status not in AWAITING_ANSWER:
            raise UserError(
                f"introduction {intro.id} is {STATUS_LABELS[intro.status]}, not waiting for an "
                "answer; 'no reply' applies only after asking A or B"
            )
        return _move(store, intro, "no_reply" if no_reply else "declined", now, note)


@dataclass(frozen=True)
class IntroProgress:
    """An introduction as the Intros screen shows it."""

    intro: Intro
    a: Contact
    b: Contact
    since: datetime
    """When the current step was reached."""

    def days_waiting(self, now: datetime) -> int:
        return max(0, (now - self.since).days)

    def overdue(self, now: datetime, config: IntrosConfig) -> bool:
        """An open step left longer than the reminder allows."""
        return is_open(self.intro) and now - self.since > timedelta(days=config.reminder_days)

    @property
    def next_action(self) -> str:
        return next_action(self.intro, self.a, self.b)


def intro_progress(store: Store, *, include_finished: bool = False) -> list[IntroProgress]:
    """Introductions, open ones first and the longest waiting first among them."""
    with store.desk.transaction():
        intros = store.intros.all()
        contacts = {contact.id: contact for contact in store.contacts.all()}
    rows = [
        IntroProgress(intro, contacts[intro.a_id], contacts[intro.b_id],
                      intro.history[-1].at if intro.history else intro.created)
        for intro in intros
        if (include_finished or is_open(intro))
        and intro.a_id in contacts and intro.b_id in contacts
    ]
    return sorted(rows, key=lambda row: (not is_open(row.intro), row.since))
