"""Nothing on screen is cut: the footers, the help and Today's columns at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path

from givedesk.tui.screens.help import HelpScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import screen_lines, screen_text, settle


async def test_every_footer_shows_its_keys_whole_at_80_columns(
    demo_home: Path, make_app: AppFactory
) -> None:
    wanted = {"1": ["q Queue", "d Dismiss", "z Snooze", "/ Filter", "u Undo", "r Refresh"],
              "3": ["/ Search", "a Add", "e Edit", "k Key", "s Sort", "i Import", "x Export"]}
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for screen, keys in wanted.items():
            await pilot.press(screen)
            await settle(pilot)
            footer = screen_lines(app)[-1]
            assert "? Keys" in footer and "^p palette" in footer
            for key in keys:
                assert key in footer, f"{key!r} cut from {footer!r}"


async def test_the_help_wraps_what_a_key_does(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Quit the app and return to the" in text and "command prompt." in text
        assert "…" not in text.split("Keys  (Escape closes)")[1].split("╰")[0]


async def test_today_shows_whole_names_at_120_and_undated_at_80(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Benjamin Adeyemi " in text and "Benjamin Adey…" not in text
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        columns = app.screen.query_one("#today-table").columns
        age = next(column for key, column in columns.items() if key.value == "age")
        assert age.width >= len("undated"), "'undated' wrapped as undat/ed"
        person = next(column for key, column in columns.items() if key.value == "person")
        assert person.width >= 14


async def test_the_key_relationships_offer_fits_80_columns(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        banner = next(line for line in screen_lines(app) if "Key relationships" in line)
        assert banner.rstrip().endswith("K hides this till tomorrow"), banner


async def test_the_key_people_list_fits_80_columns_and_says_why_below(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        listed = screen_text(app).split("cancels")[1].split("╰")[0]
        assert "Jonas Lindqvist, Tidewater Labs" in listed and "…" not in listed
        assert "Jonas Lindqvist, CTO and co-founder at Tidewater Labs: met" in listed
        await pilot.press("down")
        await settle(pilot)
        assert "Sofía Castellanos, Executive director" in screen_text(app)
