"""A worker that fails never leaves a silent, frozen screen (issue 21): made to fail
the way a broken install did, with a lexicon that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerFailed

from givedesk.config import Config, MatchingConfig
from givedesk.errors import UserError
from givedesk.tui.screens.help import HelpScreen
from givedesk.tui.screens.today import TodayScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import screen_text, static_text
from tests.tui.helpers import settle as settle_working


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish, failing ones too (waiting for them re-raises their error)."""
    for _ in range(5):
        try:
            await settle_working(pilot)
            return
        except WorkerFailed:
            await pilot.pause()


def unreadable_lexicon(home: Path) -> Config:
    lexicon = home / "lexicon.toml"
    lexicon.write_text("[topics]\n", encoding="utf-8")
    lexicon.chmod(0)
    if _readable(lexicon):  # running as root: chmod does not stop it
        lexicon.unlink()
    return Config(matching=MatchingConfig(lexicon=str(lexicon)))


def _readable(path: Path) -> bool:
    try:
        path.read_bytes()
    except OSError:
        return False
    return True


async def test_an_unreadable_lexicon_is_said_and_keys_keep_working(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app(unreadable_lexicon(demo_home))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = [note.message for note in app._notifications]
        assert len(notes) == 1 and "cannot read the lexicon" in notes[0]
        assert "\n" not in notes[0]
        empty = static_text(app, "#today-empty")
        assert "could not be read" in empty and "lexicon.toml" in empty
        shown = screen_text(app)  # the path wraps where the test's folder name makes it
        assert "lexicon.toml" in "".join(line.strip() for line in shown.splitlines()), shown
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        for key in "23456":
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode != "today"
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), "keys wait for rows that never come"
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_intros_say_why_suggestions_are_missing(
    demo_home: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise UserError("cannot read the interests list")

    monkeypatch.setattr("givedesk.tui.screens.intros.suggest_intros", broken)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert "could not be found: cannot read the interests list" in static_text(
            app, "#intro-detail")
        await pilot.press("5")
        await settle(pilot)
        assert app.current_mode == "review"
