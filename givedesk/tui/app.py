"""The desk application: six screens on six keys, one store, one clock."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.console import RenderableType
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from givedesk.config import Config, load_config
from givedesk.desk import refresh_desk
from givedesk.errors import UserError
from givedesk.models import utc_now
from givedesk.paths import resolve_paths
from givedesk.store import Store
from givedesk.tui.commands import DeskCommands
from givedesk.tui.screens import SCREEN_CLASSES
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.screens.contacts import ContactsScreen
from givedesk.tui.screens.help import HelpScreen
from givedesk.tui.widgets.chrome import SCREENS, DeskStatus

Clock = Callable[[], datetime]


EVERYWHERE_KEYS: list[BindingType] = [
    Binding("ctrl+p", "command_palette", "Palette",
            tooltip="Command palette: screens, desk actions, go to a person"),
    Binding("tab,shift+tab", "focus_next", "Next",
            tooltip="Move between the parts of a screen or the fields of a form"),
    Binding("up,down", "cursor", "Move", tooltip="Move in a list (also PageUp, PageDown, Home, End)"),
]
"""Keys Textual handles itself, listed by `?` so that every reachable key is there."""


BETWEEN_SCREENS = 0.03
"""Seconds the building of screens ahead pauses between two: keys pressed while one is
built are handled before the next (at 3,000 people an arrow key pressed as the first
rows came waited a second, for all five)."""


def _screen_bindings() -> list[BindingType]:
    return [
        Binding(key, f"switch_mode('{mode}')", title, show=False, id=f"screen.{mode}",
                tooltip=f"Show the {title} screen")
        for mode, key, title in SCREENS
    ]


class GiveDeskApp(App[None]):
    """The morning desk. Built by `make_app`, which tests call with a temp store and a
    frozen clock."""

    TITLE = "givedesk"
    CSS_PATH = "app.tcss"
    NOTIFICATION_TIMEOUT: ClassVar[float] = 4
    """Seconds a notice stays: at 80x24 one covers the lower right of the screen (the
    Intros message, the Outbox draft), so it goes once read; errors say how long they stay."""
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        screen.MODE: screen for screen in SCREEN_CLASSES
    }
    DEFAULT_MODE = "today"
    COMMANDS = App.COMMANDS | {DeskCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *_screen_bindings(),
        Binding("question_mark", "help", "Keys", show=False, id="app.help",
                tooltip="Every key of every screen"),
    ]

    def __init__(
        self, store: Store, config: Config, *, clock: Clock = utc_now, refresh_on_start: bool = True
    ) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.clock = clock
        self.refresh_on_start = refresh_on_start
        self._status = ("", 0, 0)
        self._building_ahead = False
        self.built_ahead = False
        """Every screen is built (`build_screens_ahead`)."""
        self._between_screens = asyncio.Event()
        """Set while no screen is being built ahead: quitting waits for it."""
        self._between_screens.set()
        self._quitting = False

    def on_mount(self) -> None:
        """Today shows the cached agenda at once; stale feeds are fetched behind it."""
        # e.g. no backup today (the disk is full), or a damaged news.json set aside when
        # a screen first reads the news (in a worker thread: notify is thread-safe)
        self.store.send_warnings_to(
            lambda warning: self.notify(warning, severity="warning", markup=False, timeout=15)
        )
        if self.refresh_on_start and self.store.feeds.count():
            self.refresh_feeds()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode, key, title in SCREENS:
            yield SystemCommand(f"{title} screen", f"Show {title} (key {key})",
                                partial(self.switch_mode, mode))

    async def run_on_screen(self, mode: str, action: str) -> None:
        """Switch to `mode` and run one of its key actions there (the command palette)."""
        await self.switch_mode(mode)
        await self.screen.run_action(action)

    async def show_person(self, contact_id: str) -> None:
        """Contacts, with the cursor on this person."""
        await self.switch_mode("contacts")
        if isinstance(self.screen, ContactsScreen):
            self.screen.select(contact_id)

    def build_screens_ahead(self) -> None:
        """Make the screens not shown yet, in the background, once (Today calls this when
        its agenda is complete): a first visit is then a switch like any other, not a
        build and a read of the store while the user waits."""
        if not self._building_ahead:
            self._building_ahead = True
            self.run_worker(self._build_ahead(), group="ahead", exit_on_error=False)

    async def _build_ahead(self) -> None:
        # Textual 8.2 has no public way to make a mode's screen without showing it;
        # `_init_mode` is what `switch_mode` does first, and it resumes the screen,
        # which reads the store as when the user switches to it.
        for mode in self.MODES:
            if self._quitting or not self.is_running:  # the user quit: build no more
                return
            if mode not in self._screen_stacks:
                self._between_screens.clear()
                try:
                    await self._init_mode(mode)
                finally:
                    self._between_screens.set()
                # Keys pressed meanwhile wait for the screen being built: let them
                # (and a frame) through before the next one.
                await asyncio.sleep(BETWEEN_SCREENS)
        # What is alive now (the screens, their rows, the agenda) mostly stays: the
        # collector's full passes over it paused the UI for 0.1-0.3 s at random at a
        # few thousand contacts. Freezing exempts it; `on_unmount` gives it back.
        gc.freeze()
        self.built_ahead = True

    def on_unmount(self) -> None:
        gc.unfreeze()

    def exit(self, result: None = None, return_code: int = 0,
             message: RenderableType | None = None) -> None:
        """Quit, once the screen being built ahead (if any) is mounted: Textual's
        closing of the screens broke on one half made (a traceback on quitting at once
        after launch)."""
        self._quitting = True  # `_build_ahead` starts no other screen
        if self._between_screens.is_set():
            super().exit(result, return_code, message)
            return

        async def when_built() -> None:
            await self._between_screens.wait()
            super(GiveDeskApp, self).exit(result, return_code, message)

        self.run_worker(when_built(), group="quit", exit_on_error=False)

    def action_help(self) -> None:
        everywhere = [*self.BINDINGS, *App.BINDINGS, *EVERYWHERE_KEYS]
        sections: list[tuple[str, list[BindingType]]] = [("Everywhere", everywhere)]
        sections += [(screen.TITLE, [*screen.BINDINGS, *screen.HELP_ONLY_KEYS])
                     for screen in SCREEN_CLASSES]
        self.push_screen(HelpScreen(sections))

    def refresh_feeds(self, *, force: bool = False, only: list[str] | None = None) -> None:
        """Fetch feeds (all, or `only` these ids) and rematch, off the UI thread."""
        self.set_status("Fetching feeds…", 0, 1)
        self._refresh_worker(force, only)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh_worker(self, force: bool, only: list[str] | None) -> None:
        def progress(done: int, total: int, current: str) -> None:
            self.call_from_thread(self.set_status, f"Fetching feeds: {current}", done, total)

        before = self.store.news_stamp()
        summary = refresh_desk(self.store, self.config, now=self.clock(), force=force,
                               only=only, progress=progress)
        self.call_from_thread(self._refresh_finished, summary, self.store.news_stamp() != before)

    def _refresh_finished(self, summary: str, changed: bool) -> None:
        """Reload the screen only when the news changed: at launch, Today has just
        ranked the agenda, and doing it again for nothing would double the wait."""
        self.set_status("")
        if summary:
            self.notify(summary, markup=False)
        if changed and isinstance(self.screen, DeskScreen):
            self.screen.reload()

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """The app's own workers (fetching); a screen's workers report through
        `DeskScreen.worker_changed`, since Textual does not bubble this message."""
        if event.state == WorkerState.ERROR:
            self.report_failure(event.worker)

    def report_failure(self, worker: Worker[object]) -> str:
        """One place where background failures become one line, in a notification and
        the log, never a crash or a silent screen; returns the line for the screen to
        show where its rows would be."""
        self.set_status("")
        line = failure_line(worker.error)
        self.log.error(f"worker {worker.name} failed: {line}")
        self.notify(line, title="Something went wrong", severity="error", markup=False,
                    timeout=10)
        return line

    def set_status(self, message: str, done: int = 0, total: int = 0) -> None:
        """Show background progress on whichever screen is in front."""
        self._status = (message, done, total)
        for status in self.screen.query(DeskStatus):
            self.sync_status(status)

    def sync_status(self, status: DeskStatus) -> None:
        message, done, total = self._status
        if total:
            status.show_progress(message, done, total)
        else:
            status.show_message(message)


def failure_line(error: BaseException | None) -> str:
    """A worker's error as one line a user can act on: a UserError already says what is
    wrong and where (the file, the setting); anything else is a bug, named by its type."""
    if error is None:
        return "unknown error"
    text = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
    return " ".join(text.split())


def make_app(
    home: Path | None, *, clock: Clock = utc_now, refresh_on_start: bool = True
) -> GiveDeskApp:
    """The app for the desk in `home`; a bad config or data file raises UserError here,
    before the terminal is taken over, so the CLI can print it as one line."""
    paths = resolve_paths(home)
    config = load_config(paths.config_file)
    return GiveDeskApp(Store(paths), config, clock=clock, refresh_on_start=refresh_on_start)
