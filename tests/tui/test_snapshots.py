"""What each screen looks like on the demo desk, at 80x24 and 120x40, clock frozen.

Regenerate after an intended change with `pytest tests/tui/test_snapshots.py
--snapshot-update` and review the SVGs in the diff.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from textual.pilot import Pilot

from givedesk.config import Config
from givedesk.demo import populate_demo
from givedesk.paths import Paths
from givedesk.store import Store
from givedesk.tui.app import GiveDeskApp
from tests.tui.conftest import FROZEN_NOW
from tests.tui.helpers import settle

SCREENS = {"today": "1", "outbox": "2", "contacts": "3", "intros": "4", "review": "5", "feeds": "6"}


@pytest.fixture
def fixed_demo_app() -> Iterator[GiveDeskApp]:
    """The demo desk in a folder whose path is the same on every run: the Feeds screen
    shows feed file paths, and a snapshot must not depend on pytest's temp folder.
    The folder is shared by every checkout on the machine, so a lock keeps two test
    runs from rebuilding it under each other."""
    home = Path(tempfile.gettempdir()) / "givedesk-snapshot-desk"
    with FileLock(str(home) + ".lock"):
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()
        populate_demo(home, FROZEN_NOW)
        yield GiveDeskApp(Store(Paths.for_home(home)), Config(), clock=lambda: FROZEN_NOW,
                          refresh_on_start=False)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, fixed_demo_app: GiveDeskApp, screen: str,  # type: ignore[no-untyped-def]
                size: tuple[int, int]) -> None:
    app = fixed_demo_app

    async def open_screen(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if screen == "outbox":
            await pilot.press("q", *"Congratulations on the second cafe!", "enter")
            await settle(pilot)
        await pilot.press(SCREENS[screen])
        await settle(pilot)

    assert snap_compare(app, run_before=open_screen, terminal_size=size)


DIALOGS: dict[str, tuple[str, ...]] = {
    "help": ("question_mark",),
    "preview": ("enter",),
    "note": ("q",),
    "snooze": ("z",),
    "key-people": ("k",),
    "contact-form-errors": ("3", "a", *"Ada", "tab", *"ada at home", "tab", *"Test Co", "ctrl+s"),
    "confirm-delete": ("3", "delete"),
    "feed-errors": ("6", "a", *"ftp://news.example.com/a-rather-long-feed-address.xml", "enter"),
}
"""Every dialog, opened as a user would, from the screen it belongs to."""


@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_dialog_at_80x24(snap_compare, fixed_demo_app: GiveDeskApp, dialog: str) -> None:  # type: ignore[no-untyped-def]
    async def open_dialog(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in DIALOGS[dialog]:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(fixed_demo_app, run_before=open_dialog, terminal_size=(80, 24))
