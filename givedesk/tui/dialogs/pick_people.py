"""Choosing several people from a list: whom to send one article to, whom to mark as a
key relationship. Space ticks a person, enter confirms the ticked ones. A person's line
is short enough for 80 columns; why they are offered, which would not fit, is said below
the list for the highlighted person, where it wraps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, SelectionList
from textual.widgets.selection_list import Selection

from givedesk.tui.widgets.safe import plain

T = TypeVar("T")


class PickPeopleDialog(ModalScreen[list[T] | None], Generic[T]):
    """`people` are (label, value, ticked at first), `details` one line per person said
    under the list while they are highlighted; dismisses with the ticked values, or None
    on escape."""

    BINDINGS = [
        Binding("enter", "confirm", "Confirm", id="pick.confirm", tooltip="Use the ticked people",
                priority=True),
        Binding("escape", "cancel", "Cancel", id="pick.cancel", tooltip="Close, changing nothing"),
    ]

    def __init__(self, title: str, hint: str, people: list[tuple[str, T, bool]],
                 details: Sequence[str] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.people = people
        self.details = details

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-question")
            yield Label(plain(self.hint), classes="dialog-hint")
            yield SelectionList[int](
                *(Selection(plain(label), index, ticked)
                  for index, (label, _value, ticked) in enumerate(self.people)),
                id="pick-people")
            if self.details:
                yield Label(plain(self.details[0]), id="pick-detail", classes="dialog-hint")
        yield Footer(show_command_palette=False)

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[int]
    ) -> None:
        if self.details:
            self.query_one("#pick-detail", Label).update(plain(self.details[event.selection_index]))

    def action_confirm(self) -> None:
        ticked = self.query_one(SelectionList).selected
        self.dismiss([self.people[index][1] for index in sorted(ticked)])

    def action_cancel(self) -> None:
        self.dismiss(None)
