"""Driving the real app: a real store in a temp folder, a frozen clock, no browser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from givedesk.config import Config
from givedesk.demo import populate_demo
from givedesk.paths import Paths
from givedesk.store import Store
from givedesk.tui.app import GiveDeskApp

FROZEN_NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The desk calls webbrowser.open: record instead, and say it opened."""
    opened: list[str] = []

    def record(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", record)
    return opened


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A machine where nothing can open a link: webbrowser.open says False."""
    tried: list[str] = []

    def refuse(url: str, *args: object, **kwargs: object) -> bool:
        tried.append(url)
        return False

    monkeypatch.setattr("webbrowser.open", refuse)
    return tried


@pytest.fixture
def demo_home(home: Path) -> Path:
    populate_demo(home, FROZEN_NOW)
    return home


AppFactory = Callable[..., GiveDeskApp]


@pytest.fixture
def make_app(home: Path) -> AppFactory:
    def build(config: Config | None = None, *, refresh_on_start: bool = False) -> GiveDeskApp:
        return GiveDeskApp(Store(Paths.for_home(home)), config or Config(),
                           clock=lambda: FROZEN_NOW, refresh_on_start=refresh_on_start)

    return build
