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
