"""Opening a link or a mailto: outside the terminal, and saying so when nothing can."""

from __future__ import annotations

import webbrowser

from textual.app import App

NOT_OPENED_SECONDS = 4
"""How long the "nothing opened it" notice stays: long enough to read one line, short
enough not to sit over the draft or the introduction the user is reading."""


def open_externally(app: App[object], url: str, *, failed: str) -> bool:
    """Open `url` in the browser or mail client; True when something took it. When
    nothing did, notify `failed`: one short line saying what to do instead, never the URL
    itself (a mailto: is a screenful of percent-encoding that covered the draft)."""
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        app.notify(failed, severity="warning", markup=False, timeout=NOT_OPENED_SECONDS)
    return opened
