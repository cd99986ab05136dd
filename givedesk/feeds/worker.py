"""Parsing in child processes that can be abandoned, and that die with their parent.

feedparser has no time or memory limit of its own: three 9.9 MB feeds took 96 s and
269 MB. Each parse therefore runs in a worker process, under a memory limit, and is
abandoned (the worker killed, a fresh one started for the next feed) when it takes
longer than its time limit. Workers are plain `python -m givedesk.feeds.worker`
processes talking over their stdin and stdout, not a `multiprocessing` pool: such a
pool's worker and resource tracker outlive a SIGKILLed parent (PITFALLS.md). A worker
here exits when its parent dies: the kernel kills it (Linux parent-death signal), its
stdin reaches end of file, or a watchdog sees it was re-parented.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import pickle
import signal
import struct
import sys
import threading
import time
from collections.abc import Mapping
from typing import BinaryIO

from givedesk.feeds.parse import NotAFeedError, ParsedFeed, parse_feed
from givedesk.text import clean_text

__all__ = ["ParseFailedError", "ParserPool"]

_LENGTH = struct.Struct("!Q")
_PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.5
START_SECONDS = 60.0
"""A worker's start (imports) on a machine busy enough to take this long is broken."""
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
"""Address space of one worker: a 10 MB feed needs far less; a pathological one stops here."""


class ParseFailedError(Exception):
    """The feed could not be parsed: too slow, too big, or not a feed (the message says)."""


class _Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    async def read(self) -> bytes:
        stdout = self.process.stdout
        assert stdout is not None
        (size,) = _LENGTH.unpack(await stdout.readexactly(_LENGTH.size))
        return await stdout.readexactly(size)

    async def ask(self, request: bytes) -> bytes:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(_LENGTH.pack(len(request)) + request)
        await stdin.drain()
        return await self.read()

    async def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        await self.process.wait()

    async def close(self) -> None:
        """End of input tells the worker to exit; one that does not is killed."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), timeout=2.0)
        except TimeoutError:
            await self.kill()


class ParserPool:
    """At most `size` workers, started as needed, each parse limited to `seconds`."""

    def __init__(self, size: int, seconds: float) -> None:
        self.seconds = seconds
        self._slots = asyncio.Semaphore(size)
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._warming: asyncio.Task[_Worker] | None = None

    def prestart(self) -> None:
        """Start one worker now, while the first downloads are under way, so the first
        parse does not wait for a Python to start."""
        if self._warming is None and not self._idle:
            self._warming = asyncio.create_task(self._start())

    async def _start(self) -> _Worker:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "givedesk.feeds.worker", str(os.getpid()),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        worker = _Worker(process)
        try:  # ready once its imports are done: they are not the feed's parsing time
            async with asyncio.timeout(START_SECONDS):
                await worker.read()
        except (TimeoutError, asyncio.IncompleteReadError):
            await worker.kill()
            raise ParseFailedError("the parser process did not start") from None
        except BaseException:  # cancelled: never leave a process behind
            await asyncio.shield(worker.kill())
            raise
        return worker

    async def _take(self) -> _Worker:
        """An idle worker, the one warming up, or a new one (called holding a slot, so
        there are never more workers than slots)."""
        if self._idle:
            return self._idle.pop()
        if self._warming is not None:
            warming, self._warming = self._warming, None
            return await warming
        return await self._start()

    async def parse(self, body: bytes, *, feed_id: str, headers: Mapping[str, str]) -> ParsedFeed:
        """The ParsedFeed of `body`; NotAFeedError and ParseFailedError as the worker says."""
        async with self._slots:
            worker = await self._take()
            self._busy.add(worker)
            request = pickle.dumps((body, feed_id, dict(headers)), pickle.HIGHEST_PROTOCOL)
            try:
                async with asyncio.timeout(self.seconds):
                    kind, value = pickle.loads(await worker.ask(request))
            except TimeoutError:
                await worker.kill()
                raise ParseFailedError(
                    f"parsing took longer than {self.seconds:g} s; abandoned"
                ) from None
            except (asyncio.IncompleteReadError, ConnectionError):
                await worker.kill()
                raise ParseFailedError("the parser stopped on this feed (out of memory?)") from None
            except BaseException:
                await worker.kill()
                raise
            finally:
                self._busy.discard(worker)
            self._idle.append(worker)
        if kind == "ok" and isinstance(value, ParsedFeed):
            return value
        if kind == "not-a-feed":
            raise NotAFeedError(value)
        raise ParseFailedError(value)

    async def close(self) -> None:
        if self._warming is not None:  # started, never needed (every feed not modified)
            warming, self._warming = self._warming, None
            warming.cancel()
            with contextlib.suppress(asyncio.CancelledError, ParseFailedError):
                self._idle.append(await warming)
        for worker in self._busy:
            await worker.kill()
        await asyncio.gather(*(worker.close() for worker in self._idle))
        self._idle.clear()


def _die_with(parent: int) -> None:
    """Exit when `parent` does, even in the middle of a parse."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # died before the signal was armed
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="givedesk-parent-watch").start()


def _limit_memory() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = MEMORY_LIMIT_BYTES if hard == resource.RLIM_INFINITY else min(hard, MEMORY_LIMIT_BYTES)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_frame(stream: BinaryIO) -> bytes | None:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(header)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def _answer(request: bytes) -> tuple[str, object]:
    body, feed_id, headers = pickle.loads(request)
    try:
        return "ok", parse_feed(body, feed_id=feed_id, headers=headers)
    except NotAFeedError as error:
        return "not-a-feed", str(error)
    except MemoryError:
        return "error", f"needs more than {MEMORY_LIMIT_BYTES // 2**20} MB to parse; abandoned"
    except RecursionError:
        return "error", "nested too deeply to parse; abandoned"
    except Exception as error:  # hostile input in third-party parsing must not stop the rest
        return "error", clean_text(f"unexpected {type(error).__name__}: {error}", max_length=300)


def main() -> None:
    """Worker: answer framed requests on stdin until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    _die_with(int(sys.argv[1]))
    _limit_memory()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    stdout.write(_LENGTH.pack(0))
    stdout.flush()
    while (request := _read_frame(stdin)) is not None:
        answer = pickle.dumps(_answer(request), pickle.HIGHEST_PROTOCOL)
        stdout.write(_LENGTH.pack(len(answer)) + answer)
        stdout.flush()


if __name__ == "__main__":
    main()
