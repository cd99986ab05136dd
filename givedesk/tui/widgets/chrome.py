"""The frame every screen shares: the screen tabs on top and the status line."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar, Tab, Tabs

SCREENS: tuple[tuple[str, str, str], ...] = (
    ("today", "1", "Today"),
    ("outbox", "2", "Outbox"),
    ("contacts", "3", "Contacts"),
    ("intros", "4", "Intros"),
    ("review", "5", "Review"),
    ("feeds", "6", "Feeds"),
)


class ScreenTabs(Tabs):
    """Tabs naming every screen and its key; clicking one switches to it.

    Not focusable: the arrow keys belong to the screen's table, not to the tabs.
    """

    can_focus = False

    def __init__(self, current: str) -> None:
        super().__init__(
            *(Tab(f"{key} {title}", id=f"tab-{mode}") for mode, key, title in SCREENS),
            active=f"tab-{current}",
        )
        self.current = current

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        mode = (event.tab.id or "").removeprefix("tab-")
        if mode and mode != self.current:
            self.app.switch_mode(mode)


class DeskStatus(Horizontal):
    """One line at the bottom: what the desk is doing in the background, with progress."""

    message: reactive[str] = reactive("")
    """What to say; empty hides the line."""

    def compose(self) -> ComposeResult:
        yield Label(id="status-message", markup=False)
        yield ProgressBar(id="status-progress", show_eta=False)

    def show_progress(self, message: str, done: int, total: int) -> None:
        self.message = message
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        bar.display = total > 0

    def show_message(self, message: str) -> None:
        self.message = message
        self.query_one(ProgressBar).display = False

    def watch_message(self, message: str) -> None:
        self.query_one("#status-message", Label).update(message)
        self.display = bool(message)


class DeskFooter(Footer):
    """Textual's Footer, laid out again only when the keys it shows have changed.

    Footer rebuilds all its key widgets each time the screen says its bindings may have
    changed: on every focus move and every screen switch. On the desk that rebuild was
    the largest part of switching screens, and the keys are nearly always the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None
        """What the last layout showed: the screen's active keys and whether each is enabled."""

    def _keys(self) -> Hashable:
        return tuple((binding.key, binding.action, binding.description, binding.show, enabled,
                      tooltip)
                     for _node, binding, enabled, tooltip in self.screen.active_bindings.values())

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen \
                and self._keys() == self._shown:
            return
        super().bindings_changed(screen)
