"""What every desk screen shares: the tabs, the status line, the footer, and reloading.

Screens read the store when they are shown, if it changed since they last read it, so
a change made on one screen (a give marked sent) is there when the user switches to
another, and switching back and forth costs no reading. Keys pressed while a screen is
still loading what it shows wait for it, instead of acting on an empty table.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from givedesk.config import Config
from givedesk.store import Store
from givedesk.tui.widgets.chrome import DeskFooter, DeskStatus, ScreenTabs

if TYPE_CHECKING:
    from givedesk.tui.app import GiveDeskApp


class DeskScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Keys", id="desk.help",
                tooltip="Every key of every screen"),
    ]
    """`?` first: the footer lists the focused screen's keys before the app's, and cuts
    what does not fit at 80 columns; the key that lists all the others must stay."""

    MODE: ClassVar[str]
    """The mode name this screen is shown under (its tab)."""
    HELP_ONLY_KEYS: ClassVar[list[BindingType]] = []
    """Keys Textual handles for this screen (no binding of ours) that `?` must list too."""

    def __init__(self) -> None:
        super().__init__()
        self.read_stamp: Hashable = None
        """The store's stamp and the day when this screen last read the store."""
        self.held_keys: list[events.Key] | None = None
        """Keys for this screen pressed while it loads what it shows, replayed once it
        is shown; None while nothing is loading."""
        # Textual re-parses the whole stylesheet when it first shows a screen whose
        # count differs from the app's, although nothing changed since the screen was
        # made (Textual 8.2): start level, so a later theme change still refreshes it.
        self._css_update_count = self.app._css_update_count

    @property
    def desk(self) -> GiveDeskApp:
        return cast("GiveDeskApp", self.app)

    @property
    def store(self) -> Store:
        return self.desk.store

    @property
    def config(self) -> Config:
        return self.desk.config

    def now(self) -> datetime:
        return self.desk.clock()

    def compose(self) -> ComposeResult:
        yield ScreenTabs(self.MODE)
        yield from self.compose_body()
        yield DeskStatus()
        yield DeskFooter()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        """Shown (the first time too: every mode's screen is resumed once it is made)."""
        self.desk.sync_status(self.query_one(DeskStatus))
        if self.read_stamp != self.current_stamp():
            self.reload()

    def current_stamp(self) -> Hashable:
        return self.store.stamp(), self.now().date()

    def reload(self) -> None:
        """Read what this screen shows from the store again."""
        self.read_stamp = self.current_stamp()
        self.load()

    def load(self) -> None:
        """Read the store and show it (or start a worker that will)."""
        raise NotImplementedError

    def hold_keys(self) -> None:
        """From now until `release_keys`, this screen's keys wait."""
        if self.held_keys is None:
            self.held_keys = []

    def release_keys(self) -> None:
        """What is loading is shown: act on the keys that waited for it."""
        held, self.held_keys = self.held_keys, None
        if held and self.is_current:
            self.replay(held)

    def replay(self, keys: list[events.Key]) -> None:
        """One key at a time, each after the screen has caught up with the last (a
        dialog opened by `q` must be there for the note typed after it)."""
        if keys:
            self.app.post_message(keys[0])
            self.app.call_after_refresh(self.replay, keys[1:])

    def on_key(self, event: events.Key) -> None:
        """Hold this screen's keys (moving, queueing, dismissing…) while it loads; the
        app's own keys (other screens, help) pass unless they follow a held key."""
        if self.held_keys is None:
            return
        focused = self.focused
        if self.held_keys or event.key in self._bindings.key_to_bindings or (
            focused is not None and event.key in focused._bindings.key_to_bindings
        ):  # after one held key, every key waits, to keep their order
            event.stop()
            event.prevent_default()
            # Sent by the app, as the terminal's keys are: a key sent by this screen
            # would stop bubbling here, before the bindings see it.
            self.held_keys.append(events.Key(event.key, event.character).set_sender(self.app))

    @on(Worker.StateChanged)
    def worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this screen failed (an unreadable lexicon while ranking Today):
        say so in one line, show it where the rows would be, and let go of the keys
        that waited for those rows, so the screen never sits silent and frozen."""
        if event.state != WorkerState.ERROR:
            return
        line = self.desk.report_failure(event.worker)
        self.held_keys = None  # they were meant for rows that will not come
        self.show_failure(line)

    def show_failure(self, line: str) -> None:
        """Say on the screen what could not be read; the notification alone fades."""

    def on_screen_suspend(self) -> None:
        if self.held_keys:
            self.held_keys.clear()  # meant for rows the user left before they came
