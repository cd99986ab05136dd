"""A real HTTP server on 127.0.0.1 for fetch tests, and feed documents to serve.

Each test registers the responses it needs (`server.route(...)`) or a handler of its
own; the server records every request, and the most requests it served at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

import pytest

from givedesk.config import Config, FetchConfig
from givedesk.feeds.fetch import FetchSummary, fetch_all
from givedesk.feeds.registry import add_feed
from givedesk.models import Feed
from givedesk.store import Store

Handler = Callable[[BaseHTTPRequestHandler], None]
Fetch = Callable[..., FetchSummary]
AddFeed = Callable[..., Feed]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class FeedServer:
    host: str
    port: int
    routes: dict[str, Handler] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    busy: int = 0
    most_busy: int = 0
    """The most requests the server was working on at once (see `route(delay=...)`)."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(
        self,
        path: str,
        body: bytes = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> str:
        """Serve a fixed response at `path`; returns its URL."""

        def respond(request: BaseHTTPRequestHandler) -> None:
            with self.lock:
                self.busy += 1
                self.most_busy = max(self.most_busy, self.busy)
            time.sleep(delay)
            with self.lock:  # before answering: the client may ask again as soon as it has read
                self.busy -= 1
            send(request, status, body, headers or {"Content-Type": "application/rss+xml"})

        self.routes[path] = respond
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]


def send(request: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
    request.send_response(status)
    for name, value in headers.items():
        request.send_header(name, value)
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


def _handler_class(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class RequestHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            with server.lock:
                server.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
            try:
                handler = server.routes.get(self.path)
                if handler is None:
                    send(self, 404, b"not here", {"Content-Type": "text/plain"})
                else:
                    handler(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should for a slow or endless response

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: pytest shows stderr of failing tests only, but it would be noise."""

    return RequestHandler


@pytest.fixture
def server() -> Iterator[FeedServer]:
    state = FeedServer("127.0.0.1", 0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(state))
    httpd.daemon_threads = True
    httpd.block_on_close = False  # a handler still sleeping must not hold up teardown
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def rss(*items: dict[str, str], title: str = "Test feed", encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 document; item values are escaped, so HTML in them arrives as HTML text."""
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>https://example.com/</link>",
    ]
    for item in items:
        parts.append("<item>")
        parts.extend(f"<{key}>{escape(value)}</{key}>" for key, value in item.items())
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode(encoding)


def item(number: int, *, days_ago: float = 1.0, **extra: str) -> dict[str, str]:
    """A typical item published `days_ago` before now."""
    published = datetime.now(UTC) - timedelta(days=days_ago)
    return {
        "title": f"Story {number}",
        "link": f"https://news.example.com/story-{number}",
        "guid": f"story-{number}",
        "pubDate": format_datetime(published, usegmt=True),
        "description": f"About story {number}.",
        **extra,
    }


def numbered(count: int, start: datetime) -> bytes:
    """An oldest-first feed: item n published n hours after `start`."""
    return rss(*(
        {"title": f"Item {n}", "guid": f"i-{n}", "link": f"https://big.example/{n}",
         "pubDate": format_datetime(start + timedelta(hours=n), usegmt=True)}
        for n in range(count)
    ))


def fast_config(**fetch: Any) -> Config:
    """Short timeouts so a test of a slow server is fast."""
    return Config(fetch=FetchConfig(**{"timeout_seconds": 2.0, "deadline_seconds": 5.0, **fetch}))


@pytest.fixture
def fetch(store: Store) -> Fetch:
    """fetch_all on the test desk, forced and with short timeouts unless told otherwise."""

    def run(config: Config | None = None, *, force: bool = True, **kwargs: Any) -> FetchSummary:
        return fetch_all(store, config or fast_config(), force=force, **kwargs)

    return run


@pytest.fixture
def feed_at(store: Store) -> AddFeed:
    def add(url: str, **options: Any) -> Feed:
        return add_feed(store, url, **options)

    return add
