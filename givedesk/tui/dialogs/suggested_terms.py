"""After someone is marked key: their suggested interests and needs, to accept or edit.

Marking a key relationship is the moment the desk learns most about a person, and the
one the user is thinking about them: so both ways of marking (Today's offer, `k` on
Contacts) ask right then, one prompt per field, prefilled with what `keys.suggested_terms`
draws from their role and company. Enter stores what the box says; escape stores
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from givedesk.keys import accept_terms, suggested_terms
from givedesk.matching.lexicon import Lexicon
from givedesk.models import Contact
from givedesk.store import Store
from givedesk.tui.dialogs.prompt import TextPrompt


def offer_suggested_terms(app: App[Any], store: Store, lexicon: Lexicon,
                          people: Sequence[Contact], done: Callable[[], object]) -> None:
    """Prompt for each person's suggested interests, then needs (someone with nothing
    suggested is skipped); `done` runs after the last prompt."""
    steps: list[tuple[Contact, str, str]] = []
    for person in people:
        interests, needs = suggested_terms(person, lexicon)
        if interests or needs:
            steps += [(person, "interests", "; ".join(interests)),
                      (person, "needs", "; ".join(needs))]

    def next_step() -> None:
        if not steps:
            done()
            return
        person, field, value = steps.pop(0)

        def answered(answer: str | None) -> None:
            if answer is not None and answer.strip():
                accept_terms(store, person.id, **{field: answer})
            next_step()

        app.push_screen(TextPrompt(
            f"{person.name}: {field} (suggested from their role and company; edit or clear)",
            value=value, placeholder="term; term",
            hint="Enter keeps what the box says · Escape skips"), answered)

    next_step()
