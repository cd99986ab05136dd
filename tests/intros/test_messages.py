"""The message each step drafts: A is asked without hearing B's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from givedesk.compose import Draft
from givedesk.config import Config, DeskConfig, parse_config
from givedesk.errors import UserError
from givedesk.intros import advance_intro, decline_intro, draft_intro_step, propose_intro
from givedesk.models import Contact, Intro
from givedesk.store import Store
from tests.people import NOW, add_person, mateo, priya

CONFIG = Config(desk=DeskConfig(name="Sam Rivera"))


def at_step(store: Store, steps: int, **propose: str) -> tuple[Intro, Contact, Contact]:
    a, b = priya(store), mateo(store)
    intro = propose_intro(store, a, b, NOW, **propose)
    for _ in range(steps):
        intro = advance_intro(store, intro.id, NOW)
    return intro, a, b


def draft(store: Store, steps: int, config: Config = CONFIG, **propose: str) -> Draft:
    intro, a, b = at_step(store, steps, **propose)
    found = draft_intro_step(intro, a, b, config)
    assert found is not None
    return found


@pytest.mark.parametrize("steps", [0, 1])
def test_a_is_asked_privately_without_naming_b(store: Store, steps: int) -> None:
    message = draft(store, steps)
    assert message.to == "priya@example.com"
    assert message.subject == "An introduction?"
    assert message.body.startswith("Hi Priya,\n\nYou're looking for architects for the new "
                                   "wing, and I know someone who offers architects for hospital "
                                   "and clinic projects.")
    assert message.body.endswith("Best,\nSam Rivera")
    for secret in ("Mateo", "Núñez", "Brightline", "mateo@"):
        assert secret not in message.body and secret not in message.subject


def test_a_company_reason_does_not_name_the_company_to_a(store: Store) -> None:
    a = add_person(store, "Zoë Okafor", needs=["a bookkeeper"], tags=["coffee"])
    b = add_person(store, "Hana Kobayashi", company="Ledgerlight Bookkeeping", tags=["finance"])
    message = draft_intro_step(propose_intro(store, a, b, NOW), a, b, CONFIG)
    assert message is not None
    assert "You're looking for a bookkeeper, and I know someone who works in accounting." \
        in message.body
    assert "Ledgerlight" not in message.body and "Hana" not in message.body


@pytest.mark.parametrize("steps", [2, 3])
def test_b_is_asked_with_a_blurb_of_a(store: Store, steps: int) -> None:
    message = draft(store, steps)
    assert message.to == "mateo@example.com"
    assert message.subject == "Would you like to meet Priya Raman?"
    assert "Priya is looking for architects for the new wing, and you offer architects for " \
           "hospital and clinic projects." in message.body
    assert "Priya Raman, Chief Operating Officer at St. Vincent Medical\n" \
           "Looking for: architects for the new wing\npriya@example.com" in message.body


@pytest.mark.parametrize("steps", [4, 5])
def test_the_introduction_goes_to_both_with_a_blurb_of_each(store: Store, steps: int) -> None:
    message = draft(store, steps)
    assert message.to == "priya@example.com, mateo@example.com"
    assert message.subject == "Introduction: Priya Raman <> Mateo Núñez"
    assert message.body.startswith("Hi Priya and Mateo,")
    assert message.body.count("Priya is looking for architects for the new wing") == 1
    assert "Mateo Núñez, Partner at Brightline Architects" in message.body
    assert "Priya Raman, Chief Operating Officer at St. Vincent Medical" in message.body


def test_your_own_reason_replaces_the_one_found(store: Store) -> None:
    message = draft(store, 0, why="You both love a good floor plan.")
    assert "You both love a good floor plan." in message.body
    assert "architects" not in message.body


def test_without_any_reason_the_messages_still_read(store: Store) -> None:
    a, b = add_person(store, "Ann Example"), add_person(store, "Bo Example")
    message = draft_intro_step(propose_intro(store, a, b, NOW), a, b, CONFIG)
    assert message is not None and "I think you'd get a lot out of meeting." in message.body
    assert message.to == ""


def test_nothing_to_send_once_it_was_declined(store: Store) -> None:
    intro, a, b = at_step(store, 1)
    assert draft_intro_step(decline_intro(store, intro.id, NOW), a, b, CONFIG) is None


def test_contact_text_is_never_read_as_a_placeholder(store: Store) -> None:
    a = add_person(store, "Ann {b_name}", needs=["{b_name} design reviews"], tags=["health"])
    b = add_person(store, "Secret Person", offers=["design reviews"], tags=["architecture"])
    message = draft_intro_step(propose_intro(store, a, b, NOW), a, b, CONFIG)
    assert message is not None and "Secret" not in message.body


def test_custom_templates_are_used_and_may_not_name_b_to_a(tmp_path: Path) -> None:
    config = parse_config({"intros": {"ask_b_subject": "{b_first_name}, meet {a_first_name}"}},
                          tmp_path / "config.toml")
    assert config.intros.ask_b_subject == "{b_first_name}, meet {a_first_name}"
    with pytest.raises(UserError, match=r"'intros.ask_a_body' has an unknown placeholder "
                                        r"\{b_name\}"):
        parse_config({"intros": {"ask_a_body": "Meet {b_name}?"}}, tmp_path / "config.toml")
    with pytest.raises(UserError, match=r"'compose.greeting' has an unknown placeholder "
                                        r"\{firstname\}"):
        parse_config({"compose": {"greeting": "Hi {firstname}"}}, tmp_path / "config.toml")


def test_your_own_words_naming_b_never_reach_a(store: Store) -> None:
    """The Intros and Today screens used to pass "need ↔ B's company" as the reason."""
    a = add_person(store, "Zoë Okafor", needs=["a bookkeeper"], tags=["coffee"])
    b = add_person(store, "Hana Kobayashi", company="Ledgerlight Bookkeeping", tags=["finance"])
    intro = propose_intro(store, a, b, NOW, why="a bookkeeper ↔ Ledgerlight Bookkeeping")
    to_a = draft_intro_step(intro, a, b, CONFIG)
    assert to_a is not None and "Ledgerlight" not in to_a.body and "Hana" not in to_a.body
    assert "You're looking for a bookkeeper, and I know someone who works in accounting." \
        in to_a.body
    for _ in range(2):
        intro = advance_intro(store, intro.id, NOW)
    to_b = draft_intro_step(intro, a, b, CONFIG)
    assert to_b is not None and "a bookkeeper ↔ Ledgerlight Bookkeeping" in to_b.body


def test_an_offer_naming_b_company_is_said_by_its_field(store: Store) -> None:
    a = add_person(store, "Priya Raman", needs=["architects for the new wing"], tags=["health"])
    b = add_person(store, "Mateo Núñez", company="Brightline Architects", tags=["architecture"],
                   offers=["Brightline's architects for hospitals"])
    to_a = draft_intro_step(propose_intro(store, a, b, NOW), a, b, CONFIG)
    assert to_a is not None and "Brightline" not in to_a.body
    assert "and I know someone who works in architecture." in to_a.body


def test_with_nothing_to_say_of_b_but_b_s_name_a_hears_nothing_of_b(store: Store) -> None:
    a = add_person(store, "Ada Lovelace", needs=["a kiln"], tags=["crafts"])
    b = add_person(store, "Bo Ceramicist", offers=["Bo's kiln"], tags=["arts"])
    to_a = draft_intro_step(propose_intro(store, a, b, NOW), a, b, CONFIG)
    assert to_a is not None and "Bo" not in to_a.body
    assert "I know someone who could help." in to_a.body
