"""The only module that touches TinyDB.

Two JSON files live in the data folder: `desk.json` (precious: contacts, queue, gives,
intros, asks, leads, suggestion states) and `news.json` (a cache of feeds and articles
that fetching can rebuild).

Why the extra machinery around TinyDB (see shared/PITFALLS.md):

* TinyDB's JSONStorage rewrites the file in place, so a crash can leave it unreadable.
  `AtomicJSONStorage` writes a temporary file beside it, fsyncs and `os.replace`s it.
* TinyDB has no inter-process safety. Every operation runs in a `transaction()` that
  holds a file lock and re-reads the file when another process replaced it, so a cron
  `givedesk fetch` and the open TUI never lose each other's updates.
* TinyDB rewrites the whole file on every insert. Inside a transaction writes are
  deferred and done once at the end, so an import of thousands of rows is one write.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shlex
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec
from filelock import FileLock, Timeout
from tinydb import where
from tinydb.storages import Storage
from tinydb.table import Document, Table

from givedesk.errors import StoreError, describe_os_error
from givedesk.models import (
    Article,
    Ask,
    Contact,
    Feed,
    Give,
    Intro,
    Lead,
    QueueItem,
    SuggestionState,
)
from givedesk.paths import Paths

RawData = dict[str, dict[str, Any]]
"""A whole TinyDB file: table name -> {doc id -> document}."""

LOCK_TIMEOUT_SECONDS = 30.0
BACKUPS_KEPT = 7
META_TABLE = "meta"


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the file is replaced or rewritten."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that readers see the old or the new file, never half."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


class _Damaged(Exception):
    """The file's content is not a givedesk data file; the message says how."""


def _decode_tables(path: Path) -> RawData:
    """The file as tables of documents, every level checked to be a JSON object, so a
    hand-edited or damaged file is refused here in one line rather than deep in TinyDB."""
    try:
        payload = path.read_bytes()
    except OSError as error:
        raise StoreError(f"{path}: cannot read: {describe_os_error(error)}") from None
    if not payload.strip():
        raise _Damaged("the file is empty: damaged, since givedesk never writes an empty file")
    try:
        data = msgspec.json.decode(payload)
    except (msgspec.DecodeError, UnicodeDecodeError) as error:
        raise _Damaged(f"not a readable givedesk file ({error})") from None
    except RecursionError:
        raise _Damaged("not a givedesk file (JSON nested too deeply)") from None
    if not isinstance(data, dict):
        raise _Damaged("not a givedesk data file (expected a JSON object)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _Damaged(f"table '{name}' is not a JSON object")
        for key, document in table.items():
            if not isinstance(document, dict):
                raise _Damaged(f"{name} record {key} is not a JSON object")
    return data


def restore_hint(desk_file: Path) -> str:
    """What to do about a damaged desk: the newest daily copy and the command that puts
    it back, so nobody has to guess which file holds their data."""
    folder = desk_file.parent / "backups"
    copies = sorted(folder.glob(f"{desk_file.stem}-*.json"))
    if not copies:
        return f"no backup in {folder}; move the file away to start an empty desk"
    newest = shlex.quote(str(copies[-1]))
    return f"the newest backup is {copies[-1]}; restore it with: cp {newest} {shlex.quote(str(desk_file))}"


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes atomically and defers writes inside a transaction.

    The decoded data is kept in memory and reused while the file on disk is the one
    this storage last read or wrote; `refresh()` drops it when another process has
    replaced the file.
    """

    def __init__(self, path: Path, schema_version: int,
                 on_damage: Callable[[Path, str], None] | None = None) -> None:
        self.path = path
        self.schema_version = schema_version
        self.on_damage = on_damage
        """For a cache file: called with the file and what is wrong with it instead of
        refusing it; it must move the file out of the way (the cache starts empty)."""
        self._data: RawData | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._deferring = False
        self._dirty = False

    def refresh(self) -> None:
        if self._data is not None and _file_stamp(self.path) != self._stamp:
            self._data = None

    def read(self) -> RawData | None:
        if self._data is None:
            self._data = self._load()
        return self._data

    def _load(self) -> RawData | None:
        stamp = _file_stamp(self.path)
        if stamp is None:
            self._stamp = None
            return None
        try:
            data = _decode_tables(self.path)
        except _Damaged as damage:
            if self.on_damage is None:
                raise StoreError(f"{self.path}: {damage}; {restore_hint(self.path)}") from None
            self.on_damage(self.path, str(damage))
            self._stamp = None
            return None
        self._stamp = stamp
        return data

    def write(self, data: RawData) -> None:
        self._data = data
        if self._deferring:
            self._dirty = True
        else:
            self._flush()

    def _flush(self) -> None:
        """Write the data; a file's first write also stamps its schema version."""
        assert self._data is not None
        self._data.setdefault(META_TABLE, {"1": {"schema_version": self.schema_version}})
        try:
            atomic_write_bytes(self.path, msgspec.json.encode(self._data))
        except OSError as error:
            self.rollback()  # what is on disk is still the truth
            raise StoreError(
                f"{self.path}: cannot write: {describe_os_error(error)}; nothing was changed"
            ) from None
        self._stamp = _file_stamp(self.path)
        self._dirty = False

    def begin(self) -> None:
        self.refresh()
        self._deferring = True

    def commit(self) -> None:
        self._deferring = False
        if self._dirty:
            self._flush()

    def rollback(self) -> None:
        """Forget unsaved changes: the next read comes from disk again."""
        self._deferring = False
        self._dirty = False
        self._data = None
        self._stamp = None

    def close(self) -> None:
        """Nothing is ever left unwritten outside a transaction."""


Migration = Callable[[RawData], None]


class Database:
    """One TinyDB file, used through transactions only.

    Opening it costs nothing: the file is read, checked and migrated by the first
    transaction, so a command that never touches the news never reads news.json.
    """

    def __init__(self, path: Path, schema_version: int, migrations: dict[int, Migration],
                 on_damage: Callable[[Path, str], None] | None = None) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path, schema_version, on_damage)
        self._file_lock = FileLock(f"{path}.lock", thread_local=False)
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._schema_version = schema_version
        self._migrations = migrations
        self._migrated = False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, see the newest file, and write once at the end (or not at all)."""
        with self._thread_lock:
            outermost = self._depth == 0
            if outermost:
                self._acquire_file_lock()
            self._depth += 1
            try:
                if outermost:
                    self.storage.begin()
                    if not self._migrated:
                        self._migrate()
                yield
            except BaseException:
                if outermost:
                    self.storage.rollback()
                raise
            else:
                if outermost:
                    self.storage.commit()
            finally:
                self._depth -= 1
                if outermost:
                    self._file_lock.release()

    def damage_hint(self) -> str:
        if self.storage.on_damage is None:
            return restore_hint(self.path)
        return "it is a cache: move it away and givedesk rebuilds it"

    def _acquire_file_lock(self) -> None:
        try:
            self._file_lock.acquire(timeout=LOCK_TIMEOUT_SECONDS)
        except OSError as error:  # a folder, no permission, a read-only folder
            raise StoreError(
                f"{self._file_lock.lock_file}: cannot use the lock file: "
                f"{describe_os_error(error)}"
            ) from None
        except Timeout:
            raise StoreError(
                f"{self.path}: still locked by another givedesk after "
                f"{LOCK_TIMEOUT_SECONDS:.0f} s; is one stuck?"
            ) from None

    def table(self, name: str) -> Table:
        """A fresh Table each time: TinyDB caches the next id per Table object, which
        would be stale after another process inserted documents."""
        return Table(self.storage, name, cache_size=0)

    def raw(self) -> RawData:
        """The whole file as plain data (for export and migrations)."""
        with self.transaction():
            copy: RawData = msgspec.json.decode(msgspec.json.encode(self.storage.read() or {}))
            return copy

    def open(self) -> None:
        """Read, check and migrate the file now (a bad file raises StoreError here)."""
        with self.transaction():
            pass

    def _migrate(self) -> None:
        """Inside the first transaction, holding the lock."""
        current = self._schema_version
        self._remove_stale_temporaries()
        data = self.storage.read()
        if data is not None:
            meta = data.get(META_TABLE, {}).get("1", {})
            version = meta.get("schema_version", 0) if isinstance(meta, dict) else 0
            if not isinstance(version, int) or version > current:
                raise StoreError(
                    f"{self.path}: written by a newer givedesk (schema {version}, "
                    f"this one knows {current}); upgrade givedesk"
                )
            if version < current:
                while version < current:
                    self._migrations[version](data)
                    version += 1
                data[META_TABLE] = {"1": {"schema_version": current}}
                self.storage.write(data)
        self._migrated = True  # a file created later is stamped by its first write

    def _remove_stale_temporaries(self) -> None:
        """Leftovers of a writer killed mid-write; safe to remove while we hold the lock."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):  # a read-only folder: the next write says so
                leftover.unlink()


T = TypeVar("T")


class Collection(Generic[T]):
    """A table of one model type, addressed by the model's own `id`."""

    def __init__(self, database: Database, name: str, model: type[T]) -> None:
        self.database = database
        self.name = name
        self.model = model
        self._list_type: Any = list[model]  # type: ignore[valid-type]

    def _decode(self, document: dict[str, Any]) -> T:
        try:
            return msgspec.convert(dict(document), self.model, strict=False)
        except msgspec.ValidationError as error:
            key = getattr(document, "doc_id", "?")
            raise StoreError(
                f"{self.database.path}: {self.name} record {key}: {error}; "
                f"{self.database.damage_hint()}"
            ) from None

    def _decode_all(self, documents: dict[str, dict[str, Any]]) -> list[T]:
        """Every document of the table in one conversion, straight from the stored data:
        TinyDB's per-document wrappers cost as much as the conversion on a big desk.
        (`convert` builds new objects, so nobody holds the stored documents.)"""
        try:
            converted: list[T] = msgspec.convert(list(documents.values()), self._list_type,
                                                 strict=False)
        except msgspec.ValidationError:  # again one by one, to name the damaged record
            return [self._decode(Document(document, int(key)))
                    for key, document in documents.items()]
        return converted

    @staticmethod
    def _encode(item: Any) -> dict[str, Any]:
        encoded: dict[str, Any] = msgspec.to_builtins(item)
        return encoded

    def all(self) -> list[T]:
        with self.database.transaction():
            return self._decode_all((self.database.storage.read() or {}).get(self.name, {}))

    def records(self) -> Records[T]:
        """The table by id, each record converted when first asked for."""
        with self.database.transaction():
            return Records(self, (self.database.storage.read() or {}).get(self.name, {}))

    def get(self, item_id: str) -> T | None:
        with self.database.transaction():
            document = self.database.table(self.name).get(where("id") == item_id)
            return None if document is None else self._decode(document)

    def count(self) -> int:
        with self.database.transaction():
            return len(self.database.table(self.name))

    def insert(self, item: T) -> T:
        with self.database.transaction():
            self.database.table(self.name).insert(self._encode(item))
        return item

    def insert_many(self, items: Iterable[T]) -> None:
        with self.database.transaction():
            self.database.table(self.name).insert_multiple(self._encode(i) for i in items)

    def save(self, item: T) -> T:
        """Insert, or replace the stored item with the same id."""
        self.save_many([item])
        return item

    def save_many(self, items: Iterable[T]) -> None:
        """Insert or replace many items in one pass over the table and one write (none
        when every item is stored as it is: a fetch that changes nothing writes nothing).

        TinyDB's `update` rebuilds the table on every call, which makes saving a fetch
        of thousands of articles quadratic; here the stored documents are replaced
        in place, in TinyDB's own file layout.
        """
        with self.database.transaction():
            data = self.database.storage.read() or {}
            documents = data.setdefault(self.name, {})
            keys_by_id = {document.get("id"): key for key, document in documents.items()}
            next_key = max((int(key) for key in documents), default=0) + 1
            changed = False
            for item in items:
                document = self._encode(item)
                key = keys_by_id.get(document["id"])
                if key is None:
                    key = str(next_key)
                    next_key += 1
                    keys_by_id[document["id"]] = key
                if documents.get(key) != document:
                    documents[key] = document
                    changed = True
            if changed:  # saving what is already there writes nothing
                self.database.storage.write(data)

    def remove(self, item_id: str) -> bool:
        with self.database.transaction():
            return bool(self.database.table(self.name).remove(where("id") == item_id))

    def remove_many(self, item_ids: Iterable[str]) -> int:
        wanted = set(item_ids)
        if not wanted:
            return 0  # TinyDB would rewrite the file for nothing
        with self.database.transaction():
            return len(self.database.table(self.name).remove(where("id").one_of(list(wanted))))

    def replace_all(self, items: Iterable[T]) -> None:
        with self.database.transaction():
            table = self.database.table(self.name)
            table.truncate()
            table.insert_multiple(self._encode(item) for item in items)


class Records(Mapping[str, T]):
    """A table's records by id, each converted on first use: the day's hundred
    suggestions among 10,000 contacts convert a hundred contacts, not 10,000.

    A snapshot of the table as it was read: use it for one piece of work, not across
    writes (a record saved since is not seen)."""

    def __init__(self, collection: Collection[T], documents: dict[str, dict[str, Any]]) -> None:
        self._collection = collection
        self._documents = {document.get("id"): (key, document)
                           for key, document in documents.items()}
        self._converted: dict[str, T] = {}

    def __getitem__(self, record_id: str) -> T:
        found = self._converted.get(record_id)
        if found is None:
            key, document = self._documents[record_id]
            found = self._collection._decode(Document(document, int(key)))
            self._converted[record_id] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)

    def digest(self) -> str:
        """Of the records as stored: the same while none was added, removed or changed,
        so derived data can tell in milliseconds that it is still current."""
        stored = msgspec.json.encode([document for _, document in self._documents.values()])
        return hashlib.blake2b(stored, digest_size=16).hexdigest()


def _migrate_desk_v0(data: RawData) -> None:
    """Unversioned files (hand-written, or from before versioning): give every contact
    an id and turn `;`-separated strings in list fields into lists."""
    from givedesk.models import new_id

    for document in data.get("contacts", {}).values():
        document.setdefault("id", new_id())
        for field_name in ("interests", "needs", "offers", "tags"):
            value = document.get(field_name)
            if isinstance(value, str):
                document[field_name] = [p.strip() for p in value.split(";") if p.strip()]


_CONTACT_FIELDS_V2: dict[str, Any] = {
    "emails": [], "phones": [], "urls": [], "birthday": "", "anniversary": "",
    "work_anniversary": "", "nickname": "",
}


def _migrate_desk_v1(data: RawData) -> None:
    """Contacts gain the whole card (every email, phone and link, birthday, anniversaries,
    nickname): written out empty, so the file says what it holds. `email` and `phone`
    keep their meaning: the preferred address and number."""
    for document in data.get("contacts", {}).values():
        if isinstance(document, dict):
            for name, empty in _CONTACT_FIELDS_V2.items():
                document.setdefault(name, list(empty) if isinstance(empty, list) else empty)


def _migrate_desk_v2(data: RawData) -> None:
    """Contacts gain `connected_on`. Earlier LinkedIn imports stored "Connected On" as
    `met_on`, which made an anniversary of every connection; such a date moves to
    `connected_on` when everything says it came from LinkedIn (a link labelled
    "linkedin", no place met, not a key relationship). Nothing is lost: the date stays
    on the card, and the user can type a real `met_on` again."""
    for document in data.get("contacts", {}).values():
        if not isinstance(document, dict):
            continue
        document.setdefault("connected_on", None)
        urls = document.get("urls")
        from_linkedin = isinstance(urls, list) and any(
            isinstance(url, dict) and url.get("label") == "linkedin" for url in urls)
        if (from_linkedin and document.get("met_on") and not document.get("met_at")
                and not document.get("key") and document["connected_on"] is None):
            document["connected_on"], document["met_on"] = document["met_on"], None


def _migrate_news_v0(data: RawData) -> None:
    """Unversioned news caches are only stamped: their shape was never different."""


def _migrate_news_v1(data: RawData) -> None:
    """The match cache moved out of news.json into its own file (matching/cache.py):
    drop the old tables, which the next match run rebuilds there."""
    data.pop("match_cache", None)
    data.pop("match_contacts", None)


DESK_SCHEMA_VERSION = 3
NEWS_SCHEMA_VERSION = 2
DESK_MIGRATIONS: dict[int, Migration] = {
    0: _migrate_desk_v0, 1: _migrate_desk_v1, 2: _migrate_desk_v2}
NEWS_MIGRATIONS: dict[int, Migration] = {0: _migrate_news_v0, 1: _migrate_news_v1}


def upgrade_desk_records(records: dict[str, Any], version: int) -> dict[str, Any]:
    """A backup's collections (name -> list of records) written at desk schema `version`,
    brought to the current one by the same steps a desk file takes on open. Anything
    that is not a list is left for the restore's validation to refuse."""
    data: RawData = {
        name: {str(index): item for index, item in enumerate(items)}
        for name, items in records.items() if isinstance(items, list)
    }
    for step in range(version, DESK_SCHEMA_VERSION):
        DESK_MIGRATIONS[step](data)
    return {**records, **{name: list(table.values()) for name, table in data.items()}}


class Store:
    """The desk's data: open it once per process and share it."""

    def __init__(self, paths: Paths, today: Callable[[], date] = date.today,
                 warn: Callable[[str], None] | None = None) -> None:
        self.paths = paths
        self.warnings: list[str] = []
        """What went wrong without stopping the desk (a backup not written, a damaged
        cache set aside), for the user to hear about."""
        self._warn = warn or self.warnings.append
        try:
            paths.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{paths.data_dir}: cannot create data folder: {describe_os_error(error)}"
            ) from None
        self.desk = Database(paths.desk_file, DESK_SCHEMA_VERSION, DESK_MIGRATIONS)
        self.desk.open()
        self.news = Database(paths.news_file, NEWS_SCHEMA_VERSION, NEWS_MIGRATIONS,
                             on_damage=self._set_damaged_cache_aside)
        """Opened by its first use: most commands never read the news (so a damaged
        news.json is set aside, and warned about, only then)."""
        self._backup_desk(today())

        self.contacts = Collection(self.desk, "contacts", Contact)
        self.gives = Collection(self.desk, "gives", Give)
        self.asks = Collection(self.desk, "asks", Ask)
        self.queue = Collection(self.desk, "queue", QueueItem)
        self.states = Collection(self.desk, "states", SuggestionState)
        self.intros = Collection(self.desk, "intros", Intro)
        self.leads = Collection(self.desk, "leads", Lead)
        self.feeds = Collection(self.news, "feeds", Feed)
        self.articles = Collection(self.news, "articles", Article)

    def send_warnings_to(self, warn: Callable[[str], None]) -> None:
        """Tell `warn` what went wrong so far, and from now on as it happens: the news
        is opened by its first use, possibly long after the store."""
        for message in self.warnings:
            warn(message)
        self.warnings.clear()
        self._warn = warn

    def news_stamp(self) -> tuple[int, int, int] | None:
        """Changes whenever news.json is written: a fetch that changed nothing leaves it."""
        return _file_stamp(self.paths.news_file)

    def stamp(self) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
        """Changes whenever desk.json or news.json is written: what a view read from the
        store is still current while this is the same."""
        return _file_stamp(self.paths.desk_file), self.news_stamp()

    def _backup_desk(self, today: date) -> None:
        """One copy of desk.json a day, the newest `BACKUPS_KEPT` kept."""
        folder = self.paths.backup_dir
        target = folder / f"desk-{today.isoformat()}.json"
        if target.exists() or not self.paths.desk_file.exists():
            return
        with self.desk.transaction():
            try:
                folder.mkdir(exist_ok=True)
                atomic_write_bytes(target, self.paths.desk_file.read_bytes())
                prune(folder, "desk-*.json", BACKUPS_KEPT)
            except OSError as error:
                # Reading the desk must still work on a full disk: say so, go on.
                self._warn(f"{target}: today's backup of the desk was not written: "
                           f"{describe_os_error(error)}")

    def _set_damaged_cache_aside(self, path: Path, problem: str) -> None:
        """news.json is a cache: a damaged one is kept for a look, and rebuilt by fetching."""
        aside = path.with_name(f"{path.name}.damaged")
        try:
            os.replace(path, aside)
        except OSError as error:
            raise StoreError(
                f"{path}: {problem}; cannot move it aside: {describe_os_error(error)}"
            ) from None
        self._warn(f"{path}: {problem}; moved to {aside.name}, an empty one is used "
                   "(givedesk fetch fills it again)")


def prune(folder: Path, pattern: str, kept: int) -> None:
    """Remove all but the newest `kept` files matching `pattern` (names sort by date)."""
    for old in sorted(folder.glob(pattern))[:-kept]:
        old.unlink()
