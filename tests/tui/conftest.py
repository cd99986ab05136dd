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
    """App.open_url really calls webbrowser.open: record instead."""
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *args, **kwargs: opened.append(url))
    return opened


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
