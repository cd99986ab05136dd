"""Adding or editing a contact in one form, checked before it closes."""

from __future__ import annotations

import dataclasses
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, TextArea

from givedesk.contact_points import is_phone_number, parse_points, points_text, web_link
from givedesk.models import Contact, ContactPoint
from givedesk.partial_date import normalise_partial_date
from givedesk.text import split_terms
from givedesk.tui.widgets.safe import plain

TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name (required)"), ("email", "Email"), ("phone", "Phone"),
    ("company", "Company"), ("role", "Role"), ("location", "Location"),
    ("interests", "Interests (separate with ;)"), ("needs", "Needs (;)"),
    ("offers", "Offers (;)"), ("tags", "Tags (;)"), ("muted_topics", "Muted topics (;)"),
    ("aliases", "Aliases: topic: word, word (;)"),
    ("met_at", "Met at"), ("met_on", "Met on (YYYY-MM-DD)"),
    ("cadence_days", "Follow-up every N days (empty: default)"),
    ("nickname", "Nickname"),
    ("more_emails", "More emails (label: address; …)"),
    ("more_phones", "More phones (label: number; …)"),
    ("urls", "Links (label: https://…; …)"),
    ("birthday", "Birthday (YYYY-MM-DD, or --MM-DD without the year)"),
    ("anniversary", "Anniversary (YYYY-MM-DD or --MM-DD)"),
    ("work_anniversary", "Work anniversary: started on (YYYY-MM-DD or --MM-DD)"),
)
LIST_FIELDS = {"interests", "needs", "offers", "tags", "muted_topics", "aliases"}
DATE_FIELDS = {"birthday": "Birthday", "anniversary": "Anniversary",
               "work_anniversary": "Work anniversary"}
MORE_FIELDS = {"more_emails": ("email", "emails"), "more_phones": ("phone", "phones")}
"""The inputs listing every address or number but the preferred one, which has its own."""


def _initial(contact: Contact, name: str) -> str:
    if name in MORE_FIELDS:
        return points_text(getattr(contact, MORE_FIELDS[name][1])[1:])
    value = getattr(contact, name)
    if name in LIST_FIELDS:
        return "; ".join(value)
    if name == "urls":
        return points_text(value)
    return "" if value is None else str(value)


def form_errors(values: dict[str, str]) -> list[str]:
    """What is wrong with the typed values, in the user's words."""
    errors = []
    if not values["name"].strip():
        errors.append("A contact needs a name.")
    email = values["email"].strip()
    if email and ("@" not in email or " " in email):
        errors.append(f"'{email}' does not look like an email address.")
    phones = [values["phone"].strip(), *(p.value for p in parse_points(values["more_phones"]))]
    for phone in phones:
        if phone and not is_phone_number(phone):
            errors.append(f"'{phone}' is not a phone number (like +1 360 555 0199).")
    if values["met_on"].strip():
        try:
            date.fromisoformat(values["met_on"].strip())
        except ValueError:
            errors.append("Met on must be a date like 2026-11-22.")
    for name, label in DATE_FIELDS.items():
        try:
            normalise_partial_date(values[name])
        except ValueError:
            errors.append(f"{label} must be a date like 1984-04-15, or --04-15 without the year.")
    for link in parse_points(values["urls"]):
        if web_link(link.value) is None:
            errors.append(f"'{link.value}' is not a web link (http or https).")
    for point in parse_points(values["more_emails"]):
        if "@" not in point.value or " " in point.value:
            errors.append(f"'{point.value}' does not look like an email address.")
    cadence = values["cadence_days"].strip()
    if cadence and (not cadence.isdigit() or int(cadence) < 1):
        errors.append("Follow-up days must be a whole number above 0.")
    return errors


def contact_from_form(base: Contact, values: dict[str, str], notes: str, key: bool) -> Contact:
    changes: dict[str, object] = {"notes": notes, "key": key}
    for name, raw in values.items():
        text = raw.strip()
        if name in MORE_FIELDS:
            single, several = MORE_FIELDS[name]
            preferred = values[single].strip()
            label = next((p.label for p in getattr(base, several)
                          if p.value.casefold() == preferred.casefold()), "")
            first = [ContactPoint(preferred, label)] if preferred else []
            changes[several] = first + parse_points(text)
        elif name == "urls":
            changes[name] = parse_points(text)
        elif name in LIST_FIELDS:
            changes[name] = split_terms(text)
        elif name == "met_on":
            changes[name] = date.fromisoformat(text) if text else None
        elif name == "cadence_days":
            changes[name] = int(text) if text else None
        else:
            changes[name] = text
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


class ContactForm(ModalScreen[Contact | None]):
    AUTO_FOCUS = "#field-name"
    """Typing starts with the name: the one required field."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save the contact"),
    ]

    def __init__(self, contact: Contact | None = None) -> None:
        super().__init__()
        self.editing = contact is not None
        self.contact = contact or Contact(name="")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            title = f"Edit {self.contact.name}" if self.editing else "New contact"
            yield Label(plain(title), classes="dialog-question")
            with VerticalScroll():
                for name, label in TEXT_FIELDS:
                    yield Label(label, classes="field-label")
                    yield Input(_initial(self.contact, name), id=f"field-{name}")
                yield Checkbox("Key relationship", self.contact.key, id="field-key")
                yield Label("Notes", classes="field-label")
                yield TextArea(self.contact.notes, id="field-notes", soft_wrap=True)
            yield Label("", id="form-errors", classes="dialog-hint error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        # Focusing Name scrolls the form just past its label: bring the label back.
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        values = {name: self.query_one(f"#field-{name}", Input).value for name, _ in TEXT_FIELDS}
        errors = form_errors(values)
        if errors:
            self.query_one("#form-errors", Label).update(plain(" ".join(errors)))
            return
        notes = self.query_one("#field-notes", TextArea).text
        key = self.query_one("#field-key", Checkbox).value
        self.dismiss(contact_from_form(self.contact, values, notes, key))

    def action_cancel(self) -> None:
        self.dismiss(None)
