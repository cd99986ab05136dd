"""How fast the desk opens and moves, headless in this process, beside an empty app.

For each desk (the bundled demo, and generated desks from desk_gen.py whose match
cache a previous session has filled), alternating with Textual's own start-up of an
empty app, REPEATS times, min / median / max:

* Today's first rows (matches, leads, follow-ups) after launch, and the agenda
  complete (introductions included), as the difference to the empty app's first frame
  (targets: demo 0.3 s; 3k x 10k 1 s for the rows, 3 s complete);
* once every screen is built ahead, switching to every other screen and back, twice
  (first visits, later visits), each from the key to the frame after the screen's
  rows are loaded, beside a key and a frame on the empty app (target < 100 ms more);
* in a launch of its own, the arrow key pressed every 20 ms from Today's first rows
  until every screen is built ahead: the longest any of them waited to move the
  cursor (the building must not hold the screen in front);
* peak memory of a child process that opens the desk and waits for the whole agenda
  (target < 500 MB at 10k x 5k).

    python benchmarks/bench_tui.py [SIZE ...]        (default: demo 3kx10k)
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import desk_gen  # noqa: E402
from textual import events  # noqa: E402
from textual.app import App  # noqa: E402
from textual.message import Message  # noqa: E402
from textual.widgets import DataTable  # noqa: E402

from givedesk.config import Config  # noqa: E402
from givedesk.demo import populate_demo  # noqa: E402
from givedesk.matching.service import todays_matches  # noqa: E402
from givedesk.paths import Paths  # noqa: E402
from givedesk.store import Store  # noqa: E402
from givedesk.tui.app import GiveDeskApp  # noqa: E402
from givedesk.tui.screens.base import DeskScreen  # noqa: E402
from givedesk.tui.screens.today import TodayScreen  # noqa: E402
from givedesk.tui.widgets.chrome import SCREENS  # noqa: E402

REPEATS = 3
SIZE = (120, 40)


class EmptyApp(App[None]):
    """Textual's own start-up cost: nothing to read, nothing to lay out."""


def spread(times: list[float]) -> str:
    return f"min {min(times):6.3f}  median {statistics.median(times):6.3f}  max {max(times):6.3f} s"


async def empty_app() -> tuple[float, float]:
    """(first frame, one key and the frame after it) of the empty app."""
    started = time.perf_counter()
    ready: list[float] = []

    def hook(message: Message) -> None:
        if isinstance(message, events.Ready) and not ready:
            ready.append(time.perf_counter() - started)

    app = EmptyApp()
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("2")
        await pilot.pause()
        key = time.perf_counter() - started
    return ready[0], key


async def shown(app: GiveDeskApp, mode: str) -> None:
    """Until the screen of `mode` is in front with what it shows loaded (no worker of
    its own running, no keys held for it)."""
    while True:
        screen = app.screen
        if isinstance(screen, DeskScreen) and mode == screen.MODE and screen.held_keys is None \
                and not any(w.node is screen and w.is_running for w in app.workers):
            return
        await asyncio.sleep(0.002)


@dataclass
class DeskRun:
    """One launch of givedesk, in seconds from the app's construction (switches: each)."""

    first_rows: float
    complete: float
    ready: float
    """Every screen built ahead and loaded."""
    first_visits: list[float]
    revisits: list[float]


async def desk_app(home: Path, now: datetime) -> DeskRun:
    """Launch givedesk on `home`, then visit every screen twice, each switch timed
    from the key to the frame after the screen's rows are loaded."""
    started = time.perf_counter()
    app = GiveDeskApp(Store(Paths.for_home(home)), Config(), clock=lambda: now,
                      refresh_on_start=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        table = screen.query_one(DataTable)
        while not table.row_count:
            await asyncio.sleep(0.002)
        first_rows = time.perf_counter() - started
        while screen.loading_intros:
            await asyncio.sleep(0.002)
        complete = time.perf_counter() - started
        await app.workers.wait_for_complete()
        ready = time.perf_counter() - started
        switches: list[list[float]] = [[], []]
        for visit in switches:
            for mode, key, _ in [*SCREENS[1:], SCREENS[0]]:
                begun = time.perf_counter()
                await pilot.press(key)
                await shown(app, mode)
                await pilot.pause()
                visit.append(time.perf_counter() - begun)
    return DeskRun(first_rows, complete, ready, *switches)


async def keys_while_building(home: Path, now: datetime) -> float:
    """The longest wait of an arrow key on Today, from its first rows until every
    screen is built ahead."""
    app = GiveDeskApp(Store(Paths.for_home(home)), Config(), clock=lambda: now,
                      refresh_on_start=False)
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        table = screen.query_one(DataTable)
        while not table.row_count:
            await asyncio.sleep(0.001)
        worst = 0.0
        while screen.loading_intros or not app.built_ahead \
                or any(worker.is_running for worker in app.workers):
            row = table.cursor_row
            pressed = time.perf_counter()
            app.post_message(events.Key("down" if row < table.row_count - 2 else "up", None))
            while table.cursor_row == row:
                await asyncio.sleep(0.001)
            worst = max(worst, time.perf_counter() - pressed)
            await asyncio.sleep(0.02)
    return worst


def build(size: str, home: Path) -> datetime:
    """The desk of `size` in `home`, its match cache filled; returns its 'now'."""
    if size == "demo":
        now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
        populate_demo(home, now)
        return now
    store = desk_gen.build(home, *desk_gen.size_of(size))
    todays_matches(store, Config(), now=desk_gen.NOW)
    return desk_gen.NOW


def child_peak_memory(home: Path, now: datetime) -> float:
    """MB of a fresh process that opens the desk, waits for the whole agenda and visits
    every screen. Its VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a
    child started by this (large) process would report at least this process's peak."""
    script = (
        "import asyncio, re, sys; from datetime import datetime; "
        "sys.path[:0] = [sys.argv[3], sys.argv[3] + '/benchmarks']; import bench_tui; "
        "from pathlib import Path; "
        "asyncio.run(bench_tui.desk_app(Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2]))); "
        "status = Path('/proc/self/status').read_text(); "
        "print(int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)) / 1024)"
    )
    root = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run([sys.executable, "-c", script, str(home), now.isoformat(), root],
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def report(size: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        started = time.perf_counter()
        now = build(size, home)
        print(f"\n{size}: desk built and matched once in {time.perf_counter() - started:.1f} s "
              f"({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")
        frames: list[float] = []
        empty_keys: list[float] = []
        rows: list[float] = []
        complete: list[float] = []
        ready: list[float] = []
        first_visits: list[float] = []
        revisits: list[float] = []
        waits: list[float] = []
        for _ in range(REPEATS):
            frame, key = asyncio.run(empty_app())
            frames.append(frame)
            empty_keys.append(key)
            run = asyncio.run(desk_app(home, now))
            rows.append(run.first_rows - frame)
            complete.append(run.complete - frame)
            ready.append(run.ready - frame)
            first_visits += [switch - key for switch in run.first_visits]
            revisits += [switch - key for switch in run.revisits]
            waits.append(asyncio.run(keys_while_building(home, now)))
        memory = child_peak_memory(home, now)
    print(f"  empty app, first frame             {spread(frames)}")
    print(f"  empty app, one key and its frame   {spread(empty_keys)}")
    print(f"  Today's first rows, after it       {spread(rows)}")
    print(f"  agenda complete (intros), after it {spread(complete)}")
    print(f"  every screen built ahead, after it {spread(ready)}")
    print(f"  first visit of a screen, beyond the empty app's key {spread(first_visits)}")
    print(f"  later visits, beyond the empty app's key            {spread(revisits)}")
    print(f"  a key while screens are built ahead, longest wait   {spread(waits)}")
    print(f"  peak memory, fresh process: {memory:.0f} MB "
          f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["demo", "3kx10k"]:
        report(name)
