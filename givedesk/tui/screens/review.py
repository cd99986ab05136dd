"""Review: the ledger and an honest look at your giving, entirely offline."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.validation import Function
from textual.widgets import DataTable, Input, Label, Select, Sparkline, Static

from givedesk.identity import fold
from givedesk.ledger import ReviewStats, filter_gives, set_give_feedback, summarise_review
from givedesk.models import GIVE_KINDS, Contact, Feedback, Give, GiveKind
from givedesk.partial_date import parse_day
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.widgets.safe import plain, plain_cell
from givedesk.tui.widgets.tables import FittedTable, cursor_row_key


def since_from(text: str) -> datetime | None:
    """A typed YYYY-MM-DD as the start of that day (UTC); empty: no filter; anything
    else raises `ValueError` saying it is not a date."""
    if not text.strip():
        return None
    return datetime.combine(parse_day(text), time(), tzinfo=UTC)


def since_problem(text: str) -> str | None:
    """Why `text` cannot be the since filter (None when it can): the input is marked
    invalid with it, instead of silently showing every give as if filtered."""
    try:
        since_from(text)
    except ValueError as error:
        return str(error)
    return None


class ReviewScreen(DeskScreen):
    MODE = "review"
    TITLE = "Review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter_person", "Person", id="review.person", tooltip="Filter by person"),
        Binding("t", "filter_since", "Since", id="review.since", tooltip="Only gives since a date"),
        Binding("k", "filter_kind", "Kind", id="review.kind", tooltip="Filter by kind of give"),
        Binding("plus", "feedback('useful')", "Useful", id="review.useful",
                tooltip="They found this give useful"),
        Binding("minus", "feedback('not-relevant')", "Not relevant", id="review.not_relevant",
                tooltip="Not relevant to them: fewer suggestions like it"),
        Binding("escape", "clear_filters", "Clear", show=False, id="review.clear",
                tooltip="Clear the filters"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: dict[str, Contact] = {}
        self.gives: list[Give] = []

    def compose_body(self) -> ComposeResult:
        yield Label(id="review-stats", classes="summary-line", markup=False)
        with Horizontal(id="review-chart"):
            yield Label("Gives per week ", id="chart-label")
            yield Sparkline([], id="gives-per-week")
            yield Label(id="chart-range", markup=False)
        with Horizontal(id="review-filters"):
            yield Input(placeholder="person", id="filter-person", classes="compact-input")
            yield Select([(kind, kind) for kind in GIVE_KINDS], prompt="any kind",
                         id="filter-kind", compact=True)
            yield Input(placeholder="since YYYY-MM-DD", id="filter-since", classes="compact-input",
                        validators=[Function(lambda text: since_problem(text) is None)])
        yield Label(id="since-error", classes="error summary-line", markup=False)
        yield FittedTable(flexible={"person": 2, "note": 3}, id="ledger-table")
        yield Static(id="review-balance", classes="detail-line")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Date", width=10, key="date")
        table.add_column("Person", width=16, key="person")
        table.add_column("Kind", width=7, key="kind")
        table.add_column("Note", width=28, key="note")
        table.add_column("Feedback", width=8, key="feedback")
        table.focus()

    def load(self) -> None:
        now = self.now()
        with self.store.desk.transaction():
            contacts, self.gives, asks = (self.store.contacts.all(), self.store.gives.all(),
                                          self.store.asks.all())
        self.people = {c.id: c for c in contacts}
        self.show_stats(summarise_review(contacts, self.gives, asks, now))
        self.fill_ledger()

    def show_stats(self, stats: ReviewStats) -> None:
        coverage = stats.key_coverage
        asks = sum(b.asks for b in stats.balances)
        self.query_one("#review-stats", Label).update(
            f"Streak {stats.streak} day{'s' if stats.streak != 1 else ''} · key relationships "
            f"helped in 30 days: {coverage.helped} of {coverage.total} · "
            f"{len(self.gives)} gives, {asks} asks"
        )
        counts = [float(week.gives) for week in stats.weeks]
        self.query_one(Sparkline).data = counts
        self.query_one("#chart-range", Label).update(
            f" {stats.weeks[0].start:%d %b}–now · this week {int(counts[-1])}, "
            f"best {int(max(counts, default=0))}"
        )
        lines = []
        flagged = [b for b in stats.balances if b.flagged]
        if flagged:
            lines.append("Asked more than given: " + ", ".join(
                f"{b.contact.name} ({b.asks} asks, {b.gives} gives)" for b in flagged))
        if coverage.not_helped:
            lines.append("Key relationships not helped in 30 days: "
                         + ", ".join(c.name for c in coverage.not_helped))
        self.query_one("#review-balance", Static).update(
            plain("\n".join(lines) or "Every key relationship was helped in the last 30 days, "
                  "and nobody was asked more than given."))

    def fill_ledger(self) -> None:
        wanted = fold(self.query_one("#filter-person", Input).value)
        kind_choice = self.query_one("#filter-kind", Select).value
        kind: GiveKind | None = kind_choice if kind_choice in GIVE_KINDS else None
        since_text = self.query_one("#filter-since", Input).value
        problem = since_problem(since_text)
        since = None if problem else since_from(since_text)
        error = self.query_one("#since-error", Label)
        error.update(f"Since: {problem}; the ledger is not filtered by date." if problem else "")
        error.display = problem is not None
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for give in filter_gives(self.gives, since=since, kind=kind):
            person = self.people.get(give.contact_id)
            name = person.name if person else "(deleted contact)"
            if wanted and wanted not in fold(name):
                continue
            table.add_row(f"{give.given_on:%Y-%m-%d}", plain_cell(name), give.kind,
                          plain_cell(give.note), give.feedback or "", key=give.id)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    @on(Input.Changed, "#filter-person")
    @on(Input.Changed, "#filter-since")
    @on(Select.Changed, "#filter-kind")
    def filters_changed(self) -> None:
        self.fill_ledger()

    @on(Input.Submitted)
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_filter_person(self) -> None:
        self.query_one("#filter-person", Input).focus()

    def action_filter_since(self) -> None:
        self.query_one("#filter-since", Input).focus()

    def action_filter_kind(self) -> None:
        select = self.query_one("#filter-kind", Select)
        select.focus()
        select.action_show_overlay()

    def action_clear_filters(self) -> None:
        self.query_one("#filter-person", Input).value = ""
        self.query_one("#filter-since", Input).value = ""
        self.query_one("#filter-kind", Select).clear()
        self.query_one(DataTable).focus()

    def action_feedback(self, feedback: Feedback) -> None:
        give_id = cursor_row_key(self.query_one(DataTable))
        if give_id:
            set_give_feedback(self.store, give_id, feedback)
            self.notify("Noted: useful." if feedback == "useful" else
                        "Noted: not relevant. Suggestions like it will rank lower for them.")
            self.reload()
