"""`givedesk followups`: who is due for a give."""

from __future__ import annotations

import click

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table
from givedesk.followups import Followup, due_followups


def _why(followup: Followup) -> str:
    contact = followup.contact
    if followup.reason == "new":
        where = f" at {contact.met_at}" if contact.met_at else ""
        how = "met" if contact.met_on else "connected"
        return f"{how} {followup.due_since:%Y-%m-%d}{where}, no give yet"
    last = f"last give {followup.last_give.astimezone():%Y-%m-%d}" if followup.last_give else "no give yet"
    return f"key, every {followup.cadence_days} days; {last}"


@click.command()
@json_option
@home_option
def followups(as_json: bool) -> None:
    """Key relationships not helped lately, and new contacts not followed up yet."""
    context = desk()
    now = clock.local_now()
    due = due_followups(context.store, context.config.followups, now)
    if as_json:
        emit_json([
            {"contact": {"id": f.contact.id, "name": f.contact.name}, "reason": f.reason,
             "due_since": f.due_since.isoformat(), "days_waiting": f.days_waiting(now),
             "last_give": f.last_give.isoformat() if f.last_give else None,
             "cadence_days": f.cadence_days}
            for f in due
        ])
        return
    emit_table(
        ("Person", "Why", "Waiting"),
        [(f.contact.name, _why(f), f"{f.days_waiting(now)} d") for f in due],
        empty="Nobody is due for a follow-up.",
    )
