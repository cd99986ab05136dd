"""Leads: whom to forward them to, the gives they become, and what Today shows."""

from __future__ import annotations

import pytest

from givedesk.config import Config, LeadsConfig
from givedesk.errors import UserError
from givedesk.leads import (
    add_lead,
    dismiss_lead,
    forward_lead,
    get_lead,
    lead_candidates,
    lead_views,
    open_leads,
)
from givedesk.ledger import set_give_feedback
from givedesk.store import Store
from tests.people import NOW, add_person, days_ago, mateo, priya

CONFIG = Config()
WING = "St. Vincent Medical is looking for an architect for the new wing"


def names(store: Store, text: str, config: Config = CONFIG, **lead: str) -> list[str]:
    found = add_lead(store, text, now=NOW, **lead)
    return [c.contact.name for c in lead_candidates(store, found, config)]


def test_a_lead_is_stored_clean(store: Store) -> None:
    lead = add_lead(store, " New\x1b[2J wing ", now=NOW, link="https://gazette.example.com/wing",
                    source="Harborview Gazette")
    assert get_lead(store, lead.id) == lead
    assert (lead.text, lead.source, lead.created) == ("New wing", "Harborview Gazette", NOW)
    with pytest.raises(UserError, match="needs a text"):
        add_lead(store, "  ", now=NOW)
    with pytest.raises(UserError, match="http"):
        add_lead(store, "x", now=NOW, link="javascript:alert(1)")
    assert store.leads.count() == 1


def test_the_architect_gets_the_hospital_lead_and_the_hospital_does_not(store: Store) -> None:
    priya(store)
    architect = mateo(store)
    lead = add_lead(store, WING, now=NOW)
    [candidate] = lead_candidates(store, lead, CONFIG)
    assert candidate.contact == architect
    assert {(r.field, r.evidence) for r in candidate.reasons} == {
        ("company", "architect"), ("offers", "architect")}
    assert candidate.to_json()["contact"] == {"id": architect.id, "name": "Mateo Núñez"}


def test_needs_interests_and_roles_match_too(store: Store) -> None:
    add_person(store, "Sofía", needs=["grant funding for a refrigerated van"])
    add_person(store, "Leila", interests=["local history"])
    add_person(store, "Tomasz", role="Logistics manager")
    assert names(store, "State grants for refrigerated vans open to food banks") == ["Sofía"]
    assert names(store, "The museum wants stories of local history") == ["Leila"]
    assert names(store, "Port seeks a logistics manager for the new terminal") == ["Tomasz"]


def test_a_job_title_alone_is_not_a_trade(store: Store) -> None:
    add_person(store, "Mateo", role="Partner")
    add_person(store, "Tomasz", role="Operations manager")
    assert names(store, "Port seeks partners and a general manager for evening classes") == []
    assert names(store, "Port seeks an operations manager") == ["Tomasz"]


def test_the_source_is_not_offered_its_own_lead(store: Store) -> None:
    add_person(store, "Grace", interests=["apprenticeships"])
    assert names(store, "Apprenticeships at the port", source="grace") == []


def test_no_match_inside_a_word(store: Store) -> None:
    add_person(store, "Jonas", interests=["Rust"], offers=["AI consulting"])
    assert names(store, "Trust fund said to train staff in the rain") == []


def test_the_best_candidates_only(store: Store) -> None:
    for number in range(4):
        add_person(store, f"Architect {number}", offers=["architects for hospitals"])
    assert len(names(store, WING, Config(leads=LeadsConfig(max_candidates=2)))) == 2
    assert names(store, WING, Config(leads=LeadsConfig(threshold=100))) == []


def test_forwarding_records_a_lead_give_with_its_source(store: Store) -> None:
    architect = mateo(store)
    lead = add_lead(store, WING, now=NOW, link="https://gazette.example.com/wing",
                    source="Harborview Gazette")
    give = forward_lead(store, lead, architect, NOW, note="he knows their COO")
    assert store.gives.all() == [give]
    assert (give.kind, give.contact_id, give.lead_id, give.source, give.link) == (
        "lead", architect.id, lead.id, "Harborview Gazette", "https://gazette.example.com/wing")
    assert give.note == f"{WING} — he knows their COO"
    [view] = lead_views(store, CONFIG)
    assert view.forwarded_to == [architect] and view.candidates == []


def test_not_relevant_feedback_means_fewer_leads_like_it(store: Store) -> None:
    architect = add_person(store, "Mateo", offers=["hospital design"], interests=["timber"])
    first = add_lead(store, "A hospital needs a design partner", now=NOW)
    before = lead_candidates(store, add_lead(store, "Hospital design competition", now=NOW),
                             CONFIG)[0].score
    give = forward_lead(store, first, architect, NOW)
    set_give_feedback(store, give.id, "not-relevant")
    similar = add_lead(store, "Hospital design competition", now=NOW)
    assert lead_candidates(store, similar, CONFIG)[0].score == (
        before * CONFIG.matching.not_relevant_factor)
    timber = add_lead(store, "Timber buildings tour", now=NOW)
    assert lead_candidates(store, timber, CONFIG)[0].score == 70


def test_today_shows_fresh_leads_with_someone_left_to_tell(store: Store) -> None:
    architect = mateo(store)
    fresh = add_lead(store, WING, now=days_ago(1))
    add_lead(store, "Architects wanted for the library", now=days_ago(20))
    dismissed = add_lead(store, "Architects wanted for the school", now=days_ago(2))
    dismiss_lead(store, dismissed.id)
    add_lead(store, "A bakery is for sale", now=days_ago(1))
    [row] = open_leads(store, CONFIG, NOW)
    assert row.lead.id == fresh.id and [c.contact for c in row.candidates] == [architect]
    forward_lead(store, fresh, architect, NOW)
    assert open_leads(store, CONFIG, NOW) == []
    assert open_leads(store, Config(leads=LeadsConfig(fresh_days=30)), NOW)[0] \
        .lead.text == "Architects wanted for the library"
    assert len(lead_views(store, CONFIG, include_dismissed=True)) == 4
    with pytest.raises(UserError, match="no lead with id 'nope'"):
        dismiss_lead(store, "nope")


def test_a_lead_asking_for_something_goes_to_who_offers_it_not_to_who_needs_it(
    store: Store,
) -> None:
    """Ada needs a bookkeeper herself: for a cafe chain looking for one she is a
    competitor, not a recipient. Ben, the bookkeeper who offers bookkeeping, answers it."""
    add_person(store, "Ada Okafor", company="Okafor Coffee", needs=["a bookkeeper"],
               interests=["cafes"])
    add_person(store, "Ben Adeyemi", role="Bookkeeper", offers=["bookkeeping for cafes"])
    found = add_lead(store, "Cafe chain looking for a bookkeeper", now=NOW)
    candidates = lead_candidates(store, found, CONFIG)
    assert [c.contact.name for c in candidates][0] == "Ben Adeyemi"
    ada = [c for c in candidates if c.contact.name == "Ada Okafor"]
    assert all(r.field != "needs" for c in ada for r in c.reasons), "her need is no reason"
    offer = lead_candidates(store, add_lead(store, "A bookkeeper has room for new cafes", now=NOW),
                            CONFIG)
    assert ("Ada Okafor", "needs") in {(c.contact.name, r.field) for c in offer for r in c.reasons}
