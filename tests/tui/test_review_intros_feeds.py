"""Review, Intros, Feeds, the help screen and background failures."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.worker import WorkerFailed

from givedesk.tui.screens.help import HelpScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import screen_text, settle, static_text, table_text


async def switch(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)


async def test_review_stats_filters_and_feedback(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await switch(pilot, "5")
        stats = str(app.screen.query_one("#review-stats").render())
        assert "key relationships helped in 30 days:" in stats and "asks" in stats
        assert len(app.screen.query_one("#gives-per-week").data) == 12  # type: ignore[attr-defined]
        assert "Asked more than given: Hana Kobayashi" in static_text(app, "#review-balance")
        everyone = table_text(app, "#ledger-table")
        assert len(everyone) == len(app.store.gives.all())
        await pilot.press("slash", *"Priya", "enter")
        await pilot.pause()
        assert all("Priya Raman" in line for line in table_text(app, "#ledger-table"))
        await pilot.press("escape")
        await pilot.press("t", *"2026-11-15", "enter")
        await pilot.pause()
        recent = table_text(app, "#ledger-table")
        assert recent and all(line[:10] >= "2026-11-15" for line in recent)
        await pilot.press("minus")
        await settle(pilot)
        assert sum(g.feedback == "not-relevant" for g in app.store.gives.all()) == 1


async def test_review_marks_a_date_that_is_not_one(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await switch(pilot, "5")
        await pilot.press("t", *"2026-13-01", "enter")
        await pilot.pause()
        box = app.screen.query_one("#filter-since")
        assert box.has_class("-invalid")
        error = app.screen.query_one("#since-error")
        assert error.display and "not a date: '2026-13-01'" in str(error.render())
        assert "not a date: '2026-13-01'" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not error.display and not box.has_class("-invalid")


async def test_intros_propose_advance_and_decline(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await switch(pilot, "4")
        suggested = table_text(app, "#suggested-table")
        assert suggested and "↔" in suggested[0]
        shown = app.screen.selected_suggestion()  # type: ignore[attr-defined]
        said = static_text(app, "#intro-detail")
        assert f"For {shown.a.name}: {shown.why_a}" in said
        assert f"For {shown.b.name}: {shown.why_b}" in said
        await pilot.press("p")
        await settle(pilot)
        [intro] = app.store.intros.all()
        assert intro.status == "proposed"
        detail = static_text(app, "#intro-detail")
        assert "Next: ask" in detail
        b_name = app.store.contacts.get(intro.b_id).name  # type: ignore[union-attr]
        assert b_name not in detail.split("\n", 1)[1], "the note to A must not name B"
        await pilot.press("a")
        await settle(pilot)
        assert app.store.intros.get(intro.id).status == "asked_a"  # type: ignore[union-attr]
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard.startswith("Subject:")
        await pilot.press("x", "y")
        await settle(pilot)
        assert app.store.intros.get(intro.id).status == "declined"  # type: ignore[union-attr]
        await pilot.press("a")  # an ended introduction cannot move on
        await settle(pilot)
        assert app.store.intros.get(intro.id).status == "declined"  # type: ignore[union-attr]


async def test_intros_dismiss_hides_the_pair(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await switch(pilot, "4")
        first = table_text(app, "#suggested-table")[0]
        await pilot.press("d")
        await settle(pilot)
        assert first not in table_text(app, "#suggested-table")


async def test_feeds_add_refresh_toggle_remove(home: Path, tmp_path: Path, make_app: AppFactory) -> None:
    feed_file = tmp_path / "gazette.xml"
    feed_file.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
        "<item><title>Pier Street market opens</title><link>https://gazette.example.com/1</link>"
        "<guid>g1</guid></item></channel></rss>")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await switch(pilot, "6")
        await pilot.press("a", *"ftp://nope", "enter")
        await pilot.pause()
        assert "only http(s)" in str(app.screen.query_one("#prompt-hint").render())
        app.screen.query_one("#answer").value = str(feed_file)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # local news
        await settle(pilot)
        [feed] = app.store.feeds.all()
        assert feed.local and feed.last_status == "ok"
        rows = table_text(app, "#feeds-table")
        assert "local" in rows[0] and rows[0].endswith("| 1")
        await pilot.press("space")
        await settle(pilot)
        assert app.store.feeds.all()[0].enabled is False
        await pilot.press("D", "y")
        await settle(pilot)
        assert app.store.feeds.all() == []


async def test_help_lists_the_keys_of_every_screen(home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = table_text(app, "#help-keys")
        screens = {row.split(" | ")[0] for row in rows}
        assert screens == {"Everywhere", "Today", "Outbox", "Contacts", "Intros", "Review", "Feeds"}
        assert any(row.startswith("Outbox | y") for row in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_every_screen_is_reachable_by_key_and_palette(home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, mode in zip("123456", ["today", "outbox", "contacts", "intros", "review", "feeds"],
                             strict=True):
            await switch(pilot, key)
            assert app.current_mode == mode
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Today screen", "Feeds screen", "Review screen"} <= set(commands)


async def test_a_failing_refresh_becomes_a_notification_not_a_crash(
    demo_home: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr("givedesk.desk.fetch_all", broken)
    app = make_app(refresh_on_start=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        # Waiting for a worker that failed re-raises its error here when it was still
        # running (behind Today's first ranking, which holds the news): the app itself
        # only hears of it through the worker's state.
        with contextlib.suppress(WorkerFailed):
            await settle(pilot)
        await settle(pilot)
        assert app.is_running
        assert any("disk on fire" in n.message for n in app._notifications)
