"""A finished job's report (an import, an export): read, then dismissed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from givedesk.tui.widgets.safe import plain


class ReportDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", "Close", id="report.close", tooltip="Close")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog report"):
            yield Label(plain(self.title_text), classes="dialog-question")
            with VerticalScroll():
                yield Static(plain("\n".join(self.lines)), id="report-text")
            yield Label("Enter or Escape closes", classes="dialog-hint")
        yield Footer(show_command_palette=False)

    def action_close(self) -> None:
        self.dismiss(None)
