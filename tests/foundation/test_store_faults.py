"""How the desk fails: one line `givedesk: error: ...`, exit 2, and the file kept as it was.

Damaged files, a lock file or desk that is a folder, permissions, a read-only folder and
a full disk are all real here: permissions are tested as an unprivileged user (root
bypasses them), a full disk with RLIMIT_FSIZE (the kernel refuses the write, EFBIG).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from givedesk.config import Config
from givedesk.paths import Paths
from givedesk.store import Store
from givedesk.tui.app import GiveDeskApp
from tests.conftest import PYTHON, REPO_ROOT, subprocess_env

Edit = Callable[[dict[str, Any]], None]


def givedesk(home: Path, *args: str, user: int | None = None,
             file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a real process, optionally as another user or with a file
    size limit, as a user would meet it."""
    command = [PYTHON, "-m", "givedesk", *args, "--home", str(home)]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(command, capture_output=True, text=True, env=subprocess_env(),
                          timeout=60, preexec_fn=limit, cwd=REPO_ROOT)


def assert_one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("givedesk: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for text in expected:
        assert text in result.stderr


def desk_with_contacts(home: Path, count: int = 1) -> dict[str, Any]:
    rows = "".join(f"Person {n:05d},person{n}@example.com\n" for n in range(count))
    (home / "people.csv").write_text("name,email\n" + rows)
    assert givedesk(home, "contacts", "import", str(home / "people.csv")).returncode == 0
    data: dict[str, Any] = json.loads((home / "desk.json").read_text())
    return data


def first_contact(data: dict[str, Any]) -> dict[str, Any]:
    return next(iter(data["contacts"].values()))  # type: ignore[no-any-return]


@pytest.mark.parametrize(("edit", "message"), [
    pytest.param(lambda d: first_contact(d).update(name=5),
                 "contacts record 1: Expected `str`, got `int`", id="name-is-a-number"),
    pytest.param(lambda d: first_contact(d).update(created="last tuesday"),
                 "contacts record 1: ", id="created-is-not-a-time"),
    pytest.param(lambda d: d.update(contacts=["Ada"]),
                 "table 'contacts' is not a JSON object", id="table-is-a-list"),
    pytest.param(lambda d: d.update(meta=5), "table 'meta' is not a JSON object", id="meta-is-a-number"),
    pytest.param(lambda d: d["contacts"].update({"7": "Ada"}),
                 "contacts record 7 is not a JSON object", id="record-is-a-string"),
    pytest.param(lambda d: d.update(gives={"1": {"contact_id": 5, "kind": "help"}}),
                 "gives record 1", id="give-names-a-number"),
])
def test_a_desk_with_a_record_of_the_wrong_shape_is_refused_in_one_line(
    home: Path, edit: Edit, message: str
) -> None:
    data = desk_with_contacts(home)
    edit(data)
    damaged = json.dumps(data)
    (home / "desk.json").write_text(damaged)
    commands = [("gives",)] if "gives" in message else [("contacts", "list"),
                                                         ("contacts", "add", "Grace")]
    for command in commands:
        assert_one_line_error(givedesk(home, *command), "desk.json: ", message)
    assert (home / "desk.json").read_text() == damaged


def test_a_deeply_nested_desk_is_refused_in_one_line(home: Path) -> None:
    nested = '{"contacts": ' + "[" * 200_000 + "]" * 200_000 + "}"
    (home / "desk.json").write_text(nested)
    assert_one_line_error(givedesk(home, "contacts", "list"), "nested too deeply")
    assert (home / "desk.json").read_text() == nested


def test_an_empty_desk_file_is_a_damaged_desk_and_the_newest_backup_is_named(home: Path) -> None:
    desk_with_contacts(home)
    backups = home / "backups"
    backups.mkdir()
    shutil.copy(home / "desk.json", backups / "desk-2026-11-01.json")
    shutil.copy(home / "desk.json", backups / "desk-2026-11-02.json")
    (home / "desk.json").write_bytes(b"")
    result = givedesk(home, "contacts", "list")
    newest = backups / "desk-2026-11-02.json"
    assert_one_line_error(result, "desk.json: the file is empty",
                          f"restore it with: cp {newest} {home / 'desk.json'}")
    assert (home / "desk.json").read_bytes() == b""
    # The command it names really brings the desk back.
    shutil.copy(newest, home / "desk.json")
    assert "Person 00000" in givedesk(home, "contacts", "list").stdout


def test_an_empty_desk_file_without_backups_says_so(home: Path) -> None:
    (home / "desk.json").write_bytes(b"")
    assert_one_line_error(givedesk(home, "contacts", "add", "Ada"), "no backup in")
    assert (home / "desk.json").read_bytes() == b""


def test_a_damaged_news_cache_is_moved_aside_and_rebuilt(home: Path, tmp_path: Path) -> None:
    desk_with_contacts(home)
    (home / "news.json").write_text("<html>garbage</html>")
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss><channel><title>T</title><item><title>An item</title>"
                    "<link>https://example.com/a</link></item></channel></rss>")
    added = givedesk(home, "feeds", "add", str(feed), "--local")
    assert added.returncode == 0, added.stderr
    assert "news.json: not a readable givedesk file" in added.stderr
    assert "moved to news.json.damaged" in added.stderr
    assert (home / "news.json.damaged").read_text() == "<html>garbage</html>"
    fetched = givedesk(home, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert "An item" in (home / "news.json").read_text()


@pytest.mark.parametrize("folder", ["desk.json", "desk.json.lock"])
def test_a_desk_or_lock_file_that_is_a_folder_is_one_line_at_once(home: Path, folder: str) -> None:
    (home / folder).mkdir()
    started = time.monotonic()
    assert_one_line_error(givedesk(home, "contacts", "list"), f"{home / folder}: ")
    assert time.monotonic() - started < 20  # not a wait for a lock nobody holds (30 s)
    assert (home / folder).is_dir()


NOBODY = 65534


@pytest.fixture
def shared_home() -> Iterator[Path]:
    """A desk folder an unprivileged user can reach (pytest's tmp folders are root-only)."""
    if os.geteuid() != 0:
        pytest.skip("permissions are tested by running as another user, which needs root")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run givedesk as an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="givedesk-perm-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        folder.chmod(0o700)
        shutil.rmtree(folder)


def as_nobody(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return givedesk(home, *args, user=NOBODY)


@pytest.mark.parametrize("name", ["desk.json", "desk.json.lock"])
def test_a_desk_or_lock_file_without_permission_is_one_line(shared_home: Path, name: str) -> None:
    assert as_nobody(shared_home, "contacts", "add", "Ada").returncode == 0
    before = (shared_home / "desk.json").read_bytes()
    (shared_home / name).chmod(0)
    for command in (("contacts", "list"), ("contacts", "add", "Grace")):
        assert_one_line_error(as_nobody(shared_home, *command), f"{shared_home / name}: ",
                              "Permission denied")
    assert (shared_home / "desk.json").read_bytes() == before


def test_a_read_only_data_folder_refuses_writes_in_one_line_and_still_reads(
    shared_home: Path, tmp_path: Path
) -> None:
    assert as_nobody(shared_home, "contacts", "add", "Ada").returncode == 0
    assert as_nobody(shared_home, "feeds", "list").returncode == 0  # creates news.json.lock
    assert as_nobody(shared_home, "export", str(shared_home / "saved.json")).returncode == 0
    shutil.rmtree(shared_home / "backups", ignore_errors=True)
    before = (shared_home / "desk.json").read_bytes()
    shared_home.chmod(0o555)
    try:
        listed = as_nobody(shared_home, "contacts", "list")
        assert listed.returncode == 0 and "Ada" in listed.stdout
        assert "givedesk: warning: " in listed.stderr and "backup" in listed.stderr
        for command in (("contacts", "add", "Grace"), ("asks", "add", "Ada", "A favour"),
                        ("feeds", "add", "https://example.com/rss")):
            result = as_nobody(shared_home, *command)
            assert result.returncode == 2, result.stderr
            assert result.stderr.splitlines()[-1].startswith("givedesk: error: ")
            assert "cannot write: Permission denied; nothing was changed" in result.stderr
            assert "Traceback" not in result.stderr
        # The copy of the desk a replacing restore saves first cannot be written either.
        restored = as_nobody(shared_home, "restore", str(shared_home / "saved.json"), "--replace")
        assert restored.returncode == 2, restored.stderr
        assert restored.stderr.splitlines()[-1] == (
            f"givedesk: error: {shared_home / 'backups'}: Permission denied")
    finally:
        shared_home.chmod(0o777)
    assert (shared_home / "desk.json").read_bytes() == before


def test_a_full_disk_refuses_writes_in_one_line_and_reads_still_work(home: Path) -> None:
    desk_with_contacts(home, 300)
    shutil.rmtree(home / "backups", ignore_errors=True)  # the first command of a new day
    before = (home / "desk.json").read_bytes()
    limit = len(before) // 2  # the kernel refuses to grow any file past this
    listed = givedesk(home, "contacts", "list", file_size_limit=limit)
    assert listed.returncode == 0, listed.stderr
    assert "Person 00299" in listed.stdout
    assert listed.stderr.startswith("givedesk: warning: ")
    assert "today's backup of the desk was not written" in listed.stderr
    added = givedesk(home, "contacts", "add", "Grace", file_size_limit=limit)
    assert added.returncode == 2
    assert added.stderr.splitlines()[-1].startswith("givedesk: error: ")
    assert "desk.json: cannot write:" in added.stderr and "nothing was changed" in added.stderr
    exported = givedesk(home, "export", str(home / "out.json"), file_size_limit=limit)
    assert exported.returncode == 2
    assert exported.stderr.splitlines()[-1].startswith(f"givedesk: error: {home / 'out.json'}")
    assert (home / "desk.json").read_bytes() == before
    assert not [p for p in home.iterdir() if p.name.endswith(".tmp")]



async def test_the_app_tells_what_the_store_set_aside(home: Path) -> None:
    (home / "news.json").write_text("not json")
    app = GiveDeskApp(Store(Paths.for_home(home)), Config(), refresh_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("moved to news.json.damaged" in message for message in shown), shown


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system (tmpfs), where writes end in ENOSPC as on a full disk."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the RLIMIT_FSIZE test covers this")
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_really_full_disk_refuses_writes_and_still_reads(small_disk: Path) -> None:
    desk_with_contacts(small_disk, 600)
    (small_disk / "people.csv").unlink()
    shutil.rmtree(small_disk / "backups", ignore_errors=True)
    before = (small_disk / "desk.json").read_bytes()
    with contextlib.suppress(OSError), (small_disk / "filler").open("wb") as filler:
        while True:  # take every free block
            filler.write(b"\0" * 4096)
            filler.flush()
    listed = givedesk(small_disk, "contacts", "list")
    assert listed.returncode == 0 and "Person 00599" in listed.stdout
    assert "today's backup of the desk was not written: the disk is full" in listed.stderr
    added = givedesk(small_disk, "contacts", "add", "Grace")
    assert added.returncode == 2
    assert added.stderr.splitlines()[-1] == (
        f"givedesk: error: {small_disk / 'desk.json'}: cannot write: the disk is full; "
        "nothing was changed")
    exported = givedesk(small_disk, "export", str(small_disk / "out.json"))
    assert exported.returncode == 2
    assert exported.stderr.splitlines()[-1] == (
        f"givedesk: error: {small_disk / 'out.json'}: cannot write: the disk is full")
    assert (small_disk / "desk.json").read_bytes() == before
    assert not [p for p in small_disk.iterdir() if p.name.endswith(".tmp")]
