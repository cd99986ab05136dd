"""`givedesk export FILE.json` and `givedesk restore FILE.json [--replace]`."""

from __future__ import annotations

from pathlib import Path

import click

from givedesk.backup import export_desk, read_backup, restore_desk
from givedesk.cli.context import desk, home_option
from givedesk.errors import UserError

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command("export")
@click.argument("file", type=_FILE)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@home_option
def export(file: Path, force: bool) -> None:
    """Back up the whole desk (contacts, gives, asks, queue, intros, leads) to FILE."""
    if file.exists() and not force:
        raise UserError(f"{file} exists; choose another name, or add --force to replace it")
    backup = export_desk(desk().store, file)
    click.echo(f"Exported the desk to {file}: {backup.describe()}.")


@click.command("restore")
@click.argument("file", type=_FILE)
@click.option("--replace", is_flag=True,
              help="Overwrite a desk that has data (its content is saved in backups/ first).")
@home_option
def restore(file: Path, replace: bool) -> None:
    """Restore the desk from a backup FILE made by `givedesk export`.

    The whole file is checked first; nothing is written unless all of it is valid.
    """
    store = desk().store
    backup = read_backup(store, file)
    kept = restore_desk(store, backup, replace=replace)
    click.echo(f"Restored the desk from {file}: {backup.describe()}.")
    if kept is not None:
        click.echo(f"The desk as it was is saved in {kept} "
                   f"(undo: givedesk restore {kept} --replace).")
