"""`givedesk matches`"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.text import Text

from givedesk.cli.clock import local_now
from givedesk.cli.context import desk, home_option, json_option
from givedesk.cli.output import emit_json, emit_table

if TYPE_CHECKING:
    from givedesk.matching.engine import Match


def _why(match: Match) -> Text:
    """Each reason as `field: term — "evidence"`, the matched words in bold, with what
    a related term stands for, any caution, and what past decisions changed."""
    why = Text()
    for number, reason in enumerate(match.reasons):
        if number:
            why.append("\n")
        why.append(f"{reason.field}: {reason.term} — “")
        why.append(reason.evidence[: reason.evidence_start])
        why.append(reason.evidence[reason.evidence_start : reason.evidence_end], style="bold")
        why.append(reason.evidence[reason.evidence_end :])
        why.append("”")
        for said in (reason.explanation, reason.note):
            if said:
                why.append(f" ({said})", style="italic")
    for note in match.feedback:
        why.append(f"\n{note}", style="italic")
    return why


@click.command("matches")
@json_option
@click.option(
    "--all", "include_all", is_flag=True,
    help="Also list pairs you dismissed, snoozed, queued or gave, with their status.",
)
@home_option
def matches(as_json: bool, include_all: bool) -> None:
    """Today's articles paired with the contacts they would help, best first."""
    # Here, not at the top: `matches --help` must not load numpy and the engine.
    from givedesk.matching.engine import match_to_json
    from givedesk.matching.service import todays_matches

    context = desk()
    found = todays_matches(context.store, context.config, now=local_now(), include_all=include_all)
    if as_json:
        emit_json([match_to_json(match) for match in found])
        return
    columns: tuple[str, ...] = ("Score", "Kind", "Contact", "Article", "Why")
    rows: list[tuple[object, ...]] = [
        (f"{m.score:.0f}", m.kind, m.contact.name, m.article.title, _why(m)) for m in found
    ]
    if include_all:
        columns += ("Status",)
        rows = [(*row, m.status or "") for row, m in zip(rows, found, strict=True)]
    emit_table(
        columns, rows,
        empty="No suggestions today. Give contacts interests or needs "
        "(givedesk contacts add NAME --interest X) and fetch news (givedesk fetch).",
    )
