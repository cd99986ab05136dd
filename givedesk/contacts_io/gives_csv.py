"""The ledger as CSV, for a spreadsheet or an accountant (`givedesk gives --csv`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from givedesk.contacts_io.cells import csv_text
from givedesk.models import Contact, Give

GIVES_COLUMNS = (
    "given_on", "contact", "kind", "note", "link", "source", "feedback", "contact_id", "id",
)
UNKNOWN_CONTACT = "(removed contact)"


def export_gives_csv(gives: Iterable[Give], contacts_by_id: Mapping[str, Contact]) -> str:
    """One row per give, in the order given; a give whose contact was removed keeps its row.

    `given_on` is ISO 8601 with its UTC offset, so a spreadsheet sorts it correctly.
    Cells are protected against formula injection (article titles come from feeds).
    """
    return csv_text(GIVES_COLUMNS, (
        [
            give.given_on.isoformat(timespec="seconds"),
            contact.name if (contact := contacts_by_id.get(give.contact_id)) else UNKNOWN_CONTACT,
            give.kind,
            give.note,
            give.link or "",
            give.source,
            give.feedback or "",
            give.contact_id,
            give.id,
        ]
        for give in gives
    ))
