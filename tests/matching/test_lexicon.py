"""The related-terms lexicon file: loading, user edits, mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from givedesk.config import MatchingConfig
from givedesk.errors import UserError
from givedesk.matching.lexicon import build_lexicon, lexicon_for, load_lexicon
from givedesk.models import Contact
from givedesk.tui.dialogs.contact_form import contact_from_form

LEXICON = """
[topics]
"beekeeping" = ["apiary", "honeybees", "Varroa mites"]

[roles]
"apiarist" = ["beekeeping"]

[ambiguous.hive]
bees = ["bees", "honey"]
"""


def test_a_users_lexicon_replaces_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(LEXICON, encoding="utf-8")
    lexicon = lexicon_for(MatchingConfig(lexicon=str(path), aliases={"beekeeping": ["skeps"]}))
    related = {term for term, _ in lexicon.related("Beekeeping")}
    assert related == {"apiary", "honeybees", "Varroa mites", "skeps"}
    assert lexicon.topics_in("Head apiarist") == ["beekeeping"]
    assert lexicon.topics_in("Beekeeper") == ["beekeeping"]
    assert lexicon.related("information security") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[topics\n", "lexicon.toml"),
        ('[topics]\n"bees" = "honey"\n', "topics.bees must be a list of strings"),
        ('[roles]\n"beekeeper" = ["bees"]\n', "roles.beekeeper names 'bees', which is not in [topics]"),
        ("[ambiguous]\nhive = 3\n", "ambiguous.hive must be a table of senses"),
    ],
)
def test_a_broken_lexicon_is_one_clear_error(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        load_lexicon(str(path))


def test_a_missing_lexicon_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read the lexicon"):
        load_lexicon(str(tmp_path / "nowhere.toml"))


def test_a_term_that_stems_to_a_stop_word_is_never_related() -> None:
    lexicon = build_lexicon({"topics": {"estate planning": ["wills", "probate"]}})
    assert [term for term, _ in lexicon.related("estate planning")] == ["probate"]


def test_the_contact_form_keeps_aliases_as_a_list() -> None:
    values = {"name": "Ines Moreau", "aliases": "information security: infosec, phishing; cloud: AWS"}
    contact = contact_from_form(Contact(name="x"), values, notes="", key=False)
    assert contact.aliases == ["information security: infosec, phishing", "cloud: AWS"]
