"""Store speed on a busy desk: 2,000 contacts and 20,000 gives.

Prints, as min / median / max of runs alternated with their baseline:

1. `givedesk contacts add`, `gives add` and `asks add`, each a whole process, on the
   desk with a 200 MB news.json beside it and on the same desk without one: commands
   that need no news must not pay for it (target: ratio <= 1.2);
2. the time to open the desk and read everything, and to add one give, beside plain
   TinyDB (its default JSONStorage, no locking, not atomic) doing the same in this
   process, so the cost of crash safety and locking is visible as a ratio.

    python benchmarks/bench_store.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import msgspec
from tinydb import TinyDB

from givedesk.models import Article, Contact, Give
from givedesk.paths import Paths
from givedesk.store import NEWS_SCHEMA_VERSION, Store

CONTACTS = 2_000
GIVES = 20_000
REPEATS = 20
PROCESS_REPEATS = 5
NEWS_MB = 220
COMMANDS = [
    ["contacts", "add", "New Person", "--interest", "sailing"],
    ["gives", "add", "Person 7", "--kind", "help", "--note", "lent a ladder"],
    ["asks", "add", "Person 8", "an intro to a printer"],
]


def spread(times: list[float]) -> str:
    return (f"min {min(times) * 1000:6.0f}  median {statistics.median(times) * 1000:6.0f}  "
            f"max {max(times) * 1000:6.0f} ms")


def write_big_news(path: Path, megabytes: int) -> None:
    """A news.json of about `megabytes` MB in TinyDB's layout, written in one go."""
    summary = "Council approves the bike-lane network after a long debate. " * 30
    count = megabytes * 1_000_000 // (len(summary) + 400)
    published = datetime(2026, 3, 1, tzinfo=UTC)
    articles = {str(n + 1): msgspec.to_builtins(Article(
        id=f"a{n}", title=f"Story {n}", feed_id="f1", summary=summary,
        link=f"https://news.example.com/{n}", published=published, fetched=published))
        for n in range(count)}
    path.write_bytes(msgspec.json.encode({
        "meta": {"1": {"schema_version": NEWS_SCHEMA_VERSION}}, "articles": articles}))


def run_command(home: Path, args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "givedesk", *args, "--home", str(home)],
                   check=True, capture_output=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    return time.perf_counter() - started


ROOT = Path(__file__).resolve().parent.parent


def report_commands_beside_big_news(home: Path) -> None:
    """Paired processes: the same command on the desk with and without the big news."""
    with_news = home.parent / "with-news"
    without = home.parent / "without-news"
    shutil.copytree(home, without)
    shutil.copytree(home, with_news)
    write_big_news(with_news / "news.json", NEWS_MB)
    size = (with_news / "news.json").stat().st_size / 1e6
    print(f"commands that need no news, beside a {size:.0f} MB news.json "
          f"({PROCESS_REPEATS} alternated runs each):")
    for args in COMMANDS:
        plain: list[float] = []
        beside: list[float] = []
        for _ in range(PROCESS_REPEATS):
            plain.append(run_command(without, args))
            beside.append(run_command(with_news, args))
        ratio = statistics.median(beside) / statistics.median(plain)
        print(f"  givedesk {' '.join(args[:2]):13s} with news {spread(beside)}")
        print(f"  {'':22s} without  {spread(plain)}   ratio {ratio:.2f} (target <= 1.2)")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def alternated(measured: Callable[[], object], baseline: Callable[[], object],
               repeats: int = REPEATS) -> tuple[list[float], list[float]]:
    """Both timed in turn, so load from other processes falls on both alike."""
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeats):
        ours.append(timed(measured))
        theirs.append(timed(baseline))
    return ours, theirs


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
        home = Path(folder) / "desk"
        home.mkdir()
        contacts, gives = build_desk(home)
        size_mb = (home / "desk.json").stat().st_size / 1e6
        print(f"desk: {CONTACTS:,} contacts, {GIVES:,} gives, desk.json {size_mb:.1f} MB  "
              f"({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")
        report_commands_beside_big_news(home)

        def open_and_read() -> None:
            store = Store(Paths.for_home(home))
            store.contacts.all()
            store.gives.all()

        plain_path = Path(folder) / "plain.json"
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

        opened, plain_opened = alternated(open_and_read, plain_open_and_read, 5)
        store = Store(Paths.for_home(home))
        plain_db = TinyDB(plain_path)
        added, plain_added = alternated(
            lambda: store.gives.insert(Give(contact_id=contacts[0].id, kind="help")),
            lambda: plain_db.table("gives").insert({"contact_id": "x"}))
        plain_db.close()

    print("open + read all (models decoded) vs plain TinyDB (raw documents):")
    print(f"  givedesk {spread(opened)}\n  plain    {spread(plain_opened)}   ratio "
          f"{statistics.median(opened) / statistics.median(plain_opened):.2f}")
    print("add one give (locked, atomic, fsynced) vs plain TinyDB (in place, no fsync):")
    print(f"  givedesk {spread(added)}\n  plain    {spread(plain_added)}   ratio "
          f"{statistics.median(added) / statistics.median(plain_added):.2f}")


if __name__ == "__main__":
    main()
