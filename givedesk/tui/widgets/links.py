"""Opening a link or a mailto: outside the terminal, and saying so when nothing can."""

from __future__ import annotations

import webbrowser

from textual.app import App


def open_externally(app: App[object], url: str, *, what: str) -> bool:
    """Open `url` in the browser or mail client; when none takes it, copy the URL and show
    it, so the user can paste it somewhere that works. True when something opened it."""
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if opened:
        return True
    app.copy_to_clipboard(url)
    shown = url if len(url) <= 300 else url[:300] + "…"
    app.notify(f"Nothing on this machine could open {what}, so it is copied to the clipboard:\n"
               f"{shown}", severity="warning", markup=False, timeout=15)
    return False
