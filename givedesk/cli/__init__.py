"""The `givedesk` command: a thin shell over the services.

Every user mistake ends as one line on stderr and exit code 2; only bugs show a
traceback.
"""

from __future__ import annotations

import sys

import click

from givedesk import __version__
from givedesk.cli.asks import asks
from givedesk.cli.backup import export, restore
from givedesk.cli.contacts import contacts
from givedesk.cli.context import desk, home_option
from givedesk.cli.feeds import feeds
from givedesk.cli.fetch import fetch
from givedesk.cli.followups import followups
from givedesk.cli.gives import gives
from givedesk.cli.intros import intros
from givedesk.cli.leads import leads
from givedesk.cli.matches import matches
from givedesk.errors import UserError, describe_os_error

__all__ = ["cli", "main"]

USAGE_EXIT_CODE = 2


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--demo", is_flag=True, help="Open a fresh copy of the bundled demo desk (offline).")
@click.version_option(__version__, prog_name="givedesk")
@home_option
@click.pass_context
def cli(ctx: click.Context, demo: bool) -> None:
    """givedesk: a daily giving desk in your terminal.

    Run without a command to open the desk. Every command takes --home DIR.
    """
    if ctx.invoked_subcommand is not None:
        if demo:
            raise UserError("--demo opens the app; it cannot be combined with a command")
        return
    from givedesk.demo import demo_home
    from givedesk.tui import run_app

    if not demo:
        run_app(desk().home)
        return
    with demo_home() as home:
        run_app(home)


for group in (
    contacts, feeds, fetch, gives, asks, intros, leads, followups, export, restore, matches
):
    cli.add_command(group)


def _one_line(error: click.ClickException) -> str:
    message = error.format_message().replace("\n", " ")
    context = getattr(error, "ctx", None)
    where = context.command_path if context is not None else "givedesk"
    hint = " (see --help)" if isinstance(error, click.UsageError) else ""
    return f"{where}: {message}{hint}"


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn user errors into one line and exit 2."""
    try:
        result = cli.main(args=argv, prog_name="givedesk", standalone_mode=False)
    except UserError as error:
        click.echo(f"givedesk: error: {error}", err=True)
        sys.exit(USAGE_EXIT_CODE)
    except click.ClickException as error:
        click.echo(_one_line(error), err=True)
        sys.exit(USAGE_EXIT_CODE)
    except (click.Abort, KeyboardInterrupt):
        click.echo("givedesk: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except OSError as error:
        # The machine refused (disk full, permissions): not a bug, and nothing more to see.
        where = f"{error.filename}: " if error.filename else ""
        click.echo(f"givedesk: error: {where}{describe_os_error(error)}", err=True)
        sys.exit(USAGE_EXIT_CODE)
    sys.exit(result if isinstance(result, int) else 0)
