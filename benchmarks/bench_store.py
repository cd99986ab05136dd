"""Store speed on a busy desk: 2,000 contacts and 20,000 gives.

Prints the time to open the desk and read everything, and the time to add one give,
beside plain TinyDB (its default JSONStorage, no locking, not atomic) doing the same
in this process, so the cost of crash safety and locking is visible as a ratio.

    python benchmarks/bench_store.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tinydb import TinyDB

from givedesk.models import Contact, Give
from givedesk.paths import Paths
from givedesk.store import Store

CONTACTS = 2_000
GIVES = 20_000
REPEATS = 20


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_time(action, repeats: int = REPEATS) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(timed(action) for _ in range(repeats))


def build_desk(home: Path) -> tuple[list[Contact], list[Give]]:
    store = Store(Paths.for_home(home))
    contacts = [Contact(name=f"Person {n}", company=f"Company {n % 300}",
                        interests=["bike lanes", "Rust", f"topic {n}"]) for n in range(CONTACTS)]
    gives = [Give(contact_id=contacts[n % CONTACTS].id, kind="article", note=f"give {n}",
                  link=f"https://news.example.com/{n}") for n in range(GIVES)]
    with store.desk.transaction():
        store.contacts.insert_many(contacts)
        store.gives.insert_many(gives)
    return contacts, gives


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        contacts, gives = build_desk(home)
        size_mb = (home / "desk.json").stat().st_size / 1e6

        def open_and_read() -> None:
            store = Store(Paths.for_home(home))
            store.contacts.all()
            store.gives.all()

        store = Store(Paths.for_home(home))
        open_time = median_time(open_and_read, 5)
        add_time = median_time(lambda: store.gives.insert(Give(contact_id=contacts[0].id,
                                                                kind="help")))

        plain_path = home / "plain.json"
        plain = TinyDB(plain_path)
        plain.table("contacts").insert_multiple([vars(c) | {
            "created": None, "updated": None, "met_on": None} for c in contacts])
        plain.table("gives").insert_multiple(
            [vars(g) | {"given_on": None} for g in gives])
        plain.close()

        def plain_open_and_read() -> None:
            database = TinyDB(plain_path)
            database.table("contacts").all()
            database.table("gives").all()
            database.close()

        plain_open = median_time(plain_open_and_read, 5)
        plain_db = TinyDB(plain_path)
        plain_add = median_time(lambda: plain_db.table("gives").insert({"contact_id": "x"}))
        plain_db.close()

    print(f"desk: {CONTACTS:,} contacts, {GIVES:,} gives, desk.json {size_mb:.1f} MB")
    print(f"open + read all : {open_time * 1000:7.1f} ms   "
          f"(plain TinyDB {plain_open * 1000:7.1f} ms, ratio {open_time / plain_open:.2f})")
    print(f"add one give    : {add_time * 1000:7.1f} ms   "
          f"(plain TinyDB {plain_add * 1000:7.1f} ms, ratio {add_time / plain_add:.2f})")


if __name__ == "__main__":
    main()
