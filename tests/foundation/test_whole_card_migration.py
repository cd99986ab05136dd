"""Desk schema 2 (the whole card): a schema-1 desk opens without losing anything, and a
schema-1 backup restores into it. The files are written as givedesk 1 wrote them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from givedesk.backup import read_backup, restore_desk
from givedesk.contacts import merge_contacts
from givedesk.models import Contact, ContactPoint
from givedesk.paths import Paths
from givedesk.store import DESK_SCHEMA_VERSION, Store

V1_CONTACT: dict[str, Any] = {
    "name": "Ada Okafor", "id": "a1b2c3d4e5f6", "email": "ada@okafor.coffee",
    "phone": "+1 360 555 0101", "company": "Okafor Coffee", "role": "Owner",
    "location": "Harborview", "interests": ["coffee", "bike lanes"], "needs": ["a roaster"],
    "offers": ["catering"], "notes": "Met at the market.\nTwo kids.", "key": True,
    "cadence_days": 21, "met_at": "Saturday market", "met_on": "2025-12-31",
    "tags": ["food"], "muted_topics": ["crypto"],
    "created": "2025-12-31T10:00:00+00:00", "updated": "2026-01-02T09:00:00+00:00",
}
V1_GIVE: dict[str, Any] = {
    "contact_id": "a1b2c3d4e5f6", "kind": "article", "note": "Roaster for sale",
    "id": "0a0b0c0d0e0f", "link": "https://example.com/roaster", "article_id": None,
    "lead_id": None, "intro_id": None, "source": "", "given_on": "2026-01-05T08:00:00+00:00",
    "feedback": "useful",
}
NEW_FIELDS = {"emails": [], "phones": [], "urls": [], "birthday": "", "anniversary": "",
              "work_anniversary": "", "nickname": "", "connected_on": None}


def test_a_schema_1_desk_opens_at_the_new_version_with_every_record_whole(home: Path) -> None:
    assert DESK_SCHEMA_VERSION >= 2
    (home / "desk.json").write_text(json.dumps({
        "meta": {"1": {"schema_version": 1}},
        "contacts": {"1": V1_CONTACT},
        "gives": {"1": V1_GIVE},
    }))
    store = Store(Paths.for_home(home))
    data = json.loads((home / "desk.json").read_text())
    assert data["meta"]["1"]["schema_version"] == DESK_SCHEMA_VERSION
    assert data["contacts"]["1"] == {**V1_CONTACT, **NEW_FIELDS}
    assert data["gives"]["1"] == V1_GIVE
    (ada,) = store.contacts.all()
    assert (ada.email, ada.phone, ada.emails) == ("ada@okafor.coffee", "+1 360 555 0101", [])


def test_a_schema_1_backup_restores_into_the_new_schema(home: Path, tmp_path: Path) -> None:
    backup = tmp_path / "old-backup.json"
    backup.write_text(json.dumps({
        "format": "givedesk-backup", "schema_version": 1, "exported": "2026-01-06T10:00:00+00:00",
        "desk": {"contacts": [V1_CONTACT], "gives": [V1_GIVE], "asks": [], "queue": [],
                 "states": [], "intros": [], "leads": []},
    }))
    store = Store(Paths.for_home(home))
    restore_desk(store, read_backup(store, backup))
    (ada,) = store.contacts.all()
    assert ada.id == V1_CONTACT["id"]
    assert (ada.name, ada.email, ada.phone, ada.notes, ada.met_on.isoformat() if ada.met_on else "") == (
        "Ada Okafor", "ada@okafor.coffee", "+1 360 555 0101", "Met at the market.\nTwo kids.",
        "2025-12-31")
    assert (ada.interests, ada.key, ada.cadence_days) == (["coffee", "bike lanes"], True, 21)
    assert ada.emails == [] and ada.birthday == ""
    (give,) = store.gives.all()
    assert (give.contact_id, give.note, give.feedback) == (ada.id, "Roaster for sale", "useful")
    stored = json.loads((home / "desk.json").read_text())
    assert stored["meta"]["1"]["schema_version"] == DESK_SCHEMA_VERSION


def test_a_contact_with_several_addresses_survives_a_reopen(home: Path) -> None:
    store = Store(Paths.for_home(home))
    merge_contacts(store, [Contact(name="Ada", email="ada@okafor.coffee", birthday="--02-29",
                                   emails=[ContactPoint("ada@mail.example", "home")])])
    (ada,) = Store(Paths.for_home(home)).contacts.all()
    assert ada.emails == [ContactPoint("ada@okafor.coffee"), ContactPoint("ada@mail.example", "home")]
    assert ada.birthday == "--02-29"
