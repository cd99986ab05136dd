"""Contacts: search, sort, add, edit, key, delete, import and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from givedesk.models import Contact, Give
from givedesk.tui.dialogs.contact_form import ContactForm
from givedesk.tui.screens.contacts import ContactsScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle, static_text, table_text


def names(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.split(" | ")[0] for line in table_text(app, "#contacts-table")]


async def open_contacts(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)


async def test_search_is_incremental_and_forgives_typos(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        assert len(names(app)) == 12
        await pilot.press("slash", *"okafr")
        await pilot.pause()
        assert names(app)[0] == "Zoë Okafor"
        await pilot.press("escape")
        await pilot.press("slash", *"podcast")
        await pilot.pause()
        assert set(names(app)) >= {"Zoë Okafor", "Leila Haddad"} and len(names(app)) < 12
        await pilot.press("escape")
        await pilot.pause()
        assert len(names(app)) == 12


async def test_detail_pane_shows_every_field_and_the_give_timeline(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        detail = static_text(app, "#contact-detail-text")
        person = app.screen.selected()  # type: ignore[attr-defined]
        assert person.name in detail and "Gives (" in detail
        assert "Interests: " + "; ".join(person.interests) in detail


async def test_sort_cycles(demo_home: Path, make_app: AppFactory) -> None:
    """Every press of s applies the next order, the table follows, and the cycle wraps."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        people = app.store.contacts.all()

        def order(key: Callable[[Contact], Any]) -> list[str]:
            return [c.name for c in sorted(people, key=key)]

        by_key_then_name = order(lambda c: (not c.key, c.name.casefold()))
        expected = [
            ("name", order(lambda c: c.name.casefold())),
            ("company", order(lambda c: (c.company.casefold(), c.name.casefold()))),
            ("last give", None),
            ("gives in 30 days", None),
            ("follow-up due", order(lambda c: (c.id not in screen.due, c.name.casefold()))),
            ("key, name", by_key_then_name),
        ]
        assert names(app) == by_key_then_name
        seen = []
        for label, wanted in expected:
            await pilot.press("s")
            await pilot.pause()
            assert screen.sorts()[screen.sort_index][0] == label
            if wanted is None:  # ties keep the search order: check the keys are in order
                key = screen.sorts()[screen.sort_index][1]
                by_name = {c.name: c for c in people}
                keys = [key(by_name[name]) for name in names(app)]
                assert keys == sorted(keys), label
                assert sorted(names(app)) == sorted(by_name)
            else:
                assert names(app) == wanted, label
            seen.append(names(app))
        assert len({tuple(shown) for shown in seen}) >= 4, "the sorts must differ on the demo"


async def test_add_validates_then_saves(home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "needs a name" in str(app.screen.query_one("#form-errors").render())
        app.screen.query_one("#field-name").value = "Ada Lovelace"  # type: ignore[attr-defined]
        app.screen.query_one("#field-interests").value = "engines; poetry"  # type: ignore[attr-defined]
        app.screen.query_one("#field-met_on").value = "22/11/2026"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Met on must be a date" in str(app.screen.query_one("#form-errors").render())
        app.screen.query_one("#field-met_on").value = "2026-11-20"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        [ada] = app.store.contacts.all()
        assert ada.interests == ["engines", "poetry"] and str(ada.met_on) == "2026-11-20"
        assert names(app) == ["Ada Lovelace"]


async def test_edit_toggle_key_and_delete_with_confirmation(
    demo_home: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        person = app.screen.selected()  # type: ignore[attr-defined]
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-role").value = "Chief Listener"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.contacts.get(person.id).role == "Chief Listener"  # type: ignore[union-attr]
        was_key = app.store.contacts.get(person.id).key  # type: ignore[union-attr]
        await pilot.press("k")
        await settle(pilot)
        assert app.store.contacts.get(person.id).key is not was_key  # type: ignore[union-attr]
        selected = app.screen.selected()  # type: ignore[attr-defined]
        await pilot.press("D", "n")
        await settle(pilot)
        assert app.store.contacts.get(selected.id) is not None
        await pilot.press("D", "y")
        await settle(pilot)
        assert app.store.contacts.get(selected.id) is None


async def test_import_and_export_from_the_screen(
    home: Path, tmp_path: Path, make_app: AppFactory
) -> None:
    source = tmp_path / "people.csv"
    source.write_text("name,email,company,role,location,interests,needs,offers,notes,key\n"
                      "Zoë Okafor,zoe@example.com,Okafor Coffee,,,,,,,yes\nBroken,row\n")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        await pilot.press("i", *str(source), "enter")
        await settle(pilot)
        report = static_text(app, "#report-text")
        assert "people.csv:3" in report and "1 added" in report
        await pilot.press("escape")
        await settle(pilot)
        assert names(app) == ["Zoë Okafor"]
        target = tmp_path / "out.vcf"
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#answer").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "FN:Zoë Okafor" in target.read_text()


async def test_follow_ups_due_show_in_their_own_column(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        rows = {line.split(" | ")[0]: line.split(" | ")[-1] for line in table_text(app, "#contacts-table")}
        # key relationship every 30 days, last give 47 days ago
        assert rows["Priya Raman"] == "17d overdue"
        assert rows["Leila Haddad"] == "3d overdue"  # met 3 days ago, nothing given yet
        assert rows["Zoë Okafor"] == "in 13d"  # key, helped a day ago (every 14 days)
        assert rows["Hana Kobayashi"] == ""  # not key, not new: nothing is due


async def test_a_give_updates_its_row_without_rebuilding_the_table(
    demo_home: Path, make_app: AppFactory
) -> None:
    """Coming back after a give elsewhere changes the cells that changed; the rows (and
    the cursor on them) stay, so a desk of thousands is not laid out again."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        await pilot.press("down", "down")
        table = screen.query_one("#contacts-table", DataTable)
        chosen, cursor = screen.selected_id(), table.cursor_row
        before = {line.split(" | ")[0]: line for line in table_text(app, "#contacts-table")}
        leila = next(c for c in app.store.contacts.all() if c.name == "Leila Haddad")
        rebuilt: list[int] = []
        clear = table.clear

        def counting_clear(*args: Any, **kwargs: Any) -> Any:
            rebuilt.append(1)
            return clear(*args, **kwargs)

        table.clear = counting_clear  # type: ignore[method-assign]
        await pilot.press("1")
        await settle(pilot)
        app.store.gives.insert(Give(contact_id=leila.id, kind="article", note="a link"))
        await pilot.press("3")
        await settle(pilot)
        after = {line.split(" | ")[0]: line for line in table_text(app, "#contacts-table")}
        assert not rebuilt
        assert (screen.selected_id(), table.cursor_row) == (chosen, cursor)
        assert after["Leila Haddad"] != before["Leila Haddad"]
        assert "today" in after["Leila Haddad"] and "overdue" not in after["Leila Haddad"]
        assert {k: v for k, v in after.items() if k != "Leila Haddad"} == \
            {k: v for k, v in before.items() if k != "Leila Haddad"}


async def test_the_card_shows_a_linkedin_connection_date(home: Path, make_app: AppFactory) -> None:
    from datetime import date

    from givedesk.paths import Paths
    from givedesk.store import Store

    Store(Paths.for_home(home)).contacts.insert(
        Contact(name="Lin Kedin", connected_on=date(2019, 4, 2)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        detail = static_text(app, "#contact-detail-text")
        assert "Connected: 2019-04-02" in detail and "Met on" not in detail
