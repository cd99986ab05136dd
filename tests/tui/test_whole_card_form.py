"""The contact form and detail pane: several emails and phones as a list, links and
dates, each checked before the form closes."""

from __future__ import annotations

from pathlib import Path

from givedesk.contacts import merge_contacts
from givedesk.models import Contact, ContactPoint
from givedesk.tui.dialogs.contact_form import ContactForm
from givedesk.tui.screens.contacts import ContactsScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import screen_lines, settle, static_text


def field(app, name: str):  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#field-{name}")


async def test_edit_several_emails_phones_links_and_dates(home: Path, make_app: AppFactory) -> None:
    app = make_app()
    merge_contacts(app.store, [Contact(
        name="Ada Okafor", email="ada@okafor.coffee", phone="+1 360 555 0101",
        emails=[ContactPoint("ada@okafor.coffee", "work"), ContactPoint("ada@mail.example", "home")],
        urls=[ContactPoint("https://okafor.coffee")], birthday="--04-15")])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        detail = static_text(app, "#contact-detail-text")
        for shown in ("Email: work: ada@okafor.coffee", "Email: home: ada@mail.example",
                      "Link: https://okafor.coffee", "Birthday: 15 April"):
            assert shown in detail
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert field(app, "more_emails").value == "home: ada@mail.example"
        assert field(app, "birthday").value == "--04-15"
        field(app, "more_emails").value = "home: ada@mail.example; roastery: ada@roasters.example"
        field(app, "more_phones").value = "home: +1 360 555 0109"
        field(app, "urls").value = "javascript:alert(1)"
        field(app, "birthday").value = "April 15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(app.screen.query_one("#form-errors").render())
        assert "Birthday must be a date" in errors and "is not a web link" in errors
        field(app, "urls").value = "linkedin: https://www.linkedin.com/in/ada"
        field(app, "birthday").value = "1980-04-15"
        field(app, "anniversary").value = "--06-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        (ada,) = app.store.contacts.all()
        assert ada.emails == [ContactPoint("ada@okafor.coffee", "work"),
                              ContactPoint("ada@mail.example", "home"),
                              ContactPoint("ada@roasters.example", "roastery")]
        assert ada.phones == [ContactPoint("+1 360 555 0101"), ContactPoint("+1 360 555 0109", "home")]
        assert ada.urls == [ContactPoint("https://www.linkedin.com/in/ada", "linkedin")]
        assert (ada.birthday, ada.anniversary) == ("1980-04-15", "--06-01")
        assert "Anniversary: 1 June" in static_text(app, "#contact-detail-text")


async def test_a_phone_that_is_not_a_number_is_said_inline_and_the_form_keeps_it(
    home: Path, make_app: AppFactory
) -> None:
    """At 80x24, the error is on the form in full (wrapped, not cut), and nothing typed is lost."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Ada Okafor")
        field(app, "phone").value = "Test Co"
        field(app, "more_phones").value = "home: call me"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        errors = str(app.screen.query_one("#form-errors").render())
        assert "'Test Co' is not a phone number" in errors
        assert "'call me' is not a phone number" in errors
        inside = [line.split("│")[1] for line in screen_lines(app) if line.count("│") >= 2]
        shown = " ".join(inside)
        assert " ".join(errors.split()) in " ".join(shown.split()), "the error is cut"
        assert (field(app, "name").value, field(app, "phone").value) == ("Ada Okafor", "Test Co")
        field(app, "phone").value = "+1 (360) 555-0199 ext 4"
        field(app, "more_phones").value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert [c.phone for c in app.store.contacts.all()] == ["+1 (360) 555-0199 ext 4"]
