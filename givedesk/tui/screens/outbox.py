"""Outbox: one drafted message per person, copied or mailed, then recorded as gives."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Label, TextArea

from givedesk.compose import Draft, draft_outbox_message, mailto_url
from givedesk.models import QueueItem
from givedesk.outbox import (
    OutboxGroup,
    SendRecord,
    mark_sent,
    outbox_groups,
    queue_item,
    remove_item,
    undo_send,
)
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.widgets.links import open_externally
from givedesk.tui.widgets.safe import plain, plain_cell
from givedesk.tui.widgets.tables import FittedTable, cursor_row_key

UNSIGNED = "signed with no name: set [desk] name in config.toml"


def counted(count: int, noun: str) -> str:
    """"1 item", "2 items": "1 item(s)" read like a form."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class OutboxScreen(DeskScreen):
    MODE = "outbox"
    TITLE = "Outbox"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "Copy", id="outbox.copy", tooltip="Copy the draft to the clipboard"),
        Binding("m", "mail", "Mail", id="outbox.mail", tooltip="Open the draft in your mail client"),
        Binding("s", "sent", "Sent", id="outbox.sent", tooltip="Mark sent: record the gives"),
        Binding("u", "undo", "Undo", id="outbox.undo", tooltip="Undo the last send or remove"),
        Binding("x", "remove", "Remove", id="outbox.remove", tooltip="Remove the item from the outbox"),
        Binding("e", "edit", "Edit", id="outbox.edit", tooltip="Edit the draft"),
        Binding("escape", "leave_draft", "Done editing", id="outbox.done",
                tooltip="Leave the draft, back to the list (what you typed is kept)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[str, OutboxGroup] = {}
        self.edited: dict[str, tuple[str, str]] = {}
        """Drafts the user changed, by contact id: (subject, body)."""
        self.last_change: SendRecord | QueueItem | None = None
        """The last send, or the last item removed, for `u`."""
        self.shown_contact: str | None = None

    def compose_body(self) -> ComposeResult:
        yield FittedTable(flexible={"item": 2, "note": 1}, id="outbox-table")
        yield Label(id="draft-to", classes="summary-line", markup=False)
        yield Input(id="draft-subject", classes="compact-input")
        yield TextArea(id="draft-body", soft_wrap=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("To", width=18, key="to")
        table.add_column("Item", width=34, key="item")
        table.add_column("Your note", width=18, key="note")
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape shows in the footer only while a draft is being edited: it is the way out."""
        if action == "leave_draft":
            return self.focused is not None and self.focused.id in ("draft-subject", "draft-body")
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def load(self) -> None:
        self.groups = {g.contact.id: g for g in outbox_groups(self.store)}
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for group in self.groups.values():
            for item in group.items:
                table.add_row(plain_cell(group.contact.name), plain_cell(item.title),
                              plain_cell(item.note), key=item.id)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self.show_draft()

    def selected_group(self) -> OutboxGroup | None:
        item_id = cursor_row_key(self.query_one(DataTable))
        return next((g for g in self.groups.values() if any(i.id == item_id for i in g.items)),
                    None)

    def current_draft(self, group: OutboxGroup) -> Draft:
        draft = draft_outbox_message(group.contact, group.items, self.config)
        if group.contact.id in self.edited:
            subject, body = self.edited[group.contact.id]
            draft = Draft(to=draft.to, subject=subject, body=body)
        return draft

    @on(DataTable.RowHighlighted, "#outbox-table")
    def show_draft(self) -> None:
        group = self.selected_group()
        subject = self.query_one("#draft-subject", Input)
        body = self.query_one("#draft-body", TextArea)
        to = self.query_one("#draft-to", Label)
        if group is None:
            self.shown_contact = None
            to.update(plain("The outbox is empty. On Today, press q on a suggestion to queue it."))
            subject.value, body.text = "", ""
            subject.disabled = body.disabled = True
            return
        subject.disabled = body.disabled = False
        if group.contact.id == self.shown_contact:
            return
        self.shown_contact = group.contact.id
        draft = self.current_draft(group)
        address = f" <{draft.to}>" if draft.to else "  (no email address)"
        unsigned = "" if self.config.desk.name.strip() else f" · {UNSIGNED}"
        to.update(plain(f"Draft to {group.contact.name}{address}, "
                        f"{counted(len(group.items), 'item')}{unsigned}"))
        subject.value = draft.subject
        body.text = draft.body

    @on(TextArea.Changed, "#draft-body")
    @on(Input.Changed, "#draft-subject")
    def remember_edit(self) -> None:
        """Keep what the user typed, so moving the cursor away does not lose it."""
        if self.shown_contact is None or self.focused not in (
            self.query_one("#draft-subject"), self.query_one("#draft-body")
        ):
            return
        self.edited[self.shown_contact] = (
            self.query_one("#draft-subject", Input).value,
            self.query_one("#draft-body", TextArea).text,
        )

    def draft_on_screen(self) -> tuple[OutboxGroup, Draft] | None:
        group = self.selected_group()
        if group is None:
            self.notify("Nothing in the outbox.", severity="warning")
            return None
        base = draft_outbox_message(group.contact, group.items, self.config)
        return group, Draft(to=base.to, subject=self.query_one("#draft-subject", Input).value,
                            body=self.query_one("#draft-body", TextArea).text)

    def action_copy(self) -> None:
        found = self.draft_on_screen()
        if found is None:
            return
        group, draft = found
        self.app.copy_to_clipboard(f"Subject: {draft.subject}\n\n{draft.body}")
        saved = self.store.paths.data_dir / "drafts" / f"{group.contact.id}.txt"
        saved.parent.mkdir(exist_ok=True)
        saved.write_text(f"To: {draft.to}\nSubject: {draft.subject}\n\n{draft.body}", "utf-8")
        self.notify(f"Copied the draft for {group.contact.name}; also saved in the desk's "
                    "drafts/ folder. s once sent.", markup=False)

    def action_mail(self) -> None:
        found = self.draft_on_screen()
        if found is None:
            return
        group, draft = found
        if open_externally(self.app, mailto_url(draft),
                           failed="No mail client opened it; y copies the draft."):
            self.notify(f"Mail client asked for a message to {group.contact.name}. "
                        "s once sent.", markup=False)

    def action_sent(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        record = mark_sent(self.store, group.contact.id, self.now())
        self.last_change = record
        self.edited.pop(group.contact.id, None)
        self.shown_contact = None
        count = len(record.gives)
        self.notify(f"Recorded {counted(count, 'give')} to {group.contact.name}. u undoes.",
                    markup=False)
        self.reload()

    def action_undo(self) -> None:
        change = self.last_change
        if change is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        if isinstance(change, SendRecord):
            undo_send(self.store, change)
            self.notify(f"Undid the send to {change.contact.name}.", markup=False)
        else:
            queue_item(self.store, change, self.now())
            self.notify(f"Back in the outbox: {change.title}", markup=False)
        self.last_change = None
        self.shown_contact = None
        self.reload()

    def action_remove(self) -> None:
        item_id = cursor_row_key(self.query_one(DataTable))
        if item_id:
            item = remove_item(self.store, item_id)
            self.last_change = item
            self.edited.pop(item.contact_id, None)
            self.shown_contact = None
            self.notify(f"Removed {item.title}. u undoes.", markup=False)
            self.reload()

    def action_edit(self) -> None:
        if self.selected_group() is not None:
            self.query_one("#draft-body", TextArea).focus()

    def action_leave_draft(self) -> None:
        self.query_one(DataTable).focus()
