"""`givedesk asks ...`: what you asked of people, kept apart from what you gave."""

from __future__ import annotations

import click

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table
from givedesk.contacts import find_contact
from givedesk.ledger import add_ask, balances

FLAG = "asked more than given"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.group(invoke_without_command=True)
@json_option
@home_option
@click.pass_context
def asks(ctx: click.Context, as_json: bool) -> None:
    """Asks, kept apart from gives; alone, lists gives against asks per person.

    Those you have asked more than you have given come first, flagged.
    """
    if ctx.invoked_subcommand is not None:
        return
    store = desk().store
    with store.desk.transaction():
        rows = balances(store.contacts.all(), store.gives.all(), store.asks.all())
    if as_json:
        emit_json([
            {"contact": {"id": row.contact.id, "name": row.contact.name}, "gives": row.gives,
             "asks": row.asks, "flagged": row.flagged}
            for row in rows
        ])
        return
    emit_table(
        ("Person", "Gives", "Asks", ""),
        [(row.contact.name, row.gives, row.asks, FLAG if row.flagged else "") for row in rows],
        empty="No gives or asks yet.",
    )


@asks.command("add")
@click.argument("name")
@click.argument("text")
@home_option
def add(name: str, text: str) -> None:
    """Record that you asked NAME for TEXT (a referral, a favour); it is not a give."""
    store = desk().store
    with store.desk.transaction():
        person = find_contact(store, name)
        add_ask(store, person, text, clock.local_now())
        # The ask just recorded guarantees the person a row.
        row = balances([person], store.gives.all(), store.asks.all())[0]
    click.echo(f"Recorded an ask of {person.name}.")
    if row.flagged:
        click.echo(
            f"You have asked {person.first_name} more than you have given "
            f"({_plural(row.asks, 'ask')}, {_plural(row.gives, 'give')}): "
            "a give before the next ask would be kind."
        )
