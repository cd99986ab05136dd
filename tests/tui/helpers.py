"""Reading what the app shows, as a user would see it."""

from __future__ import annotations

import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from givedesk.tui.app import GiveDeskApp


def table_text(app: GiveDeskApp, selector: str) -> list[str]:
    """Every row of a table as one line of plain text (cells joined by ' | ')."""
    table = app.screen.query_one(selector, DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(index))
            for index in range(table.row_count)]


def static_text(app: GiveDeskApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def propose_first_intro(pilot: Pilot[None]) -> None:
    """Open Intros and press p on the first suggestion (focus moves to it, in progress)."""
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)


def screen_lines(app: GiveDeskApp) -> list[str]:
    """The terminal as the user sees it, one string per row (modals over their screen)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system=None, legacy_windows=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


def screen_text(app: GiveDeskApp) -> str:
    return "\n".join(screen_lines(app))
