"""A whole-desk backup in one JSON file, and a restore that is all or nothing.

The backup holds every record of desk.json (contacts, gives, asks, queue, suggestion
states, intros, leads) as plain JSON lists, with a format marker and the schema
version, so it survives changes to TinyDB's own file layout and can be read by eye.

A restore reads and validates the whole file against the models before it writes
anything, then replaces every collection inside one store transaction: one atomic
write, or none if anything fails. It refuses to overwrite a desk that has data unless
asked to, and then first saves the desk as it was, as a backup that can be restored.

Validation applies the rules the commands apply when the records are made (a name, a
cadence in range, web links only, timestamps with a time zone, queue items and
suggestion states for people on the desk), so a restored desk never holds a value that
breaks a later command. Gives, asks and introductions may name a person no longer on
the desk: removing a contact keeps that history on purpose.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

from givedesk.contacts import clean_contact
from givedesk.contacts_io import write_text_file
from givedesk.contacts_io.base import MAX_CADENCE_DAYS
from givedesk.errors import UserError, read_user_file
from givedesk.ledger import check_link
from givedesk.models import Contact, QueueItem, SuggestionState, utc_now
from givedesk.store import DESK_SCHEMA_VERSION, Collection, Store, prune, upgrade_desk_records

BACKUP_FORMAT = "givedesk-backup"
OLDEST_RESTORABLE = 1
"""Backups began at desk schema 1; older ones are brought up to date on restore."""
MAX_BACKUP_BYTES = 256 * 2**20
"""Far above any real desk (years of gives are a few MB), and read before parsing: a
file this size decodes in seconds, while a link to /dev/zero must not be read at all."""
PRE_RESTORE_KEPT = 5
"""How many copies of a replaced desk `restore --replace` keeps (the newest)."""


def desk_collections(store: Store) -> list[Collection[Any]]:
    """Every collection kept in desk.json, found on the store itself so that a
    collection added later is backed up without anyone remembering to list it here."""
    return [
        value for value in vars(store).values()
        if isinstance(value, Collection) and value.database is store.desk
    ]


@dataclass(frozen=True)
class DeskBackup:
    """A validated backup: collection name -> its records, as model instances."""

    records: dict[str, list[Any]]

    def describe(self) -> str:
        """"3 contacts, 12 gives, ..." for every collection, empty ones included."""
        return ", ".join(f"{len(items)} {name}" for name, items in self.records.items())


def snapshot(store: Store) -> DeskBackup:
    """The desk as it is now, read in one transaction so the collections agree."""
    with store.desk.transaction():
        return DeskBackup({c.name: c.all() for c in desk_collections(store)})


def backup_json(backup: DeskBackup, now: datetime) -> str:
    document = {
        "format": BACKUP_FORMAT,
        "schema_version": DESK_SCHEMA_VERSION,
        "exported": now.isoformat(timespec="seconds"),
        "desk": backup.records,
    }
    return msgspec.json.format(msgspec.json.encode(document), indent=2).decode("utf-8") + "\n"


def export_desk(store: Store, path: Path, now: datetime | None = None) -> DeskBackup:
    """Write the whole desk to `path` (replaced atomically if it exists)."""
    if path.resolve() in (store.paths.desk_file.resolve(), store.paths.news_file.resolve()):
        raise UserError(f"{path}: that is the desk's own data file; choose another name")
    backup = snapshot(store)
    write_text_file(path, backup_json(backup, now or utc_now()))
    return backup


def read_backup(store: Store, path: Path) -> DeskBackup:
    """The validated content of a backup file; the first problem is a one-line `UserError`."""
    raw = read_user_file(path, max_bytes=MAX_BACKUP_BYTES, what="givedesk backup")
    try:
        document = msgspec.json.decode(raw)
    except msgspec.DecodeError as error:
        raise UserError(f"{path}: not a givedesk backup: {error}") from None
    except RecursionError:
        raise UserError(f"{path}: not a givedesk backup: JSON nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise UserError(f'{path}: not a givedesk backup (no "format": "{BACKUP_FORMAT}")')
    version = document.get("schema_version")
    if not isinstance(version, int) or not OLDEST_RESTORABLE <= version <= DESK_SCHEMA_VERSION:
        newer = isinstance(version, int) and version > DESK_SCHEMA_VERSION
        hint = "; upgrade givedesk" if newer else ""
        raise UserError(
            f"{path}: backup of desk schema {version!r}, this givedesk restores schema "
            f"{OLDEST_RESTORABLE} to {DESK_SCHEMA_VERSION}{hint}"
        )
    desk = document.get("desk")
    if not isinstance(desk, dict):
        raise UserError(f'{path}: no "desk" object with the collections')
    desk = upgrade_desk_records(desk, version)
    collections = {collection.name: collection for collection in desk_collections(store)}
    unknown = sorted(set(desk) - set(collections))
    if unknown:
        raise UserError(f"{path}: unknown collection '{unknown[0]}' in the backup")
    records = {
        name: _validated(path, name, desk.get(name, []), collection.model)
        for name, collection in collections.items()
    }
    _check_people_exist(path, records)
    return DeskBackup(records)


def _validated(path: Path, name: str, documents: object, model: type[Any]) -> list[Any]:
    """`documents` as `model` instances; unknown fields and repeated ids are errors too,
    since either means the file is not what givedesk wrote."""
    if not isinstance(documents, list):
        raise UserError(f"{path}: '{name}' must be a list of records")
    known = {spec.name for spec in dataclasses.fields(model)}
    items: list[Any] = []
    seen: set[str] = set()
    for index, document in enumerate(documents):
        where = _where(path, name, index, document)
        if isinstance(document, dict) and (extra := sorted(set(document) - known)):
            raise UserError(f"{where}: unknown field '{extra[0]}'")
        try:
            item = msgspec.convert(document, model)
        except msgspec.ValidationError as error:
            raise UserError(f"{where}: {error}") from None
        if item.id in seen:
            raise UserError(f"{where}: the id {item.id} appears twice")
        seen.add(item.id)
        if isinstance(item, Contact):
            item = clean_contact(item)
        try:
            _check_values(item)
        except UserError as error:
            raise UserError(f"{where}: {error}") from None
        items.append(item)
    return items


def _where(path: Path, name: str, index: int, document: object) -> str:
    where = f"{path}: {name}[{index}]"
    if isinstance(document, dict) and isinstance(document.get("id"), str):
        where += f" (id {document['id']})"
    return where


def _check_values(item: Any) -> None:
    """The rules the commands apply when they make such a record."""
    for spec in dataclasses.fields(item):
        value = getattr(item, spec.name)
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise UserError(f"{spec.name} '{value.isoformat()}' has no time zone")
        if spec.name == "link":
            check_link(value)
        if isinstance(value, list):
            for element in value:
                if dataclasses.is_dataclass(element):
                    _check_values(element)
    if isinstance(item, Contact):
        if not item.name:
            raise UserError("a contact needs a name")
        if item.cadence_days is not None and not 1 <= item.cadence_days <= MAX_CADENCE_DAYS:
            raise UserError(f"cadence_days must be from 1 to {MAX_CADENCE_DAYS} days, "
                            f"not {item.cadence_days}")


def _check_people_exist(path: Path, records: dict[str, list[Any]]) -> None:
    """Queue items and suggestion states are removed with their person, so one naming
    a person who is not in the backup means the file was not written by givedesk."""
    people = {contact.id for contact in records.get("contacts", [])}
    for name, items in records.items():
        for index, item in enumerate(items):
            named = []
            if isinstance(item, QueueItem | SuggestionState):
                named.append(item.contact_id)
            if isinstance(item, SuggestionState) and item.kind == "intro":
                named.append(item.subject_id)
            for missing in (person for person in named if person not in people):
                raise UserError(f"{path}: {name}[{index}] (id {item.id}): contact {missing} "
                                "is not in the backup")


def restore_desk(store: Store, backup: DeskBackup, *, replace: bool = False,
                 now: datetime | None = None) -> Path | None:
    """Make the desk exactly `backup`, in one write.

    A desk with any record is only replaced with `replace`; its previous content is
    then saved first in the backups folder, and that file's path returned.
    """
    with store.desk.transaction():
        current = snapshot(store)
        kept = None
        if any(current.records.values()):
            if not replace:
                raise UserError(
                    f"the desk is not empty ({current.describe()}); "
                    "restore with --replace to overwrite it"
                )
            moment = now or utc_now()
            kept = store.paths.backup_dir / f"pre-restore-{moment:%Y%m%d-%H%M%S}.json"
            store.paths.backup_dir.mkdir(parents=True, exist_ok=True)
            write_text_file(kept, backup_json(current, moment))
            prune(store.paths.backup_dir, "pre-restore-*.json", PRE_RESTORE_KEPT)
        for collection in desk_collections(store):
            collection.replace_all(backup.records.get(collection.name, []))
    return kept
