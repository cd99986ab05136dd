"""What every desk screen shares: the tabs, the status line, the footer, and reloading.

Screens read the store when they are shown (mounted or resumed), so a change made on
one screen (a give marked sent) is there when the user switches to another.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

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

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.desk.sync_status(self.query_one(DeskStatus))
        self.reload()

    def reload(self) -> None:
        """Read what this screen shows from the store again."""
        raise NotImplementedError
