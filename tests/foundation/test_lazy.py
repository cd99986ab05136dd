"""Paying only for what a command uses: imports, and reading the news."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from givedesk.cli import COMMANDS, cli
from givedesk.config import Config
from givedesk.matching.service import todays_matches
from givedesk.models import Article, Contact, Feed
from givedesk.paths import Paths
from givedesk.store import NEWS_SCHEMA_VERSION, AtomicJSONStorage, Store
from tests.conftest import PYTHON, subprocess_env

HEAVY = ("textual", "numpy", "rapidfuzz", "givedesk.matching.engine", "givedesk.intros.suggest",
         "feedparser", "httpx")


def imported_by(*args: str, home: Path) -> set[str]:
    """Top-level modules and givedesk modules `python -X importtime -m givedesk ...` loads."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "givedesk", "--home", str(home), *args],
        capture_output=True, text=True, env=subprocess_env(), timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    modules = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            modules.add(name)
            modules.add(name.split(".")[0])
    return modules


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["--help"], ()),
        (["contacts", "add", "Ana Lee", "--interest", "sailing"], ("rapidfuzz",)),
        (["contacts", "list", "--json"], ("rapidfuzz",)),
        (["gives", "--json"], ("rapidfuzz",)),
        (["feeds", "list", "--json"], ()),
        (["followups", "--json"], ()),
        (["matches", "--help"], ()),
        (["leads", "--json"], ("rapidfuzz",)),
    ],
)
def test_commands_import_only_what_they_use(home: Path, args: list[str], allowed: tuple[str, ...]) -> None:
    loaded = imported_by(*args, home=home)
    assert {name for name in HEAVY if name in loaded} <= set(allowed)


def test_lazy_help_matches_each_commands_own() -> None:
    """The short help `--help` prints without importing a command is the command's own."""
    context = cli.make_context("givedesk", [], resilient_parsing=True)
    for name, (_, short) in COMMANDS.items():
        command = cli.get_command(context, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(limit=1000) == short, name


def write_news(home: Path, data: dict[str, object]) -> None:
    (home / "news.json").write_bytes(msgspec.json.encode(data))


@pytest.mark.parametrize("news", [b"\x00garbage, not json {{{", b"[1, 2, 3]"])
@pytest.mark.parametrize(
    "args",
    [
        ["contacts", "add", "Ana Lee", "--interest", "sailing"],
        ["gives", "add", "Ana Lee", "--kind", "help", "--note", "lent a ladder"],
        ["asks", "add", "Ana Lee", "an intro to a printer"],
        ["contacts", "list", "--json"],
        ["followups", "--json"],
    ],
)
def test_commands_that_need_no_news_never_read_it(  # type: ignore[no-untyped-def]
    run_cli, home: Path, news: bytes, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_cli("contacts", "add", "Ana Lee", "--email", "ana@example.com")
    (home / "news.json").write_bytes(news)
    read: list[Path] = []
    original = AtomicJSONStorage._load

    def recording(storage: AtomicJSONStorage) -> object:
        read.append(storage.path)
        return original(storage)

    monkeypatch.setattr(AtomicJSONStorage, "_load", recording)
    stamp = (home / "news.json").stat().st_mtime_ns
    result = run_cli(*args)
    assert result.code == 0, result.err
    assert home / "news.json" not in read and home / "desk.json" in read
    assert (home / "news.json").stat().st_mtime_ns == stamp
    assert (home / "news.json").read_bytes() == news


def test_the_news_is_read_on_first_use(home: Path) -> None:
    """A damaged news.json is found, set aside and warned about by the first use of the
    news, not by opening the store."""
    (home / "news.json").write_bytes(b"not json")
    store = Store(Paths.for_home(home))
    store.contacts.insert(Contact(name="Ana Lee"))
    assert (home / "news.json").read_bytes() == b"not json"
    assert store.warnings == []
    assert store.feeds.all() == []
    assert (home / "news.json.damaged").read_bytes() == b"not json"
    assert any("news.json: not a readable givedesk file" in w for w in store.warnings)


def test_old_news_with_its_hit_cache_migrates_without_loss(home: Path) -> None:
    """news.json as schema 1 wrote it: feeds, articles and the hit cache inside it."""
    article = msgspec.to_builtins(Article(id="a1", title="Sailing club opens", feed_id="f1"))
    feed = msgspec.to_builtins(Feed(url="https://gazette.example/rss", id="f1", name="Gazette"))
    old = {
        "meta": {"1": {"schema_version": 1}},
        "feeds": {"1": feed},
        "articles": {"1": article},
        "match_cache": {"1": {"id": "a1", "digest": "0123", "hits": [
            {"contact_id": "ana", "field": "interests", "term": "sailing", "similarity": 100.0,
             "in_title": True, "first_token": 0, "last_token": 0}]}},
        "match_contacts": {"1": {"id": "ana", "digest": "4567"}},
    }
    write_news(home, old)
    store = Store(Paths.for_home(home))
    store.contacts.insert(Contact(id="ana", name="Ana Lee", interests=["sailing"]))
    assert store.feeds.all()[0].name == "Gazette"
    assert [a.title for a in store.articles.all()] == ["Sailing club opens"]
    migrated = json.loads((home / "news.json").read_text())
    assert migrated["meta"]["1"]["schema_version"] == NEWS_SCHEMA_VERSION
    assert "match_cache" not in migrated and "match_contacts" not in migrated
    assert migrated["articles"] == old["articles"] and migrated["feeds"] == old["feeds"]

    found = todays_matches(store, Config(), now=datetime.now(UTC))
    assert [(m.article.id, m.contact.id) for m in found] == [("a1", "ana")]


def test_a_fetch_that_changes_nothing_writes_nothing(run_cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "news.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Sailing club opens</title><link>https://news.example.com/1</link></item>"
        "</channel></rss>"
    )
    assert run_cli("feeds", "add", str(feed)).code == 0
    assert run_cli("fetch").code == 0
    stamp = (home / "news.json").stat()
    again = run_cli("fetch")
    assert again.code == 0 and "1 skipped" in again.out
    after = (home / "news.json").stat()
    assert (after.st_ino, after.st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns)
