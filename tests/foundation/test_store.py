"""Store behaviour in one process: atomicity, batching, reloads, migrations, backups."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from givedesk.errors import StoreError
from givedesk.models import Contact, Give
from givedesk.paths import Paths
from givedesk.store import BACKUPS_KEPT, DESK_SCHEMA_VERSION, Store


def test_a_fresh_desk_records_its_schema_version_on_its_first_write(home: Path) -> None:
    store = Store(Paths.for_home(home))
    assert not (home / "desk.json").exists()
    store.contacts.insert(Contact(name="First"))
    data = json.loads((home / "desk.json").read_text())
    assert data["meta"]["1"]["schema_version"] == DESK_SCHEMA_VERSION


def test_round_trip_keeps_every_field(store: Store) -> None:
    contact = Contact(
        name="Zoë Okafor", email="zoe@example.com", interests=["bike lanes", "Rust"],
        key=True, cadence_days=14, met_on=date(2026, 11, 1), tags=["harborview"],
    )
    store.contacts.insert(contact)
    again = Store(store.paths).contacts.get(contact.id)
    assert again == contact


def test_a_transaction_writes_once_and_rolls_back_on_error(store: Store) -> None:
    desk_file = store.paths.desk_file
    store.asks.insert_many([])
    before = desk_file.stat().st_mtime_ns
    with pytest.raises(RuntimeError), store.desk.transaction():
        store.contacts.insert(Contact(name="Half Done"))
        raise RuntimeError("interrupted")
    assert desk_file.stat().st_mtime_ns == before
    assert store.contacts.count() == 0

    writes = []
    original = store.desk.storage._flush

    def counting_flush() -> None:
        writes.append(1)
        original()

    store.desk.storage._flush = counting_flush  # type: ignore[method-assign]
    with store.desk.transaction():
        for number in range(500):
            store.contacts.insert(Contact(name=f"Person {number}"))
    assert len(writes) == 1
    assert Store(store.paths).contacts.count() == 500


def test_changes_by_another_store_are_seen_before_writing(home: Path) -> None:
    first = Store(Paths.for_home(home))
    second = Store(Paths.for_home(home))
    first.contacts.insert(Contact(name="From First"))
    second.contacts.insert(Contact(name="From Second"))
    first.contacts.insert(Contact(name="First Again"))
    names = {c.name for c in Store(Paths.for_home(home)).contacts.all()}
    assert names == {"From First", "From Second", "First Again"}


def test_save_many_replaces_by_id_and_inserts_new(store: Store) -> None:
    ada = store.contacts.insert(Contact(name="Ada"))
    ada.company = "Engines"
    store.contacts.save_many([ada, Contact(name="Grace")])
    stored = {c.name: c for c in store.contacts.all()}
    assert stored["Ada"].company == "Engines"
    assert set(stored) == {"Ada", "Grace"}


def test_remove_many(store: Store) -> None:
    gives = [Give(contact_id="c1", kind="help") for _ in range(5)]
    store.gives.insert_many(gives)
    assert store.gives.remove_many(g.id for g in gives[:3]) == 3
    assert {g.id for g in store.gives.all()} == {g.id for g in gives[3:]}


def test_an_unversioned_desk_is_migrated_on_open(home: Path) -> None:
    (home / "desk.json").write_text(json.dumps({
        "contacts": {"1": {"name": "Hand Written", "interests": "Rust; bike lanes"}},
    }))
    contacts = Store(Paths.for_home(home)).contacts.all()
    assert contacts[0].interests == ["Rust", "bike lanes"]
    assert contacts[0].id
    data = json.loads((home / "desk.json").read_text())
    assert data["meta"]["1"]["schema_version"] == DESK_SCHEMA_VERSION


def test_a_desk_from_a_newer_givedesk_is_refused_untouched(home: Path) -> None:
    original = json.dumps({"meta": {"1": {"schema_version": DESK_SCHEMA_VERSION + 1}}})
    (home / "desk.json").write_text(original)
    with pytest.raises(StoreError, match="newer givedesk"):
        Store(Paths.for_home(home))
    assert (home / "desk.json").read_text() == original


def test_an_unreadable_desk_is_refused_untouched(home: Path) -> None:
    (home / "desk.json").write_text('{"contacts": {"1": {"name": "x"}}}garbage')
    with pytest.raises(StoreError, match="desk.json: not a readable givedesk file"):
        Store(Paths.for_home(home))
    assert (home / "desk.json").read_text().endswith("garbage")


def test_one_backup_a_day_and_only_the_last_seven_kept(home: Path) -> None:
    paths = Paths.for_home(home)
    for day in range(1, 11):
        store = Store(paths, today=lambda day=day: date(2026, 11, day))
        store.contacts.insert(Contact(name=f"Day {day}"))
        Store(paths, today=lambda day=day: date(2026, 11, day))  # a second open, same day
    backups = sorted(p.name for p in paths.backup_dir.iterdir())
    assert len(backups) == BACKUPS_KEPT
    assert backups[0] == "desk-2026-11-04.json"
    assert backups[-1] == "desk-2026-11-10.json"
    newest = json.loads((paths.backup_dir / "desk-2026-11-10.json").read_text())
    assert len(newest["contacts"]) == 9  # taken at the first open of the day


def test_stale_temporary_files_are_removed_on_open(home: Path) -> None:
    Store(Paths.for_home(home)).contacts.insert(Contact(name="First"))
    leftover = home / ".desk.json.abc123.tmp"
    leftover.write_text("{half")
    Store(Paths.for_home(home))
    assert not leftover.exists()


def test_records_by_id_convert_on_use_and_their_digest_follows_every_change(
    store: Store,
) -> None:
    """Ranking reads a hundred of ten thousand contacts through `records()`, and the
    match cache trusts its digest to skip work: any edit, insert or removal must show."""
    store.contacts.insert_many([Contact(id=f"p{n}", name=f"Person {n}") for n in range(3)])
    records = store.contacts.records()
    assert list(records) == ["p0", "p1", "p2"] and len(records) == 3
    assert records["p1"] == store.contacts.get("p1")
    assert records["p1"] is records["p1"]  # converted once
    with pytest.raises(KeyError):
        records["nobody"]
    digests = [records.digest(), store.contacts.records().digest()]
    edited = records["p2"]
    edited.interests = ["sailing"]
    store.contacts.save(edited)
    digests.append(store.contacts.records().digest())
    store.contacts.insert(Contact(id="p3", name="Person 3"))
    digests.append(store.contacts.records().digest())
    store.contacts.remove("p0")
    digests.append(store.contacts.records().digest())
    assert digests[0] == digests[1]
    assert len(set(digests[1:])) == 4


def test_a_damaged_record_is_named_when_first_used(home: Path) -> None:
    store = Store(Paths.for_home(home))
    store.contacts.insert_many([Contact(id="ok", name="Fine"), Contact(id="bad", name="Bad")])
    data = json.loads((home / "desk.json").read_text())
    data["contacts"]["2"]["created"] = "yesterday"
    (home / "desk.json").write_text(json.dumps(data))
    records = Store(Paths.for_home(home)).contacts.records()
    assert records["ok"].name == "Fine"
    with pytest.raises(StoreError, match="contacts record 2: "):
        records["bad"]
