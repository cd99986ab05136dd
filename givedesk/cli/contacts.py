"""`givedesk contacts ...`"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
import msgspec

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table, warn
from givedesk.contact_points import is_phone_number, web_link
from givedesk.contacts import (
    add_contact,
    contact_details,
    find_contact,
    merge_contacts,
    merge_people,
    sorted_contacts,
)
from givedesk.contacts_io import (
    export_contacts_csv,
    export_contacts_vcf,
    import_summary,
    read_contacts_file,
    write_text_file,
)
from givedesk.contacts_io.base import MAX_CADENCE_DAYS
from givedesk.errors import UserError
from givedesk.models import Contact
from givedesk.partial_date import normalise_partial_date


@click.group()
@home_option
def contacts() -> None:
    """Add, list, import and export the people on your desk."""


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
@click.option("--cadence", "cadence_days", type=click.IntRange(min=1, max=MAX_CADENCE_DAYS), default=None,
              help="Days between gives for a key relationship (default: config).")
@click.option("--met-at", default="", help="Where you met, e.g. 'Chamber breakfast'.")
@click.option("--met-on", type=clock.DAY, default=None, help="YYYY-MM-DD.")
@click.option("--nickname", default="")
@click.option("--birthday", default="", help="YYYY-MM-DD, or --MM-DD without the year.")
@click.option("--anniversary", default="", help="YYYY-MM-DD or --MM-DD.")
@click.option("--work-anniversary", default="",
              help="The day they started at their company: YYYY-MM-DD or --MM-DD.")
@click.option("--url", "urls", multiple=True, help="A profile or web link (http/https). Repeatable.")
@home_option
def add_command(
    name: str, interests: tuple[str, ...], needs: tuple[str, ...], offers: tuple[str, ...],
    tags: tuple[str, ...], met_on: datetime | None, urls: tuple[str, ...], **fields: object,
) -> None:
    """Add NAME; an existing person (same email, or the same name at the same company) is
    updated. A similar name at the same company is added and reported: `contacts merge`
    joins the two if they are one person."""
    if not name.strip():
        raise UserError("a contact needs a name")
    for option in ("birthday", "anniversary", "work_anniversary"):
        try:
            normalise_partial_date(str(fields[option]))
        except ValueError:
            raise UserError(f"--{option.replace('_', '-')} must be a date like 1984-04-15, "
                            f"or --04-15 without the year, not '{fields[option]}'") from None
    phone = str(fields["phone"]).strip()
    if phone and not is_phone_number(phone):
        raise UserError(f"--phone must be a phone number (digits, with + ( ) - . / or "
                        f"spaces, ext for an extension), not '{phone}'")
    for link in urls:
        if web_link(link) is None:
            raise UserError(f"--url must be an http or https link, not '{link}'")
    contact = msgspec.convert(
        {**fields, "name": name, "interests": list(interests), "needs": list(needs),
         "offers": list(offers), "tags": list(tags),
         "met_on": met_on.date() if met_on else None,
         "urls": [{"value": link} for link in urls]},
        Contact,
    )
    report = add_contact(desk().store, contact)
    if report.added:
        added = report.added[0]
        click.echo(f"Added {added.name} ({added.id}).")
        if note := report.similar_note(added):
            click.echo(f"Note: {note}.")
    elif report.merged:
        click.echo(f"Updated {report.merged[0].name} ({report.merged[0].id}).")
    else:
        click.echo(f"{report.unchanged[0].name} is already on the desk, unchanged.")


@contacts.command("merge")
@click.argument("keep")
@click.argument("other")
@home_option
def merge_command(keep: str, other: str) -> None:
    """Make KEEP and OTHER one person (names, emails or ids): OTHER's history, queue and
    introductions move to KEEP, its details fill KEEP's empty fields, and OTHER goes."""
    store = desk().store
    with store.desk.transaction():
        first, second = find_contact(store, keep), find_contact(store, other)
        merged = merge_people(store, first.id, second.id)
    filled = f"; filled {', '.join(merged.filled)}" if merged.filled else ""
    click.echo(f"Merged {merged.removed.name} ({merged.removed.id}) into {merged.kept.name} "
               f"({merged.kept.id}): {merged.moved} record(s) moved{filled}.")


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


@contacts.command("show")
@click.argument("name")
@json_option
@home_option
def show_contact(name: str, as_json: bool) -> None:
    """Print one person whole: every address, number, link and date, the notes and the
    gives. NAME is a name (or part of one), an email or an id."""
    store = desk().store
    person = find_contact(store, name)
    if as_json:
        emit_json(msgspec.to_builtins(person))
        return
    click.echo(f"{person.name}{'  ★ key relationship' if person.key else ''}")
    for label, value in contact_details(person):
        click.echo(f"{label + ':':<13}{value}")
    if person.notes:
        click.echo(f"\n{person.notes}")
    gives = sorted((g for g in store.gives.all() if g.contact_id == person.id),
                   key=lambda g: g.given_on, reverse=True)
    click.echo(f"\nGives ({len(gives)})")
    for give in gives:
        click.echo(f"{give.given_on:%Y-%m-%d} {give.kind:<8}{give.note}")
    click.echo(f"\nid {person.id}")


@contacts.command("suggest-key")
@json_option
@click.option("--limit", type=click.IntRange(min=1, max=1000), default=10, show_default=True,
              help="How many people to suggest.")
@home_option
def suggest_key_command(as_json: bool, limit: int) -> None:
    """People worth marking as key relationships (recent connection, seniority, your
    field, gives), with interests and needs to consider for each."""
    from givedesk.cli import clock
    from givedesk.desk import key_suggestion_to_json
    from givedesk.keys import suggest_key
    from givedesk.matching.lexicon import lexicon_for

    context = desk()
    store, config = context.store, context.config
    lexicon = lexicon_for(config.matching)
    with store.desk.transaction():
        people, gives = store.contacts.all(), store.gives.all()
    found = suggest_key(people, gives, lexicon, clock.local_now().date(),
                        my_role=config.desk.role, limit=limit)
    shown = [key_suggestion_to_json(suggestion, lexicon) for suggestion in found]
    if as_json:
        emit_json(shown)
        return
    emit_table(
        ("Name", "Company", "Why", "Might care about"),
        [(s["contact"]["name"], s["contact"]["company"], "; ".join(s["reasons"]),
          "; ".join([*s["suggested_interests"], *(f"needs {n}" for n in s["suggested_needs"])]))
         for s in shown],
        empty="Nobody to suggest: everyone is key already, or nothing stands out yet.",
    )
    if shown:
        click.echo('\nMark one with k on the Contacts screen, or: givedesk contacts add "NAME" '
                   "--company COMPANY --key")


@contacts.command("suggest-topics")
@click.argument("name")
@json_option
@click.option("--accept", is_flag=True,
              help="Store the suggested interests and needs (as edited with the options below).")
@click.option("--interests", metavar="TEXT", default=None,
              help="With --accept: the interests to store instead, separated by ';'.")
@click.option("--needs", metavar="TEXT", default=None,
              help="With --accept: the needs to store instead, separated by ';'.")
@home_option
def suggest_topics_command(name: str, as_json: bool, accept: bool, interests: str | None,
                           needs: str | None) -> None:
    """Interests and needs to consider for a person, drawn from their role and company
    (the lexicon's fields). Nothing is stored unless you pass --accept."""
    from givedesk.keys import accept_terms, suggested_terms
    from givedesk.matching.lexicon import lexicon_for

    if not accept and (interests is not None or needs is not None):
        raise UserError("--interests and --needs say what --accept stores: add --accept")
    context = desk()
    store = context.store
    person = find_contact(store, name)
    offered_interests, offered_needs = suggested_terms(person, lexicon_for(context.config.matching))
    if accept:
        person = accept_terms(
            store, person.id,
            interests=interests if interests is not None else "; ".join(offered_interests),
            needs=needs if needs is not None else "; ".join(offered_needs))
    if as_json:
        emit_json({"contact": {"id": person.id, "name": person.name, "key": person.key,
                               "company": person.company},
                   "role": person.role, "suggested_interests": offered_interests,
                   "suggested_needs": offered_needs, "stored": accept,
                   "interests": person.interests, "needs": person.needs})
        return
    click.echo(f"{person.name} ({person.position or 'no role or company'})")
    click.echo(f"  interests: {'; '.join(offered_interests) or '(nothing suggested)'}")
    click.echo(f"  needs:     {'; '.join(offered_needs) or '(nothing suggested)'}")
    if accept:
        click.echo(f"Stored. {person.name} now has interests: {'; '.join(person.interests) or '-'}"
                   f"; needs: {'; '.join(person.needs) or '-'}.")
    elif offered_interests or offered_needs:
        click.echo(f'Nothing is stored. Keep them: givedesk contacts suggest-topics "{name}" '
                   "--accept [--interests TEXT] [--needs TEXT]")


@contacts.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="List what would be added, merged and skipped; write nothing.")
@click.option("--overwrite", is_flag=True, help="Let the file replace fields that have values.")
@home_option
def import_contacts(file: Path, dry_run: bool, overwrite: bool) -> None:
    """Import contacts from FILE: vCard (.vcf), or CSV from Google Contacts, LinkedIn
    (Connections.csv), Outlook or givedesk itself; the format is read from the file.

    Known people (same email, or same name at the same company) are merged: empty
    fields filled, nothing overwritten without --overwrite. Bad records are reported
    with their line and skipped.
    """
    parsed = read_contacts_file(file)
    report = merge_contacts(desk().store, parsed.contacts, overwrite=overwrite, dry_run=dry_run)
    if dry_run:
        for line in report.listing(dry_run=True):
            click.echo(line)
    for problem in parsed.problems:
        warn(problem.describe(file))
    click.echo(import_summary(file, parsed, report, dry_run=dry_run))


@contacts.command("export")
@click.option("--csv", "fmt", flag_value="csv", help="givedesk's own CSV (imports back unchanged).")
@click.option("--vcf", "fmt", flag_value="vcf", help="vCard 3.0, for any address book.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@home_option
def export_contacts(fmt: str | None, output: Path | None) -> None:
    """Export every contact as CSV or vCard, key relationships first."""
    if fmt is None:
        raise click.UsageError("choose a format: --csv or --vcf")
    people = sorted_contacts(desk().store.contacts.all())
    text = export_contacts_csv(people) if fmt == "csv" else export_contacts_vcf(people)
    if output is None:
        click.echo(text.encode("utf-8"), nl=False)  # bytes: UTF-8 whatever the locale says
        return
    write_text_file(output, text)
    click.echo(f"Exported {len(people)} contacts to {output}.")
