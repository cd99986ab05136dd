"""A separate process that writes to a desk, for the crash and concurrency tests.

Usage: store_worker.py HOME COUNT LABEL [--forever]
Prints "ready" once the store is open, then adds COUNT contacts one transaction at a
time (or keeps rewriting forever, to be killed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from givedesk.models import Contact, Give
from givedesk.paths import Paths
from givedesk.store import Store


def run(home: Path, count: int, label: str, forever: bool) -> None:
    store = Store(Paths.for_home(home))
    print("ready", flush=True)
    number = 0
    while forever or number < count:
        contact = Contact(name=f"{label} {number}", company=label)
        with store.desk.transaction():
            store.contacts.insert(contact)
            store.gives.insert(Give(contact_id=contact.id, kind="help", note="x" * 200))
        number += 1


if __name__ == "__main__":
    run(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], "--forever" in sys.argv)
