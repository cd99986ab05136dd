"""Today: one article for several people is one row, which opens to choose whom to send
it to."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from givedesk.tui.dialogs import PickPeopleDialog
from tests.tui.conftest import AppFactory
from tests.tui.helpers import screen_text, settle, table_text

PODCASTS = "Podcasts get cheaper to make"


async def test_an_article_for_several_people_is_one_row_that_queues_for_the_ticked(
    demo_home: Path, make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = table_text(app, "#today-table")
        mine = [index for index, line in enumerate(lines) if PODCASTS in line]
        assert len(mine) == 1, "one row for the article, however many people it fits"
        row = lines[mine[0]]
        assert "+1 more" in row and "2 people; best for " in row
        best = row.split("best for ", 1)[1].split(" · ")[0]
        app.screen.query_one(DataTable).move_cursor(row=mine[0])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PickPeopleDialog)
        shown = screen_text(app)
        assert best in shown and "space ticks" in shown
        await pilot.press("space")  # the first (the best) unticked: the other stays ticked
        await pilot.press("enter")
        await settle(pilot)
        queued = app.store.queue.all()
        people = {c.id: c.name for c in app.store.contacts.all()}
        assert len(queued) == 1 and best not in {people[q.contact_id] for q in queued}
        assert all(PODCASTS in q.title for q in queued)
        # Nobody is dismissed silently: the article stays for the one not ticked, alone.
        (left,) = [line for line in table_text(app, "#today-table") if PODCASTS in line]
        assert best in left and "more" not in left


async def test_escape_in_the_people_dialog_queues_nothing(
    demo_home: Path, make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = table_text(app, "#today-table")
        index = next(i for i, line in enumerate(lines) if PODCASTS in line)
        app.screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, PickPeopleDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.store.queue.all() == []
