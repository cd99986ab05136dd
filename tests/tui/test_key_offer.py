"""Today offers to mark key relationships: k lists the people suggested, space ticks,
enter marks; then each one's suggested interests and needs are shown to accept or edit."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from givedesk.config import Config
from givedesk.models import Contact
from givedesk.paths import Paths
from givedesk.store import Store
from givedesk.tui.app import GiveDeskApp
from givedesk.tui.dialogs import PickPeopleDialog, TextPrompt
from tests.tui.conftest import FROZEN_NOW, AppFactory
from tests.tui.helpers import screen_text, settle


async def test_marking_a_suggested_person_key_and_accepting_only_what_was_confirmed(
    demo_home: Path, make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Key relationships: k lists" in screen_text(app)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, PickPeopleDialog)
        first = app.screen.people[0][1].contact
        await pilot.press("space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt) and "interests" in app.screen.title_text
        suggested = app.screen.initial
        await pilot.press("end", *"; mentoring", "enter")  # accepted, with an edit
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt) and "needs" in app.screen.title_text
        await pilot.press("escape")  # the needs are skipped: nothing stored
        await settle(pilot)
        stored = app.store.contacts.get(first.id)
        assert stored is not None and stored.key
        assert "mentoring" in stored.interests
        assert all(term.strip() in stored.interests for term in suggested.split(";") if term.strip())
        assert stored.needs == first.needs


async def test_escape_marks_nobody(demo_home: Path, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys_before = {c.id for c in app.store.contacts.all() if c.key}
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("space", "escape")
        await settle(pilot)
        assert {c.id for c in app.store.contacts.all() if c.key} == keys_before


async def test_the_offer_hidden_stays_hidden_for_the_day(
    demo_home: Path, make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert "Key relationships: k lists" in screen_text(app)
        await pilot.press("K")
        await settle(pilot)
        assert "Key relationships: k lists" not in screen_text(app)
    again = make_app()  # the next launch, the same day
    async with again.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert "Key relationships: k lists" not in screen_text(again)
    tomorrow = GiveDeskApp(again.store, Config(), clock=lambda: FROZEN_NOW + timedelta(days=1))
    async with tomorrow.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert "Key relationships: k lists" in screen_text(tomorrow)


async def test_marking_someone_key_on_contacts_offers_their_field_to_accept_or_edit(
    home: Path, make_app: AppFactory,
) -> None:
    store = Store(Paths.for_home(home))
    arjun = store.contacts.insert(Contact(name="Arjun Iyer", role="Java Developer",
                                          company="Northwind Bank"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt) and "interests" in app.screen.title_text
        assert app.screen.initial == "java"
        await pilot.press("end", *"; cloud", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt) and "needs" in app.screen.title_text
        await pilot.press("escape")
        await settle(pilot)
        stored = app.store.contacts.get(arjun.id)
        assert stored is not None and stored.key and stored.interests == ["java", "cloud"]
        assert stored.needs == []
        await pilot.press("k")  # unmarking asks nothing
        await settle(pilot)
        assert not isinstance(app.screen, TextPrompt)
        assert not app.store.contacts.get(arjun.id).key  # type: ignore[union-attr]
