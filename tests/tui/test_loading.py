"""Start-up and switching: keys pressed while a screen loads are kept, the agenda is
ranked once, and screens are ready before their first visit."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from givedesk.tui.screens import intros, outbox, today
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle, table_text


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


async def test_a_key_pressed_while_intros_are_found_acts_on_the_suggestion(
    demo_home: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = threading.Event()
    original = intros.suggest_intros

    def slow(*args: Any, **kwargs: Any) -> Any:
        assert opened.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(intros, "suggest_intros", slow)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "p")
        assert isinstance(app.screen, intros.IntrosScreen)
        assert not app.screen.suggestions, "the suggestions must still be loading"
        assert app.store.intros.all() == []
        opened.set()
        await settle(pilot)
        assert len(app.store.intros.all()) == 1


SCREEN_TABLES = {"1": "#today-table", "3": "#contacts-table", "4": "#suggested-table",
                 "5": "#ledger-table", "6": "#feeds-table"}


async def test_every_screen_shows_its_rows_on_its_first_visit_without_waiting(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # Today is complete: the other screens were built behind it
        for key, table in SCREEN_TABLES.items():
            await pilot.press(key)  # no wait for a worker: the rows must be there
            assert app.screen.query_one(table, DataTable).row_count > 0, key


async def test_a_screen_reads_the_store_again_only_when_it_changed(
    demo_home: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    original = outbox.outbox_groups
    monkeypatch.setattr(outbox, "outbox_groups",
                        lambda *args: (reads.append(1), original(*args))[1])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert reads == [1], "the Outbox is read once Today is complete, before its first visit"
        await pilot.press("2", "1", "2")
        await settle(pilot)
        assert reads == [1]
        queued = len(table_text(app, "#outbox-table"))
        await pilot.press("1", "q", *"hi", "enter")
        await settle(pilot)
        await pilot.press("2")
        assert reads == [1, 1]
        assert len(table_text(app, "#outbox-table")) == queued + 1


async def test_the_desk_frozen_for_the_collector_is_given_back_when_the_app_ends(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0, "every app would stay in memory after it ended"


async def test_quitting_while_screens_are_built_ahead_ends_cleanly(
    demo_home: Path, make_app: AppFactory
) -> None:
    """Quitting at once after launch used to end in a traceback: a screen built ahead
    joined the app's screens while Textual was closing them."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app._building_ahead:
            await pilot.pause(0.01)
        await pilot.press("ctrl+q")
        while app.is_running:
            await pilot.pause(0.01)
    assert app.return_code == 0
