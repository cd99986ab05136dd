"""Feeds: every source with its health; add, remove, pause and refresh them."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from givedesk.errors import UserError
from givedesk.feeds.registry import add_feed, normalise_source, remove_feed
from givedesk.models import Feed
from givedesk.tui.dialogs import ChoiceDialog, ConfirmDialog, TextPrompt
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.screens.contacts import age_label
from givedesk.tui.widgets.safe import plain, plain_cell
from givedesk.tui.widgets.tables import RowTable, cursor_row_key


def _source_error(source: str) -> str | None:
    try:
        normalise_source(source)
    except UserError as error:
        return str(error)
    return None


class FeedsScreen(DeskScreen):
    MODE = "feeds"
    TITLE = "Feeds"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="feeds.add", tooltip="Add a feed URL or file"),
        Binding("space", "toggle_enabled", "On/off", id="feeds.toggle", tooltip="Pause or resume the feed"),
        Binding("r", "refresh_one", "Refresh", id="feeds.refresh", tooltip="Fetch the selected feed now"),
        Binding("R", "refresh_all", "Refresh all", id="feeds.refresh_all", tooltip="Fetch every feed now"),
        Binding("delete,D", "remove", "Remove", id="feeds.remove", tooltip="Remove the feed (asks first)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.feeds: dict[str, Feed] = {}

    def compose_body(self) -> ComposeResult:
        yield RowTable(id="feeds-table")
        yield Static(id="feed-error", classes="detail-line")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Feed", width=26, key="name")
        table.add_column("On", width=3, key="on")
        table.add_column("Local", width=5, key="local")
        table.add_column("Status", width=12, key="status")
        table.add_column("Fetched", width=7, key="fetched")
        table.add_column("Articles", width=8, key="articles")
        table.focus()

    def load(self) -> None:
        self.feeds = {feed.id: feed for feed in self.store.feeds.all()}
        per_feed = Counter(fid for article in self.store.articles.all() for fid in article.feed_ids)
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        now = self.now()
        for feed in self.feeds.values():
            status = feed.last_status or "new"
            if feed.failures:
                status = f"error ×{feed.failures}"
            table.add_row(
                plain_cell(feed.name or feed.url), "✓" if feed.enabled else "–",
                "local" if feed.local else "", plain_cell(status),
                age_label(feed.last_fetched, now) if feed.last_fetched else "never",
                str(per_feed.get(feed.id, 0)), key=feed.id,
            )
        if self.feeds:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self.show_error()

    def selected(self) -> Feed | None:
        key = cursor_row_key(self.query_one(DataTable))
        return self.feeds.get(key or "")

    def on_data_table_row_highlighted(self) -> None:
        self.show_error()

    def show_error(self) -> None:
        feed = self.selected()
        line = self.query_one("#feed-error", Static)
        if feed is None:
            line.update(plain("No feeds yet. Press a to add a feed URL or a local file."))
        else:
            line.update(plain(f"{feed.url}" + (f"\nLast error: {feed.last_error}"
                                                if feed.last_error else "")))

    def action_add(self) -> None:
        def with_locality(source: str, local: bool | None) -> None:
            if local is None:
                return
            try:
                feed = add_feed(self.store, source, local=local)
            except UserError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"Added {feed.url}", markup=False)
            self.reload()
            self.desk.refresh_feeds(force=True, only=[feed.id])

        def got_source(source: str | None) -> None:
            if source:
                self.app.push_screen(
                    ChoiceDialog[bool]("Is it local news?",
                                       [("No, general news", False), ("Yes, local news", True)]),
                    lambda local: with_locality(source, local),
                )

        self.app.push_screen(
            TextPrompt("Feed URL (http/https) or path to a feed file",
                       placeholder="https://news.example.com/rss", validate=_source_error),
            got_source,
        )

    def action_toggle_enabled(self) -> None:
        feed = self.selected()
        if feed is not None:
            feed.enabled = not feed.enabled
            self.store.feeds.save(feed)
            self.reload()

    def action_refresh_one(self) -> None:
        feed = self.selected()
        if feed is not None:
            self.desk.refresh_feeds(force=True, only=[feed.id])

    def action_refresh_all(self) -> None:
        self.desk.refresh_feeds(force=True)

    def action_remove(self) -> None:
        feed = self.selected()
        if feed is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                remove_feed(self.store, feed.id)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(f"Remove the feed {feed.name or feed.url}?", confirm_label="Remove"),
            confirmed,
        )
