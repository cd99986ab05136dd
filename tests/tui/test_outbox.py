"""Outbox: draft, copy, mail, send, undo, remove, edit."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from givedesk.config import Config, DeskConfig
from givedesk.models import Contact, QueueItem
from givedesk.outbox import queue_item
from givedesk.store import Store
from tests.tui.conftest import FROZEN_NOW, AppFactory
from tests.tui.helpers import screen_text, settle, table_text


@pytest.fixture
def queued(store: Store) -> Contact:
    zoe = store.contacts.insert(Contact(name="Zoë Okafor", email="zoe@example.com"))
    for title, link in [("Bike lanes approved", "https://news.example.com/bike"),
                        ("Cafe grants open", "https://news.example.com/grants")]:
        queue_item(store, QueueItem(contact_id=zoe.id, title=title, link=link,
                                    article_id=title, note="thought of you"), FROZEN_NOW)
    return zoe


async def open_outbox(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)


async def test_one_draft_per_person_copied_and_mailed(
    queued: Contact, make_app: AppFactory, opened_urls: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_outbox(app, pilot)
        assert [line.split(" | ")[1] for line in table_text(app, "#outbox-table")] == [
            "Bike lanes approved", "Cafe grants open"]
        body = app.screen.query_one("#draft-body").text  # type: ignore[attr-defined]
        assert body.startswith("Hi Zoë,") and "https://news.example.com/grants" in body
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard.startswith("Subject: ") and "Bike lanes approved" in app.clipboard
        assert (app.store.paths.data_dir / "drafts" / f"{queued.id}.txt").exists()
        await pilot.press("m")
        await pilot.pause()
        url = urlsplit(opened_urls[0])
        assert url.scheme == "mailto" and url.path == "zoe@example.com"
        assert "Cafe grants open" in parse_qs(url.query)["body"][0]


async def test_edit_in_place_then_send_and_undo(queued: Contact, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_outbox(app, pilot)
        await pilot.press("e", "ctrl+home", *"Dear friend. ")
        await pilot.press("escape", "down", "up")
        await pilot.press("y")
        await pilot.pause()
        assert "Dear friend. Hi Zoë," in app.clipboard, "edits survive moving the cursor"
        await pilot.press("s")
        await settle(pilot)
        assert table_text(app, "#outbox-table") == []
        gives = app.store.gives.all()
        assert sorted(g.note for g in gives) == ["Bike lanes approved — thought of you",
                                                 "Cafe grants open — thought of you"]
        await pilot.press("u")
        await settle(pilot)
        assert app.store.gives.all() == []
        assert len(table_text(app, "#outbox-table")) == 2


async def test_x_removes_an_item(queued: Contact, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_outbox(app, pilot)
        await pilot.press("x")
        await settle(pilot)
        assert [q.title for q in app.store.queue.all()] == ["Cafe grants open"]
        assert "Bike lanes approved" not in app.screen.query_one("#draft-body").text  # type: ignore[attr-defined]


async def test_an_empty_outbox_says_how_to_fill_it(home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_outbox(app, pilot)
        assert "press q on a suggestion" in str(app.screen.query_one("#draft-to").render())
        await pilot.press("s", "y")
        await pilot.pause()
        assert app.store.gives.all() == []


@pytest.mark.parametrize(("name", "unsigned"), [("", True), ("Sam Rivera", False)])
async def test_the_draft_says_how_many_and_whether_it_is_signed(
    queued: Contact, make_app: AppFactory, name: str, unsigned: bool
) -> None:
    app = make_app(Config(desk=DeskConfig(name=name)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_outbox(app, pilot)
        to = str(app.screen.query_one("#draft-to").render())
        assert "2 items" in to and "item(s)" not in to
        assert ("set [desk] name in config.toml" in to) is unsigned
        shown = " ".join(line.strip() for line in screen_text(app).splitlines())
        assert ("set [desk] name in config.toml" in shown) is unsigned  # wrapped, not cut
        body = app.screen.query_one("#draft-body").text  # type: ignore[attr-defined]
        assert body.endswith(f"Best,\n{name}".rstrip())
