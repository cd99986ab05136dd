"""Keys the README lists that must do what it says, on every table of rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle


@pytest.mark.parametrize(("screen", "table"), [("1", "#today-table"), ("3", "#contacts-table"),
                                                ("6", "#feeds-table")])
async def test_home_and_end_go_to_the_first_and_last_row(
    demo_home: Path, make_app: AppFactory, screen: str, table: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(screen)
        await settle(pilot)
        rows = app.screen.query_one(table, DataTable)
        assert rows.row_count > 2
        await pilot.press("down")
        await pilot.press("end")
        assert rows.cursor_row == rows.row_count - 1
        await pilot.press("home")
        assert rows.cursor_row == 0
