"""Today's agenda reads everyone once: at 10,000 people each reading converts them all."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from givedesk import store as store_module
from givedesk.config import Config
from givedesk.desk import quick_agenda
from givedesk.models import Contact, Lead
from givedesk.store import Store

NOW = datetime(2026, 12, 30, 8, tzinfo=UTC)


def converted_tables(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each table is converted whole from here on."""
    counted: Counter[str] = Counter()
    decode_all = store_module.Collection._decode_all

    def counting(self: Any, documents: dict[str, dict[str, Any]]) -> Any:
        counted[self.name] += 1
        return decode_all(self, documents)

    monkeypatch.setattr(store_module.Collection, "_decode_all", counting)
    return counted


def test_the_agenda_converts_everyone_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.contacts.insert_many([
        Contact(name="Ada Okafor", birthday="--12-31", key=True),
        Contact(name="Ben Ode", met_on=date(2026, 12, 28), needs=["a bookkeeper"]),
    ])
    counted = converted_tables(monkeypatch)
    agenda = quick_agenda(store, Config(), NOW)
    assert {item.group for item in agenda} >= {"occasion", "followup"}
    assert counted["contacts"] == 1

    store.leads.insert(Lead(text="A bookkeeper is looking for clients",
                            created=NOW - timedelta(hours=2)))
    counted.clear()
    assert any(item.group == "lead" for item in quick_agenda(store, Config(), NOW))
    assert counted["contacts"] == 2  # the lead's candidates are read for it
