"""Recognising a person by everything known about them: any of their addresses, their
profile links, and their work email's domain with their name."""

from __future__ import annotations

from pathlib import Path

from givedesk.contacts import merge_contacts
from givedesk.contacts_io import read_contacts_file
from givedesk.models import Contact, ContactPoint
from givedesk.store import Store


def test_an_import_under_another_of_their_addresses_merges(store: Store, tmp_path: Path) -> None:
    merge_contacts(store, [Contact(name="Ada Okafor", company="Okafor Coffee", email="ada@okafor.coffee",
                                   emails=[ContactPoint("ada@okafor.coffee"),
                                           ContactPoint("ada@mail.example", "home")])])
    file = tmp_path / "phone.vcf"
    file.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Adaeze Okafor\r\nORG:Okafor Roasters\r\n"
                    "EMAIL;TYPE=WORK,PREF:adaeze@roasters.example\r\n"
                    "EMAIL;TYPE=HOME:ada@mail.example\r\nBDAY:--04-15\r\nEND:VCARD\r\n")
    report = merge_contacts(store, read_contacts_file(file).contacts)
    assert (len(report.added), len(report.merged)) == (0, 1)
    assert report.matches[report.merged[0].id].reason == "same email"
    (ada,) = store.contacts.all()
    assert (ada.name, ada.birthday) == ("Ada Okafor", "--04-15")
    assert [p.value for p in ada.emails] == ["ada@okafor.coffee", "ada@mail.example",
                                             "adaeze@roasters.example"]


def test_the_same_profile_link_is_the_same_person(store: Store) -> None:
    merge_contacts(store, [Contact(name="Hana Kobayashi", company="Ledgerlight",
                                   urls=[ContactPoint("https://www.linkedin.com/in/hana-k/")])])
    linkedin = read_contacts_file(Path(__file__).parent / "samples" / "linkedin_connections.csv")
    hana = next(c for c in linkedin.contacts if c.name == "Hana Kobayashi")
    hana.name, hana.company, hana.email = "Hana K.", "Ledgerlight Bookkeeping, LLC", ""
    report = merge_contacts(store, [hana])
    assert report.added == []
    assert report.matches[report.unchanged[0].id if report.unchanged else report.merged[0].id
                          ].reason == "same profile link"
    assert store.contacts.count() == 1


def test_the_same_name_at_the_same_work_domain_is_the_same_person(store: Store) -> None:
    merge_contacts(store, [Contact(name="Ada Okafor", email="ada@okafor.coffee")])
    report = merge_contacts(store, [Contact(name="Ms. Ada Okafor", company="Okafor Coffee",
                                            email="a.okafor@okafor.coffee")])
    assert report.added == []
    assert report.matches[report.merged[0].id].reason == "same name, email at okafor.coffee"
    (ada,) = store.contacts.all()
    assert [p.value for p in ada.emails] == ["ada@okafor.coffee", "a.okafor@okafor.coffee"]
    assert ada.company == "Okafor Coffee"


def test_a_webmail_domain_says_nothing(store: Store) -> None:
    merge_contacts(store, [Contact(name="Sam Lee", email="sam@gmail.com")])
    report = merge_contacts(store, [Contact(name="Sam Lee", company="Bolt", email="samlee@gmail.com")])
    assert len(report.added) == 1
    assert store.contacts.count() == 2


def test_the_same_name_at_one_domain_but_another_company_is_someone_else(store: Store) -> None:
    merge_contacts(store, [Contact(name="Sam Lee", company="Acme", email="sam@holding.example")])
    report = merge_contacts(store, [Contact(name="Sam Lee", company="Bolt",
                                            email="s.lee@holding.example")])
    assert len(report.added) == 1
