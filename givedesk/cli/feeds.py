"""`givedesk feeds ...`"""

from __future__ import annotations

from pathlib import Path

import click
import msgspec

from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table, warn
from givedesk.config import FetchConfig
from givedesk.feeds.opml import export_opml, import_opml
from givedesk.feeds.registry import add_feed, is_local_file, normalise_source, remove_feed
from givedesk.models import utc_now


@click.group()
@home_option
def feeds() -> None:
    """Add, list and remove the news feeds the desk reads."""


def _feed_address(source: str, config: FetchConfig) -> str:
    """`source`, or the feed its web page names (said on stdout)."""
    from givedesk.feeds.discover import discover_feed, looks_like_a_feed_address

    if is_local_file(source) or looks_like_a_feed_address(source):
        return source
    found = discover_feed(source, config)
    if found.found_on_page:
        named = f" ({found.title})" if found.title else ""
        click.echo(f"{source} is a web page; adding the feed it names: {found.url}{named}")
    elif found.note:
        warn(f"could not read {source} now ({found.note}); added as given")
    return found.url


@feeds.command("add")
@click.argument("url_or_path")
@click.option("--name", default="", help="A short name to show instead of the URL.")
@click.option("--local", is_flag=True, help="Local news: its articles are flagged local.")
@click.option("--interval", "interval_minutes", type=click.IntRange(min=1), default=None,
              help="Minutes between fetches of this feed (default: [fetch] interval_minutes).")
@home_option
def add(url_or_path: str, name: str, local: bool, interval_minutes: int | None) -> None:
    """Add a feed: an http(s) URL or a local file.

    The address of a website is enough: the feed its page names is added instead.
    """
    source = normalise_source(url_or_path)  # refuse a bad source before opening the desk
    context = desk()
    feed = add_feed(
        context.store, _feed_address(source, context.config.fetch),
        name=name, local=local, interval_minutes=interval_minutes,
    )
    click.echo(f"Added feed {feed.name or feed.url} ({feed.id}).")


def _warning(problem: str | None) -> str:
    return f"warning: {problem}" if problem else ""


@feeds.command("list")
@json_option
@home_option
def list_feeds(as_json: bool) -> None:
    """List feeds with their last fetch status and error."""
    registered = desk().store.feeds.all()
    if as_json:
        emit_json([msgspec.to_builtins(feed) for feed in registered])
        return
    emit_table(
        ("Id", "Name", "Local", "Status", "Failures", "Last error"),
        [
            (f.id, f.name or f.url, "local" if f.local else "", f.last_status or "never fetched",
             f.failures or "", f.last_error or _warning(f.last_warning))
            for f in registered
        ],
        empty="No feeds yet. Add one with: givedesk feeds add URL_OR_PATH",
    )


@feeds.command("remove")
@click.argument("feed")
@home_option
def remove(feed: str) -> None:
    """Remove FEED (its id, URL or name)."""
    removed = remove_feed(desk().store, feed)
    click.echo(f"Removed feed {removed.name or removed.url}.")


@feeds.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@home_option
def import_feeds(file: Path) -> None:
    """Import the feeds of an OPML FILE; feeds already on the desk are skipped."""
    report = import_opml(desk().store, file)
    for problem in report.problems:
        warn(problem)
    click.echo(
        f"Imported {file.name}: {len(report.added)} added, {report.duplicates} already there, "
        f"{len(report.problems)} skipped."
    )


@feeds.command("export")
@home_option
def export() -> None:
    """Print every feed as OPML 2.0, for another reader or another desk."""
    click.echo(export_opml(desk().store.feeds.all(), utc_now()))
