"""The desk says the truth (issue 12): each rough edge, driven by keys, read off the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from givedesk.intros import draft_intro_step, intro_people
from givedesk.models import Contact, QueueItem
from givedesk.outbox import queue_item
from givedesk.tui.dialogs.contact_form import ContactForm
from givedesk.tui.screens.contacts import ContactsScreen
from givedesk.tui.screens.help import HelpScreen
from givedesk.tui.widgets.links import NOT_OPENED_SECONDS
from tests.tui.conftest import FROZEN_NOW, AppFactory
from tests.tui.helpers import (
    propose_first_intro,
    screen_lines,
    screen_text,
    settle,
    static_text,
    table_text,
)

MODES = "123456"


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def today_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    return table_text(app, "#today-table")


# 1. Opening a link or a message: checked, and when nothing opens it, shown and copied.

async def test_o_copies_and_shows_a_link_nothing_could_open(
    demo_home: Path, make_app: AppFactory, no_browser: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        item = app.screen.selected()  # type: ignore[attr-defined]
        await pilot.press("o")
        await pilot.pause()
        assert no_browser == [item.link]
        assert app.clipboard == item.link
        assert "No browser opened it; the link is copied." in notes(app)


async def mail_a_queued_item(store, make_app: AppFactory) -> tuple[list[str], list[float]]:  # type: ignore[no-untyped-def]
    """Queue one item for Zoë, press m on it in the Outbox: the notices and how long
    each stays."""
    zoe = store.contacts.insert(Contact(name="Zoë Okafor", email="zoe@example.com"))
    queue_item(store, QueueItem(contact_id=zoe.id, title="Bike lanes approved"), FROZEN_NOW)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        return notes(app), [n.timeout for n in app._notifications]


async def test_m_says_when_no_mail_client_opened_the_message(
    store, make_app: AppFactory, no_browser: list[str]  # type: ignore[no-untyped-def]
) -> None:
    """One short line that goes in seconds, not the percent-encoded mailto: left over the
    draft for a minute."""
    said, timeouts = await mail_a_queued_item(store, make_app)
    assert len(no_browser) == 1 and no_browser[0].startswith("mailto:zoe@example.com?")
    assert said == ["No mail client opened it; y copies the draft."]
    assert timeouts == [NOT_OPENED_SECONDS] and NOT_OPENED_SECONDS <= 5


async def test_m_reports_an_opened_message_only_when_it_opened(
    store, make_app: AppFactory, opened_urls: list[str]  # type: ignore[no-untyped-def]
) -> None:
    said, _timeouts = await mail_a_queued_item(store, make_app)
    assert len(opened_urls) == 1
    assert said == ["Mail client asked for a message to Zoë Okafor. s once sent."]


# 2. Progress names what is still running, and fits at 80 columns.

async def test_the_progress_line_fits_at_80_columns(store, make_app: AppFactory) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.set_status("Fetching feeds: waiting on 2: Slow Feed, City News", 3, 3)
        await pilot.pause()
        line = screen_lines(app)[-2]
        assert "Fetching feeds: waiting on 2: Slow Feed, City News" in line
        assert line.rstrip().endswith("100%")


def test_refresh_progress_names_the_feeds_still_running(demo_home: Path) -> None:
    from givedesk.config import Config
    from givedesk.desk import refresh_desk
    from givedesk.paths import Paths
    from givedesk.store import Store

    store = Store(Paths.for_home(demo_home))
    seen: list[tuple[int, int, str]] = []
    refresh_desk(store, Config(), now=FROZEN_NOW, force=True,
                 progress=lambda done, total, label: seen.append((done, total, label)))
    names = {feed.name for feed in store.feeds.all()}
    assert len(seen) == len(names) == 3
    waiting = [set(label.split(": ", 1)[1].split(", ")) for _d, _t, label in seen[:-1]]
    for (done, total, label), still in zip(seen, waiting, strict=False):
        assert label.startswith(f"waiting on {total - done}: ")
        assert len(still) == total - done and still < names
    assert waiting[0] > waiting[1]  # what finished leaves the list
    assert seen[-1][2] == "storing the news…"


# 3. An empty filter says so.

async def test_a_filter_without_matches_says_so(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zoex")
        await pilot.pause()
        assert not today_rows(app)
        shown = static_text(app, "#today-empty")
        assert "No rows match 'zoex'" in shown and "All done" not in shown
        await pilot.press("backspace")
        await pilot.pause()
        assert today_rows(app) and all("Zoë" in row for row in today_rows(app))


# 6. The contact form starts on Name.

async def test_the_contact_form_takes_typing_at_once(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await settle(pilot)
        assert "Name (required)" in screen_text(app), "the Name field's label is in view"
        await pilot.press(*"Ada Lovelace", "ctrl+s")
        await settle(pilot)
        assert "Ada Lovelace" in [c.name for c in app.store.contacts.all()]


# 7. `?` always in the footer; help lists every key; a modal shows its own keys.

async def test_question_mark_is_in_the_footer_of_every_screen_at_80x24(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in MODES:
            await pilot.press(key)
            await settle(pilot)
            footer = screen_lines(app)[-1]
            assert footer.startswith(" ? Keys"), (key, footer)


async def test_help_lists_every_reachable_key(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = table_text(app, "#help-keys")
        keys = {(row.split(" | ")[0], row.split(" | ")[1]) for row in listed}
        for expected in [("Everywhere", "ctrl+q"), ("Everywhere", "ctrl+p"),
                         ("Everywhere", "?"), ("Everywhere", "1"), ("Intros", "tab, shift+tab"),
                         ("Intros", "f"), ("Today", "u"), ("Outbox", "escape")]:
            assert expected in keys, expected
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width  # no horizontal scrollbar


async def test_a_modal_footer_shows_only_the_modal_keys(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "Cancel" in footer
        assert "Dismiss" not in footer and "Snooze" not in footer and "? Keys" not in footer


async def test_editing_a_draft_the_footer_says_how_to_leave(
    store, make_app: AppFactory  # type: ignore[no-untyped-def]
) -> None:
    zoe = store.contacts.insert(Contact(name="Zoë Okafor", email="zoe@example.com"))
    queue_item(store, QueueItem(contact_id=zoe.id, title="Bike lanes approved"), FROZEN_NOW)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert "Done editing" not in screen_lines(app)[-1]
        await pilot.press("e")
        await pilot.pause()
        assert "esc Done editing" in screen_lines(app)[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert "Done editing" not in screen_lines(app)[-1]


# 8. Intros: the keys act on the row on screen; ended introductions leave "In progress".

async def test_intro_keys_act_on_the_table_in_focus(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await propose_first_intro(pilot)
        [intro] = app.store.intros.all()
        await pilot.press("shift+tab")  # back on the suggestions
        await pilot.pause()
        assert "a Advance" not in screen_lines(app)[-1] and "p Propose" in screen_lines(app)[-1]
        await pilot.press("a", "n", "x")
        await settle(pilot)
        assert app.store.intros.get(intro.id).status == "proposed"  # type: ignore[union-attr]
        await pilot.press("tab")
        await pilot.pause()
        assert "a Advance" in screen_lines(app)[-1] and "p Propose" not in screen_lines(app)[-1]
        await pilot.press("a")
        await settle(pilot)
        assert app.store.intros.get(intro.id).status == "asked_a"  # type: ignore[union-attr]


async def test_ended_intros_leave_in_progress_and_show_under_done(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await propose_first_intro(pilot)
        pair = table_text(app, "#progress-table")[0].split(" | ")[0]
        await pilot.press("x", "y")  # declined, confirmed
        await settle(pilot)
        assert table_text(app, "#progress-table") == []
        assert "In progress" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert [row.split(" | ")[:2] for row in table_text(app, "#progress-table")] == [
            [pair, "declined"]]
        assert "Done (finished and declined)" in screen_text(app)


async def test_the_whole_intro_message_is_there_and_scrolls(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await propose_first_intro(pilot)
        [intro] = app.store.intros.all()
        draft = draft_intro_step(intro, *intro_people(app.store, intro), app.config)
        assert draft is not None
        shown = static_text(app, "#intro-detail")
        assert draft.body in shown
        box = app.screen.query_one("#intro-detail-box")
        assert box.virtual_size.height > box.size.height  # longer than the pane: it scrolls
        box.focus()
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()  # the scroll glides; on a busy machine
        await pilot.pause()  # one pause ended before it did
        assert box.scroll_y > 0
        last_line = draft.body.strip().splitlines()[-1].strip()
        assert any(last_line[:30] in line for line in screen_lines(app))


# 9. `u` undoes a dismiss, a snooze, a remove.

async def test_u_undoes_a_dismiss_and_a_snooze_on_today(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = today_rows(app)[0]
        await pilot.press("d")
        await settle(pilot)
        assert first not in today_rows(app)
        await pilot.press("u")
        await settle(pilot)
        assert first in today_rows(app)
        assert app.screen.selected().title in first  # type: ignore[attr-defined]  # cursor on it
        assert app.store.states.all() == []
        await pilot.press("z", "down", "enter")
        await settle(pilot)
        assert first not in today_rows(app)
        await pilot.press("u")
        await settle(pilot)
        assert first in today_rows(app) and app.store.states.all() == []
        lead_row = next(i for i, r in enumerate(today_rows(app)) if r.startswith("Lead"))
        app.screen.query_one("#today-table", DataTable).move_cursor(row=lead_row)
        lead = today_rows(app)[lead_row]
        await pilot.press("d")
        await settle(pilot)
        assert lead not in today_rows(app)
        await pilot.press("u")
        await settle(pilot)
        assert lead in today_rows(app)


async def test_u_undoes_a_remove_in_the_outbox(store, make_app: AppFactory) -> None:  # type: ignore[no-untyped-def]
    zoe = store.contacts.insert(Contact(name="Zoë Okafor", email="zoe@example.com"))
    queue_item(store, QueueItem(contact_id=zoe.id, title="Bike lanes approved"), FROZEN_NOW)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert table_text(app, "#outbox-table") == []
        await pilot.press("u")
        await settle(pilot)
        assert [r.split(" | ")[1] for r in table_text(app, "#outbox-table")] == ["Bike lanes approved"]
        assert [q.title for q in app.store.queue.all()] == ["Bike lanes approved"]


# 10. The command palette knows the desk.

async def test_the_palette_adds_a_contact_and_goes_to_a_person(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"add a contact")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"go to zoe okafor")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert app.screen.selected().name == "Zoë Okafor"  # type: ignore[union-attr]


@pytest.mark.parametrize(("typed", "mode"), [("fetch feeds now", "today"),
                                              ("propose the selected", "intros")])
async def test_the_palette_runs_desk_actions(
    demo_home: Path, make_app: AppFactory, typed: str, mode: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if mode == "intros":
            await pilot.press("4")
            await settle(pilot)
        await pilot.press("ctrl+p", *typed)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        if mode == "intros":
            assert len(app.store.intros.all()) == 1
        else:
            assert any(n.startswith("Fetched 3 feeds") for n in notes(app))


# 11. Names without accents or capitals.

async def test_contacts_search_ignores_accents(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("slash", *"nunez")
        await pilot.pause()
        assert [r.split(" | ")[0] for r in table_text(app, "#contacts-table")] == ["Mateo Núñez"]


async def test_review_filter_ignores_accents(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("slash", *"ZOE")
        await pilot.pause()
        people = {r.split(" | ")[1] for r in table_text(app, "#ledger-table")}
        assert people == {"Zoë Okafor"}


# 12. An explicit add from the form reports a near match.

async def test_the_form_reports_a_similar_person(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("a", *"Zoe Okafr", "tab", "tab", "tab", *"Okafor Coffee Roasters",
                          "ctrl+s")
        await settle(pilot)
        assert len([c for c in app.store.contacts.all() if "Okaf" in c.name]) == 2
        assert any(n.startswith("Added Zoe Okafr; similar to Zoë Okafor (Okafor Coffee Roasters)")
                   for n in notes(app))


# Layout: columns use the width they have; the 80x24 detail pane keeps an email whole.

async def test_columns_use_the_width_they_have(store, make_app: AppFactory) -> None:  # type: ignore[no-untyped-def]
    zoe = store.contacts.insert(Contact(name="Zoë Okafor", company="Harborview Food Bank"))
    title = "A long headline about the new bike lanes on Pier Street and the cafes along it"
    queue_item(store, QueueItem(contact_id=zoe.id, title=title), FROZEN_NOW)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert any(title in line for line in screen_lines(app))
        await pilot.press("3")
        await settle(pilot)
        assert any("Harborview Food Bank" in line.split("▏")[0]
                   for line in screen_lines(app))
        for size in ((80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            table = app.screen.query_one("#contacts-table", DataTable)
            assert table.virtual_size.width <= table.size.width, size


async def test_the_detail_pane_never_breaks_an_email_mid_word(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        contact = screen.selected()
        assert contact is not None and len(contact.email) > 30
        pane = [line.split("▏", 1)[1].strip() for line in screen_lines(app) if "▏" in line]
        start = next(i for i, line in enumerate(pane) if contact.email.startswith(line)
                     and line)
        pieces = []
        for line in pane[start:]:
            pieces.append(line)
            if "".join(pieces) == contact.email:
                break
        assert "".join(pieces) == contact.email
        for piece, following in zip(pieces, pieces[1:], strict=False):
            assert piece[-1] in ".-" or following.startswith("@"), pieces


