"""The message each step of an introduction needs, drafted from the [intros] templates.

Three messages: a private note asking A, which describes B by what B offers or cares
about but never by name or company; a note asking B, once A has agreed, with a blurb
of A; and the introduction itself to both, with a forwardable blurb of each.
"""

from __future__ import annotations

from typing import Literal

from givedesk.compose import Draft, blurb, fill, signature
from givedesk.config import TEMPLATE_PLACEHOLDERS, Config
from givedesk.intros.suggest import IntroReason, explain_pair
from givedesk.models import Contact, Intro, IntroStatus

IntroMessage = Literal["ask_a", "ask_b", "introduce"]
MESSAGE_FOR_STATUS: dict[IntroStatus, IntroMessage] = {
    "proposed": "ask_a",
    "asked_a": "ask_a",
    "a_agreed": "ask_b",
    "asked_b": "ask_b",
    "b_agreed": "introduce",
    "introduced": "introduce",
}
"""The message that belongs to each step: the one to send next, or (while waiting for
an answer) the one just sent, to resend as a nudge."""
REASONS_IN_INTRODUCTION = 3
_FALLBACK = "I think you'd get a lot out of meeting."

_YOU = {"needs": "you're looking for", "offers": "you offer", "role": "you work as",
        "company": "you work at", "interests": "you care about"}
_THEY = {"needs": "is looking for", "offers": "offers", "role": "works as",
         "company": "works at", "interests": "cares about"}


def _both_care(reason: IntroReason) -> bool:
    return reason.shared_interest and reason.a_term.casefold() == reason.b_term.casefold()


def _to_a(reason: IntroReason) -> str:
    """For A's eyes: B stays "someone I know", and B's company is never named."""
    if _both_care(reason):
        return f"You and someone I know both care about {reason.a_term}."
    if reason.b_field == "company":
        them = f"works in {reason.evidence.casefold()}"
    else:
        them = f"{_THEY[reason.b_field]} {reason.b_term}"
    return f"{_YOU[reason.a_field].capitalize()} {reason.a_term}, and I know someone who {them}."


def _to_b(reason: IntroReason, a: Contact) -> str:
    if _both_care(reason):
        return f"You both care about {reason.a_term}."
    return (f"{a.first_name} {_THEY[reason.a_field]} {reason.a_term}, "
            f"and {_YOU[reason.b_field]} {reason.b_term}.")


def _to_both(reason: IntroReason, a: Contact, b: Contact) -> str:
    if _both_care(reason):
        return f"{a.first_name} and {b.first_name} both care about {reason.a_term}."
    return (f"{a.first_name} {_THEY[reason.a_field]} {reason.a_term}, "
            f"and {b.first_name} {_THEY[reason.b_field]} {reason.b_term}.")


def _reason_values(intro: Intro, a: Contact, b: Contact, config: Config) -> dict[str, str]:
    """The {reason...} placeholders: your own words when the intro has them, else the
    reasons found on the desk, else a plain sentence."""
    if intro.reason:
        return dict.fromkeys(("reason_for_a", "reason_for_b", "reason"), intro.reason)
    found = explain_pair(a, b, config)
    if found is None:
        return dict.fromkeys(("reason_for_a", "reason_for_b", "reason"), _FALLBACK)
    best = found.reasons[0]
    per_want: dict[tuple[str, str], IntroReason] = {}
    for reason in found.reasons:
        per_want.setdefault(reason.want, reason)
    return {
        "reason_for_a": _to_a(best),
        "reason_for_b": _to_b(best, a),
        "reason": " ".join(_to_both(r, a, b) for r in list(per_want.values())[:REASONS_IN_INTRODUCTION]),
    }


def draft_intro_step(intro: Intro, a: Contact, b: Contact, config: Config) -> Draft | None:
    """The message for the intro's current step; None once it was declined or unanswered."""
    message = MESSAGE_FOR_STATUS.get(intro.status)
    if message is None:
        return None
    values = {
        "a_name": a.name, "a_first_name": a.first_name, "b_name": b.name,
        "b_first_name": b.first_name, "a_blurb": blurb(a), "b_blurb": blurb(b),
        "my_name": config.desk.name, "signature": signature(config),
        **_reason_values(intro, a, b, config),
    }
    # Only the placeholders this message may use: B's name never reaches A's note.
    allowed = TEMPLATE_PLACEHOLDERS[f"intros.{message}_body"]
    values = {name: value for name, value in values.items() if name in allowed}
    subject: str = getattr(config.intros, f"{message}_subject")
    body: str = getattr(config.intros, f"{message}_body")
    recipients = {"ask_a": (a,), "ask_b": (b,), "introduce": (a, b)}[message]
    return Draft(
        subject=fill(subject, values),
        body=fill(body, values),
        to=", ".join(person.email for person in recipients if person.email),
    )
