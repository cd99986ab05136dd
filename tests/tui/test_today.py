"""Today: every key on a real demo desk."""

from __future__ import annotations

from pathlib import Path

import pytest

from givedesk.paths import Paths
from givedesk.store import Store
from givedesk.tui.dialogs.preview import PreviewDialog
from givedesk.tui.screens.contacts import ContactsScreen
from givedesk.tui.screens.today import TodayScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle, static_text, table_text


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    return table_text(app, "#today-table")


async def test_opens_on_today_with_the_ranked_agenda(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        lines = rows(app)
        groups = [line.split(" | ")[0].split("\n")[0] for line in lines]
        order = ["Congrats", "Mention", "Lead", "Share", "Follow up", "Introduce"]
        assert groups == sorted(groups, key=order.index), "groups must come in order"
        assert set(groups) == set(order) - {"Mention"}  # no plain mention in the demo news
        labels = {line.split(" | ")[2].split("\n")[0]: line.split(" | ")[0] for line in lines}
        assert labels["Harborview Food Bank seeks volunteer drivers for the holiday rush"] == "Lead\nLOCAL"
        assert labels["Bellini's Trattoria celebrates 20 years on the waterfront"] == "Congrats\nLOCAL"
        okafor = next(line for line in lines if "Okafor Coffee Roasters opens" in line)
        assert "LOCAL" in okafor and "Zoë Okafor" in okafor
        summary = str(app.screen.query_one("#today-summary").render())
        assert "Sun 22 Nov" in summary and "streak" in summary and "suggestions" in summary


async def test_queue_with_a_note_goes_to_the_outbox(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = rows(app)[0]
        await pilot.press("q")
        await pilot.press(*"Congratulations!")
        await pilot.press("enter")
        await settle(pilot)
        assert first not in rows(app)
        queued = app.store.queue.all()
        assert len(queued) == 1 and queued[0].note == "Congratulations!"
        # a Congrats row: the message congratulates
        assert queued[0].title.startswith("Congratulations on the news! ")
        assert queued[0].title.removeprefix("Congratulations on the news! ") in first


async def test_dismiss_and_snooze_remove_the_row_and_persist(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first, second = rows(app)[:2]
        await pilot.press("d")
        await settle(pilot)
        assert first not in rows(app)
        await pilot.press("z")
        await pilot.press("down", "enter")  # 3 days
        await settle(pilot)
        assert second not in rows(app)
        states = sorted((s.status, str(s.until)) for s in app.store.states.all())
        assert states == [("dismissed", "None"), ("snoozed", "2026-11-25")]
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert first not in rows(again) and second not in rows(again)


async def test_enter_previews_and_o_opens_only_web_links(
    demo_home: Path, make_app: AppFactory, opened_urls: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PreviewDialog)
        shown = static_text(app, "#preview-text")
        item = app.screen.item
        assert item.title in shown and "Why" in shown
        await pilot.press("o")
        await settle(pilot)
        assert opened_urls == [item.link]
        assert item.link is not None and item.link.startswith("https://")
        # A row without a link (a follow-up) opens nothing, from the table or the preview.
        followup = next(i for i, line in enumerate(rows(app)) if line.startswith("Follow up"))
        app.screen.query_one("#today-table").move_cursor(row=followup)  # type: ignore[attr-defined]
        await pilot.press("o", "enter")
        await pilot.pause()
        await pilot.press("o")
        await settle(pilot)
        assert opened_urls == [item.link]


@pytest.mark.parametrize("link", ["javascript:alert(document.cookie)", "file:///etc/passwd",
                                  "data:text/html,<script>x</script>", "JAVASCRIPT://x"])
async def test_a_stored_link_that_is_not_a_web_link_is_never_opened(
    demo_home: Path, make_app: AppFactory, opened_urls: list[str], link: str
) -> None:
    """Links are checked when articles are fetched; the TUI checks again before opening,
    since news.json is only a file on disk."""
    store = Store(Paths.for_home(demo_home))
    articles = store.articles.all()
    for article in articles:
        article.link = link
    store.articles.save_many(articles)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert rows(app)[0].startswith("Congrats")
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PreviewDialog)
        assert app.screen.item.link == link
        await pilot.press("o")
        await settle(pilot)
        assert opened_urls == []


async def test_c_opens_the_person(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        name = rows(app)[0].split(" | ")[1].split("\n")[0]
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert app.screen.selected() is not None
        assert app.screen.selected().name == name  # type: ignore[union-attr]


async def test_slash_filters_rows(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Priya")
        await pilot.pause()
        assert rows(app) and all("Priya" in line for line in rows(app))
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert len(rows(app)) > 5


async def test_intro_and_followup_rows_act_sensibly(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        table = screen.query_one("#today-table")
        intro_row = next(i for i, line in enumerate(rows(app)) if line.startswith("Introduce"))
        table.move_cursor(row=intro_row)  # type: ignore[attr-defined]
        await pilot.press("q")
        await settle(pilot)
        assert len(app.store.intros.all()) == 1
        followup_row = next(i for i, line in enumerate(rows(app)) if line.startswith("Follow up"))
        table.move_cursor(row=followup_row)  # type: ignore[attr-defined]
        await pilot.press("q", *"How is the new wing going?", "enter")
        await settle(pilot)
        item = app.store.queue.all()[0]
        assert (item.title, item.kind, item.note) == ("Checking in", "info",
                                                      "How is the new wing going?")


async def test_an_empty_desk_explains_the_next_step(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = static_text(app, "#today-empty")
        assert "Add a news feed" in text and "givedesk --demo" in text


async def test_a_follow_up_is_queued_once(demo_home: Path, make_app: AppFactory) -> None:
    """Queueing a follow-up takes its row away for good (the screen reads the agenda
    again when the note dialog closes): it cannot be queued a second time."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#today-table")
        followup = next(i for i, line in enumerate(rows(app))
                        if line.startswith("Follow up | Priya Raman"))
        table.move_cursor(row=followup)  # type: ignore[attr-defined]
        await pilot.press("q", "enter")
        await settle(pilot)
        assert not any(line.startswith("Follow up | Priya Raman") for line in rows(app))
        await pilot.press("2", "1")
        await settle(pilot)
        assert not any(line.startswith("Follow up | Priya Raman") for line in rows(app))
        assert [item.title for item in app.store.queue.all()] == ["Checking in"]


def snoozable(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Keys of the rows that can be snoozed (articles and introductions), in table order."""
    return [key for key, item in app.screen.items.items()
            if item.match is not None or item.intro is not None]


async def put_cursor_on(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one("#today-table")
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()


async def test_dismiss_snooze_then_u_u_undoes_both_newest_first(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first, second = snoozable(app)[:2]
        await put_cursor_on(pilot, first)
        await pilot.press("d")
        await settle(pilot)
        await put_cursor_on(pilot, second)
        await pilot.press("z", "enter")
        await settle(pilot)
        assert first not in app.screen.items and second not in app.screen.items
        await pilot.press("u")
        await settle(pilot)
        assert second in app.screen.items and first not in app.screen.items, "newest first"
        await pilot.press("u")
        await settle(pilot)
        assert first in app.screen.items and second in app.screen.items
        assert app.store.states.all() == []
        said = [str(n.message) for n in app._notifications]
        assert "Nothing to undo." not in said
        await pilot.press("u")
        await pilot.pause()
        assert str(list(app._notifications)[-1].message) == "Nothing to undo."


async def test_snoozing_lowers_the_count_by_one(demo_home: Path, make_app: AppFactory) -> None:
    """Closing the snooze dialog resumed Today, which re-read its own write and re-ranked:
    the snoozed person's next candidates came in and the count went up."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in snoozable(app)[:3]:
            before = len(app.screen.items)
            await put_cursor_on(pilot, key)
            await pilot.press("z", "enter")
            await settle(pilot)
            assert len(app.screen.items) == before - 1
            summary = str(app.screen.query_one("#today-summary").render())
            assert f" {before - 1} suggestions" in summary
