"""`givedesk followups` end to end."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.people import add_by_cli, freeze_cli_clock


def test_followups_list_new_and_key_contacts(run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_cli_clock(monkeypatch)
    assert run_cli("followups").out.startswith("Nobody is due")
    leila = add_by_cli(run_cli, "Leila Haddad", "--met-on", "2026-11-17", "--met-at", "Radio fair")
    add_by_cli(run_cli, "Zoë Okafor", "--key", "--cadence", "14")
    add_by_cli(run_cli, "Met long ago", "--met-on", "2026-01-01")
    due = json.loads(run_cli("followups", "--json").out)
    assert [(d["contact"]["name"], d["reason"]) for d in due] == [
        ("Leila Haddad", "new"), ("Zoë Okafor", "key")]
    assert due[0] == {"contact": {"id": leila, "name": "Leila Haddad"}, "reason": "new",
                      "due_since": "2026-11-17", "days_waiting": 3, "last_give": None,
                      "cadence_days": None}
    assert due[1]["cadence_days"] == 14
    assert "met 2026-11-17 at Radio fair, no give yet" in run_cli("followups").out
    run_cli("gives", "add", "Leila", "--kind", "info", "--note", "Sent the archive contact")
    run_cli("gives", "add", "Zoë", "--kind", "help", "--note", "A call")
    assert run_cli("followups").out.startswith("Nobody is due")
