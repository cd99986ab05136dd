"""`givedesk export FILE.json` and `givedesk restore FILE.json [--replace]`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from givedesk.backup import desk_collections, export_desk, read_backup, restore_desk
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
    fill(store)
    path = tmp_path / "backup.json"
    export_desk(store, path)
    other_store.contacts.insert(Contact(name="Someone Else"))
    before = other_store.paths.desk_file.read_bytes()
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
    fill(store)
    path = tmp_path / "backup.json"
    export_desk(store, path)
    other_store.contacts.insert(Contact(name="Someone Else"))
    before = other_store.paths.desk_file.read_bytes()
    backup = read_backup(other_store, path)

    def disk_full(self: Collection[Any], items: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(other_store.leads), "replace_all", disk_full)
    with pytest.raises(OSError):
        restore_desk(other_store, backup, replace=True)
    assert other_store.paths.desk_file.read_bytes() == before
    assert [c.name for c in other_store.contacts.all()] == ["Someone Else"]


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
