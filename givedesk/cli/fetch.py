"""`givedesk fetch`"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import console, emit_json, emit_table
from givedesk.models import Feed
from givedesk.text import clean_text

if TYPE_CHECKING:  # fetching needs httpx and feedparser: loaded by `fetch` alone
    from givedesk.feeds.fetch import FetchSummary, ProgressCallback

ROWS_ON_ONE_SCREEN = 20
"""Beyond this many feeds the summary lists only those with news, errors or problems."""


@contextlib.contextmanager
def _progress_bar() -> Iterator[ProgressCallback | None]:
    """A bar on stderr while fetching, only when a person is watching.

    The feed's name is shown without markup: it comes from the feed.
    """
    if not sys.stderr.isatty():
        yield None
        return
    columns = (TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as bar:
        task = bar.add_task("Fetching feeds", total=None)

        def report(done: int, total: int, feed: Feed) -> None:
            name = clean_text(feed.name or feed.url, max_length=40)
            bar.update(task, completed=done, total=total, description=name)

        yield report


def _print_summary(summary: FetchSummary) -> None:
    if not summary.results:
        click.echo("No feeds yet. Add one with: givedesk feeds add URL_OR_PATH")
        return
    shown = summary.results
    if len(shown) > ROWS_ON_ONE_SCREEN:
        shown = [r for r in shown if r.new or r.error or (r.detail and r.status == "ok")]
    emit_table(
        ("Feed", "Status", "New", "Error / note"),
        [
            (clean_text(r.name, max_length=50), r.status, r.new or "",
             r.error or (f"moved to {r.moved_to}" if r.moved_to else r.detail or ""))
            for r in shown
        ],
        empty="No feed had news or errors.",
    )
    counts = (
        f"{summary.count('ok')} ok, {summary.count('not-modified')} not modified, "
        f"{summary.count('skipped')} skipped, {summary.count('error')} failed"
    )
    click.echo(
        f"{len(summary.results)} feeds: {counts}; {summary.new} new articles, "
        f"{summary.pruned} pruned ({summary.seconds:.1f} s)."
    )


@click.command("fetch")
@json_option
@click.option("--force", is_flag=True, help="Fetch every feed now, ignoring its interval.")
@home_option
def fetch(as_json: bool, force: bool) -> None:
    """Fetch every feed that is due and store the new articles.

    A feed that fails is reported and recorded (see: givedesk feeds list); the others
    are stored all the same.
    """
    from givedesk.feeds.fetch import FetchInterruptedError, fetch_all

    context = desk()
    try:
        with _progress_bar() as progress:
            summary = fetch_all(context.store, context.config, force=force, progress=progress)
    except FetchInterruptedError as stop:
        if not as_json:
            _print_summary(stop.summary)
        done = len(stop.summary.results) - stop.summary.count("skipped")
        click.echo(f"givedesk: interrupted; the {done} feed(s) fetched so far are stored", err=True)
        sys.exit(130)
    if as_json:
        emit_json(summary.to_json())
    else:
        _print_summary(summary)
