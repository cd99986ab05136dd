"""The `givedesk` command: a thin shell over the services.

Every user mistake ends as one line on stderr and exit code 2; only bugs show a
traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from givedesk import __version__
from givedesk.cli.context import desk, home_option
from givedesk.errors import UserError, describe_os_error

__all__ = ["cli", "main"]

USAGE_EXIT_CODE = 2


COMMANDS: dict[str, tuple[str, str]] = {
    "asks": ("asks", "Asks, kept apart from gives; alone, lists gives against asks per person."),
    "contacts": ("contacts", "Add, list, import and export the people on your desk."),
    "export": ("backup", "Back up the whole desk (contacts, gives, asks, queue, intros, "
                         "leads) to FILE."),
    "feeds": ("feeds", "Add, list and remove the news feeds the desk reads."),
    "fetch": ("fetch", "Fetch every feed that is due and store the new articles."),
    "followups": ("followups", "Key relationships not helped lately, and new contacts not "
                               "followed up yet."),
    "gives": ("gives", "The ledger: what you gave and to whom, newest first."),
    "intros": ("intros", "Suggested introductions, best first; subcommands run the double "
                         "opt-in."),
    "leads": ("leads", "Leads on the desk, newest first, with whom to forward each to."),
    "matches": ("matches", "Today's articles paired with the contacts they would help, "
                           "best first."),
    "today": ("today", "The agenda the app opens on: occasions, news, leads, shares, "
                       "follow-ups, introductions."),
    "restore": ("backup", "Restore the desk from a backup FILE made by `givedesk export`."),
}
"""Command -> (module in givedesk.cli defining it, its short help)."""


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs: `givedesk --help` and
    `givedesk contacts add` never load matching, numpy or feed parsing they do not use.
    A test checks the short help here against each command's own."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"givedesk.cli.{COMMANDS[cmd_name][0]}")
        command: click.Command = getattr(module, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click lays them out, from the table instead of the commands themselves."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        with formatter.section("Commands"):
            formatter.write_dl([(name, click.Command(name, help=short).get_short_help_str(limit))
                                for name, (_, short) in sorted(COMMANDS.items())])


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
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
