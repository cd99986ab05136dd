"""Printing results: JSON for scripts, tables for people.

Table cells are `rich.text.Text`, never markup strings: names and titles come from
imported files and feeds, and "[bold]" in a title must print as it is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, markup=False, highlight=False, emoji=False)


def emit_table(columns: Sequence[str], rows: Sequence[Sequence[object]], *, empty: str) -> None:
    if not rows:
        click.echo(empty)
        return
    table = Table(*columns, box=None, header_style="bold", pad_edge=False)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    console().print(table)


def warn(message: str) -> None:
    """One line on stderr that does not stop the command."""
    click.echo(f"givedesk: {message}", err=True)


def is_terminal() -> bool:
    return sys.stdout.isatty()
