"""Contacts: everyone on the desk, searchable, with each person's history beside."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Static

from givedesk.contacts import (
    Activity,
    add_contact,
    contact_details,
    delete_contact,
    give_activity,
    merge_contacts,
    save_contact,
    search_contacts,
    set_key_relationship,
    sorted_contacts,
)
from givedesk.contacts_io import (
    export_contacts_csv,
    export_contacts_vcf,
    import_report_lines,
    read_contacts_file,
    write_text_file,
)
from givedesk.errors import UserError
from givedesk.followups import Followup, followups_among
from givedesk.matching.lexicon import lexicon_for
from givedesk.models import Contact, Give
from givedesk.tui.dialogs import ConfirmDialog, TextPrompt, offer_suggested_terms
from givedesk.tui.dialogs.contact_form import ContactForm
from givedesk.tui.dialogs.report import ReportDialog
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.widgets.safe import plain, plain_cell
from givedesk.tui.widgets.tables import FittedTable, cursor_row_key


def age_label(when: datetime | None, now: datetime) -> str:
    """'today', '3d', '5w' — short enough for a narrow column."""
    if when is None:
        return "never"
    days = (now.date() - when.date()).days
    if days <= 0:
        return "today"
    return f"{days}d" if days < 14 else f"{days // 7}w"


SortKey = Callable[[Contact], Any]
COLUMNS = (("name", "Name", 15), ("company", "Company", 10), ("key", "★", 1),
           ("last", "Last", 5), ("recent", "30d", 3), ("due", "Due", 11))
"""(key, title, width) of each column, in the order of a row's cells."""
_BREAKS = re.compile(r"(?=@)|(?<=[.\-_])")


def unbroken(label: str, value: str, width: int) -> str:
    """How to write `value` after `label` in `width` columns: a long word such as an email
    goes on lines of its own, cut only after a dot or a dash or before the @, never in
    the middle of a name as plain wrapping would."""
    if len(label) + len(value) <= width or " " in value or width < 8:
        return value
    lines, line = [], ""
    for piece in _BREAKS.split(value):
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return "\n" + "\n".join([*lines, line])


def _existing_file(answer: str) -> str | None:
    return None if Path(answer).expanduser().is_file() else f"No file at {answer}"


def _export_path_error(answer: str) -> str | None:
    path = Path(answer).expanduser()
    if path.suffix.casefold() not in (".csv", ".vcf"):
        return "The file name must end in .csv or .vcf"
    if not path.parent.is_dir():
        return f"No folder {path.parent}"
    return None


class ContactsScreen(DeskScreen):
    MODE = "contacts"
    TITLE = "Contacts"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="contacts.search",
                tooltip="Search names, companies, interests"),
        Binding("a", "add", "Add", id="contacts.add", tooltip="Add a contact"),
        Binding("e", "edit", "Edit", id="contacts.edit", tooltip="Edit the selected contact"),
        Binding("k", "toggle_key", "Key", id="contacts.key", tooltip="Toggle key relationship"),
        Binding("s", "cycle_sort", "Sort", id="contacts.sort", tooltip="Sort by the next column"),
        Binding("delete,D", "delete", "Delete", show=False, id="contacts.delete",
                tooltip="Delete (asks first)"),  # off the footer: Import and Export fit at 80
        Binding("i", "import_file", "Import", id="contacts.import",
                tooltip="Import a .vcf or .csv file (Google, LinkedIn, Outlook, givedesk)"),
        Binding("x", "export_file", "Export", id="contacts.export",
                tooltip="Export every contact to a .csv or .vcf file"),
        Binding("escape", "clear_search", "Clear", show=False, id="contacts.clear",
                tooltip="Clear the search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: dict[str, Contact] = {}
        self.activity: dict[str, Activity] = {}
        self.gives: list[Give] = []
        self.sort_index = 0
        self.due: dict[str, Followup] = {}
        self.shown: dict[str, tuple[Text | str, ...]] = {}
        """Each row's cells as last shown, by contact id."""

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="Search names, companies, interests  ( / )", id="contact-search",
                    classes="compact-input")
        with Horizontal(id="contacts-body"):
            yield FittedTable(flexible={"name": 1, "company": 1}, id="contacts-table")
            with VerticalScroll(id="contact-detail"):
                yield Static(id="contact-detail-text")

    def sorts(self) -> list[tuple[str, SortKey]]:
        never = datetime.min.replace(tzinfo=self.now().tzinfo)
        return [
            ("key, name", lambda c: (not c.key, c.name.casefold())),
            ("name", lambda c: c.name.casefold()),
            ("company", lambda c: (c.company.casefold(), c.name.casefold())),
            ("last give", lambda c: self.activity.get(c.id, Activity()).last_give or never),
            ("gives in 30 days", lambda c: -self.activity.get(c.id, Activity()).gives_30_days),
            ("follow-up due", lambda c: (c.id not in self.due, c.name.casefold())),
        ]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, title, width in COLUMNS:
            table.add_column(title, width=width, key=key)
        table.focus()

    def on_resize(self) -> None:
        """The detail pane lays an email out for its width: lay it out again."""
        self.call_after_refresh(self.show_detail)

    def load(self) -> None:
        with self.store.desk.transaction():
            contacts, self.gives = self.store.contacts.all(), self.store.gives.all()
        now = self.now()
        self.people = {c.id: c for c in contacts}
        self.activity = give_activity(self.gives, now)
        self.due = {f.contact.id: f
                    for f in followups_among(contacts, self.gives, self.config.followups, now)}
        self.fill_table()

    def fill_table(self, select: str | None = None) -> None:
        """The rows of the people found, in the chosen order, the cursor on `select` (or
        where it was). When they are the rows shown, in the same order (after a give, an
        edit, a key toggled), only the cells that changed are updated: adding 3,000 rows
        again, and Textual measuring every one, held the screen for half a second at
        3,000 people."""
        table = self.query_one(DataTable)
        keep = select or self.selected_id()
        query = self.query_one("#contact-search", Input).value
        found = search_contacts(self.people.values(), query)
        if not query:
            label, key = self.sorts()[self.sort_index]
            found.sort(key=key)
        now = self.now()
        rows = {contact.id: self.cells(contact, now) for contact in found}
        if list(rows) == [row.key.value for row in table.ordered_rows]:
            for contact_id, cells in rows.items():
                for (column, _, _), before, after in zip(COLUMNS, self.shown[contact_id],
                                                         cells, strict=True):
                    if before != after:
                        table.update_cell(contact_id, column, after)
            self.cursor_to(select)
        else:
            table.clear()
            for contact_id, cells in rows.items():
                table.add_row(*cells, key=contact_id)
            self.cursor_to(keep)
        self.shown = rows

    def cursor_to(self, contact_id: str | None) -> None:
        """The cursor on this person's row, if shown; the detail pane follows."""
        table = self.query_one(DataTable)
        if contact_id is not None and contact_id in table.rows:
            table.move_cursor(row=table.get_row_index(contact_id))
        self.show_detail()

    def cells(self, contact: Contact, now: datetime) -> tuple[Text | str, ...]:
        """A person's row, in the order of `COLUMNS`."""
        activity = self.activity.get(contact.id, Activity())
        return (plain_cell(contact.name), plain_cell(contact.company),
                "★" if contact.key else "", age_label(activity.last_give, now),
                str(activity.gives_30_days or ""), self.due_label(contact))

    def due_label(self, contact: Contact) -> Text:
        """When a give is due: "17d overdue", "due today", or for a key relationship
        helped lately, "in 3d"."""
        now = self.now()
        followup = self.due.get(contact.id)
        if followup is not None:
            waiting = followup.days_waiting(now)
            return Text(f"{waiting}d overdue" if waiting else "due today", style="bold yellow")
        last = self.activity.get(contact.id, Activity()).last_give
        if not contact.key or last is None:
            return Text("")
        cadence = contact.cadence_days or self.config.followups.cadence_days
        days = ((last + timedelta(days=cadence)).astimezone(now.tzinfo).date() - now.date()).days
        return Text(f"in {max(days, 1)}d", style="dim")

    def selected_id(self) -> str | None:
        return cursor_row_key(self.query_one(DataTable))

    def selected(self) -> Contact | None:
        contact_id = self.selected_id()
        return self.people.get(contact_id) if contact_id else None

    @on(DataTable.RowHighlighted, "#contacts-table")
    def show_detail(self) -> None:
        detail = self.query_one("#contact-detail-text", Static)
        contact = self.selected()
        if contact is None:
            detail.update(plain("No contacts match." if self.people else
                                "No contacts yet. Press a to add one, or run "
                                "`givedesk contacts import FILE`."))
            return
        detail.update(self.describe(contact))

    def describe(self, contact: Contact) -> Text:
        text = Text()
        text.append(contact.name, style="bold")
        if contact.key:
            text.append("  ★ key relationship", style="yellow")
        text.append("\n")
        width = self.query_one("#contact-detail").scrollable_content_region.width
        for label, value in contact_details(contact):
            text.append(f"{label}: ", style="dim")
            text.append(f"{unbroken(f'{label}: ', value, width)}\n")
        if contact.notes:
            text.append("\n")
            text.append(contact.notes)
            text.append("\n")
        history = sorted((g for g in self.gives if g.contact_id == contact.id),
                         key=lambda g: g.given_on, reverse=True)
        text.append(f"\nGives ({len(history)})\n", style="bold")
        for give in history[:30]:
            text.append(f"{give.given_on:%Y-%m-%d} ", style="dim")
            text.append(f"{give.kind:<8}", style="cyan")
            text.append(f"{give.note}\n")
        if not history:
            text.append("Nothing given yet.\n", style="dim")
        return text

    @on(Input.Changed, "#contact-search")
    def search_changed(self) -> None:
        self.fill_table()

    @on(Input.Submitted, "#contact-search")
    def search_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.HeaderSelected, "#contacts-table")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        by_column = {"name": 1, "company": 2, "last": 3, "recent": 4, "due": 5, "key": 0}
        self.sort_index = by_column.get(str(event.column_key.value), 0)
        self.fill_table()

    def action_search(self) -> None:
        self.query_one("#contact-search", Input).focus()

    def action_clear_search(self) -> None:
        self.query_one("#contact-search", Input).value = ""
        self.query_one(DataTable).focus()

    def action_cycle_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(self.sorts())
        self.notify(f"Sorted by {self.sorts()[self.sort_index][0]}")
        self.fill_table()

    def action_add(self) -> None:
        def added(contact: Contact | None) -> None:
            if contact is None:
                return
            report = add_contact(self.store, contact)
            who = (report.added or report.merged or report.unchanged)[0]
            verb = "Added" if report.added else "Merged into existing"
            similar = report.similar_note(who)
            self.notify(f"{verb} {who.name}" + (f"; {similar}" if similar else ""),
                        markup=False, timeout=10 if similar else 3)
            self.reload()
            self.select(who.id)

        self.app.push_screen(ContactForm(), added)

    def action_edit(self) -> None:
        contact = self.selected()
        if contact is None:
            return

        def edited(changed: Contact | None) -> None:
            if changed is not None:
                save_contact(self.store, changed)
                self.notify(f"Saved {changed.name}", markup=False)
                self.reload()

        self.app.push_screen(ContactForm(contact), edited)

    def action_toggle_key(self) -> None:
        """Marking someone key offers the interests and needs their role and company
        suggest, to accept or edit; unmarking asks nothing."""
        contact = self.selected()
        if contact is None:
            return
        marked = set_key_relationship(self.store, contact.id, not contact.key)
        self.reload()
        if marked.key:
            offer_suggested_terms(self.app, self.store, lexicon_for(self.config.matching),
                                  [marked], self.reload)

    def action_delete(self) -> None:
        contact = self.selected()
        if contact is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                delete_contact(self.store, contact.id)
                self.notify(f"Deleted {contact.name}", markup=False)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(f"Delete {contact.name}? Their queued items go too; "
                          "their gives stay in the ledger.", confirm_label="Delete"),
            confirmed,
        )

    def action_import_file(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                self.desk.set_status(f"Importing {path}…")
                self.import_file(Path(path).expanduser())

        self.app.push_screen(
            TextPrompt("Import contacts from a file (.vcf, or Google/LinkedIn/Outlook/givedesk .csv)",
                       placeholder="~/Downloads/Connections.csv", validate=_existing_file),
            chosen,
        )

    @work(thread=True, exclusive=True, group="contacts-io", exit_on_error=False)
    def import_file(self, path: Path) -> None:
        try:
            parsed = read_contacts_file(path)
            report = merge_contacts(self.store, parsed.contacts)
            lines = import_report_lines(path, parsed, report, dry_run=False)
        except UserError as error:
            lines = [str(error)]
        self.app.call_from_thread(self.import_finished, path, lines)

    def import_finished(self, path: Path, lines: list[str]) -> None:
        self.desk.set_status("")
        self.reload()
        self.app.push_screen(ReportDialog(f"Import of {path.name}", lines))

    def action_export_file(self) -> None:
        def chosen(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            people = sorted_contacts(self.people.values())
            text = export_contacts_vcf(people) if path.suffix.casefold() == ".vcf" \
                else export_contacts_csv(people)
            try:
                write_text_file(path, text)
            except UserError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.app.push_screen(ReportDialog("Export", [f"Exported {len(people)} contacts to {path}."]))

        self.app.push_screen(
            TextPrompt("Export every contact to (.csv or .vcf)", value="contacts.csv",
                       validate=_export_path_error),
            chosen,
        )

    def select(self, contact_id: str) -> None:
        """Put the cursor on a person (used when another screen opens them)."""
        self.query_one("#contact-search", Input).value = ""
        self.fill_table(select=contact_id)
