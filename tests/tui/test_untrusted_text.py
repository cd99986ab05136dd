"""Feed and contact text is shown literally on every screen: markup, actions, long
words, right-to-left, CJK and emoji trigger nothing and break nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from givedesk.config import Config
from givedesk.contacts import merge_contacts
from givedesk.feeds.fetch import fetch_all
from givedesk.feeds.registry import add_feed
from givedesk.ledger import log_give
from givedesk.models import Contact, QueueItem
from givedesk.outbox import queue_item
from givedesk.paths import Paths
from givedesk.store import Store
from tests.tui.conftest import FROZEN_NOW, AppFactory
from tests.tui.helpers import settle, static_text, table_text

MARKUP_TITLE = "[bold red]Rust[/] compiler [@click=app.quit]release[/] notes"
LONG_WORD = "Rust" + "x" * 300
WORLD_TITLE = "Rust meetup 東京 مرحبا 🚀 بالعالم"
HOSTILE_NAME = "Mallory [b]Markup[/b] [@click=app.quit]Q[/]"


@pytest.fixture
def hostile_desk(home: Path, tmp_path: Path) -> Store:
    feed = tmp_path / "hostile.xml"
    items = "".join(
        f"<item><title><![CDATA[{title}]]></title><link>https://evil.example.com/{n}</link>"
        f"<guid>h{n}</guid><description><![CDATA[<p>About Rust: [/b] {title}</p>]]></description>"
        "</item>"
        for n, title in enumerate([MARKUP_TITLE, LONG_WORD, WORLD_TITLE])
    )
    feed.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>Hostile [@click=app.quit]feed[/]</title>{items}</channel></rss>",
                    encoding="utf-8")
    store = Store(Paths.for_home(home))
    add_feed(store, str(feed), name="[@click=app.quit]Hostile[/]")
    fetch_all(store, Config(), force=True, now=FROZEN_NOW)
    report = merge_contacts(store, [Contact(
        name=HOSTILE_NAME, interests=["Rust"], key=True, needs=["[/] broken markup"],
        notes="[@click=app.quit]click me[/]\nsecond line")])
    mallory = report.added[0]
    merge_contacts(store, [Contact(name="Ordinary Person", offers=["broken markup"])])
    queue_item(store, QueueItem(contact_id=mallory.id, title=MARKUP_TITLE), FROZEN_NOW)
    log_give(store, mallory, "help", MARKUP_TITLE, now=FROZEN_NOW)
    return store


async def test_every_screen_shows_hostile_text_literally(
    hostile_desk: Store, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        today = "\n".join(table_text(app, "#today-table"))
        assert MARKUP_TITLE in today and HOSTILE_NAME in today
        assert "東京" in today
        await pilot.press("enter")
        await pilot.pause()
        assert MARKUP_TITLE in static_text(app, "#preview-text") or \
            WORLD_TITLE in static_text(app, "#preview-text")
        await pilot.press("escape")

        await pilot.press("2")
        await settle(pilot)
        assert MARKUP_TITLE in "\n".join(table_text(app, "#outbox-table"))
        assert MARKUP_TITLE in app.screen.query_one("#draft-body").text  # type: ignore[attr-defined]

        await pilot.press("3")
        await settle(pilot)
        assert HOSTILE_NAME in "\n".join(table_text(app, "#contacts-table"))
        detail = static_text(app, "#contact-detail-text")
        assert "[@click=app.quit]click me[/]" in detail and MARKUP_TITLE in detail

        await pilot.press("4")
        await settle(pilot)
        assert HOSTILE_NAME in "\n".join(table_text(app, "#suggested-table"))

        await pilot.press("5")
        await settle(pilot)
        assert MARKUP_TITLE in "\n".join(table_text(app, "#ledger-table"))

        await pilot.press("6")
        await settle(pilot)
        assert "[@click=app.quit]Hostile[/]" in "\n".join(table_text(app, "#feeds-table"))

        for size in [(80, 24), (40, 12), (200, 50)]:
            await pilot.resize_terminal(*size)
            await pilot.press("1")
            await settle(pilot)
        assert app.is_running


def screen_lines(widget: Widget) -> list[tuple[str, list[dict[str, object]]]]:
    """What the widget paints, line by line: the text, and the metadata of its segments
    (where Textual keeps `@click` actions of live markup)."""
    lines = []
    for y in range(widget.size.height):
        segments = list(widget.render_line(y))
        lines.append(("".join(segment.text for segment in segments),
                      [segment.style.meta for segment in segments
                       if segment.style is not None and segment.style.meta]))
    return lines


async def test_clicking_hostile_text_runs_no_action(
    hostile_desk: Store, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    ran: list[str] = []
    monkeypatch.setattr(type(app), "action_quit", lambda self: ran.append("quit"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#today-table")
        painted = screen_lines(table)
        row = next(y for y, (text, _meta) in enumerate(painted) if "compiler" in text)
        start = painted[row][0].index("compiler")
        for x in range(start, min(start + 40, table.size.width), 2):  # over "release", live or not
            await pilot.click("#today-table", offset=(x, row))
            await pilot.press("escape")
        await settle(pilot)
        assert ran == [], "a click on hostile text ran an action"
        assert app.is_running
        assert "[bold red]Rust[/] compiler [@click=app.quit]" in painted[row][0]
        assert not [meta for _text, metas in painted for meta in metas if "@click" in meta]
