"""The store's promises, proved with real processes: crashes and concurrent writers."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from givedesk.paths import Paths
from givedesk.store import Store
from tests.conftest import PYTHON, subprocess_env

WORKER = str(Path(__file__).with_name("store_worker.py"))


def start_worker(home: Path, count: int, label: str, *extra: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [PYTHON, WORKER, str(home), str(count), label, *extra],
        stdout=subprocess.PIPE, text=True, env=subprocess_env(),
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.mark.slow
def test_writer_killed_at_random_moments_never_leaves_an_unreadable_file(home: Path) -> None:
    """50 trials: SIGKILL a busy writer mid-stream; the file must always parse and open."""
    rng = random.Random(20261122)
    seen_counts = []
    for _trial in range(50):
        writer = start_worker(home, 0, "crash", "--forever")
        time.sleep(rng.uniform(0.0, 0.08))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        payload = (home / "desk.json").read_bytes()
        json.loads(payload)  # never half-written
        seen_counts.append(Store(Paths.for_home(home)).contacts.count())
    assert seen_counts == sorted(seen_counts), "a crash lost previously committed contacts"
    assert seen_counts[-1] > 0
    assert not list(home.glob(".desk.json.*.tmp")), "stale temporary files were not cleaned up"


@pytest.mark.slow
def test_two_processes_adding_200_contacts_each_end_with_400(home: Path) -> None:
    Store(Paths.for_home(home))
    first = start_worker(home, 200, "alpha")
    second = start_worker(home, 200, "beta")
    assert first.wait(timeout=120) == 0
    assert second.wait(timeout=120) == 0
    contacts = Store(Paths.for_home(home)).contacts.all()
    assert len(contacts) == 400
    assert {c.company for c in contacts} == {"alpha", "beta"}
    assert len({c.id for c in contacts}) == 400
