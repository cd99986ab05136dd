"""The desk's own entries in the command palette (ctrl+p): its actions and its people.

Each action is the same one a key runs on its screen; choosing it switches to that
screen first, so the palette is a way to find a key, not a second way of doing things.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from givedesk.identity import fold

if TYPE_CHECKING:
    from givedesk.tui.app import GiveDeskApp

Command = tuple[str, Callable[[], Awaitable[None] | None], str]
"""(what the palette shows, what choosing it does, a line of help)."""

ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("Queue the selected suggestion", "today", "queue", "Today, key q: queue it with a note"),
    ("Add a contact", "contacts", "add", "Contacts, key a"),
    ("Import contacts from a file", "contacts", "import_file", "Contacts, key i: .vcf or .csv"),
    ("Export contacts to a file", "contacts", "export_file", "Contacts, key x: .csv or .vcf"),
    ("Propose the selected introduction", "intros", "propose",
     "Intros, key p: start the double opt-in"),
)


class DeskCommands(Provider):
    """Desk actions, and "Go to" every person on the desk (typed with or without accents)."""

    @property
    def desk(self) -> GiveDeskApp:
        return cast("GiveDeskApp", self.app)

    def commands(self) -> list[Command]:
        desk = self.desk
        found: list[Command] = [
            (title, partial(desk.run_on_screen, mode, action), help_text)
            for title, mode, action, help_text in ACTIONS
        ]
        found.append(("Fetch feeds now", partial(desk.refresh_feeds, force=True),
                      "Today, key r: fetch every feed and rematch"))
        found += [
            (f"Go to {person.name}", partial(desk.show_person, person.id),
             person.company or "Open them on Contacts")
            for person in desk.store.contacts.all()
        ]
        return found

    async def discover(self) -> Hits:
        for title, command, help_text in self.commands()[:len(ACTIONS) + 1]:
            yield DiscoveryHit(Content(title), command, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for title, command, help_text in self.commands():
            score = matcher.match(fold(title))
            if score > 0:
                yield Hit(score, Content(title), command, text=title, help=help_text)
