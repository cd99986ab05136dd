"""The report an import ends with, as lines of plain text for the CLI and the TUI."""

from __future__ import annotations

from pathlib import Path

from givedesk.contacts import MergeReport
from givedesk.contacts_io.base import ParsedContacts


def import_summary(source: Path, parsed: ParsedContacts, report: MergeReport, *,
                   dry_run: bool) -> str:
    """One line: how many people were added, merged, unchanged and skipped."""
    counts = (
        f"{len(report.added)} added, {len(report.merged)} merged, "
        f"{len(report.unchanged)} unchanged, {parsed.skipped} skipped"
    )
    if dry_run:
        return f"Would import {source.name} ({parsed.format}): {counts}. Nothing was written."
    return f"Imported {source.name} ({parsed.format}): {counts}."


def import_report_lines(source: Path, parsed: ParsedContacts, report: MergeReport, *,
                        dry_run: bool) -> list[str]:
    """The whole report: in a dry run one line per person first, then every bad record
    with its line, then the summary."""
    listing = report.listing(dry_run=True) if dry_run else []
    problems = [problem.describe(source) for problem in parsed.problems]
    return [*listing, *problems, import_summary(source, parsed, report, dry_run=dry_run)]
