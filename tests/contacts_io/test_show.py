"""`givedesk contacts show NAME [--json]`: one person whole."""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"


def test_show_prints_every_address_number_link_and_date(run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("contacts", "import", str(SAMPLES / "vcard21_occasions.vcf")).code == 0
    result = run_cli("contacts", "show", "okafor")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Ada Okafor"
    for expected in ("Nickname:    Adaeze", "Company:     Okafor Coffee",
                     "Email:       home: ada.okafor@mail.example", "Email:       work: ada@okafor.coffee",
                     "Email:       ada@roasters.example", "Phone:       cell: +1 360 555 0101",
                     "Phone:       home: +1 360 555 0103", "Link:        work: https://okafor.coffee",
                     "Birthday:    15 April 1980", "Gives (0)"):
        assert expected in lines
    assert "Roasts for the cafés on Quay Street; wants a second roaster." in lines


def test_show_json_is_the_whole_record(run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("contacts", "import", str(SAMPLES / "vcard21_occasions.vcf")).code == 0
    person = json.loads(run_cli("contacts", "show", "Bo Lindqvist", "--json").out)
    assert person["birthday"] == "--02-29"
    assert person["phones"] == [{"value": "+46 8 555 0100", "label": "work"}]
    listed = json.loads(run_cli("contacts", "list", "--json").out)
    assert person in listed


def test_show_an_unknown_or_ambiguous_name_is_one_line(run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("contacts", "import", str(SAMPLES / "vcard21_occasions.vcf")).code == 0
    result = run_cli("contacts", "show", "nobody")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("givedesk: error: no contact named 'nobody'")
    assert result.err.count("\n") == 1
    ambiguous = run_cli("contacts", "show", "o")
    assert ambiguous.code == 2 and "matches several contacts" in ambiguous.err


def test_add_takes_the_dates_nickname_and_links(run_cli) -> None:  # type: ignore[no-untyped-def]
    added = run_cli("contacts", "add", "Ada Okafor", "--birthday", "--04-15", "--nickname", "Adaeze",
                    "--work-anniversary", "2019-01-02", "--url", "https://okafor.coffee")
    assert added.code == 0
    person = json.loads(run_cli("contacts", "show", "Ada", "--json").out)
    assert (person["birthday"], person["nickname"], person["work_anniversary"]) == (
        "--04-15", "Adaeze", "2019-01-02")
    assert person["urls"] == [{"value": "https://okafor.coffee", "label": ""}]
    bad = run_cli("contacts", "add", "Bo", "--birthday", "15 April")
    assert bad.code == 2 and "--birthday must be a date like 1984-04-15" in bad.err
    bad = run_cli("contacts", "add", "Bo", "--url", "javascript:alert(1)")
    assert bad.code == 2 and "--url must be an http or https link" in bad.err
    bad = run_cli("contacts", "add", "Bo", "--phone", "Test Co")
    assert bad.code == 2 and "--phone must be a phone number" in bad.err
    assert len(json.loads(run_cli("contacts", "list", "--json").out)) == 1
    assert run_cli("contacts", "add", "Bo", "--phone", "+44 (0)20 7946 0958").code == 0
