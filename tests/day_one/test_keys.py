"""Whom to mark key: four signals, each said in words; suggested terms never stored
without the user."""

from __future__ import annotations

import json
from datetime import date, timedelta

from givedesk.day_notes import hide_key_offer, key_offer_hidden
from givedesk.keys import accept_terms, suggest_key, suggested_terms
from givedesk.matching.lexicon import default_lexicon
from givedesk.models import Contact, Give
from givedesk.store import Store

TODAY = date(2026, 12, 7)
LEXICON = default_lexicon()


def test_each_signal_counts_and_says_why() -> None:
    new = Contact(name="New", connected_on=date(2026, 12, 1), role="Risk Analyst")
    boss = Contact(name="Boss", role="VP Engineering")
    peer = Contact(name="Peer", role="Java Developer")
    helped = Contact(name="Helped", role="Clerk")
    key = Contact(name="Key", role="Founder", key=True)
    nobody = Contact(name="Nobody", role="Clerk", connected_on=date(2019, 1, 1))
    gives = [Give(contact_id=helped.id, kind="help")]
    found = suggest_key([new, boss, peer, helped, key, nobody], gives, LEXICON, TODAY,
                        my_role="Senior Java developer")
    why = {s.contact.name: s.reasons for s in found}
    assert list(why) == ["New", "Boss", "Peer", "Helped"]  # 2.95, 2, 2, 1; no key, no zero
    assert why == {"New": ("connected 6 days ago",), "Boss": ("senior: VP Engineering",),
                   "Peer": ("your field: java",), "Helped": ("you gave 1 time",)}
    assert len(suggest_key([new, boss, peer], [], LEXICON, TODAY, limit=1)) == 1


def test_suggested_terms_come_from_role_and_company_and_are_stored_only_when_accepted(
    store: Store,
) -> None:
    brewer = store.contacts.insert(Contact(name="Rita", role="Founder", company="Kettle Hill Brewing",
                                           interests=["cycling"]))
    interests, needs = suggested_terms(brewer, LEXICON)
    assert (interests, needs) == (["brewing"], ["customers", "funding"])
    assert store.contacts.get(brewer.id).interests == ["cycling"]  # type: ignore[union-attr]
    accept_terms(store, brewer.id, interests="brewing; taprooms", needs=None)
    stored = store.contacts.get(brewer.id)
    assert stored is not None and stored.interests == ["cycling", "brewing", "taprooms"]
    assert stored.needs == []


def test_the_offer_hidden_today_is_back_tomorrow_and_a_damaged_note_hides_nothing(
    store: Store,
) -> None:
    assert not key_offer_hidden(store, TODAY)
    hide_key_offer(store, TODAY)
    assert key_offer_hidden(store, TODAY)
    assert not key_offer_hidden(store, TODAY + timedelta(days=1))
    store.paths.today_file.write_text("{not json", encoding="utf-8")
    assert not key_offer_hidden(store, TODAY)


def test_suggest_topics_shows_and_stores_only_with_accept(run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("contacts", "add", "Arjun Iyer", "--role", "Founder",
                   "--company", "Kettle Hill Brewing").code == 0
    shown = run_cli("contacts", "suggest-topics", "arjun", "--json")
    assert shown.code == 0, shown.err
    offer = json.loads(shown.out)
    assert offer["suggested_interests"] == ["brewing"]
    assert offer["suggested_needs"] == ["customers", "funding"]
    assert offer["stored"] is False and offer["interests"] == offer["needs"] == []
    edited = run_cli("contacts", "suggest-topics", "arjun", "--accept", "--interests",
                     "brewing; taprooms", "--json")
    stored = json.loads(edited.out)
    assert stored["interests"] == ["brewing", "taprooms"]
    assert stored["needs"] == ["customers", "funding"]
    again = run_cli("contacts", "suggest-topics", "arjun")
    assert "interests: (nothing suggested)" in again.out and "Nothing is stored" not in again.out
    refused = run_cli("contacts", "suggest-topics", "arjun", "--needs", "x")
    assert refused.code == 2 and "--accept" in refused.err
