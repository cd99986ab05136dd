"""Fetch speed and politeness: 200 feeds, 200 ms latency each, on 20 loopback hosts.

The servers run in a child process on 127.0.0.2 to 127.0.0.21 (every 127.x address is
this machine on Linux), ten feeds each, answering after 200 ms and honouring
If-None-Match. Runs, alternately and on fresh desks, a full fetch with default
settings and the baseline (the same feeds one after another: concurrency 1), RUNS
times each; prints min/median/max of both, the ratio of the medians (target: at
least 10x), how many bodies a second fetch transfers (target: 0, all 304), and the
peak memory of the fetching process and of its parser processes.

    python benchmarks/bench_fetch.py
"""

from __future__ import annotations

import multiprocessing
import resource
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

from givedesk.config import Config, FetchConfig
from givedesk.feeds.fetch import FetchSummary, fetch_all
from givedesk.models import Feed
from givedesk.paths import Paths
from givedesk.store import Store

HOSTS = [f"127.0.0.{n}" for n in range(2, 22)]
FEEDS_PER_HOST = 10
LATENCY_SECONDS = 0.2
ITEMS_PER_FEED = 20
RUNS = 3
"""Of each kind, alternating; the machine may be busy, so min/median/max are shown."""


BODIES: dict[tuple[str, str], bytes] = {}
"""Made once in the server process: a real server's CPU is not on this machine."""


def feed_body(host: str, path: str) -> bytes:
    """A realistic feed of twenty items, distinct per host and path."""
    now = datetime.now(UTC)
    items = "".join(
        f"<item><title>Story {n} from {host}{path}</title>"
        f"<link>https://{host}.example.com{path}/story-{n}?utm_source=rss</link>"
        f"<guid>{host}{path}/{n}</guid>"
        f"<pubDate>{format_datetime(now - timedelta(hours=n), usegmt=True)}</pubDate>"
        f"<description>&lt;p&gt;Paragraph about story {n}, with a few more words "
        f"to make it the size of a real summary.&lt;/p&gt;</description></item>"
        for n in range(ITEMS_PER_FEED)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {host}{path}</title>{items}</channel></rss>"
    ).encode()


class SlowFeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    """Keep-alive, as real feed servers do."""
    disable_nagle_algorithm = True
    """http.server writes headers and body separately; with Nagle's algorithm and the
    client's delayed ACK every response would wait 40 ms more, which no real server does."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        time.sleep(LATENCY_SECONDS)
        etag = f'"{self.server.server_address[0]}{self.path}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = BODIES.get((self.server.server_address[0], self.path), b"")
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


def serve(ready: Connection) -> None:
    """Child process: one threaded server per host; sends back the ports."""
    BODIES.update(
        ((host, f"/feed-{n}"), feed_body(host, f"/feed-{n}"))
        for host in HOSTS
        for n in range(FEEDS_PER_HOST)
    )
    servers = [ThreadingHTTPServer((host, 0), SlowFeedHandler) for host in HOSTS]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.send([server.server_address[1] for server in servers])
    ready.recv()  # until the parent is done


def make_desk(home: Path, ports: list[int]) -> Store:
    store = Store(Paths.for_home(home))
    store.feeds.insert_many(
        Feed(url=f"http://{host}:{port}/feed-{n}")
        for host, port in zip(HOSTS, ports, strict=True)
        for n in range(FEEDS_PER_HOST)
    )
    return store


def timed_fetch(store: Store, config: Config) -> tuple[FetchSummary, float]:
    start = time.perf_counter()
    summary = fetch_all(store, config, force=True)
    return summary, time.perf_counter() - start


def peak_memory_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS of this process, or of the largest finished child (the parser process)."""
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def _spread(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    return (f"min {ordered[0]:6.2f} s  median {ordered[len(ordered) // 2]:6.2f} s  "
            f"max {ordered[-1]:6.2f} s")


def main() -> None:
    parent, child = multiprocessing.Pipe()
    server_process = multiprocessing.get_context("spawn").Process(target=serve, args=(child,))
    server_process.start()
    ports = parent.recv()
    feeds = len(HOSTS) * FEEDS_PER_HOST
    one_by_one = Config(fetch=FetchConfig(concurrency=1, per_host=1))
    measured: list[float] = []
    baseline: list[float] = []
    bodies = 0
    try:
        with tempfile.TemporaryDirectory() as folder:
            memory_before = peak_memory_mb()
            for run in range(RUNS):
                store = make_desk(Path(folder) / f"concurrent-{run}", ports)
                first, seconds = timed_fetch(store, Config())
                second, second_seconds = timed_fetch(store, Config())
                measured.append(seconds)
                bodies = max(bodies, sum(1 for r in second.results if r.body_bytes))
                sequential, sequential_seconds = timed_fetch(
                    make_desk(Path(folder) / f"sequential-{run}", ports), one_by_one
                )
                baseline.append(sequential_seconds)
                assert first.count("ok") == sequential.count("ok") == feeds, "some fetches failed"
                print(f"run {run + 1}: default {seconds:6.2f} s, one after another "
                      f"{sequential_seconds:6.2f} s ({sequential_seconds / seconds:4.1f}x); "
                      f"second fetch {second_seconds:.2f} s", flush=True)
            memory_peak = peak_memory_mb()
            parser_peak = peak_memory_mb(resource.RUSAGE_CHILDREN)
    finally:
        parent.send("stop")
        server_process.join()

    median = sorted(measured)[RUNS // 2]
    median_baseline = sorted(baseline)[RUNS // 2]
    print(f"{feeds} feeds on {len(HOSTS)} hosts, {LATENCY_SECONDS * 1000:.0f} ms latency each; "
          f"{RUNS} runs of each, alternating")
    print(f"full fetch, default settings:  {_spread(measured)}  ({first.new} articles)")
    print(f"one after another (baseline):  {_spread(baseline)}")
    print(f"speed-up (median / median):    {median_baseline / median:6.1f}x "
          f"(worst run {max(baseline) / max(measured):.1f}x, best {min(baseline) / min(measured):.1f}x;"
          " target: at least 10x)")
    print(f"second fetch:                  {bodies} bodies transferred at most "
          "(target: 0, all not modified)")
    print(f"peak memory (RSS):             {memory_peak:6.1f} MB "
          f"({memory_before:.1f} MB before fetching), largest parser process {parser_peak:.1f} MB")


if __name__ == "__main__":
    main()
