"""`givedesk contacts ...`"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
import msgspec

from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table, warn
from givedesk.contacts import merge_contacts, sorted_contacts
from givedesk.contacts_io import read_contacts_file
from givedesk.errors import UserError
from givedesk.models import Contact


@click.group()
@home_option
def contacts() -> None:
    """Add, list and import the people on your desk."""


@contacts.command("add")
@click.argument("name")
@click.option("--email", default="")
@click.option("--phone", default="")
@click.option("--company", default="")
@click.option("--role", default="")
@click.option("--location", default="")
@click.option("--interest", "interests", multiple=True, help="Repeat for each interest.")
@click.option("--need", "needs", multiple=True, help="Something they are looking for. Repeatable.")
@click.option("--offer", "offers", multiple=True, help="Something they can give. Repeatable.")
@click.option("--tag", "tags", multiple=True, help="Repeatable.")
@click.option("--notes", default="", help="Their business, pain points, anything worth keeping.")
@click.option("--key", is_flag=True, help="Mark as a key relationship (followed up on a cadence).")
@click.option("--cadence", "cadence_days", type=click.IntRange(min=1), default=None,
              help="Days between gives for a key relationship (default: config).")
@click.option("--met-at", default="", help="Where you met, e.g. 'Chamber breakfast'.")
@click.option("--met-on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="YYYY-MM-DD.")
@home_option
def add_contact(
    name: str, interests: tuple[str, ...], needs: tuple[str, ...], offers: tuple[str, ...],
    tags: tuple[str, ...], met_on: datetime | None, **fields: object,
) -> None:
    """Add NAME; an existing person (same email, or same name and company) is updated."""
    if not name.strip():
        raise UserError("a contact needs a name")
    contact = msgspec.convert(
        {**fields, "name": name, "interests": list(interests), "needs": list(needs),
         "offers": list(offers), "tags": list(tags),
         "met_on": met_on.date() if met_on else None},
        Contact,
    )
    report = merge_contacts(desk().store, [contact])
    if report.added:
        click.echo(f"Added {report.added[0].name} ({report.added[0].id}).")
    elif report.merged:
        click.echo(f"Updated {report.merged[0].name} ({report.merged[0].id}).")
    else:
        click.echo(f"{report.unchanged[0].name} is already on the desk, unchanged.")


@contacts.command("list")
@json_option
@home_option
def list_contacts(as_json: bool) -> None:
    """List contacts, key relationships first."""
    people = sorted_contacts(desk().store.contacts.all())
    if as_json:
        emit_json([msgspec.to_builtins(person) for person in people])
        return
    emit_table(
        ("Name", "Company", "Role", "Key", "Interests"),
        [(p.name, p.company, p.role, "★" if p.key else "", "; ".join(p.interests)) for p in people],
        empty="No contacts yet. Add one with: givedesk contacts add NAME",
    )


@contacts.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--overwrite", is_flag=True, help="Let the file replace fields that have values.")
@home_option
def import_contacts(file: Path, dry_run: bool, overwrite: bool) -> None:
    """Import contacts from FILE (.csv in givedesk's own format)."""
    parsed = read_contacts_file(file)
    report = merge_contacts(desk().store, parsed.contacts, overwrite=overwrite, dry_run=dry_run)
    for problem in parsed.problems:
        warn(problem.describe(file))
    verb = "Would import" if dry_run else "Imported"
    click.echo(
        f"{verb} {file.name}: {len(report.added)} added, {len(report.merged)} merged, "
        f"{len(report.unchanged)} unchanged, {len(parsed.problems)} skipped."
    )
