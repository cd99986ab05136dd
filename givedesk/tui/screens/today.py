"""Today: the morning triage. Every row is acted on with one key."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import datetime, timedelta
from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Label, Static
from textual.worker import get_current_worker

from givedesk.compose import MENTION_TITLES_IN_MESSAGES
from givedesk.contacts import set_key_relationship
from givedesk.day_notes import hide_key_offer
from givedesk.desk import (
    AgendaItem,
    Decision,
    decide,
    intro_agenda,
    key_offer,
    quick_agenda,
    rank,
    undo_decision,
)
from givedesk.identity import fold
from givedesk.intros import propose_intro
from givedesk.keys import KeySuggestion
from givedesk.ledger import desk_streak
from givedesk.matching.engine import Match
from givedesk.matching.lexicon import lexicon_for
from givedesk.models import QueueItem
from givedesk.occasions import set_occasion_status
from givedesk.outbox import check_in, queue_item
from givedesk.tui.dialogs import (
    ChoiceDialog,
    PickPeopleDialog,
    TextPrompt,
    offer_suggested_terms,
)
from givedesk.tui.dialogs.preview import PreviewDialog
from givedesk.tui.screens.base import DeskScreen
from givedesk.tui.screens.contacts import age_label
from givedesk.tui.widgets.links import open_externally
from givedesk.tui.widgets.safe import brief
from givedesk.tui.widgets.tables import FittedTable, cursor_row_key

EMPTY_DESK = (
    "Nothing on the desk yet.\n\n"
    "• Add a news feed: press 6 (Feeds), then a — or `givedesk feeds add URL`.\n"
    "• Add the people you want to help: press 3 (Contacts), then a — or "
    "`givedesk contacts import contacts.csv`.\n"
    "• Or look around a ready-made desk first: `givedesk --demo`."
)
FOLLOWUP_HINT = ("A follow-up clears when you give them something: q queues a check-in "
                 "for the Outbox.")
ALL_DONE = "All done for today. New suggestions appear here as the feeds bring news."
SNOOZES: list[tuple[str, int]] = [("1 day", 1), ("3 days", 3), ("1 week", 7)]
GROUP_STYLES = {"occasion": "bold red", "mention": "bold magenta", "lead": "bold yellow",
                "interest": "bold cyan", "followup": "bold green", "intro": "bold blue"}
NOTE_PLACEHOLDERS = {"congratulate": "Congratulations! …", "mention": "Saw you in the news…",
                     "headsup": "Sorry to see this; thinking of you…"}
GROUP_LIMIT = 50
"""Rows a kind (congrats, leads, shares…) shows at most; the filter searches them all."""


def is_web_link(link: str | None) -> bool:
    return bool(link) and urlsplit(link or "").scheme.casefold() in ("http", "https")


def queue_item_for(item: AgendaItem, note: str) -> QueueItem:
    """What queueing a Today row puts in the outbox: the article, the lead, or a check-in."""
    if item.lead is not None:
        return QueueItem(contact_id=item.contact.id, title=item.title, kind="lead",
                         lead_id=item.lead.id, link=item.link, note=note)
    if item.followup is not None:
        return check_in(item.contact.id, note)
    if item.occasion is not None:
        return QueueItem(contact_id=item.contact.id, title=item.occasion.message(), kind="info",
                         note=note, occasion=True)
    title = item.title
    if item.mention in MENTION_TITLES_IN_MESSAGES:
        title = MENTION_TITLES_IN_MESSAGES[item.mention].format(title=title)
    return QueueItem(contact_id=item.contact.id, title=title, link=item.link, note=note,
                     kind="lead" if item.mention == "lead" else "article",
                     article_id=item.match.article.id if item.match else None)


def row_cells(item: AgendaItem, now: datetime) -> tuple[Text, Text, Text, Text]:
    kind = Text(item.label, style=GROUP_STYLES[item.group], no_wrap=True,
                overflow="ellipsis")
    if item.local:
        kind.append("\nLOCAL", style="green")
    person = Text(item.contact.name, no_wrap=True, overflow="ellipsis")
    if len(item.people) > 1:
        person.append(f"\n+{len(item.people) - 1} more", style="dim")
    elif item.contact.key:
        person.append("\n★ key", style="yellow")
    article = Text(item.title, no_wrap=True, overflow="ellipsis")
    article.stylize("bold reverse", item.title_start, item.title_end)
    article.append("\n")
    why = Text(item.why, style="dim")
    why.stylize("bold reverse", item.why_start, item.why_end)
    article.append_text(why)
    undated = item.match is not None and not item.match.article.dated
    age = Text("undated" if undated else age_label(item.when, now) if item.when else "", style="dim")
    return kind, person, article, age


class TodayScreen(DeskScreen):
    MODE = "today"
    TITLE = "Today"
    BINDINGS: ClassVar[list[BindingType]] = [
        # At 80 columns the footer holds seven keys: o, c and k are shown by enter's
        # preview, the person's row and the key-people banner, and listed by `?`.
        Binding("enter", "preview", "Preview", id="today.preview", tooltip="Show the article and why"),
        Binding("q", "queue", "Queue", id="today.queue", tooltip="Queue it for them, with a note"),
        Binding("d", "dismiss_row", "Dismiss", id="today.dismiss", tooltip="Never suggest this pair again"),
        Binding("z", "snooze", "Snooze", id="today.snooze", tooltip="Suggest again later"),
        Binding("o", "open_link", "Open", show=False, id="today.open",
                tooltip="Open the link in a browser"),
        Binding("c", "open_contact", "Person", show=False, id="today.person",
                tooltip="Open the person"),
        Binding("slash", "filter", "Filter", id="today.filter", tooltip="Filter the rows"),
        Binding("u", "undo", "Undo", id="today.undo",
                tooltip="Undo the last dismiss or snooze; again, the one before"),
        Binding("r", "refresh", "Refresh", id="today.refresh", tooltip="Fetch feeds now"),
        Binding("k", "key_people", "Key people", show=False, id="today.keys",
                tooltip="Mark your key relationships from the people suggested"),
        Binding("K", "hide_key_offer", "Hide offer", show=False, id="today.hide_keys",
                tooltip="Hide the key-relationships offer until tomorrow"),
        Binding("escape", "clear_filter", "Clear", show=False, id="today.clear",
                tooltip="Clear the filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, AgendaItem] = {}
        self.hidden = 0
        """Rows left out by the per-kind limit."""
        self.loading_intros = False
        self.gives_today = 0
        self.streak = 0
        """Read with the agenda, not on every repaint of the summary line."""
        self.decisions: list[Decision] = []
        """Every dismiss and snooze since the app opened, oldest first: `u` undoes the
        newest, and again the one before."""
        self.cursor_to: str | None = None
        """A row to put the cursor on once the agenda has it (the one `u` brought back)."""
        self.failure: str | None = None
        """Why the agenda could not be read (its worker failed), shown instead of rows."""
        self.key_offer: list[KeySuggestion] = []
        """People suggested as key relationships (`k`), read with the agenda."""

    def compose_body(self) -> ComposeResult:
        yield Label(id="today-summary", classes="summary-line", markup=False)
        yield Label(id="today-offer", classes="summary-line", markup=False)
        yield Input(placeholder="Filter by person, title or reason", id="today-filter",
                    classes="compact-input")
        yield FittedTable(flexible={"article": 3, "person": 1}, minimum=14, id="today-table")
        yield Static(id="today-empty", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("What", width=10, key="what")
        table.add_column("Person", width=14, key="person")
        table.add_column("Article and why", width=40, key="article")
        table.add_column("Age", width=len("undated"), key="age")
        self.show_filter(False)
        self.query_one("#today-offer").display = False
        table.focus()

    def load(self) -> None:
        """Paint first, then read: the agenda of a big desk takes a moment to rank. Keys
        wait for its first rows."""
        self.failure = None
        self.hold_keys()
        self.call_after_refresh(self.load_agenda)

    def show_failure(self, line: str) -> None:
        self.failure = line
        self.loading_intros = False
        self.update_summary()

    @work(thread=True, exclusive=True, group="agenda", exit_on_error=False)
    def load_agenda(self) -> None:
        worker = get_current_worker()
        now = self.now()
        gives = self.store.gives.all()
        pulse = (sum(1 for g in gives if g.given_on.date() == now.date()), desk_streak(gives, now))
        quick = quick_agenda(self.store, self.config, now)
        self.app.call_from_thread(self.show_agenda, quick, pulse, loading=True)
        offer = key_offer(self.store, self.config, now)
        self.app.call_from_thread(self.show_offer, offer)
        intros = intro_agenda(self.store, self.config, now)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_agenda, rank([*quick, *intros]), pulse)

    def show_offer(self, offer: list[KeySuggestion]) -> None:
        """The banner offering to mark key relationships, while the desk has few."""
        self.key_offer = offer
        banner = self.query_one("#today-offer", Label)
        banner.display = bool(offer)
        banner.update(f"★ Key relationships: k lists {len(offer)} worth marking"
                      " · K hides this till tomorrow" if offer else "")

    def show_agenda(
        self, items: list[AgendaItem], pulse: tuple[int, int], *, loading: bool = False
    ) -> None:
        self.loading_intros = loading
        self.gives_today, self.streak = pulse
        self.items = {item.key: item for item in items}
        self.fill_table()
        self.release_keys()
        if not loading:
            self.desk.build_screens_ahead()

    def visible_items(self) -> list[AgendaItem]:
        """Matching rows, at most `GROUP_LIMIT` a group: a morning is not 5,000 rows."""
        wanted = fold(self.query_one("#today-filter", Input).value)
        shown: Counter[str] = Counter()
        visible = []
        for item in self.items.values():
            if wanted and wanted not in fold(f"{item.contact.name} {item.title} {item.why}"):
                continue
            shown[item.group] += 1
            if shown[item.group] <= GROUP_LIMIT:
                visible.append(item)
        self.hidden = sum(max(0, count - GROUP_LIMIT) for count in shown.values())
        return visible

    def fill_table(self) -> None:
        table = self.query_one(DataTable)
        keep = self.cursor_to or self.selected_key()
        table.clear()
        now = self.now()
        for item in self.visible_items():
            table.add_row(*row_cells(item, now), key=item.key, height=2)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
            if keep == self.cursor_to:
                self.cursor_to = None
        self.update_summary()

    def update_summary(self) -> None:
        gives_today, streak = self.gives_today, self.streak
        waiting = len(self.items)
        more = f" (best {GROUP_LIMIT} a kind shown; / searches all)" if self.hidden else ""
        finding = " · finding introductions…" if self.loading_intros else ""
        self.query_one("#today-summary", Label).update(
            f"{self.now():%a %d %b} · {gives_today} give{'s' if gives_today != 1 else ''} today"
            f" · streak {streak} day{'s' if streak != 1 else ''}"
            f" · {waiting} suggestion{'s' if waiting != 1 else ''}{more}{finding}"
        )
        empty = self.query_one("#today-empty", Static)
        has_rows = self.query_one(DataTable).row_count > 0
        empty.display = not has_rows
        self.query_one(DataTable).display = has_rows
        if not has_rows:
            wanted = self.query_one("#today-filter", Input).value.strip()
            nothing_stored = not self.store.contacts.count() or not self.store.feeds.count()
            if self.failure is not None:
                empty.update(f"Today's suggestions could not be read: {self.failure}\n\n"
                             "The other screens (2-6) still work.")
            elif wanted and self.items:
                empty.update(f"No rows match '{wanted}'. Escape clears the filter.")
            else:
                empty.update(EMPTY_DESK if nothing_stored else ALL_DONE)

    def selected_key(self) -> str | None:
        return cursor_row_key(self.query_one(DataTable))

    def selected(self) -> AgendaItem | None:
        key = self.selected_key()
        return self.items.get(key) if key else None

    def drop(self, item: AgendaItem) -> None:
        """Take a handled row away at once, without recomputing the agenda, and count
        this screen's own write as read: the dialog that asked for it (a note, a snooze)
        resumes the screen when it closes, and re-reading then re-ranked the agenda, which
        let the person's next candidates in; a snooze raised the count instead of
        lowering it."""
        self.read_stamp = self.current_stamp()
        self.items.pop(item.key, None)
        table = self.query_one(DataTable)
        if item.key in table.rows:
            table.remove_row(item.key)
        self.update_summary()

    @on(DataTable.RowSelected, "#today-table")
    def row_chosen(self) -> None:
        """Enter (or a click) on a row: the table reports it as a selection."""
        self.action_preview()

    def action_preview(self) -> None:
        item = self.selected()
        if item is None:
            return
        if len(item.people) > 1:
            self.choose_people(item)
            return

        def chosen(choice: str | None) -> None:
            if choice == "queue":
                self.action_queue()
            elif choice == "open":
                self.action_open_link()

        self.app.push_screen(PreviewDialog(item), chosen)

    def action_queue(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.intro is not None:
            self.propose(item)
            return
        if len(item.people) > 1:
            self.choose_people(item)
            return

        def with_note(note: str | None) -> None:
            if note is None:
                return
            queue_item(self.store, queue_item_for(item, note), self.now())
            if item.occasion is not None:
                set_occasion_status(self.store, item.occasion, "queued")
            self.notify(f"Queued for {item.contact.name}. Send it from the Outbox (2).",
                        markup=False)
            self.drop(item)

        self.app.push_screen(
            TextPrompt(f"A personal note for {item.contact.name} (optional)",
                       placeholder=NOTE_PLACEHOLDERS.get(item.mention or "",
                                                         "Saw this and thought of you…")),
            with_note,
        )

    def choose_people(self, item: AgendaItem) -> None:
        """One article for several people: tick whom to send it to (the day's choice is
        ticked already), enter queues it for each of them."""

        def label(match: Match) -> str:
            person = match.contact
            star = " ★ key" if person.key else ""
            at = f", {person.role}" if person.role else ""
            return f"{person.name}{star}{at}{' at ' + person.company if person.company else ''}"

        def chosen(people: list[Match] | None) -> None:
            if not people:
                return
            for match in people:
                for_them = dataclasses.replace(item, contact=match.contact, match=match)
                queue_item(self.store, queue_item_for(for_them, ""), self.now())
            names = ", ".join(match.contact.name for match in people)
            self.notify(f"Queued for {names}. Send it from the Outbox (2).", markup=False)
            self.drop(item)
            if len(people) < len(item.people):
                self.load_agenda()  # the article stays, alone, for those not ticked

        people = [(label(m), m, index < item.chosen) for index, m in enumerate(item.people)]
        self.app.push_screen(PickPeopleDialog[Match](
            item.title, "space ticks a person · enter queues it for the ticked · escape cancels",
            people), chosen)

    def propose(self, item: AgendaItem) -> None:
        assert item.intro is not None
        suggestion = item.intro
        propose_intro(self.store, suggestion.a, suggestion.b, self.now())
        self.notify(f"Proposed. Ask {suggestion.a.name} first: the message is on Intros (4).",
                    markup=False)
        self.drop(item)

    def action_dismiss_row(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.followup is not None:
            self.notify(FOLLOWUP_HINT, severity="warning")
            return
        self.decisions.append(decide(self.store, item, self.now()))
        lasting = "this year" if item.occasion is not None else "for good"
        self.notify(f"Dismissed {lasting}: {brief(item.title)}. u undoes.", markup=False)
        if item.lead is not None:
            self.load_agenda()  # the lead leaves every row it was on
        else:
            self.drop(item)

    def action_snooze(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.match is None and item.intro is None:
            kind = "Occasions" if item.occasion else "Leads"
            self.notify(FOLLOWUP_HINT if item.followup else f"{kind} cannot be snoozed; d dismisses.",
                        severity="warning")
            return

        def snoozed(days: int | None) -> None:
            if days is None:
                return
            self.decisions.append(decide(self.store, item, self.now(), snooze_days=days))
            until = self.now().date() + timedelta(days=days)
            self.notify(f"Snoozed until {until:%a %d %b}. u undoes.")
            self.drop(item)

        self.app.push_screen(ChoiceDialog[int]("Snooze for", SNOOZES), snoozed)

    def action_undo(self) -> None:
        if not self.decisions:
            self.notify("Nothing to undo.", severity="warning")
            return
        decision = self.decisions.pop()
        undo_decision(self.store, decision)
        self.cursor_to = decision.item.key
        self.notify(f"Back on the desk: {brief(decision.item.title)}", markup=False)
        self.load_agenda()

    def action_open_link(self) -> None:
        item = self.selected()
        if item is None:
            return
        if not is_web_link(item.link):
            self.notify("This item has no web link to open.", severity="warning")
            return
        assert item.link is not None
        if not open_externally(self.app, item.link,
                               failed="No browser opened it; the link is copied."):
            self.app.copy_to_clipboard(item.link)

    async def action_open_contact(self) -> None:
        item = self.selected()
        if item is not None:
            await self.desk.show_person(item.contact.id)

    def show_filter(self, shown: bool) -> None:
        """Show or hide the filter box; hidden, it is disabled too: Textual gave focus
        to the hidden box when a dialog closed over an empty table, and the keys after
        (2, ?) were typed into it instead of switching screens."""
        box = self.query_one("#today-filter", Input)
        box.display = shown
        box.disabled = not shown

    def action_filter(self) -> None:
        self.show_filter(True)
        self.query_one("#today-filter", Input).focus()

    @on(Input.Changed, "#today-filter")
    def filter_changed(self) -> None:
        self.fill_table()

    @on(Input.Submitted, "#today-filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#today-filter", Input).value = ""
        self.show_filter(False)
        self.query_one(DataTable).focus()

    def action_key_people(self) -> None:
        """Tick people to mark key; then, for each, accept or edit the interests and
        needs suggested from their role and company (escape skips: nothing is stored)."""
        if not self.key_offer:
            self.notify("Nobody to suggest: mark key relationships on Contacts (3, k).")
            return

        def label(suggestion: KeySuggestion) -> str:
            person = suggestion.contact
            return ", ".join(filter(None, (person.name, person.company)))

        def detail(suggestion: KeySuggestion) -> str:
            person = suggestion.contact
            named = ", ".join(filter(None, (person.name, person.position)))
            return f"{named}: {'; '.join(suggestion.reasons)}"

        def marked(people: list[KeySuggestion] | None) -> None:
            if not people:
                return
            for suggestion in people:
                set_key_relationship(self.store, suggestion.contact.id, True)
            self.notify(f"Marked {len(people)} key relationship(s).")
            offer_suggested_terms(self.app, self.store, lexicon_for(self.config.matching),
                                  [s.contact for s in people], self.load_agenda)

        self.app.push_screen(PickPeopleDialog[KeySuggestion](
            "Mark your key relationships",
            "space ticks a person · enter marks the ticked as key · escape cancels",
            [(label(s), s, False) for s in self.key_offer],
            [detail(s) for s in self.key_offer]), marked)

    def action_hide_key_offer(self) -> None:
        """The offer waits until tomorrow: today has other things to do."""
        if not self.key_offer:
            return
        hide_key_offer(self.store, self.now().date())
        self.show_offer([])
        self.notify("The key-relationships offer is hidden until tomorrow.")

    def action_refresh(self) -> None:
        self.desk.refresh_feeds(force=True)
