"""`givedesk export FILE.json` and `givedesk restore FILE.json [--replace]`."""

from __future__ import annotations

import json
import os
import subprocess
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import givedesk.backup as backup_module
import givedesk.store as store_module
from givedesk.backup import desk_collections, export_desk, read_backup, restore_desk
from givedesk.contacts import delete_contact
from givedesk.errors import UserError
from givedesk.models import (
    Ask,
    Contact,
    Give,
    Intro,
    IntroStep,
    Lead,
    QueueItem,
    SuggestionState,
)
from givedesk.paths import Paths
from givedesk.store import DESK_SCHEMA_VERSION, Collection, Store
from tests.conftest import PYTHON, subprocess_env


def fill(store: Store) -> None:
    ada = Contact(name="Ada Lovelace", email="ada@example.com", key=True, met_on=date(2024, 1, 2))
    grace = Contact(name="Grace Hopper", interests=["compilers"])
    store.contacts.insert_many([ada, grace])
    store.gives.insert(Give(contact_id=ada.id, kind="article", note="An engine article"))
    store.asks.insert(Ask(contact_id=grace.id, text="A talk?"))
    store.queue.insert(QueueItem(contact_id=ada.id, title="Something to share"))
    store.states.insert(SuggestionState(kind="match", subject_id="a1", contact_id=ada.id,
                                        status="snoozed", until=date(2030, 1, 1)))
    store.intros.insert(Intro(a_id=ada.id, b_id=grace.id, history=[IntroStep(status="proposed")]))
    store.leads.insert(Lead(text="A grant", source=grace.name))


def everything(store: Store) -> dict[str, list[Any]]:
    return {collection.name: collection.all() for collection in desk_collections(store)}


@pytest.fixture
def other_store(tmp_path: Path) -> Store:
    return Store(Paths.for_home(tmp_path / "other"))


def test_every_desk_collection_is_backed_up(store: Store) -> None:
    names = {collection.name for collection in desk_collections(store)}
    assert {"contacts", "gives", "asks", "queue", "states", "intros", "leads"} <= names
    desk_tables = {name for name, value in vars(store).items()
                   if isinstance(value, Collection) and value.database is store.desk}
    assert len(names) == len(desk_tables)


def test_export_then_restore_gives_the_same_desk(store: Store, other_store: Store,
                                                 tmp_path: Path) -> None:
    fill(store)
    path = tmp_path / "backup.json"
    export_desk(store, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "givedesk-backup"
    assert document["schema_version"] == DESK_SCHEMA_VERSION
    assert restore_desk(other_store, read_backup(other_store, path)) is None
    assert everything(other_store) == everything(store)


def test_a_desk_with_data_is_replaced_only_when_asked(store: Store, other_store: Store,
                                                      tmp_path: Path) -> None:
    path, before = filled_backup_and_a_used_desk(store, other_store, tmp_path)
    with pytest.raises(UserError, match=r"not empty \(1 contacts, 0 gives.*--replace"):
        restore_desk(other_store, read_backup(other_store, path))
    assert other_store.paths.desk_file.read_bytes() == before

    kept = restore_desk(other_store, read_backup(other_store, path), replace=True)
    assert everything(other_store) == everything(store)
    assert kept is not None and kept.parent == other_store.paths.backup_dir
    # The desk as it was can be brought back.
    restore_desk(other_store, read_backup(other_store, kept), replace=True)
    assert [c.name for c in other_store.contacts.all()] == ["Someone Else"]
    assert other_store.gives.all() == []


def write_backup(path: Path, change: Any) -> Path:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["desk"]["gives"][0].update(kind="bribe"),
     r"gives\[0\] \(id \w+\): Invalid enum value 'bribe' - at `\$.kind`"),
    (lambda d: d["desk"]["contacts"][1].update(met_on="yesterday"),
     r"contacts\[1\] \(id \w+\): Invalid RFC3339 encoded date - at `\$.met_on`"),
    (lambda d: d["desk"]["contacts"][1].update(favourite_colour="teal"),
     r"contacts\[1\] \(id \w+\): unknown field 'favourite_colour'"),
    (lambda d: d["desk"]["contacts"].append(dict(d["desk"]["contacts"][0])),
     r"contacts\[2\] \(id \w+\): the id \w+ appears twice"),
    (lambda d: d["desk"]["leads"].append("not a record"),
     r"leads\[1\]: Expected `object`, got `str`"),
    (lambda d: d["desk"].update(passwords=[]), r"unknown collection 'passwords'"),
    (lambda d: d.update(schema_version=99), r"backup of desk schema 99, .* upgrade givedesk"),
    (lambda d: d.update(format="something-else"), r"not a givedesk backup"),
])
def test_a_bad_backup_is_refused_whole_naming_the_first_bad_record(
    store: Store, other_store: Store, tmp_path: Path, change: Any, message: str
) -> None:
    fill(store)
    path = tmp_path / "backup.json"
    export_desk(store, path)
    write_backup(path, change)
    with pytest.raises(UserError, match=f"^{path}: {message}"):
        read_backup(other_store, path)


def test_a_file_that_is_not_json_is_one_line(other_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    path.write_text('{"format": "givedesk-backup", ', encoding="utf-8")
    with pytest.raises(UserError, match=r"backup.json: not a givedesk backup: Input data was truncated"):
        read_backup(other_store, path)


def test_a_failure_during_restore_leaves_the_desk_as_it_was(
    store: Store, other_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failure comes after every other collection was replaced: a restore that is
    not one transaction would already have written them."""
    path, before = filled_backup_and_a_used_desk(store, other_store, tmp_path)
    backup = read_backup(other_store, path)
    replaced: list[str] = []
    last = desk_collections(other_store)[-1].name
    real_replace_all = Collection.replace_all

    def fail_the_last(self: Collection[Any], items: Any) -> None:
        if self.name == last:
            raise OSError(28, "No space left on device")
        real_replace_all(self, items)
        replaced.append(self.name)

    monkeypatch.setattr(Collection, "replace_all", fail_the_last)
    with pytest.raises(OSError):
        restore_desk(other_store, backup, replace=True)
    assert len(replaced) == len(desk_collections(other_store)) - 1
    assert other_store.paths.desk_file.read_bytes() == before
    assert [c.name for c in other_store.contacts.all()] == ["Someone Else"]
    assert other_store.gives.all() == []


def test_a_full_disk_at_the_final_write_leaves_the_desk_as_it_was(
    store: Store, other_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = filled_backup_and_a_used_desk(store, other_store, tmp_path)
    backup = read_backup(other_store, path)
    real_write = store_module.atomic_write_bytes

    def disk_full_for_the_desk(target: Path, payload: bytes) -> None:
        if target == other_store.paths.desk_file:
            raise OSError(28, "No space left on device")
        real_write(target, payload)

    monkeypatch.setattr(store_module, "atomic_write_bytes", disk_full_for_the_desk)
    with pytest.raises(UserError, match=r"desk.json: cannot write: the disk is full"):
        restore_desk(other_store, backup, replace=True)
    assert other_store.paths.desk_file.read_bytes() == before
    assert [c.name for c in other_store.contacts.all()] == ["Someone Else"]


def restored_contact(store: Store, other_store: Store, tmp_path: Path, **fields: Any) -> Contact:
    store.contacts.insert(Contact(name="Ada Lovelace"))
    path = write_backup(export_path(store, tmp_path),
                        lambda d: d["desk"]["contacts"][0].update(fields))
    restore_desk(other_store, read_backup(other_store, path))
    return other_store.contacts.all()[0]


def filled_backup_and_a_used_desk(store: Store, other_store: Store,
                                  tmp_path: Path) -> tuple[Path, bytes]:
    """A backup of a filled desk, and the bytes of another desk that holds only Someone
    Else (what a restore must replace, or leave exactly as it was)."""
    fill(store)
    path = export_path(store, tmp_path)
    other_store.contacts.insert(Contact(name="Someone Else"))
    return path, other_store.paths.desk_file.read_bytes()


def export_path(store: Store, tmp_path: Path) -> Path:
    path = tmp_path / "backup.json"
    export_desk(store, path)
    return path


def test_restore_cleans_control_characters_from_contacts(
    store: Store, other_store: Store, tmp_path: Path
) -> None:
    contact = restored_contact(store, other_store, tmp_path, name="Ada\x1b[2J\u202e Lovelace",
                               notes="line\x07one\nline two", interests=["a\x1b[31mb"])
    assert contact.name == "Ada Lovelace"
    assert contact.notes == "lineone\nline two"
    assert contact.interests == ["ab"]


def contact_fields(**fields: Any) -> Any:
    return lambda d: d["desk"]["contacts"][0].update(fields)


@pytest.mark.parametrize(("change", "message"), [
    (contact_fields(cadence_days=10**12), r"contacts\[0\] \(id \w+\): cadence_days must be from "
                                           r"1 to 3650 days, not 1000000000000"),
    (contact_fields(cadence_days=-3), r"contacts\[0\] .*cadence_days must be from 1 to 3650"),
    (contact_fields(cadence_days=0), r"contacts\[0\] .*cadence_days must be from 1 to 3650"),
    (contact_fields(name=""), r"contacts\[0\] \(id \w+\): a contact needs a name"),
    (contact_fields(name=" \x1b[2J "), r"contacts\[0\] .*a contact needs a name"),
    (contact_fields(created="2024-01-02T03:04:05"),
     r"contacts\[0\] .*created '2024-01-02T03:04:05' has no time zone"),
    (lambda d: d["desk"]["gives"][0].update(given_on="2024-01-02T03:04:05"),
     r"gives\[0\] \(id \w+\): given_on '2024-01-02T03:04:05' has no time zone"),
    (lambda d: d["desk"]["intros"][0]["history"][0].update(at="2024-01-02T03:04:05"),
     r"intros\[0\] .*at '2024-01-02T03:04:05' has no time zone"),
    (lambda d: d["desk"]["gives"][0].update(link="javascript:alert(1)"),
     r"gives\[0\] .*'javascript:alert\(1\)': a link must be an http\(s\) URL"),
    (lambda d: d["desk"]["queue"][0].update(link="file:///etc/passwd"),
     r"queue\[0\] .*a link must be an http\(s\) URL"),
    (lambda d: d["desk"]["leads"][0].update(link="javascript:x"),
     r"leads\[0\] .*a link must be an http\(s\) URL"),
    (lambda d: d["desk"]["queue"][0].update(contact_id="nobody"),
     r"queue\[0\] \(id \w+\): contact nobody is not in the backup"),
    (lambda d: d["desk"]["states"][0].update(contact_id="nobody"),
     r"states\[0\] .*contact nobody is not in the backup"),
    (lambda d: d["desk"]["states"][0].update(kind="intro", subject_id="nobody"),
     r"states\[0\] .*contact nobody is not in the backup"),
])
def test_values_that_would_break_later_commands_are_refused_naming_the_record(
    store: Store, other_store: Store, tmp_path: Path, change: Any, message: str
) -> None:
    fill(store)
    path = write_backup(export_path(store, tmp_path), change)
    with pytest.raises(UserError, match=f"^{path}: {message}"):
        read_backup(other_store, path)
    assert not other_store.paths.desk_file.exists()


def test_history_of_a_removed_person_is_restored(store: Store, other_store: Store,
                                                 tmp_path: Path) -> None:
    """Removing a contact keeps their gives, asks and intros; their backup restores."""
    fill(store)
    ada = next(c for c in store.contacts.all() if c.name == "Ada Lovelace")
    delete_contact(store, ada.id)
    restore_desk(other_store, read_backup(other_store, export_path(store, tmp_path)))
    assert everything(other_store) == everything(store)


def test_a_restored_desk_works_with_every_command(run_cli, store: Store,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    fill(store)
    path = export_path(store, tmp_path)
    store.paths.desk_file.unlink()
    assert run_cli("restore", str(path)).code == 0
    for command in (("followups",), ("gives",), ("intros", "--json"), ("contacts", "list")):
        result = run_cli(*command)
        assert result.code == 0, (command, result.err)


def restore_in_a_process(home: Path, path: Path) -> subprocess.CompletedProcess[str]:
    """Bounded by the timeout: reading without limit would fail the test, not hang it."""
    return subprocess.run(
        [PYTHON, "-m", "givedesk", "restore", str(path), "--home", str(home)],
        capture_output=True, text=True, env=subprocess_env(), timeout=30,
    )


def test_a_link_to_dev_zero_is_refused_without_reading_it(home: Path, tmp_path: Path) -> None:
    link = tmp_path / "backup.json"
    link.symlink_to("/dev/zero")
    started = time.monotonic()
    result = restore_in_a_process(home, link)
    assert time.monotonic() - started < 20
    assert (result.returncode, result.stderr) == (
        2, f"givedesk: error: {link}: not a regular file; not a givedesk backup\n")


def test_a_pipe_is_refused_without_waiting_for_a_writer(home: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "backup.json"
    os.mkfifo(pipe)
    result = restore_in_a_process(home, pipe)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_a_huge_backup_is_refused_before_it_is_read(other_store: Store, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "backup.json"
    with path.open("wb") as stream:  # sparse: the size is real, the disk is not used
        stream.truncate(backup_module.MAX_BACKUP_BYTES + 1)
    opened: list[Path] = []
    real_open = Path.open

    def watching_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watching_open)
    with pytest.raises(UserError, match=r"backup.json: larger than 256 MB; not a givedesk backup"):
        read_backup(other_store, path)
    assert path not in opened


def test_deep_nesting_is_refused_in_one_line_quickly(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "backup.json"
    path.write_text('{"format": "givedesk-backup", "desk": ' + "[" * 200_000 + "]" * 200_000 + "}")
    started = time.monotonic()
    result = run_cli("restore", str(path))
    assert time.monotonic() - started < 10
    assert (result.code, result.err) == (
        2, f"givedesk: error: {path}: not a givedesk backup: JSON nested too deeply\n")


def test_replacing_keeps_only_the_newest_pre_restore_copies(
    store: Store, tmp_path: Path
) -> None:
    fill(store)
    path = export_path(store, tmp_path)
    moments = [datetime(2026, 11, day, 9, 0, tzinfo=UTC) for day in range(1, 10)]
    for moment in moments:
        kept = restore_desk(store, read_backup(store, path), replace=True, now=moment)
        assert kept is not None and kept.exists()
    copies = sorted(p.name for p in store.paths.backup_dir.glob("pre-restore-*.json"))
    assert len(copies) == backup_module.PRE_RESTORE_KEPT
    assert copies[-1] == "pre-restore-20261109-090000.json"
    assert copies[0] == "pre-restore-20261105-090000.json"


def test_export_will_not_overwrite_the_desk_itself(store: Store) -> None:
    with pytest.raises(UserError, match="the desk's own data file"):
        export_desk(store, store.paths.desk_file)


def test_the_commands(run_cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("contacts", "add", "Ada Lovelace", "--email", "ada@example.com").code == 0
    path = tmp_path / "desk-backup.json"
    exported = run_cli("export", str(path))
    assert exported.code == 0
    assert exported.out.startswith(f"Exported the desk to {path}: 1 contacts, 0 gives")

    refused = run_cli("restore", str(path))
    assert refused.code == 2
    assert refused.err.startswith("givedesk: error: the desk is not empty (1 contacts")

    restored = run_cli("restore", str(path), "--replace")
    assert restored.code == 0, restored.err
    assert restored.out.startswith(f"Restored the desk from {path}: 1 contacts")
    assert "The desk as it was is saved in " in restored.out

    path.write_text("[]", encoding="utf-8")
    bad = run_cli("restore", str(path), "--replace")
    assert (bad.code, bad.err.count("\n")) == (2, 1)
    assert f"{path}: not a givedesk backup" in bad.err
