"""A family name alone names the person only beside their company, written as a name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from givedesk.config import MatchingConfig
from givedesk.matching.engine import contact_terms, find_hits, rank
from givedesk.models import Article, Contact

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
ZOE = Contact(id="zoe", name="Zoë Okafor", company="Okafor Coffee Roasters",
              interests=["specialty coffee"])


def reasons(title: str, summary: str = "", contact: Contact = ZOE) -> list[tuple[str, str]]:
    """(field, term) of every reason the article gives for the person, [] for no match."""
    article = Article(id="a", title=title, summary=summary, feed_id="f", published=NOW)
    ranked = rank(find_hits([article], [contact]), [article], {contact.id: contact}, now=NOW,
                  config=MatchingConfig())
    return [(reason.field, reason.term) for pair in ranked for reason in pair.to_match().reasons]


def test_the_surname_beside_the_company_names_the_person() -> None:
    found = reasons("Ms. Okafor of Okafor Coffee Roasters honoured by the chamber")
    assert ("surname", "Okafor") in found and ("company", "Okafor Coffee Roasters") in found


def test_the_surname_inside_the_company_name_is_not_a_second_mention() -> None:
    assert ("surname", "Okafor") not in reasons("Okafor Coffee Roasters opens a second cafe")


def test_the_full_name_makes_the_surname_redundant() -> None:
    found = reasons("Zoë Okafor of Okafor Coffee Roasters honoured by the chamber")
    assert ("name", "Zoë Okafor") in found and ("surname", "Okafor") not in found


def test_the_surname_without_the_company_names_nobody() -> None:
    assert reasons("Mr. Okafor praised the new bakery on Pier Street") == []


def test_the_surname_must_be_written_as_a_name() -> None:
    barista = Contact(id="b", name="Sam Brew", company="Harbor Coffee Co")
    assert ("surname", "Brew") not in reasons(
        "Harbor Coffee Co says cold brew sales doubled this summer", contact=barista)
    assert ("surname", "Brew") in reasons(
        "Harbor Coffee Co founder Mr. Brew says sales doubled", contact=barista)


@pytest.mark.parametrize("contact", [
    Contact(id="x", name="Ana Li", company="Acme"),  # too short to look for alone
    Contact(id="y", name="Okafor", company="Okafor Coffee"),  # one word: no surname
    Contact(id="z", name="Zoë Okafor"),  # no company to anchor it
])
def test_no_surname_term_when_it_could_not_be_anchored(contact: Contact) -> None:
    assert all(field != "surname" for field, _term in contact_terms(contact))
