"""The message each step of an introduction needs, drafted from the [intros] templates.

Three messages: a private note asking A, which describes B by what B offers or cares
about but never by name or company; a note asking B, once A has agreed, with a blurb
of A; and the introduction itself to both, with a forwardable blurb of each.
"""

from __future__ import annotations

from typing import Literal

from givedesk.compose import Draft, blurb, fill, signature
from givedesk.config import TEMPLATE_PLACEHOLDERS, Config
from givedesk.intros.explain import names
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

def _reason_values(intro: Intro, a: Contact, b: Contact, config: Config) -> dict[str, str]:
    """The {reason...} placeholders: your own words when the intro has them, else the
    reasons found on the desk, else a plain sentence. A is asked before agreeing to
    anything, so A's note never carries B's name or company: your own words that do
    are replaced there by the sentence found on the desk."""
    found = explain_pair(a, b, config)
    if found is None:
        found_values = dict.fromkeys(("reason_for_a", "reason_for_b", "reason"), _FALLBACK)
    else:
        per_want: dict[tuple[str, str], IntroReason] = {}
        for reason in found.reasons:
            per_want.setdefault(reason.want, reason)
        found_values = {
            "reason_for_a": found.why_a,
            "reason_for_b": found.why_b,
            "reason": " ".join(r.for_both(a, b)
                               for r in list(per_want.values())[:REASONS_IN_INTRODUCTION]),
        }
    if not intro.reason:
        return found_values
    own = dict.fromkeys(("reason_for_a", "reason_for_b", "reason"), intro.reason)
    if names(intro.reason, b):
        own["reason_for_a"] = found_values["reason_for_a"]
    return own


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
