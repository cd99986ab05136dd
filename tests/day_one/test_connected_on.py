"""LinkedIn's "Connected On" is `connected_on`, not the day you met: it is kept on the card
and in every format out and back, makes a first give due for a new connection, and never
makes an anniversary. Today shows a handful of occasions, key relationships first."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from givedesk.backup import export_desk, read_backup, restore_desk
from givedesk.config import Config, TodayConfig
from givedesk.contacts import merge_contacts
from givedesk.contacts_io import read_contacts_file
from givedesk.contacts_io.own_csv import export_contacts_csv
from givedesk.contacts_io.vcard import export_contacts_vcf as export_vcards
from givedesk.desk import quick_agenda
from givedesk.paths import Paths
from givedesk.store import DESK_SCHEMA_VERSION, Store
from tests.conftest import CliResult

SAMPLES = Path(__file__).parent.parent / "contacts_io" / "samples"


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)


def imported(store: Store) -> None:
    merge_contacts(store, read_contacts_file(SAMPLES / "linkedin_connections.csv").contacts)


def test_a_connection_date_makes_no_anniversary_but_a_first_give_for_a_new_connection(
    store: Store,
) -> None:
    imported(store)
    # 15 Jan 2024 for Aaliyah: on its anniversary nothing says "years since you met".
    anniversary = quick_agenda(store, Config(), at(date(2026, 1, 15)))
    assert [i.title for i in anniversary if i.occasion is not None] == []
    # Two days after connecting, she is due for a first give, said as a connection.
    fresh = quick_agenda(store, Config(), at(date(2024, 1, 17)))
    assert [(i.contact.name, i.title) for i in fresh if i.followup is not None] == [
        ("Aaliyah Brooks", "New connection: a first give soon")]


def test_a_met_on_date_the_user_set_still_makes_its_occasion(store: Store) -> None:
    imported(store)
    (aaliyah,) = [c for c in store.contacts.all() if c.name == "Aaliyah Brooks"]
    aaliyah.met_on, aaliyah.met_at = date(2020, 6, 1), "the bike summit"
    store.contacts.save(aaliyah)
    items = quick_agenda(store, Config(), at(date(2026, 6, 1)))
    assert [i.title for i in items if i.occasion is not None] == ["6 years since you met, today"]


def test_connected_on_goes_out_and_back_in_csv_vcard_and_backups(
    store: Store, tmp_path: Path,
) -> None:
    imported(store)
    people = store.contacts.all()
    for name, text in (("out.csv", export_contacts_csv(people)), ("out.vcf", export_vcards(people))):
        (tmp_path / name).write_text(text)
        back = {c.name: c.connected_on for c in read_contacts_file(tmp_path / name).contacts}
        assert back["Hana Kobayashi"] == date(2023, 3, 3), name
    export_desk(store, tmp_path / "backup.json")
    other = Store(Paths.for_home(tmp_path / "other"))
    restore_desk(other, read_backup(other, tmp_path / "backup.json"))
    assert {c.name: c.connected_on for c in other.contacts.all()}["Aaliyah Brooks"] == date(2024, 1, 15)


def test_the_card_shows_the_connection_date(run_cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    result: CliResult = run_cli("contacts", "import", str(SAMPLES / "linkedin_connections.csv"))
    assert result.code == 0, result.err
    shown = run_cli("contacts", "show", "Hana").out
    assert "Connected:   2023-03-03" in shown
    assert "Met on" not in shown


def test_a_schema_2_desk_moves_linkedin_met_on_to_connected_on(home: Path) -> None:
    linkedin = [{"value": "https://www.linkedin.com/in/x", "label": "linkedin"}]
    contacts = {
        "1": {"id": "a", "name": "Imported", "urls": linkedin, "met_on": "2019-04-02"},
        "2": {"id": "b", "name": "Met at a fair", "urls": linkedin, "met_on": "2019-04-02",
              "met_at": "the fair"},
        "3": {"id": "c", "name": "Key", "urls": linkedin, "met_on": "2019-04-02", "key": True},
        "4": {"id": "d", "name": "Typed", "met_on": "2019-04-02"},
    }
    (home / "desk.json").write_text(json.dumps({"meta": {"1": {"schema_version": 2}},
                                                "contacts": contacts}))
    store = Store(Paths.for_home(home))
    got = {c.name: (c.met_on, c.connected_on) for c in store.contacts.all()}
    day = date(2019, 4, 2)
    assert got == {"Imported": (None, day), "Met at a fair": (day, None), "Key": (day, None),
                   "Typed": (day, None)}
    store.contacts.save(store.contacts.all()[0])  # written back at the new version
    stored = json.loads((home / "desk.json").read_text())
    assert stored["meta"]["1"]["schema_version"] == DESK_SCHEMA_VERSION == 3


def test_today_shows_a_handful_of_occasions_key_relationships_first(store: Store) -> None:
    from givedesk.models import Contact

    merge_contacts(store, [Contact(name=f"Friend {n:02}", birthday="--03-10") for n in range(8)]
                   + [Contact(name="Zed Key", birthday="--03-12", key=True)])
    config = Config(today=TodayConfig(max_occasions=5))
    shown = [i.contact.name for i in quick_agenda(store, config, at(date(2026, 3, 9)))
             if i.occasion is not None]
    assert shown == ["Zed Key", "Friend 00", "Friend 01", "Friend 02", "Friend 03"]
