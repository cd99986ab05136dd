"""`givedesk feeds ...`"""

from __future__ import annotations

import click
import msgspec

from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table
from givedesk.feeds.registry import add_feed, normalise_source, remove_feed


@click.group()
@home_option
def feeds() -> None:
    """Add, list and remove the news feeds the desk reads."""


@feeds.command("add")
@click.argument("url_or_path")
@click.option("--name", default="", help="A short name to show instead of the URL.")
@click.option("--local", is_flag=True, help="Local news: its articles are flagged local.")
@home_option
def add(url_or_path: str, name: str, local: bool) -> None:
    """Add a feed: an http(s) URL or a local file."""
    source = normalise_source(url_or_path)  # refuse a bad source before opening the desk
    feed = add_feed(desk().store, source, name=name, local=local)
    click.echo(f"Added feed {feed.name or feed.url} ({feed.id}).")


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
             f.failures or "", f.last_error or "")
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
