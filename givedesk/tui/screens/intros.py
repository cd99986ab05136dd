"""Intros: who should meet, and the double opt-in that gets them there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from givedesk.errors import UserError
from givedesk.intros import (
    STATUS_LABELS,
    IntroProgress,
    IntroSuggestion,
    advance_intro,
    decline_intro,
    dismiss_suggestion,
    draft_intro_step,
    intro_progress,
    is_open,
    propose_intro,
    snooze_suggestion,
    suggest_intros,
)
from givedesk.tui.dialogs import ChoiceDialog, ConfirmDialog
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.screens.today import SNOOZES
from givedesk.tui.widgets.safe import plain, plain_cell
from givedesk.tui.widgets.tables import FittedTable, cursor_row_key


def reason_text(suggestion: IntroSuggestion) -> str:
    best = suggestion.reasons[0]
    return f"{best.a_term} ↔ {best.b_term}"


class IntrosScreen(DeskScreen):
    MODE = "intros"
    TITLE = "Intros"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "propose", "Propose", id="intros.propose",
                tooltip="Start the double opt-in for the suggested pair"),
        Binding("a", "advance", "Advance", id="intros.advance",
                tooltip="Move the introduction to its next step"),
        Binding("x", "decline", "Declined", id="intros.decline", tooltip="Someone declined"),
        Binding("n", "no_reply", "No reply", id="intros.no_reply", tooltip="Nobody answered"),
        Binding("d", "dismiss_pair", "Dismiss", id="intros.dismiss",
                tooltip="Never suggest this pair again"),
        Binding("z", "snooze_pair", "Snooze", id="intros.snooze", tooltip="Suggest the pair later"),
        Binding("y", "copy_message", "Copy", id="intros.copy",
                tooltip="Copy the message for the current step"),
        Binding("f", "toggle_done", "Done list", id="intros.done",
                tooltip="Show finished and declined introductions (again: those in progress)"),
    ]
    HELP_ONLY_KEYS: ClassVar[list[BindingType]] = [
        Binding("tab,shift+tab", "focus_next", "Switch", tooltip=(
            "Move between suggestions, introductions and the message (arrows scroll it)")),
    ]
    SUGGESTION_ACTIONS = frozenset({"propose", "dismiss_pair", "snooze_pair"})
    PROGRESS_ACTIONS = frozenset({"advance", "decline", "no_reply", "copy_message"})

    def __init__(self) -> None:
        super().__init__()
        self.suggestions: dict[str, IntroSuggestion] = {}
        self.progress: dict[str, IntroProgress] = {}
        self.showing_done = False
        """The lower table lists finished and declined introductions instead of open ones."""
        self.on_progress = False
        """The table the user is on (the keys and the message pane follow it)."""
        self.failure: str | None = None
        """Why suggestions could not be found (their worker failed), shown in their place."""

    def compose_body(self) -> ComposeResult:
        yield Label("Suggested introductions", id="suggested-label", classes="summary-line")
        yield FittedTable(flexible={"pair": 1, "why": 1}, id="suggested-table")
        yield Label("In progress", id="progress-label", classes="summary-line")
        yield FittedTable(flexible={"pair": 1, "next": 1}, id="progress-table")
        with VerticalScroll(id="intro-detail-box"):
            yield Static(id="intro-detail")

    def on_mount(self) -> None:
        suggested = self.query_one("#suggested-table", DataTable)
        suggested.add_column("Introduce", width=30, key="pair")
        suggested.add_column("Why", width=36, key="why")
        suggested.add_column("Score", width=5, key="score")
        progress = self.query_one("#progress-table", DataTable)
        progress.add_column("A → B", width=30, key="pair")
        progress.add_column("Step", width=12, key="step")
        progress.add_column("Next", width=26, key="next")
        progress.add_column("Wait", width=5, key="wait")
        suggested.focus()

    def load(self) -> None:
        """Introductions in progress at once; suggestions (every pair compared) in a
        worker, and keys wait for them."""
        self.read_progress()
        self.fill_tables()
        self.query_one("#suggested-label", Label).update("Suggested introductions (finding…)")
        self.failure = None
        self.hold_keys()
        self.find_suggestions()

    @work(thread=True, exclusive=True, group="intros", exit_on_error=False)
    def find_suggestions(self) -> None:
        found = suggest_intros(self.store, self.config, self.now())
        self.app.call_from_thread(self.show_suggestions, found)

    def show_failure(self, line: str) -> None:
        self.failure = line
        self.query_one("#suggested-label", Label).update("Suggested introductions (none: see below)")
        self.show_detail()

    def show_suggestions(self, found: list[IntroSuggestion]) -> None:
        self.suggestions = {f"{s.a.id}:{s.b.id}": s for s in found}
        self.query_one("#suggested-label", Label).update("Suggested introductions")
        self.fill_tables()
        self.release_keys()

    def fill_tables(self) -> None:
        now = self.now()
        suggested = self.query_one("#suggested-table", DataTable)
        suggested.clear()
        for key, suggestion in self.suggestions.items():
            suggested.add_row(plain_cell(f"{suggestion.a.name} ↔ {suggestion.b.name}"),
                              plain_cell(reason_text(suggestion)), f"{suggestion.score:.0f}", key=key)
        progress = self.query_one("#progress-table", DataTable)
        progress.clear()
        for intro_id, row in self.progress.items():
            waiting = row.days_waiting(now)
            wait = Text(f"{waiting}d", style="bold red" if row.overdue(now, self.config.intros) else "")
            progress.add_row(plain_cell(f"{row.a.name} → {row.b.name}"),
                             STATUS_LABELS[row.intro.status], plain_cell(row.next_action), wait,
                             key=intro_id)
        self.show_detail()

    def row_key(self, table_id: str) -> str | None:
        return cursor_row_key(self.query_one(table_id, DataTable))

    def selected_suggestion(self) -> IntroSuggestion | None:
        key = self.row_key("#suggested-table")
        return self.suggestions.get(key) if key else None

    def selected_progress(self) -> IntroProgress | None:
        key = self.row_key("#progress-table")
        return self.progress.get(key) if key else None

    def read_progress(self) -> None:
        rows = intro_progress(self.store, include_finished=True)
        self.progress = {p.intro.id: p for p in rows if is_open(p.intro) != self.showing_done}
        self.query_one("#progress-label", Label).update(
            "Done (finished and declined) · f: in progress" if self.showing_done
            else "In progress · f: done")

    def focused_on_progress(self) -> bool:
        return self.on_progress

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys act on the row the user sees: suggestion keys on the suggestions, the
        double opt-in keys on an introduction; the footer shows only those."""
        if action in self.SUGGESTION_ACTIONS:
            return not self.on_progress
        if action in self.PROGRESS_ACTIONS:
            return self.on_progress
        return True

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        detail = self.query_one("#intro-detail", Static)
        if self.focused_on_progress():
            row = self.selected_progress()
            if row is None:
                detail.update(plain("None finished or declined yet. f: back to those in progress."
                                    if self.showing_done else
                                    "No introductions in progress: press p on a suggestion."))
                return
            draft = draft_intro_step(row.intro, row.a, row.b, self.config)
            text = f"Next: {row.next_action or 'nothing, it is finished'}"
            if draft is not None:
                text += f"\nTo {draft.to or '(no email)'} · {draft.subject}\n{draft.body}"
            detail.update(plain(text))
            return
        suggestion = self.selected_suggestion()
        if suggestion is None and self.failure is not None:
            detail.update(plain(f"Suggestions could not be found: {self.failure}"))
            return
        if suggestion is None:
            detail.update(plain("No introductions to suggest today. They come from one person's "
                                "needs matching another's offers, and shared interests across fields."))
            return
        detail.update(plain(f"For {suggestion.a.name}: {suggestion.why_a}\n"
                            f"For {suggestion.b.name}: {suggestion.why_b}"
                            "\np proposes it: you ask "
                            f"{suggestion.a.name} first, without naming {suggestion.b.name}."
                            "\nTab: the introductions in progress (a advances, x declined, "
                            "n no reply)."))

    @on(DataTable.RowSelected)
    def focus_changed(self) -> None:
        self.show_detail()

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, DataTable):
            self.on_progress = focused.id == "progress-table"
            self.refresh_bindings()
        self.show_detail()

    def action_toggle_done(self) -> None:
        self.showing_done = not self.showing_done
        self.read_progress()
        self.fill_tables()
        self.query_one("#progress-table", DataTable).focus()

    def action_propose(self) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is None:
            return
        # No `why`: the messages explain the pair themselves, and A's never names B.
        intro = propose_intro(self.store, suggestion.a, suggestion.b, self.now())
        self.notify(f"Proposed. Next: ask {suggestion.a.name}.", markup=False)
        self.suggestions.pop(f"{suggestion.a.id}:{suggestion.b.id}", None)
        self.showing_done = False
        self.read_progress()
        self.fill_tables()
        progress = self.query_one("#progress-table", DataTable)
        progress.focus()
        progress.move_cursor(row=progress.get_row_index(intro.id))

    def act_on_progress(self, verb: str) -> None:
        row = self.selected_progress()
        if row is None:
            self.notify("Select an introduction in progress first (Tab).", severity="warning")
            return
        try:
            if verb == "advance":
                intro = advance_intro(self.store, row.intro.id, self.now())
            else:
                intro = decline_intro(self.store, row.intro.id, self.now(), no_reply=verb == "no_reply")
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"{row.a.name} → {row.b.name}: {STATUS_LABELS[intro.status]}", markup=False)
        self.reload()

    def action_advance(self) -> None:
        self.act_on_progress("advance")

    def action_decline(self) -> None:
        row = self.selected_progress()
        if row is None:
            return
        self.app.push_screen(
            ConfirmDialog(f"Mark {row.a.name} → {row.b.name} as declined?", confirm_label="Declined"),
            lambda yes: self.act_on_progress("decline") if yes else None,
        )

    def action_no_reply(self) -> None:
        self.act_on_progress("no_reply")

    def action_dismiss_pair(self) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is not None:
            dismiss_suggestion(self.store, suggestion.a.id, suggestion.b.id, self.now())
            self.reload()

    def action_snooze_pair(self) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is None:
            return

        def snoozed(days: int | None) -> None:
            if days is not None:
                snooze_suggestion(self.store, suggestion.a.id, suggestion.b.id, self.now(), days)
                self.reload()

        self.app.push_screen(ChoiceDialog[int]("Snooze the pair for", SNOOZES), snoozed)

    def action_copy_message(self) -> None:
        row = self.selected_progress()
        draft = draft_intro_step(row.intro, row.a, row.b, self.config) if row else None
        if draft is None:
            self.notify("No message to send at this step.", severity="warning")
            return
        self.app.copy_to_clipboard(f"Subject: {draft.subject}\n\n{draft.body}")
        self.notify("Copied the message for this step.")
