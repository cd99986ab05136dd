"""Which needs another person meets, and which shared words never make an introduction."""

from __future__ import annotations

from typing import Any

import pytest

from givedesk.config import Config
from givedesk.intros import rank_pairs
from givedesk.intros.suggest import COMMON_INTEREST, PER_NEED
from givedesk.models import Contact

CONFIG = Config()


def person(name: str, **fields: Any) -> Contact:
    return Contact(name=name, **fields)


def found(*people: Contact) -> dict[frozenset[str], list[tuple[str, str, str, str]]]:
    """Each suggested pair with its reasons (fields and terms)."""
    return {frozenset((s.a.name, s.b.name)): [(r.a_field, r.a_term, r.b_field, r.b_term)
                                              for r in s.reasons]
            for s in rank_pairs(list(people), CONFIG)}


def pair(first: str, second: str) -> frozenset[str]:
    return frozenset((first, second))


def test_touring_musicians_are_not_boat_tours() -> None:
    shop = person("Luca", company="The Blue Note Room", role="Owner", tags=["hospitality"],
                  needs=["touring musicians"])
    boats = person("Ingrid", company="Fjord Boat Tours", role="Tour operator", tags=["tourism"],
                   offers=["boat tours"])
    agent = person("Tamsin", company="Reed Talent Agency", role="Booking agent", tags=["music"])
    pairs = found(shop, boats, agent)
    assert pair("Luca", "Ingrid") not in pairs
    assert pairs[pair("Luca", "Tamsin")] == [("needs", "touring musicians", "role", "Booking agent")]


def test_but_tour_operators_are_found_among_tours() -> None:
    hotel = person("Isla", role="General manager", company="Harbourside Hotel",
                   tags=["hospitality"], needs=["tour operators for guest packages"])
    boats = person("Ingrid", company="Fjord Boat Tours", role="Owner", tags=["tourism"])
    assert pair("Isla", "Ingrid") in found(hotel, boats)


def test_a_need_for_clients_is_met_by_who_someone_is() -> None:
    startup = person("Dev", company="Ledgerwise", role="Founder", tags=["software"],
                     needs=["law-firm clients"])
    partner = person("Nora", company="Lindgren & Shaw LLP", role="Managing partner",
                     tags=["law"])
    adviser = person("Ben", role="Consultant", tags=["consulting"],
                     offers=["advice for law firms"])
    pairs = found(startup, partner, adviser)
    assert pairs[pair("Dev", "Nora")][0][2] in ("company", "tags")
    assert pair("Dev", "Ben") not in pairs, "offering something to law firms is not being one"


def test_student_interns_come_from_career_services_without_any_offer() -> None:
    company = person("Kwame", company="Brightpath Robotics", role="Head of engineering",
                     tags=["manufacturing"], needs=["student interns"])
    careers = person("Marisol", company="Eastbay University", role="Director of career services",
                     tags=["education"])
    [(_, _, field, term)] = found(company, careers)[pair("Kwame", "Marisol")]
    assert (field, term) == ("role", "Director of career services")


def test_a_generic_head_is_carried_by_the_word_before_it() -> None:
    engineer = person("Yusuf", role="Principal engineer", tags=["engineering"],
                      needs=["architect partners"])
    architect = person("Ben", role="Associate architect", tags=["architecture"])
    partner = person("Pat", role="Partner", company="Pat & Co", tags=["consulting"])
    pairs = found(engineer, architect, partner)
    assert pair("Yusuf", "Ben") in pairs and pair("Yusuf", "Pat") not in pairs


def test_a_title_as_head_noun_says_rank_not_trade() -> None:
    shop = person("Tom", company="Becker Marine Supply", role="Sales manager", tags=["retail"],
                  needs=["boat owners as customers"])
    baker = person("Beatriz", company="Santos Family Bakery", role="Owner", tags=["food"])
    skipper = person("Ingrid", company="Fjord Boat Tours", role="Owner", tags=["tourism"])
    pairs = found(shop, baker, skipper)
    assert pair("Tom", "Beatriz") not in pairs and pair("Tom", "Ingrid") in pairs


def test_the_head_of_a_compound_is_not_a_term_of_its_own() -> None:
    bar = person("Luca", role="Owner", tags=["hospitality"], needs=["a sound engineer"])
    factory = person("Kwame", role="Head of engineering", tags=["manufacturing"])
    sound = person("Hiro", role="Live sound engineer", tags=["music"])
    pairs = found(bar, factory, sound)
    assert pair("Luca", "Hiro") in pairs and pair("Luca", "Kwame") not in pairs


def test_a_persons_own_name_in_their_company_is_not_a_trade() -> None:
    clinic = person("Samuel", role="Executive director", tags=["health care"],
                    needs=["a grant writer"])
    builder = person("Oliver Grant", company="Grant Brothers Construction",
                     role="Project manager", tags=["construction"])
    writer = person("Elena", company="Petrova Grants", role="Grant writer", tags=["nonprofit"])
    assert found(clinic, builder) == {}
    assert pair("Samuel", "Elena") in found(clinic, builder, writer)
    # A company is read once per wording: read first for a colleague whose name is not
    # in it, it still leaves Oliver's own name out of his.
    colleague = person("Mia", company="Grant Brothers Construction", role="Project manager",
                       tags=["construction"])
    assert pair("Samuel", "Oliver Grant") not in found(clinic, colleague, builder)


def test_words_of_the_head_the_candidate_has_rank_them_first() -> None:
    factory = person("Kwame", role="Head of engineering", tags=["manufacturing"],
                     needs=["a patent attorney"])
    patents = person("Greta", company="Vogel Patent Law", role="Patent attorney", tags=["law"])
    lawyer = person("Nora", company="Lindgren & Shaw LLP", role="Attorney", tags=["law"])
    pairs = found(factory, patents, lawyer)
    assert pair("Kwame", "Greta") in pairs and pair("Kwame", "Nora") not in pairs


def test_an_offer_made_for_others_fits_them_better() -> None:
    bank = person("Priyanka", company="Sprout Food Bank", role="Volunteer coordinator",
                  tags=["nonprofit"], needs=["volunteers"])
    doctors = person("Raj", company="Bayside Hospital", role="Chief of emergency medicine",
                     tags=["health care"], offers=["physician volunteers for community clinics"])
    teams = person("Jordan", company="Meridian Insurance", role="HR director", tags=["insurance"],
                   offers=["volunteer teams"])
    pairs = found(bank, doctors, teams)
    assert pair("Priyanka", "Jordan") in pairs and pair("Priyanka", "Raj") not in pairs


def test_a_need_no_concept_covers_meets_the_same_head_noun() -> None:
    potter = person("Ada", tags=["crafts"], needs=["a kiln for weekends"])
    studio = person("Bo", tags=["arts"], offers=["kiln time for potters"])
    other = person("Cy", tags=["arts"], offers=["weekends in a cabin"])
    pairs = found(potter, studio, other)
    assert pairs[pair("Ada", "Bo")] == [("needs", "a kiln for weekends", "offers",
                                         "kiln time for potters")]
    assert pair("Ada", "Cy") not in pairs


def test_each_need_names_only_its_few_best_people() -> None:
    needy = person("Zoë", tags=["coffee"], needs=["a bookkeeper"])
    bookkeepers = [person(f"Bookkeeper {n}", role="Bookkeeper", tags=["finance"])
                   for n in range(PER_NEED + 3)]
    assert len(found(needy, *bookkeepers)) == PER_NEED


def test_a_pastime_alone_makes_no_introduction_but_a_topic_does() -> None:
    def pairs(interest: str) -> dict[frozenset[str], Any]:
        return found(person("Ann", tags=["law"], interests=[interest]),
                     person("Bo", tags=["software"], interests=[interest]))

    assert pairs("running") == {}
    assert pairs("data visualization") == {pair("Ann", "Bo"): [
        ("interests", "data visualization", "interests", "data visualization")]}


def test_a_shared_pastime_adds_to_a_need_met() -> None:
    zoe = person("Zoë", tags=["coffee"], needs=["a bookkeeper"], interests=["jazz"])
    hana = person("Hana", role="Bookkeeper", tags=["finance"], interests=["jazz"])
    alone = rank_pairs([zoe, person("Hana", role="Bookkeeper", tags=["finance"])], CONFIG)
    [both] = rank_pairs([zoe, hana], CONFIG)
    assert len(both.reasons) == 2 and both.score > alone[0].score


@pytest.mark.parametrize(("members", "paired"), [(COMMON_INTEREST, True),
                                                 (COMMON_INTEREST + 1, False)])
def test_an_interest_everyone_shares_says_nothing(members: int, paired: bool) -> None:
    people = [person(f"P{n}", tags=[f"field {n}"], interests=["urban design"])
              for n in range(members)]
    assert bool(rank_pairs(people, CONFIG)) is paired


def test_what_an_offer_is_for_is_not_what_it_gives() -> None:
    council = person("Aaliyah", role="Council member", tags=["government"],
                     needs=["small business owners for the advisory panel"])
    lender = person("Ben", role="Loan officer", tags=["banking"],
                    offers=["small business loan consultations"])
    chef = person("Marco", role="Chef and owner", company="Bellini's Trattoria", tags=["food"])
    founder = person("Zoë", tags=["coffee"], needs=["financing for a second roaster"])
    pairs = found(council, lender, chef, founder)
    assert pair("Aaliyah", "Marco") in pairs and pair("Aaliyah", "Ben") not in pairs
    assert pair("Zoë", "Ben") in pairs


def test_a_shared_head_noun_alone_with_none_of_the_other_words_is_no_match() -> None:
    college = person("Grace", role="Dean", tags=["education"], needs=["internship hosts"])
    radio = person("Leila", role="Host and producer", tags=["media"])
    studio = person("Bo", role="Host", tags=["media"], offers=["hosts for internship fairs"])
    assert found(college, radio) == {}
    assert pair("Grace", "Bo") in found(college, studio)


def test_offering_something_to_a_kind_of_client_is_not_being_one() -> None:
    bookkeeper = person("Ruth", role="Bookkeeper", tags=["finance"],
                        needs=["small business clients"])
    lender = person("Lea", role="Loan officer", tags=["banking"], offers=["small business loans"])
    baker = person("Beatriz", role="Owner", company="Santos Family Bakery", tags=["food"])
    pairs = found(bookkeeper, lender, baker)
    assert pair("Ruth", "Beatriz") in pairs and pair("Ruth", "Lea") not in pairs
