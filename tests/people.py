"""Helpers for the giving tests (intros, leads, follow-ups, ledger, compose)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from givedesk.models import Contact, Give, GiveKind
from givedesk.store import Store

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
"""A Friday morning: the frozen clock of these tests."""


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def add_person(store: Store, name: str, **fields: Any) -> Contact:
    """A contact stored as given (created long ago unless said otherwise)."""
    fields.setdefault("created", days_ago(400))
    return store.contacts.insert(Contact(name=name, **fields))


def add_give(store: Store, contact: Contact, days: float, kind: GiveKind = "help",
             **fields: Any) -> Give:
    fields.setdefault("note", "a give")
    return store.gives.insert(Give(contact_id=contact.id, kind=kind, given_on=days_ago(days),
                                   **fields))


def priya(store: Store, **fields: Any) -> Contact:
    """Needs architects; works at the hospital (a lead about the hospital comes from her)."""
    return add_person(
        store, "Priya Raman", email="priya@example.com", company="St. Vincent Medical",
        role="Chief Operating Officer", needs=["architects for the new wing"],
        interests=["running", "telehealth"], tags=["health care", "harborview"], **fields,
    )


def mateo(store: Store, **fields: Any) -> Contact:
    """A partner at an architecture firm that offers hospital work."""
    return add_person(
        store, "Mateo Núñez", email="mateo@example.com", company="Brightline Architects",
        role="Partner", offers=["architects for hospital and clinic projects", "design reviews"],
        interests=["sailing", "bike lanes"], tags=["architecture", "harborview"], **fields,
    )


def freeze_cli_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run at `NOW` (in UTC, so desk days are UTC days)."""
    monkeypatch.setattr("givedesk.cli.clock.local_now", lambda: NOW)


def add_by_cli(run_cli: Any, name: str, *options: str) -> str:
    """Add a contact with `givedesk contacts add`; its id."""
    result = run_cli("contacts", "add", name, *options)
    assert result.code == 0, result.err
    return str(result.out.rsplit("(", 1)[1].split(")")[0])


PRIYA_OPTIONS = ("--email", "priya@example.com", "--company", "St. Vincent Medical",
                 "--need", "architects for the new wing", "--tag", "health care", "--key")
MATEO_OPTIONS = ("--email", "mateo@example.com", "--company", "Brightline Architects",
                 "--role", "Partner", "--offer", "architects for hospital and clinic projects",
                 "--tag", "architecture")


def assert_refused(run_cli: Any, home: Path, args: list[str], expected: str) -> None:
    """A user's mistake: one line on stderr, exit 2, and desk.json left as it was."""
    before = (home / "desk.json").read_bytes()
    result = run_cli(*args)
    assert result.code == 2 and expected in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert (home / "desk.json").read_bytes() == before
