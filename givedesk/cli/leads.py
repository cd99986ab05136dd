"""`givedesk leads ...`: opportunities to pass on, and whom to pass them to."""

from __future__ import annotations

import click

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table
from givedesk.contacts import find_contact
from givedesk.leads import (
    LeadCandidate,
    add_lead,
    dismiss_lead,
    forward_lead,
    get_lead,
    lead_candidates,
    lead_views,
)
from givedesk.models import Lead


def _why(candidate: LeadCandidate) -> str:
    best = candidate.reasons[0]
    return f"{best.field} “{best.term}”: {best.evidence}"


def _print_candidates(lead_id: str, candidates: list[LeadCandidate]) -> None:
    if not candidates:
        click.echo("Nobody on the desk matches it yet.")
        return
    click.echo("Forward it to:")
    emit_table(
        ("Person", "Score", "Why"),
        [(c.contact.name, f"{c.score:.0f}", _why(c)) for c in candidates],
        empty="",
    )
    click.echo(f"Then record it with: givedesk leads forward {lead_id} NAME")


@click.group(invoke_without_command=True)
@json_option
@click.option("--all", "show_all", is_flag=True, help="Include dismissed leads.")
@home_option
@click.pass_context
def leads(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """Leads on the desk, newest first, with whom to forward each to."""
    if ctx.invoked_subcommand is not None:
        return
    context = desk()
    views = lead_views(context.store, context.config, include_dismissed=show_all)
    if as_json:
        emit_json([
            {"id": v.lead.id, "text": v.lead.text, "link": v.lead.link, "source": v.lead.source,
             "created": v.lead.created.isoformat(), "dismissed": v.lead.dismissed,
             "forwarded_to": [{"id": c.id, "name": c.name} for c in v.forwarded_to],
             "candidates": [c.to_json() for c in v.candidates]}
            for v in views
        ])
        return
    emit_table(
        ("Id", "Lead", "Source", "Forward to", "Forwarded to"),
        [(v.lead.id, v.lead.text, v.lead.source, ", ".join(c.contact.name for c in v.candidates),
          ", ".join(c.name for c in v.forwarded_to)) for v in views],
        empty=_no_leads(context.store.leads.all(), show_all),
    )


def _no_leads(stored: list[Lead], show_all: bool) -> str:
    """Why the list is empty: "No leads yet" when every lead was dismissed told the user
    their leads were gone; they are only hidden, and `--all` lists them."""
    if stored and not show_all:
        return (f"No open leads ({len(stored)} dismissed; givedesk leads --all lists them). "
                "Record one with: givedesk leads add TEXT")
    return "No leads yet. Record one with: givedesk leads add TEXT"


@leads.command("add")
@click.argument("text")
@click.option("--link", default=None, help="An http(s) link to the lead.")
@click.option("--source", default="", help="Who or what it came from; kept on the gives.")
@home_option
def add(text: str, link: str | None, source: str) -> None:
    """Record the lead TEXT and show whom to forward it to."""
    context = desk()
    lead = add_lead(context.store, text, link=link, source=source, now=clock.local_now())
    click.echo(f"Recorded lead {lead.id}.")
    _print_candidates(lead.id, lead_candidates(context.store, lead, context.config))


@leads.command("forward")
@click.argument("lead_id")
@click.argument("name")
@click.option("--note", default="", help="What you added when passing it on.")
@home_option
def forward(lead_id: str, name: str, note: str) -> None:
    """Record that LEAD_ID was forwarded to NAME: a lead give, with the lead's source."""
    store = desk().store
    with store.desk.transaction():
        lead, person = get_lead(store, lead_id), find_contact(store, name)
        give = forward_lead(store, lead, person, clock.local_now(), note)
    source = f" (source: {lead.source})" if lead.source else ""
    click.echo(f"Forwarded to {person.name}: logged lead give {give.id}{source}.")


@leads.command("dismiss")
@click.argument("lead_id")
@home_option
def dismiss(lead_id: str) -> None:
    """Take LEAD_ID off Today and the leads list (its gives stay in the ledger)."""
    lead = dismiss_lead(desk().store, lead_id)
    click.echo(f"Dismissed lead {lead.id}.")
