"""The bundled demo desk: a dozen invented people, their history, and three feed files.

`demo_home()` builds a fresh desk in a temporary folder every time (and removes it
when the demo closes), with dates
moved so the history and the news read as recent whatever day the demo is opened.
Nothing needs the network: the feeds are local files.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from importlib import resources
from pathlib import Path
from typing import Any

from givedesk.contacts import merge_contacts
from givedesk.models import Ask, Contact, Give
from givedesk.paths import Paths
from givedesk.store import Store

__all__ = ["DEMO_LOCAL_FEEDS", "create_demo_home", "demo_home"]

DEMO_LOCAL_FEEDS = frozenset({"local.xml"})
_PUB_DATE = re.compile(r"<pubDate>([^<]+)</pubDate>")


def _demo_file(name: str) -> Any:
    return resources.files(__package__).joinpath(name)


def _shift_pub_dates(feed_xml: str, now: datetime) -> str:
    """Move every pubDate so the newest item was published a few hours before `now`."""
    dates = [parsedate_to_datetime(found) for found in _PUB_DATE.findall(feed_xml)]
    if not dates:
        return feed_xml
    offset = now - timedelta(hours=2) - max(dates)

    def shifted(found: re.Match[str]) -> str:
        moved = parsedate_to_datetime(found.group(1)) + offset
        return f"<pubDate>{format_datetime(moved.astimezone(UTC))}</pubDate>"

    return _PUB_DATE.sub(shifted, feed_xml)


def _contacts(now: datetime) -> list[Contact]:
    people = []
    for record in json.loads(_demo_file("contacts.json").read_text(encoding="utf-8")):
        days_ago = record.pop("met_on_days_ago", None)
        contact = Contact(**record)
        if days_ago is not None:
            contact.met_on = (now - timedelta(days=days_ago)).date()
        people.append(contact)
    return people


def _history(contacts: list[Contact], now: datetime) -> tuple[list[Give], list[Ask]]:
    ids = {contact.name: contact.id for contact in contacts}
    history = json.loads(_demo_file("history.json").read_text(encoding="utf-8"))
    gives = [
        Give(contact_id=ids[g["contact"]], kind=g["kind"], note=g["note"], link=g.get("link"),
             given_on=now - timedelta(days=g["days_ago"], hours=3))
        for g in history["gives"]
    ]
    asks = [
        Ask(contact_id=ids[a["contact"]], text=a["text"],
            asked_on=now - timedelta(days=a["days_ago"], hours=5))
        for a in history["asks"]
    ]
    return gives, asks


def populate_demo(home: Path, now: datetime) -> Store:
    """Fill `home` with the demo desk as it would look on `now`, news already fetched."""
    from givedesk.config import Config
    from givedesk.feeds.fetch import fetch_all
    from givedesk.feeds.registry import add_feed

    store = Store(Paths.for_home(home), today=now.date)
    contacts = _contacts(now)
    merge_contacts(store, contacts)
    gives, asks = _history(contacts, now)
    store.gives.insert_many(gives)
    store.asks.insert_many(asks)
    feed_folder = home / "feeds"
    feed_folder.mkdir(exist_ok=True)
    for source in sorted(_demo_file("feeds").iterdir(), key=lambda item: item.name):
        target = feed_folder / source.name
        target.write_text(_shift_pub_dates(source.read_text(encoding="utf-8"), now), "utf-8")
        add_feed(store, str(target), name=target.stem.capitalize(),
                 local=source.name in DEMO_LOCAL_FEEDS)
    fetch_all(store, Config(), force=True, now=now)
    return store


def create_demo_home(now: datetime | None = None) -> Path:
    """A new temporary folder holding a ready demo desk."""
    home = Path(tempfile.mkdtemp(prefix="givedesk-demo-"))
    populate_demo(home, now or datetime.now(UTC))
    return home


@contextmanager
def demo_home(now: datetime | None = None) -> Iterator[Path]:
    """A fresh demo desk for as long as the demo runs, then gone: each `--demo` would
    otherwise leave a folder behind in /tmp."""
    home = create_demo_home(now)
    try:
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)
