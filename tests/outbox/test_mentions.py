"""A mention is labelled by what the article is, and the message follows the label."""

from __future__ import annotations

import pytest

from givedesk.desk import item_from_match, rank
from givedesk.matching.engine import Match, Reason
from givedesk.models import Article, Contact
from givedesk.tui.screens.today import queue_item_for


def mention(title: str, field: str = "name") -> Match:
    contact = Contact(name="Sofía Castellanos", company="Harborview Food Bank")
    reason = Reason(field=field, term="Sofía Castellanos", evidence=title,  # type: ignore[arg-type]
                    evidence_start=0, evidence_end=5, similarity=100.0, in_title=True)
    return Match(Article(id=title, title=title, feed_id="f"), contact, 50.0, "mention", [reason])


@pytest.mark.parametrize(("title", "field", "label"), [
    ("Harborview Food Bank seeks volunteer drivers", "name", "Lead"),
    ("College launches a course", "needs", "Lead"),
    ("Food bank wins a state award", "name", "Congrats"),
    ("Food bank director speaks at council meeting", "name", "Mention"),
])
def test_a_mention_is_labelled_by_what_the_article_is(title: str, field: str, label: str) -> None:
    assert item_from_match(mention(title, field)).label == label


def test_the_message_follows_the_label() -> None:
    good = item_from_match(mention("Food bank wins a state award"))
    plain = item_from_match(mention("Food bank director speaks at council meeting"))
    lead = item_from_match(mention("Harborview Food Bank seeks volunteer drivers"))
    assert queue_item_for(good, "").title == "Congratulations on the news! Food bank wins a state award"
    assert queue_item_for(plain, "").title.startswith("You are in the news: ")
    assert queue_item_for(lead, "").kind == "lead"
    assert queue_item_for(lead, "").title == "Harborview Food Bank seeks volunteer drivers"
    assert [i.label for i in rank([plain, lead, good])] == ["Congrats", "Mention", "Lead"]


def test_a_dismissed_lead_comes_back_with_undo(store) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from givedesk.desk import AgendaItem, decide, undo_decision
    from givedesk.models import Lead

    contact = store.contacts.insert(Contact(name="Tomasz Wiśniewski", needs=["drivers"]))
    lead = store.leads.insert(Lead(text="Drivers wanted for the holiday rush"))
    item = AgendaItem(key="lead", group="lead", contact=contact, title=lead.text, why="", lead=lead)
    now = datetime(2026, 11, 22, tzinfo=UTC)
    decision = decide(store, item, now)
    assert store.leads.get(lead.id).dismissed is True
    undo_decision(store, decision)
    assert store.leads.get(lead.id).dismissed is False
