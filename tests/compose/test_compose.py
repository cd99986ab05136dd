"""Drafting the Outbox message, and mailto: URLs that cannot smuggle headers."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from givedesk.compose import Draft, blurb, draft_outbox_message, fill, mailto_url
from givedesk.config import ComposeConfig, Config, DeskConfig
from givedesk.models import Contact, QueueItem
from givedesk.outbox import check_in

CONFIG = Config(desk=DeskConfig(name="Sam Rivera"))


def test_the_outbox_draft_greets_lists_the_items_and_signs() -> None:
    zoe = Contact(name="Zoë Okafor", email="zoe@example.com")
    items = [
        QueueItem(contact_id=zoe.id, title="Roasters hedge green coffee",
                  link="https://news.example.com/hedge", note="the part on futures"),
        QueueItem(contact_id=zoe.id, title="A bookkeeper worth meeting"),
    ]
    draft = draft_outbox_message(zoe, items, CONFIG, note="Congrats on the second cafe!")
    assert draft.to == "zoe@example.com"
    assert draft.subject == "A few things I thought you'd find useful"
    assert draft.body == (
        "Hi Zoë,\n\nCongrats on the second cafe!\n\n"
        "I came across these and thought of you:\n"
        "- Roasters hedge green coffee\n  the part on futures\n  https://news.example.com/hedge\n"
        "- A bookkeeper worth meeting\n\n"
        "Best,\nSam Rivera"
    )


def test_templates_fill_known_placeholders_once() -> None:
    config = Config(compose=ComposeConfig(greeting="Dear {name} ({first_name}) {unknown}"))
    mallory = Contact(name="{my_name} Mallory")
    draft = draft_outbox_message(mallory, [], config)
    assert draft.body.startswith("Dear {my_name} Mallory ({my_name}) {unknown}")
    assert fill("{a}{b}", {"a": "{b}", "b": "x"}) == "{b}x"


def test_mailto_encodes_every_part() -> None:
    draft = Draft(subject="Coffee & you?", body="Line one\nLine two = 100%", to="zoe@example.com")
    url = mailto_url(draft)
    assert url.startswith("mailto:zoe@example.com?")
    assert "%20" in url and "+" not in url
    query = parse_qs(urlsplit(url).query)
    assert query == {"subject": ["Coffee & you?"], "body": ["Line one\r\nLine two = 100%"]}


def test_mailto_cannot_add_headers_through_the_address_or_the_subject() -> None:
    draft = Draft(subject="Hi\r\nBcc: eve@example.com", body="x",
                  to="zoe@example.com?bcc=eve@example.com\r\nCc: eve@example.com")
    url = mailto_url(draft)
    parts = urlsplit(url)
    assert set(parse_qs(parts.query)) == {"subject", "body"}
    assert "\r" not in url and "\n" not in url
    assert "?" not in parts.path and unquote(parts.path) == (
        "zoe@example.com?bcc=eve@example.com Cc: eve@example.com")
    assert parse_qs(parts.query)["subject"] == ["Hi Bcc: eve@example.com"]


def test_mailto_to_two_people() -> None:
    url = mailto_url(Draft(subject="s", body="b", to="a@example.com, b@example.com"))
    assert url.startswith("mailto:a@example.com,b@example.com?")


def test_a_blurb_says_who_they_are_and_how_to_reach_them() -> None:
    mateo = Contact(name="Mateo Núñez", role="Partner", company="Brightline Architects",
                    location="Harborview", offers=["design reviews"], needs=["new clients"],
                    email="mateo@example.com")
    assert blurb(mateo) == (
        "Mateo Núñez, Partner at Brightline Architects (Harborview)\n"
        "Can help with: design reviews\nLooking for: new clients\nmateo@example.com"
    )
    assert blurb(Contact(name="Just A Name")) == "Just A Name"


def test_one_item_is_written_of_as_one() -> None:
    zoe = Contact(name="Zoë Okafor")
    draft = draft_outbox_message(zoe, [QueueItem(contact_id=zoe.id, title="Roasters hedge")],
                                 CONFIG)
    assert draft.subject == "Thought you'd find this useful"
    assert "I came across this and thought of you:\n- Roasters hedge" in draft.body
    assert "these" not in draft.body


def test_a_check_in_is_a_paragraph_not_an_item() -> None:
    priya = Contact(name="Priya Raman")
    draft = draft_outbox_message(priya, [check_in(priya.id, "How is the new wing going?")], CONFIG)
    assert draft.subject == "Checking in"
    assert draft.body == "Hi Priya,\n\nHow is the new wing going?\n\nBest,\nSam Rivera"
    bare = draft_outbox_message(priya, [check_in(priya.id, "")], CONFIG)
    assert "It has been a while: how are things going?" in bare.body
    assert "- Checking in" not in bare.body and "came across" not in bare.body
    with_article = draft_outbox_message(
        priya, [check_in(priya.id, "Hello!"), QueueItem(contact_id=priya.id, title="Telehealth")],
        CONFIG)
    assert "Hello!\n\nI came across this and thought of you:\n- Telehealth" in with_article.body
    assert "- Checking in" not in with_article.body
