"""`?`: every key of every screen, in one place."""

from __future__ import annotations

from rich.text import Text
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


class KeyTable(FittedTable):
    """The key list: a key's description wraps onto more lines rather than being cut
    ("Quit the app and return to the co…" at 80 columns). DataTable measures a row's
    height once, when it is added, so the rows are added again each time the columns are
    fitted to a new width."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__(flexible={"does": 1}, id="help-keys")
        self.key_rows = rows

    def fit(self) -> None:
        super().fit()
        keep = self.cursor_row
        self.clear()
        for screen, keys, does in self.key_rows:
            self.add_row(plain_cell(screen), plain_cell(keys), Text(does), height=None)
        self.move_cursor(row=keep)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close",
                        tooltip="Close the key list")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("Keys  (Escape closes)", classes="dialog-question")
            yield KeyTable(self.rows())
        yield Footer(show_command_palette=False)

    def rows(self) -> list[tuple[str, str, str]]:
        """(screen, keys, what they do) for every described key, in the sections' order."""
        return [(title, *described) for title, bindings in self.sections
                for binding in bindings if (described := _describe(binding))]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Screen", width=10, key="screen")
        table.add_column("Key", width=14, key="key")
        table.add_column("Does", key="does")

    def action_close(self) -> None:
        self.dismiss(None)
