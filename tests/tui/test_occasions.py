"""Occasions on Today: their own kind, q drafts the note in the Outbox, d hides them
for the year."""

from __future__ import annotations

from pathlib import Path

from givedesk.contacts import merge_contacts
from givedesk.models import Contact
from givedesk.occasions import upcoming_occasions
from tests.tui.conftest import FROZEN_NOW, AppFactory
from tests.tui.helpers import settle, table_text


async def test_queue_and_dismiss_an_occasion(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    merge_contacts(app.store, [
        Contact(name="Ada Birthday", birthday="--11-24", email="ada@okafor.coffee", key=True),
        Contact(name="Bo Met", met_on=FROZEN_NOW.date().replace(year=2024), met_at="the fair"),
    ])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = table_text(app, "#today-table")
        assert rows[0].startswith("Occasion | Ada Birthday")
        assert "Birthday on Tue 24 Nov (in 2 days)" in rows[0]
        assert rows[1].startswith("Occasion | Bo Met") and "2 years since you met, today" in rows[1]

        await pilot.press("q", *"Coffee soon?", "enter")
        await settle(pilot)
        (queued,) = app.store.queue.all()
        assert (queued.title, queued.note, queued.occasion) == (
            "Happy birthday! (Tuesday 24 November)", "Coffee soon?", True)

        await pilot.press("d")
        await settle(pilot)
        assert not any(row.startswith("Occasion") for row in table_text(app, "#today-table"))
        assert upcoming_occasions(app.store, app.config.occasions, FROZEN_NOW) == []
