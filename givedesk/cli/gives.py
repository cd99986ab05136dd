"""`givedesk gives ...`: the ledger."""

from __future__ import annotations

from datetime import datetime

import click

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table
from givedesk.contacts import find_contact
from givedesk.contacts_io import export_gives_csv
from givedesk.errors import UserError
from givedesk.ledger import (
    FEEDBACK_VALUES,
    desk_streak,
    filter_gives,
    gives_per_week,
    key_coverage,
    log_give,
    set_give_feedback,
)
from givedesk.models import GIVE_KINDS, Contact, Feedback, Give, GiveKind

BAR = "■"


def give_json(give: Give, contacts: dict[str, Contact]) -> dict[str, object]:
    person = contacts.get(give.contact_id)
    return {
        "id": give.id,
        "contact": {"id": give.contact_id, "name": person.name if person else None},
        "kind": give.kind,
        "note": give.note,
        "link": give.link,
        "source": give.source,
        "given_on": give.given_on.isoformat(),
        "feedback": give.feedback,
        "article_id": give.article_id,
        "lead_id": give.lead_id,
        "intro_id": give.intro_id,
    }


@click.group(invoke_without_command=True)
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
@click.option("--since", type=clock.DAY, default=None,
              help="Only gives on or after this day (YYYY-MM-DD).")
@click.option("--contact", "contact_query", default=None,
              help="Only gives to this person (name, email or id).")
@click.option("--kind", type=click.Choice(GIVE_KINDS), default=None, help="Only gives of this kind.")
@home_option
@click.pass_context
def gives(ctx: click.Context, as_json: bool, as_csv: bool, since: datetime | None,
          contact_query: str | None, kind: GiveKind | None) -> None:
    """The ledger: what you gave and to whom, newest first.

    Subcommands log gives made away from the app, mark how a give landed, and sum up.
    """
    if ctx.invoked_subcommand is not None:
        return
    if as_json and as_csv:
        raise UserError("--json and --csv cannot be combined")
    store = desk().store
    with store.desk.transaction():
        contact_id = find_contact(store, contact_query).id if contact_query else None
        contacts = {contact.id: contact for contact in store.contacts.all()}
        ledger = filter_gives(store.gives.all(), contact_id=contact_id, kind=kind,
                              since=clock.local_midnight(since) if since else None)
    if as_json:
        emit_json([give_json(give, contacts) for give in ledger])
    elif as_csv:
        click.echo(export_gives_csv(ledger, contacts), nl=False)
    else:
        emit_table(
            ("Date", "Person", "Kind", "Note", "Feedback", "Id"),
            [(f"{give.given_on.astimezone():%Y-%m-%d}",
              contacts[give.contact_id].name if give.contact_id in contacts else "(removed)",
              give.kind, give.note, give.feedback or "", give.id) for give in ledger],
            empty="No gives yet. Log one with: givedesk gives add NAME --kind help --note TEXT",
        )


@gives.command("add")
@click.argument("name")
@click.option("--kind", type=click.Choice(GIVE_KINDS), required=True, help="What kind of give.")
@click.option("--note", required=True, help="What you gave: 'Coffee; talked through her pricing'.")
@click.option("--link", default=None, help="An http(s) link that goes with it.")
@home_option
def add_give(name: str, kind: str, note: str, link: str | None) -> None:
    """Log a give to NAME made away from the app: a call, a coffee, an email."""
    store = desk().store
    person = find_contact(store, name)
    give = log_give(store, person, kind, note, link=link, now=clock.local_now())
    article = "an" if give.kind[0] in "aeiou" else "a"
    click.echo(f"Logged {article} {give.kind} give to {person.name} ({give.id}).")


_FEEDBACK_CHOICES: dict[str, Feedback | None] = {**{f: f for f in FEEDBACK_VALUES}, "none": None}


@gives.command("feedback")
@click.argument("give_id")
@click.argument("feedback", type=click.Choice(list(_FEEDBACK_CHOICES)))
@home_option
def feedback(give_id: str, feedback: str) -> None:
    """Mark how GIVE_ID landed: useful, not-relevant (fewer like it), or none (forget)."""
    store = desk().store
    give = set_give_feedback(store, give_id, _FEEDBACK_CHOICES[feedback])
    found = store.contacts.get(give.contact_id)
    person = found.name if found else "them"
    if give.feedback == "not-relevant":
        click.echo(f"Marked {give.id} not relevant: {person} will get fewer suggestions like it.")
    elif give.feedback == "useful":
        click.echo(f"Marked {give.id} useful for {person}.")
    else:
        click.echo(f"Forgot the feedback on {give.id}.")


@gives.command("stats")
@json_option
@home_option
def stats(as_json: bool) -> None:
    """Gives per week (last 12), the streak of desk days, and key relationships helped."""
    store = desk().store
    now = clock.local_now()
    with store.desk.transaction():
        ledger, contacts = store.gives.all(), store.contacts.all()
    weeks = gives_per_week(ledger, now)
    streak = desk_streak(ledger, now)
    coverage = key_coverage(contacts, ledger, now)
    if as_json:
        emit_json({
            "weeks": [{"start": week.start.isoformat(), "gives": week.gives} for week in weeks],
            "streak": streak,
            "key_helped": coverage.helped,
            "key_total": coverage.total,
            "key_not_helped": [{"id": c.id, "name": c.name} for c in coverage.not_helped],
        })
        return
    click.echo("Gives per week (weeks starting Monday):")
    for week in weeks:
        click.echo(f"  {week.start:%Y-%m-%d}  {BAR * week.gives} {week.gives}")
    click.echo(f"Desk streak: {streak} day{'' if streak == 1 else 's'}")
    line = f"Key relationships helped in the last 30 days: {coverage.helped} of {coverage.total}"
    if coverage.not_helped:
        line += " (not yet: " + ", ".join(c.name for c in coverage.not_helped) + ")"
    click.echo(line)
