"""A one-line question: a note for a queued item, a path to import, a feed URL."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from givedesk.tui.widgets.safe import plain

Validator = Callable[[str], str | None]
"""Returns an error message for a bad answer, or None."""


class TextPrompt(ModalScreen[str | None]):
    """Enter answers, Escape cancels (None); a validator keeps the dialog open on bad input."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Close")]

    def __init__(
        self, title: str, *, value: str = "", placeholder: str = "",
        validate: Validator | None = None, hint: str = "Enter to confirm, Escape to cancel",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.initial = value
        self.placeholder = placeholder
        self.validate_answer = validate
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-question")
            yield Input(self.initial, placeholder=self.placeholder, id="answer")
            yield Label(plain(self.hint), id="prompt-hint", classes="dialog-hint")
        yield Footer(show_command_palette=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        error = self.validate_answer(answer) if self.validate_answer else None
        if error:
            hint = self.query_one("#prompt-hint", Label)
            hint.update(plain(error))
            hint.add_class("error")
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
