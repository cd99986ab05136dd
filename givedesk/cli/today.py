"""`givedesk today`: the agenda the app opens on, for cron, a morning e-mail and tests."""

from __future__ import annotations

import click

from givedesk.cli.clock import local_now
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table


@click.command("today")
@json_option
@home_option
def today(as_json: bool) -> None:
    """The agenda the app opens on: occasions, news, leads, shares, follow-ups, introductions."""
    # Here, not at the top: `today --help` must not load numpy and the matcher.
    from givedesk.desk import item_to_json, todays_agenda

    context = desk()
    items = todays_agenda(context.store, context.config, local_now())
    if as_json:
        emit_json([item_to_json(item) for item in items])
        return
    emit_table(
        ("What", "Person", "Title", "Why"),
        [(item.label, item.contact.name + (" ★" if item.contact.key else ""), item.title,
          item.why) for item in items],
        empty="Nothing on the agenda today.",
    )
