"""What every command needs: the desk's paths, config and store, opened lazily.

Lazy so that `--help` and argument errors never touch (or create) the data folder.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import click

from givedesk.cli.output import warn
from givedesk.config import Config, load_config
from givedesk.paths import HOME_ENV, Paths, resolve_paths
from givedesk.store import Store


@dataclass
class DeskContext:
    home: Path | None = None

    @functools.cached_property
    def paths(self) -> Paths:
        return resolve_paths(self.home)

    @functools.cached_property
    def config(self) -> Config:
        return load_config(self.paths.config_file)

    @functools.cached_property
    def store(self) -> Store:
        self.config  # noqa: B018 - a bad config must stop us before any file is written
        return Store(self.paths, warn=lambda message: warn(f"warning: {message}"))


def _remember_home(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(DeskContext).home = value


home_option = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=HOME_ENV,
    expose_value=False,
    is_eager=True,
    callback=_remember_home,
    help=f"Folder holding config.toml and the data files (or ${HOME_ENV}).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def desk() -> DeskContext:
    """The current command's desk."""
    return click.get_current_context().ensure_object(DeskContext)
