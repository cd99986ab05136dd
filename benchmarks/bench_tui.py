"""How fast the desk opens and moves on a big desk.

Builds a desk of 2,000 contacts, 20,000 gives and 10,000 articles (matched once, as a
previous session would have), then, headless in this process:

* launch to the first painted Today screen, and to the agenda rows being on screen,
  beside Textual's own start-up of an empty app (target: first paint within 0.5 s of it);
* moving the cursor 100 rows down Today's table.

    python benchmarks/bench_tui.py
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import bench_matching as corpus
from textual import events
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import DataTable

from givedesk.config import Config
from givedesk.matching.service import todays_matches
from givedesk.models import Give, new_id
from givedesk.paths import Paths
from givedesk.store import Store
from givedesk.tui.app import GiveDeskApp

NOW = corpus.NOW
REPEATS = 3


def build_desk(home: Path) -> None:
    """A realistic desk: the matching benchmark's Zipf-like vocabulary, so that an article
    matches a handful of people, not hundreds."""
    rng = random.Random(7)
    words = corpus.make_words(rng)
    contacts = [dataclasses.replace(c, id=new_id(), key=rng.random() < 0.02)
                for _ in range(2) for c in corpus.make_contacts(rng, words)]
    gives = [Give(contact_id=rng.choice(contacts).id, kind="article", note=f"give {n}",
                  given_on=NOW - timedelta(days=rng.randrange(365))) for n in range(20_000)]
    articles = [dataclasses.replace(a, link=f"https://news.example.com/{a.id}")
                for a in corpus.make_desk(rng, 10_000, words, contacts, "a")]
    store = Store(Paths.for_home(home), today=NOW.date)
    with store.desk.transaction():
        store.contacts.insert_many(contacts)
        store.gives.insert_many(gives)
    store.articles.insert_many(articles)
    todays_matches(store, Config(), now=NOW)


class EmptyApp(App[None]):
    """Textual's own start-up cost: nothing to read, nothing to lay out."""


class PlainTable(App[None]):
    """The cost of a key press through Textual's pilot, on a table as long as Today's."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("what", "article")
        for number in range(self.rows):
            table.add_row(f"row {number}", "title\nwhy", height=2)
        table.focus()


async def first_frame(make: Callable[[], App[None]]) -> float:
    """Seconds from building an app (for givedesk: opening the store) to its first
    displayed frame (Textual's Ready event)."""
    started = time.perf_counter()
    app = make()
    ready: list[float] = []

    def hook(message: Message) -> None:
        if isinstance(message, events.Ready) and not ready:
            ready.append(time.perf_counter() - started)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    return ready[0]


async def key_presses(make: Callable[[], App[None]]) -> tuple[float, float, float, int]:
    """(first rows shown, everything shown, 100 cursor moves, rows) for a new app."""
    started = time.perf_counter()
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        while not table.row_count:
            await pilot.pause(0.02)
        first_rows = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = time.perf_counter() - started
        rows = table.row_count
        started = time.perf_counter()
        for _ in range(100):
            await pilot.press("down")
        await pilot.pause()
        return first_rows, shown, time.perf_counter() - started, rows


def desk_app(home: Path) -> GiveDeskApp:
    return GiveDeskApp(Store(Paths.for_home(home)), Config(), clock=lambda: NOW,
                       refresh_on_start=False)


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        build_started = time.perf_counter()
        build_desk(home)
        print(f"desk built in {time.perf_counter() - build_started:.1f} s: 2,000 contacts, "
              "20,000 gives, 10,000 articles")
        empty = statistics.median([await first_frame(EmptyApp) for _ in range(REPEATS)])
        paint = statistics.median([await first_frame(lambda: desk_app(home))
                                   for _ in range(REPEATS)])
        runs = [await key_presses(lambda: desk_app(home)) for _ in range(REPEATS)]
        rows = runs[0][3]
        plain = [(await key_presses(lambda: PlainTable(rows)))[2] for _ in range(REPEATS)]
    first_rows = statistics.median(run[0] for run in runs)
    agenda = statistics.median(run[1] for run in runs)
    moves = statistics.median(run[2] for run in runs)
    baseline_moves = statistics.median(plain)
    print(f"empty Textual app, first frame : {empty:6.3f} s")
    print(f"givedesk Today, first frame    : {paint:6.3f} s  (+{paint - empty:.3f} s; "
          "target within 0.5 s)")
    print(f"givedesk Today, first rows     : {first_rows:6.3f} s  (articles, leads, follow-ups)")
    print(f"givedesk Today, agenda complete: {agenda:6.3f} s  ({rows} rows, with introductions)")
    print(f"100 cursor moves on Today      : {moves:6.3f} s  (plain {rows}-row DataTable "
          f"{baseline_moves:.3f} s, ratio {moves / baseline_moves:.2f})")


if __name__ == "__main__":
    asyncio.run(main())
