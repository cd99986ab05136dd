"""`givedesk today`: the agenda the app opens on, for cron, a morning e-mail and tests."""

from __future__ import annotations

import click

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table


@click.command("today")
@json_option
@home_option
def today(as_json: bool) -> None:
    """The agenda the app opens on: occasions, news, leads, shares, follow-ups, introductions."""
    # Here, not at the top: `today --help` must not load numpy and the matcher.
    from givedesk.desk import item_to_json, key_offer, key_suggestion_to_json, todays_agenda
    from givedesk.matching.lexicon import lexicon_for

    context = desk()
    now = clock.local_now()
    items = todays_agenda(context.store, context.config, now)
    offer = key_offer(context.store, context.config, now)
    if as_json:
        lexicon = lexicon_for(context.config.matching)
        emit_json({"date": now.date().isoformat(),
                   "items": [item_to_json(item) for item in items],
                   "key_suggestions": [key_suggestion_to_json(s, lexicon) for s in offer]})
        return
    if offer:
        click.echo(f"Mark your key relationships: {len(offer)} suggested "
                   "(givedesk contacts suggest-key, or k on Today).")
    emit_table(
        ("What", "Person", "Title", "Why"),
        [(item.label, item.contact.name + (" ★" if item.contact.key else ""), item.title,
          item.why) for item in items],
        empty="Nothing on the agenda today.",
    )
