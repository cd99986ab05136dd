"""The desk application."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from givedesk.config import load_config
from givedesk.contacts import sorted_contacts
from givedesk.paths import resolve_paths
from givedesk.store import Store


class GiveDeskApp(App[None]):
    TITLE = "givedesk"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="contacts", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#contacts", DataTable)
        table.add_columns("Name", "Company", "Key")
        for person in sorted_contacts(self.store.contacts.all()):
            table.add_row(Text(person.name), Text(person.company), "★" if person.key else "")


def make_app(home: Path | None) -> GiveDeskApp:
    paths = resolve_paths(home)
    load_config(paths.config_file)
    return GiveDeskApp(Store(paths))
