"""What the user told Today for the rest of one day: hide the key-relationships offer.

The offer to mark key relationships stays on Today while the desk has few; someone
with other things to do this morning hides it, and it should not come back at every
launch until tomorrow. That is a note about one day, not about the desk: it lives in
its own small file (`today.json` beside `desk.json`), outside backups and exports, and
a missing or unreadable one only means the offer shows again.
"""

from __future__ import annotations

import json
from datetime import date

from givedesk.errors import StoreError, describe_os_error
from givedesk.store import Store, atomic_write_bytes

_KEY_OFFER = "key_offer_hidden_on"


def key_offer_hidden(store: Store, today: date) -> bool:
    """Whether the user hid the key-relationships offer today."""
    try:
        notes = json.loads(store.paths.today_file.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(notes, dict) and notes.get(_KEY_OFFER) == today.isoformat()


def hide_key_offer(store: Store, today: date) -> None:
    """Hide the key-relationships offer until tomorrow."""
    path = store.paths.today_file
    try:
        atomic_write_bytes(path, json.dumps({_KEY_OFFER: today.isoformat()}).encode())
    except OSError as error:
        raise StoreError(f"{path}: cannot write: {describe_os_error(error)}; "
                         "nothing was changed") from error
