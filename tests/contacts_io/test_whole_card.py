"""The whole card: every email, phone and link with its label, birthdays with or without
a year, anniversaries; read from every format, nothing dropped."""

from __future__ import annotations

from pathlib import Path

from givedesk.contacts import clean_contact
from givedesk.contacts_io import read_contacts_file
from givedesk.models import Contact, ContactPoint

SAMPLES = Path(__file__).parent / "samples"


def people(name: str) -> dict[str, Contact]:
    return {c.name: clean_contact(c) for c in read_contacts_file(SAMPLES / name).contacts}


def test_vcard_21_keeps_every_email_phone_and_link_the_preferred_first() -> None:
    parsed = read_contacts_file(SAMPLES / "vcard21_occasions.vcf")
    ada, bo = (clean_contact(c) for c in parsed.contacts)
    assert ada.email == "ada.okafor@mail.example"  # PREF, though listed second
    assert ada.emails == [ContactPoint("ada.okafor@mail.example", "home"),
                          ContactPoint("ada@okafor.coffee", "work"),
                          ContactPoint("ada@roasters.example", "")]
    assert ada.phone == "+1 360 555 0101"
    assert ada.phones == [ContactPoint("+1 360 555 0101", "cell"),
                          ContactPoint("+1 360 555 0102", "work"),
                          ContactPoint("+1 360 555 0103", "home")]
    assert ada.urls == [ContactPoint("https://okafor.coffee", "work")]  # javascript: left out
    assert ada.birthday == "1980-04-15"
    assert ada.nickname == "Adaeze"
    assert ada.notes == "Roasts for the cafés on Quay Street; wants a second roaster.\nKids: two."
    assert [(p.line, p.message, p.skipped) for p in parsed.problems] == [
        (1, "'javascript:alert(1)' is not a web link; imported without it", False)]
    assert (bo.name, bo.birthday, bo.phones) == ("Bo Lindqvist", "--02-29",
                                                  [ContactPoint("+46 8 555 0100", "work")])


def test_vcard_30_from_apple_year_less_birthday_labelled_dates_and_bare_links() -> None:
    hana = people("vcard30_apple.vcf")["Hana Kobayashi"]
    assert hana.birthday == "--11-02"  # year 1604 means "no year" to Apple
    assert hana.anniversary == "2012-06-09"
    assert hana.work_anniversary == "2019-01-02"
    assert hana.emails == [ContactPoint("hana@ledgerlight.example.com", "work"),
                           ContactPoint("hana.k@mail.example", "home")]
    assert [p.value for p in hana.phones] == ["+1 360 555 0140", "+1 360 555 0141"]
    assert hana.phones[1].label == "iphone cell"
    assert hana.urls == [ContactPoint("https://www.linkedin.com/in/hana-k"),
                         ContactPoint("https://ledgerlight.example.com")]


def test_vcard_40_month_day_birthday_and_anniversary() -> None:
    priya = people("vcard40.vcf")["Priya Raman"]
    assert (priya.birthday, priya.anniversary) == ("--04-15", "--06-01")
    assert priya.email == "priya.raman@stvincent.example.org"
    assert priya.emails == [ContactPoint("priya.raman@stvincent.example.org"),
                            ContactPoint("priya.home@example.org", "home")]
    assert priya.phones == [ContactPoint("+1-360-555-0161", "cell"),
                            ContactPoint("+1-360-555-0160", "work")]


def test_google_csv_labels_starred_primary_events_and_month_day_birthday() -> None:
    tomas = people("google_full.csv")["Tomás Reyes"]
    assert tomas.email == "tomas@spokes.example"  # "* Work" is Google's primary
    assert tomas.emails == [ContactPoint("tomas@spokes.example", "work"),
                            ContactPoint("t.reyes@spokes.example", "work"),
                            ContactPoint("tomas@mail.example", "home")]
    assert tomas.phones == [ContactPoint("+1 360 555 0150", "mobile"),
                            ContactPoint("+1 360 555 0151", "work")]
    assert tomas.urls == [ContactPoint("https://www.linkedin.com/in/tomas-reyes", "profile")]
    assert (tomas.birthday, tomas.anniversary, tomas.work_anniversary) == (
        "--04-15", "2015-09-12", "--01-03")
    assert tomas.nickname == "Tomi"


def test_outlook_csv_every_address_and_its_dates() -> None:
    grace = people("outlook_full.csv")["Grace Hopper"]
    assert grace.emails == [ContactPoint("grace@navy.example"), ContactPoint("g.hopper@mail.example")]
    assert grace.phones == [ContactPoint("+1 202 555 0199", "mobile"),
                            ContactPoint("+1 202 555 0100", "work")]
    assert grace.urls == [ContactPoint("http://navy.example/hopper")]
    assert (grace.birthday, grace.anniversary, grace.nickname) == ("1906-12-09", "", "Amazing Grace")


def test_linkedin_keeps_the_profile_link() -> None:
    hana = people("linkedin_connections.csv")["Hana Kobayashi"]
    assert hana.urls == [ContactPoint("https://www.linkedin.com/in/hana-k", "linkedin")]
