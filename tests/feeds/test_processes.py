"""Parsing is bounded and its processes never outlive `givedesk fetch` (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from givedesk.feeds import fetch as fetch_module
from givedesk.store import Store
from tests.conftest import REPO_ROOT
from tests.feeds.conftest import AddFeed, FeedServer, Fetch, item, numbered, rss

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _session_members(session: int) -> list[int]:
    """Live (not zombie) processes of `session`."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == session and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _start_fetch(home: Path) -> subprocess.Popen[bytes]:
    """`givedesk fetch` in a session of its own, so every process it starts can be found."""
    return subprocess.Popen(
        [sys.executable, "-m", "givedesk", "fetch", "--force", "--home", str(home)],
        cwd=REPO_ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_a_feed_too_slow_to_parse_is_abandoned_and_the_others_are_kept(
    server: FeedServer, fetch: Fetch, feed_at: AddFeed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch_module, "PARSE_SECONDS", 0.5)
    feed_at(server.route("/huge", numbered(20_000, datetime(2026, 1, 1, tzinfo=UTC))))
    feed_at(server.route("/small", rss(item(1), item(2))))

    started = time.monotonic()
    huge, small = fetch().results

    assert huge.error == "parsing took longer than 0.5 s; abandoned"
    assert (small.status, small.new) == ("ok", 2)
    assert time.monotonic() - started < 6.0  # the huge one alone takes 4 s (idle machine)


def test_sigkill_of_fetch_leaves_no_parser_process(
    server: FeedServer, home: Path, feed_at: AddFeed
) -> None:
    feed_at(server.route("/huge", numbered(40_000, datetime(2026, 1, 1, tzinfo=UTC))))
    feed_at(server.route("/slow", rss(item(1)), delay=30))
    process = _start_fetch(home)
    try:
        assert _wait_for(lambda: len(_session_members(process.pid)) >= 2, 15), "no parser started"
        assert _wait_for(lambda: bool(server.hits("/huge")), 5)
        time.sleep(0.5)  # the worker is parsing now (40,000 items: about 8 s)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert _wait_for(lambda: not _session_members(process.pid), 2.0), (
            f"left running: {_session_members(process.pid)}"
        )
    finally:
        for pid in _session_members(process.pid):
            os.kill(pid, signal.SIGKILL)


def test_ctrl_c_stores_the_feeds_that_had_completed(
    server: FeedServer, home: Path, store: Store, feed_at: AddFeed
) -> None:
    done = feed_at(server.route("/fast", rss(item(1), item(2))))
    waiting = feed_at(server.route("/slow", rss(item(3)), delay=30))
    process = _start_fetch(home)
    try:
        assert _wait_for(lambda: bool(server.hits("/slow") and server.hits("/fast")), 15)
        time.sleep(2.0)  # the fast feed is parsed meanwhile
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err.decode().strip().endswith("interrupted; the 1 feed(s) fetched so far are stored")
    assert sorted(article.title for article in store.articles.all()) == ["Story 1", "Story 2"]
    fast, slow = store.feeds.get(done.id), store.feeds.get(waiting.id)
    assert fast is not None and fast.last_status == "ok"
    assert slow is not None and slow.last_status is None
    assert not _session_members(process.pid)


def _children() -> list[int]:
    """Live child processes of this test process."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text() if entry.name.isdigit() else ""
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split() if stat else []
        if fields and int(fields[1]) == me and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def test_no_parser_outlives_a_fetch_even_one_with_nothing_to_parse(
    server: FeedServer, fetch: Fetch, feed_at: AddFeed
) -> None:
    for number in range(fetch_module.PRESTART_MIN_FEEDS):
        feed_at(server.route(f"/feed-{number}", b"", status=304))  # a parser is started anyway

    summary = fetch()

    assert summary.count("not-modified") == fetch_module.PRESTART_MIN_FEEDS
    assert _wait_for(lambda: not _children(), 2.0), f"left running: {_children()}"
