"""Finding one term in one text: boundaries, phrases, names, idioms, evidence."""

from __future__ import annotations

import pytest

from givedesk.matching.text import (
    Analysed,
    Found,
    TermStyle,
    compile_term,
    evidence,
    find_term,
    match_term,
)


def found_words(term: str, text: str) -> str | None:
    """The words of `text` that `term` matched, or None."""
    hit = find_term(term, text)
    return None if hit is None else text[hit.start : hit.end]


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("Rust", "Why Rust is eating the systems world", "Rust"),
        ("Rust", "A trust fund for rustic cabins", None),
        ("Rust", "Crews replace the rusted railing", None),
        ("AI", "He said the rain in Spain will maintain prices", None),
        ("AI", "An AI-powered tutor for adults", "AI"),
        ("transit", "The transition to residents-only permits", None),
        ("transit", "Homes built near transit lines", "transit"),
        ("bike lanes", "Council approves protected bike-lane network", "bike-lane"),
        ("bike-lanes", "New bike lanes on Main Street", "bike lanes"),
        ("bike lanes", "Paint is dry on the new bikelanes", "bikelanes"),
        ("bike lanes", "Lanes for bikes are coming", "Lanes for bikes"),
        ("bike lanes", "Lanes closed for bike race", None),
        ("podcasting", "Three podcasts worth your commute", "podcasts"),
        ("podcasts", "A podcasting workshop for teens", "podcasting"),
        ("cyber security", "Cybersecurity firms are hiring", "Cybersecurity"),
        ("cybersecurity", "Cyber security firms are hiring", "Cyber security"),
        ("cybersecurity", "Cybersecuirty tips for the holidays", "Cybersecuirty"),
        ("machine learning", "Machine-learning model predicts floods", "Machine-learning"),
        ("machine learning", "Learning to operate a sewing machine", None),
        ("heat pumps", "Heat wave pumps up demand", None),
        ("real estate", "Surreal estates: dream houses", None),
        ("small business lending", "Bank expands lending to small businesses", "lending to small businesses"),
        ("energy efficency", "Energy efficiency upgrades cut bills", "Energy efficiency"),
        ("Jiménez", "Jimenez Farms hosts a festival", "Jimenez"),
        ("IT", "It is raining", None),
        ("IT", "IT staff get new laptops", "IT"),
    ],
)
def test_find_term(term: str, text: str, expected: str | None) -> None:
    assert found_words(term, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She is running a restaurant now", None),
        ("Council member running for mayor", None),
        ("Taps running dry on Oak Avenue", None),
        ("The bakery won three years running", None),
        ("Two new routes will run until 1 a.m.", None),
        ("Running injuries spike in spring", "Running"),
        ("More than 800 runners finished the 5k", "runners"),
    ],
)
def test_a_one_word_term_skips_its_idioms(text: str, expected: str | None) -> None:
    assert found_words("running", text) == expected


def test_idioms_do_not_apply_inside_a_phrase() -> None:
    assert found_words("running a restaurant", "Tips for running a restaurant") == (
        "running a restaurant"
    )
    assert found_words("sailing", "Budget vote was smooth sailing") is None


def test_a_long_need_may_lose_one_word_but_never_its_head() -> None:
    need = "financing for a second roaster"
    hit = find_term(need, "The cafe is seeking financing for its new roaster")
    assert hit is not None and 60 < hit.similarity < 70
    assert find_term(need, "She bought a second roaster") is None


def match(term: str, style: TermStyle, text: str) -> Found | None:
    compiled = compile_term(term, style)
    analysed = Analysed(text)
    return match_term(compiled, analysed, analysed.expansions(compiled.slots))


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("Zoë Okafor", "Founder Zoe Okafor said the cafe opens Monday", True),
        ("Zoë Okafor", "Zoë said the cafe opens Monday", False),
        ("Grace Liu", "Grace period for tax filings extended", False),
        ("Will Stone", "Will Stone elected to the water board", True),
        ("Will Stone", "Will the drought end? Stone walls crack", False),
        ("Dr. Priya Raman", "Priya Raman said the wing opens in May", True),
        ("Cher", "Cher plays the harbor on Friday", False),
    ],
)
def test_people_are_named_by_their_full_name_only(name: str, text: str, found: bool) -> None:
    assert (match(name, "name", text) is not None) is found


@pytest.mark.parametrize(
    ("company", "text", "found"),
    [
        ("Okafor Coffee Roasters", "Okafor Coffee Roasters opens a second cafe", True),
        ("Okafor Coffee Roasters", "Okafor Coffee opens a second cafe", False),
        ("Kettle Hill Brewing Co.", "Kettle Hill residents fight the bypass", False),
        ("Kettle Hill Brewing Co.", "Kettle Hill Brewing opens a taproom", True),
        ("Lincoln Financial Advisors", "Lincoln Financial Group reports a loss", False),
        ("Millbrook Transit Authority", "Millbrook Transit adds late-night routes", True),
        ("Millbrook Transit Authority", "Millbrook Transit Board Meets", False),
        ("Okafor Coffee", "Okafor Coffee Roasters opens a second cafe", True),
        ("Marchetti Brewing Co.", "Marchetti Brewing wins gold", True),
        ("Millbrook Public Library", "Millbrook Public Schools delay start time", False),
        ("Millbrook Public Library", "Millbrook Public Schools Delay Start Time", False),
        ("Anchor", "Anchor bakery wins best bread in town", True),
        ("Anchor", "News anchor retires after 30 years", False),
        ("Anchor", "Anchor Bay ferry schedule changes", False),
        ("Anchor", "Anchor Wins Best Bread In Town", False),
    ],
)
def test_companies(company: str, text: str, found: bool) -> None:
    assert (match(company, "company", text) is not None) is found


def test_an_interest_is_found_by_its_distinctive_word_at_a_lower_similarity() -> None:
    whole = match("tariff policy", "interest", "New tariff policy announced")
    head = match("tariff policy", "interest", "Tariff changes take effect")
    assert whole is not None and head is not None
    assert head.similarity < whole.similarity == 100
    assert match("tariff policy", "topic", "Tariff changes take effect") is None
    assert match("food safety", "interest", "Food prices climb") is None
    assert match("data pipelines", "interest", "Oil pipelines leak") is None


def test_a_related_term_keeps_its_word_order() -> None:
    assert match("home prices", "related", "Home prices climb")
    assert match("home prices", "related", "the price of a home system") is None
    assert match("home prices", "topic", "the price of a home system")


def test_muted_topics_match_whole_phrases_only() -> None:
    assert match("restaurant reviews", "muted", "Restaurant review: the tasting menu")
    assert match("climate modeling data", "muted", "Climate modeling gets faster") is None


def test_evidence_quotes_the_matched_words_with_a_little_context() -> None:
    text = (
        "After a long debate, the council voted on Tuesday to build a protected bike lane "
        "along Harbor Road, separating cyclists from the morning traffic for good."
    )
    hit = find_term("bike lanes", text)
    assert hit is not None
    assert hit.evidence == "…to build a protected bike lane along Harbor Road, separating…"
    assert hit.evidence[hit.evidence_start : hit.evidence_end] == "bike lane"
    assert text[hit.start : hit.end] == "bike lane"


def test_evidence_is_not_cut_when_the_text_is_short() -> None:
    shown, start, end = evidence("Rust 2.0 is out!", 0, 1)
    assert (shown, shown[start:end]) == ("Rust 2.0 is out!", "Rust 2")


def test_a_name_of_one_word_never_matches() -> None:
    assert compile_term("Cher", "name").patterns == ()


def test_a_related_word_matches_as_written_or_plural_only() -> None:
    assert match("shipping", "related", "Shipping costs soar")
    assert match("pensions", "related", "A pension for everyone")
    assert match("shipping", "related", "Cruise ship docks") is None
    assert match("shipping", "topic", "Cruise ship docks")
