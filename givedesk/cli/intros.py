"""`givedesk intros ...`: suggested introductions and the double opt-in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import click

from givedesk.cli import clock
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table
from givedesk.config import IntrosConfig
from givedesk.contacts import find_contact
from givedesk.intros.states import dismiss_suggestion, snooze_suggestion
from givedesk.intros.workflow import (
    STATUS_LABELS,
    IntroProgress,
    advance_intro,
    decline_intro,
    get_intro,
    intro_people,
    intro_progress,
    is_open,
    next_action,
    propose_intro,
)
from givedesk.models import Intro
from givedesk.store import Store

if TYPE_CHECKING:
    from givedesk.compose import Draft
    from givedesk.intros.suggest import IntroSuggestion

# The ranking (`intros.suggest`, its lexicon) and the message drafts (which explain the
# pair with it) are imported only by what uses them: `intros list`, `decline` and
# `dismiss` never do.

NEEDS_SENDING = frozenset({"proposed", "a_agreed", "b_agreed"})
"""Steps where the next move is yours: a message to send."""


def _why(suggestion: IntroSuggestion) -> str:
    """The best reason as you would say it aloud (you may name both: it is your list)."""
    return suggestion.reasons[0].for_both(suggestion.a, suggestion.b)


def _waiting(progress: IntroProgress, now: datetime, config: IntrosConfig) -> str:
    if not is_open(progress.intro):
        return ""
    return f"{progress.days_waiting(now)} d{' !' if progress.overdue(now, config) else ''}"


def _print_draft(draft: Draft) -> None:
    click.echo(f"To: {draft.to or '(no email address on the desk)'}")
    click.echo(f"Subject: {draft.subject}\n")
    click.echo(draft.body)


def _report(store: Store, intro: Intro) -> None:
    """Where an introduction stands, and the message to send now if it is your move."""
    a, b = intro_people(store, intro)
    click.echo(f"Introduction {intro.id}: {a.name} → {b.name}, {STATUS_LABELS[intro.status]}.")
    if action := next_action(intro, a, b):
        click.echo(f"Next: {action}.")
    if intro.status == "introduced":
        click.echo(f"Logged an intro give to {a.name} and to {b.name}.")
    if intro.status not in NEEDS_SENDING:
        return
    from givedesk.intros.messages import draft_intro_step

    draft = draft_intro_step(intro, a, b, desk().config)
    if draft is not None:
        click.echo()
        _print_draft(draft)


@click.group(invoke_without_command=True)
@json_option
@click.option("--all", "show_all", is_flag=True,
              help="Include dismissed, snoozed and already introduced pairs.")
@home_option
@click.pass_context
def intros(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """Suggested introductions, best first; subcommands run the double opt-in."""
    if ctx.invoked_subcommand is not None:
        return
    from givedesk.intros.suggest import suggest_intros

    context = desk()
    now = clock.local_now()
    found = suggest_intros(context.store, context.config, now, include_hidden=show_all)
    if as_json:
        emit_json([suggestion.to_json() for suggestion in found])
        return
    emit_table(
        ("A", "B", "Score", "Why"),
        [(s.a.name, s.b.name, f"{s.score:.0f}", _why(s)) for s in found],
        empty="No introductions to suggest. Add needs, offers and interests to contacts.",
    )
    config = context.config.intros
    overdue = [p for p in intro_progress(context.store) if p.overdue(now, config)]
    if overdue:
        click.echo(f"\n{len(overdue)} introduction(s) waiting more than {config.reminder_days} "
                   "days: see givedesk intros list")


@intros.command("propose")
@click.argument("a")
@click.argument("b")
@click.option("--why", default="",
              help="Your own reason, used in every message instead of the one found "
                   "(it goes to A first: do not name B in it).")
@home_option
def propose(a: str, b: str, why: str) -> None:
    """Start introducing A (asked first, privately) to B; prints the note to A."""
    store = desk().store
    with store.desk.transaction():
        intro = propose_intro(store, find_contact(store, a), find_contact(store, b),
                              clock.local_now(), why=why)
    _report(store, intro)


@intros.command("advance")
@click.argument("intro_id")
@click.option("--note", default="", help="Kept with the step, e.g. 'said yes by phone'.")
@home_option
def advance(intro_id: str, note: str) -> None:
    """Move INTRO_ID to its next step; prints the message the new step needs."""
    store = desk().store
    _report(store, advance_intro(store, intro_id, clock.local_now(), note=note))


@intros.command("decline")
@click.argument("intro_id")
@click.option("--no-reply", is_flag=True, help="They never answered (only after asking).")
@click.option("--note", default="", help="Kept with the step.")
@home_option
def decline(intro_id: str, no_reply: bool, note: str) -> None:
    """End INTRO_ID: someone said no, or (--no-reply) did not answer."""
    store = desk().store
    _report(store, decline_intro(store, intro_id, clock.local_now(), no_reply=no_reply, note=note))


@intros.command("list")
@json_option
@click.option("--all", "show_all", is_flag=True, help="Include finished introductions.")
@home_option
def list_intros(as_json: bool, show_all: bool) -> None:
    """Introductions in progress, longest waiting first; '!' marks a step overdue."""
    context = desk()
    now = clock.local_now()
    rows = intro_progress(context.store, include_finished=show_all)
    if as_json:
        emit_json([
            {"id": p.intro.id, "a": {"id": p.a.id, "name": p.a.name},
             "b": {"id": p.b.id, "name": p.b.name}, "status": p.intro.status,
             "since": p.since.isoformat(), "overdue": p.overdue(now, context.config.intros),
             "next": p.next_action,
             "history": [{"status": s.status, "at": s.at.isoformat(), "note": s.note}
                         for s in p.intro.history]}
            for p in rows
        ])
        return
    emit_table(
        ("Id", "A", "B", "Step", "Waiting", "Next"),
        [(p.intro.id, p.a.name, p.b.name, STATUS_LABELS[p.intro.status],
          _waiting(p, now, context.config.intros), p.next_action) for p in rows],
        empty="No introductions in progress. Start one with: givedesk intros propose A B",
    )


@intros.command("show")
@click.argument("intro_id")
@home_option
def show(intro_id: str) -> None:
    """INTRO_ID's steps so far and the message that goes with its current step."""
    context = desk()
    intro = get_intro(context.store, intro_id)
    a, b = intro_people(context.store, intro)
    click.echo(f"Introduction {intro.id}: {a.name} → {b.name}")
    for step in intro.history:
        note = f" ({step.note})" if step.note else ""
        click.echo(f"  {step.at.astimezone():%Y-%m-%d %H:%M}  {STATUS_LABELS[step.status]}{note}")
    from givedesk.intros.messages import draft_intro_step

    draft = draft_intro_step(intro, a, b, context.config)
    if draft is not None:
        click.echo()
        _print_draft(draft)


@intros.command("dismiss")
@click.argument("a")
@click.argument("b")
@home_option
def dismiss(a: str, b: str) -> None:
    """Never suggest introducing A and B."""
    store = desk().store
    first, second = find_contact(store, a), find_contact(store, b)
    dismiss_suggestion(store, first.id, second.id, clock.local_now())
    click.echo(f"Will not suggest introducing {first.name} and {second.name} again.")


@intros.command("snooze")
@click.argument("a")
@click.argument("b")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Days until suggested again (default: [intros] snooze_days).")
@home_option
def snooze(a: str, b: str, days: int | None) -> None:
    """Suggest introducing A and B again later."""
    context = desk()
    store = context.store
    first, second = find_contact(store, a), find_contact(store, b)
    state = snooze_suggestion(store, first.id, second.id, clock.local_now(),
                              days or context.config.intros.snooze_days)
    click.echo(f"Snoozed {first.name} and {second.name} until {state.until}.")
