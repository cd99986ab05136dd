"""`?`: every key of every screen, in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label

from givedesk.tui.widgets.safe import plain_cell
from givedesk.tui.widgets.tables import FittedTable


def _describe(binding: BindingType) -> tuple[str, str] | None:
    if not isinstance(binding, Binding) or not binding.description:
        return None
    keys = ", ".join(key.strip().replace("question_mark", "?").replace("slash", "/")
                     for key in binding.key.split(","))
    return keys, binding.tooltip or binding.description


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close",
                        tooltip="Close the key list")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("Keys  (Escape closes)", classes="dialog-question")
            yield FittedTable(flexible={"does": 1}, id="help-keys")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Screen", width=10, key="screen")
        table.add_column("Key", width=14, key="key")
        table.add_column("Does", key="does")
        for title, bindings in self.sections:
            for binding in bindings:
                described = _describe(binding)
                if described:
                    table.add_row(plain_cell(title), plain_cell(described[0]),
                                  plain_cell(described[1]))


    def action_close(self) -> None:
        self.dismiss(None)
