"""The context rules of issue #10: word sense, namesakes, paraphrase, role field."""

from __future__ import annotations

from datetime import UTC, datetime

from givedesk.config import MatchingConfig
from givedesk.matching.engine import Match, find_hits, match_to_json, rank
from givedesk.matching.lexicon import build_lexicon, default_lexicon, load_lexicon
from givedesk.models import Article, Contact

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
CONFIG = MatchingConfig(recency_penalty=0)

PRIYA = Contact(
    id="priya", name="Priya Desai", company="Tessellate Data Ltd", role="Data engineer",
    interests=["Python", "data pipelines"],
)
MARCUS = Contact(
    id="marcus", name="Marcus Webb", role="Backend developer", interests=["Go", "Kubernetes"],
)
KENJI = Contact(
    id="kenji", name="Kenji Watanabe", company="Black Stone Go Club", role="Go teacher",
    interests=["board games", "Go"],
)
INES = Contact(
    id="ines", name="Ines Moreau", company="Northwall Credit Union",
    interests=["information security"],
)
AISHA = Contact(id="aisha", name="Aisha Khan", interests=["tariff policy", "freight"])
RUTH = Contact(
    id="ruth", name="Ruth Adeyemi", role="Fire safety engineer", interests=["timber frames"],
)
JAMIE = Contact(
    id="jamie", name="Jamie Park", company="Park & Lane Architects", role="Architect",
    interests=["passive house"],
)
PAOLO = Contact(
    id="paolo", name="Paolo Ricci", company="Trattoria Ricci", role="Restaurant owner",
    interests=["restaurant industry"],
)
JORDAN = Contact(
    id="jordan", name="Jordan Blake", company="Riverside Youth FC", role="Youth football coach",
    interests=["youth football"],
)
PEOPLE = [PRIYA, MARCUS, KENJI, INES, AISHA, RUTH, JAMIE, PAOLO, JORDAN]


def matches(title: str, summary: str = "", *, people: list[Contact] | None = None,
            config: MatchingConfig = CONFIG, **kwargs: object) -> dict[str, Match]:
    """Contact id -> the suggestion one article makes."""
    people = people or PEOPLE
    article = Article(id="a1", title=title, summary=summary, feed_id="f", published=NOW)
    lexicon = kwargs.get("lexicon") or default_lexicon()
    assert not isinstance(lexicon, str | bool)
    hits = find_hits([article], people, lexicon=lexicon)  # type: ignore[arg-type]
    ranked = rank(hits, [article], {c.id: c for c in people}, now=NOW, config=config,
                  lexicon=lexicon)  # type: ignore[arg-type]
    return {pair.contact.id: pair.to_match() for pair in ranked}


# Word sense


def test_an_ambiguous_word_needs_the_persons_context() -> None:
    assert "priya" in matches("Python 3.14 released", "Data teams get a faster interpreter.")
    assert "priya" not in matches("Python escapes from zoo", "Keepers found the snake at dawn.")


def test_a_term_typed_as_a_name_is_not_its_lower_case_word() -> None:
    found = matches("Council votes to go ahead", "Developers say work can go ahead in June.")
    assert "marcus" not in found and "kenji" not in found


def test_the_persons_sense_decides_between_two_people_with_the_same_word() -> None:
    game = matches("Go champion beats the machine", "The final stone was placed after six hours.")
    assert "kenji" in game and "marcus" not in game
    language = matches("Go 1.25 ships", "The compiler builds large programs faster.")
    assert "marcus" in language and "kenji" not in language


def test_a_distinctive_phrase_needs_no_context() -> None:
    assert "ines" in matches("Information security budgets rise")


def test_a_short_word_needs_context_unless_typed_in_capitals() -> None:
    ev = Contact(id="ev", name="Omar Haddad", interests=["EV"])
    ai = Contact(id="ai", name="Dev Rao", interests=["ai"])
    found = matches("Ai Weiwei show opens; EV sales rise", people=[ev, ai])
    assert "ev" in found and "ai" not in found


def test_one_related_word_needs_a_second_word_of_the_persons() -> None:
    kube = Contact(id="kube", name="Mo Lee", interests=["Kubernetes"])
    lexicon = build_lexicon({"topics": {"kubernetes": ["containers", "service mesh"]}})
    docks = matches("Port congestion eases as container rates drop", people=[kube], lexicon=lexicon)
    assert "kube" not in docks
    mesh = matches("Service mesh adoption grows", people=[kube], lexicon=lexicon)
    assert "kube" in mesh


# Namesakes and company names


def test_a_name_beside_a_childs_age_is_someone_else() -> None:
    assert "jamie" not in matches("Jamie Park, 17, wins the science fair")
    assert "jamie" not in matches("The 16-year-old Jamie Park wins the science fair")


def test_a_name_beside_another_occupation_is_someone_else() -> None:
    assert "jamie" not in matches("Singer Jamie Park tops the charts")
    assert "paolo" not in matches("Paolo Ricci leaves Osteria Luna after ten years")


def test_an_occupation_the_person_shares_does_not_make_a_namesake() -> None:
    found = matches("Coach Jordan Blake praises his players after the youth football final")
    assert found["jordan"].kind == "mention"
    assert "name" in [reason.field for reason in found["jordan"].reasons]


def test_a_name_with_nothing_else_of_theirs_is_marked_possibly_a_namesake() -> None:
    alone = matches("Jamie Park opens a gallery")["jamie"]
    assert "possibly a namesake" in alone.reasons[0].note
    assert "possibly a namesake" in match_to_json(alone)["reasons"][0]["note"]
    confirmed = matches("Architect Jamie Park opens a gallery")["jamie"]
    assert confirmed.reasons[0].note == ""


def test_a_company_is_named_by_its_full_name_only() -> None:
    assert "jamie" not in matches("Flat on Park Lane sells for 20 million")
    assert matches("Park & Lane Architects win award")["jamie"].kind == "mention"


# Paraphrase and explanation


def test_a_related_term_explains_itself() -> None:
    found = matches("Ransomware attack on city hospital", "Hackers encrypted its servers.")
    reason = found["ines"].reasons[0]
    assert reason.term == "information security" and reason.related.casefold() == "ransomware"
    shown = match_to_json(found["ines"])["reasons"][0]
    assert shown["explanation"] == "ransomware, related to Ines's interest information security"
    assert {"field", "term", "evidence"} <= set(shown)


def test_a_related_hit_counts_less_than_the_own_term() -> None:
    own = matches("Information security budgets rise")["ines"].score
    related = matches("Cybersecurity budgets rise")["ines"].score
    assert related < own


def test_the_distinctive_word_of_an_interest_is_found_with_context() -> None:
    found = matches("Tariff changes take effect", "Importers will pay new duties at the border.")
    assert "aisha" in found


def test_aliases_from_config_and_from_the_contact_expand_a_topic() -> None:
    lexicon = build_lexicon({}, {"information security": ["pen testing"]})
    assert "ines" in matches("Pen testing firm grows", people=[INES], lexicon=lexicon)
    assert "ines" not in matches("Pen testing firm grows", people=[INES], lexicon=build_lexicon({}))
    mine = Contact(id="ana", name="Ana Lee", interests=["cloud"], aliases=["cloud: hyperscalers"])
    found = matches("Hyperscalers build more data centres", people=[mine])
    assert found["ana"].reasons[0].explanation == "hyperscalers, Ana's word for cloud"


# The role's field


def test_news_of_the_role_field_is_weak_evidence() -> None:
    found = matches("State adopts new fire code for towers", "Sprinklers in every unit.")
    ruth = found["ruth"]
    assert ruth.kind == "interest" and ruth.reasons[0].field == "role"
    assert "news for Ruth's field: fire safety" in ruth.reasons[0].explanation
    own = matches("Timber frames gain ground")["ruth"].score
    assert ruth.score < own


def test_the_bundled_lexicon_loads_and_knows_its_tables() -> None:
    lexicon = load_lexicon()
    assert "data breach" in [term for term, _ in lexicon.related("information security")]
    assert "chess" not in [term for term, _ in lexicon.related("Go")]
    assert lexicon.ambiguous("python") is not None
    assert "dentistry" in lexicon.topics_in("Rivera Family Dental")


def test_a_common_word_of_the_persons_does_not_corroborate() -> None:
    sam = Contact(id="sam", name="Sam Okafor", role="Sales coach",
                  interests=["pitch", "cold calling"])
    rugby = matches("Rugby pitch flooded", "The club called off the match.", people=[sam])
    assert "sam" not in rugby
    sales = matches("Perfect your pitch", "Buyers want a short summary first.", people=[sam])
    assert "sam" in sales


def test_a_related_term_that_loses_words_to_stop_words_is_not_searched() -> None:
    sam = Contact(id="sam", name="Sam Okafor", role="Sales coach", interests=["cold calling"])
    assert "sam" not in matches("Councillor calls for sales tax cut", people=[sam])
    assert "sam" in matches("Telemarketers face fines", "Cold calls to listed numbers.", people=[sam])


def test_with_nothing_else_known_the_first_sense_is_assumed() -> None:
    only = Contact(id="only", name="Ana Lee", interests=["Shell"])
    assert "only" in matches("Shell lifts its dividend", "Oil output rose.", people=[only])
    assert "only" not in matches("Shell Beach reopens", "Volunteers raked the sand.", people=[only])


def test_equal_scores_are_ordered_by_title_then_name() -> None:
    people = [Contact(id="zz", name="Zed Ames", interests=["sailing"]),
              Contact(id="aa", name="Bo Ames", interests=["sailing"])]
    articles = [Article(id=i, title=t, feed_id="f", published=NOW)
                for i, t in (("2", "B sailing"), ("1", "C sailing"))]
    hits = find_hits(articles, people)
    ranked = rank(hits, articles, {p.id: p for p in people}, now=NOW, config=CONFIG)
    assert [(r.article.title, r.contact.name) for r in ranked] == [
        ("B sailing", "Bo Ames"), ("B sailing", "Zed Ames"),
        ("C sailing", "Bo Ames"), ("C sailing", "Zed Ames"),
    ]
