"""The full-screen desk (Textual). Only this package imports Textual."""

from __future__ import annotations

from pathlib import Path

__all__ = ["run_app"]


def run_app(home: Path | None) -> None:
    """Open the desk on Today."""
    from givedesk.tui.app import make_app

    make_app(home).run()
