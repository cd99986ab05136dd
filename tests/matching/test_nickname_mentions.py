"""A nickname with the surname names the person (a mention), the nickname alone does not."""

from __future__ import annotations

from givedesk.matching.engine import FIELD_STYLES, contact_terms
from givedesk.matching.text import Analysed, compile_term, match_term
from givedesk.matching.words import STOP_WORDS
from givedesk.models import Contact


def named_in(contact: Contact, text: str) -> list[str]:
    analysed = Analysed(text)
    found = []
    for field_name, term in contact_terms(contact):
        compiled = compile_term(term, FIELD_STYLES[field_name], STOP_WORDS)
        if field_name == "name" and match_term(compiled, analysed,
                                               analysed.expansions(compiled.slots)):
            found.append(term)
    return found


def test_nickname_and_surname_count_as_a_mention() -> None:
    tomas = Contact(name="Tomás Reyes", nickname="Tomi")
    assert named_in(tomas, "Bike co-op mechanic Tomi Reyes opens a second shop") == ["Tomi Reyes"]
    assert named_in(tomas, "Tomi, the harbour seal, returns") == []
    assert contact_terms(Contact(name="Tomás Reyes", nickname="tomás")) == [("name", "Tomás Reyes")]
