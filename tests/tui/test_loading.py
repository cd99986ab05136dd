"""Start-up: keys pressed while Today loads are kept, and the agenda is ranked once."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from givedesk.tui.screens import today
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Today's agenda waits until the test opens the gate: a slow desk, on demand."""
    opened = threading.Event()
    original = today.quick_agenda

    def slow(*args: Any) -> Any:
        assert opened.wait(10)
        return original(*args)

    monkeypatch.setattr(today, "quick_agenda", slow)
    return opened


async def test_keys_pressed_while_today_loads_are_not_lost(
    demo_home: Path, make_app: AppFactory, gate: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#today-table", DataTable)
        await pilot.press("down", "down", "down")
        assert table.row_count == 0, "the rows must still be loading"
        gate.set()
        await settle(pilot)
        assert table.row_count > 3
        assert table.cursor_row == 3


async def test_an_action_key_pressed_while_loading_acts_on_the_row(
    demo_home: Path, make_app: AppFactory, gate: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "q", *"hi", "enter")
        gate.set()
        await settle(pilot)
        queued = app.store.queue.all()
        assert len(queued) == 1 and queued[0].note == "hi"


async def test_a_refresh_that_changes_nothing_does_not_rank_again(
    demo_home: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    original = today.quick_agenda
    monkeypatch.setattr(today, "quick_agenda", lambda *args: (calls.append(1), original(*args))[1])
    app = make_app(refresh_on_start=True)  # the demo's feeds were fetched: none is due
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert calls == [1]
        stamp = app.store.news_stamp()
    assert app.store.news_stamp() == stamp
