"""Reading what the app shows, as a user would see it."""

from __future__ import annotations

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
