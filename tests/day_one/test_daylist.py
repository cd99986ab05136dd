"""The day's article rows: one per article, a few people each, large employers as field
news, bad news about them left out, bad news about someone's own company a heads-up."""

from __future__ import annotations

from givedesk.config import TodayConfig
from givedesk.daylist import choose_rows
from givedesk.desk import item_from_row, rank
from givedesk.matching.engine import Match, Reason
from givedesk.models import Article, Contact, MatchField

CONFIG = TodayConfig()


def story(title: str, summary: str = "") -> Article:
    return Article(id=title, title=title, feed_id="f", summary=summary)


def pair(article: Article, person: Contact, score: float, kind: str = "mention",
         field: MatchField = "company") -> Match:
    reason = Reason(field=field, term=person.company, evidence=article.title,
                    evidence_start=0, evidence_end=3, similarity=100.0, in_title=True)
    return Match(article, person, score, kind, [reason])  # type: ignore[arg-type]


BANK = [Contact(name=f"Teller {n:02}", company="Northwind Bank") for n in range(12)] + [
    Contact(name="Zara Key", company="Northwind Bank Inc.", key=True)]


def test_a_story_about_a_large_employer_is_one_row_of_field_news_key_first() -> None:
    news = story("Northwind Bank publishes third-quarter results")
    matches = [pair(news, person, 90.0 - n) for n, person in enumerate(BANK)]
    (row,) = choose_rows(matches, BANK, CONFIG)
    assert [p.match.contact.name for p in row.chosen] == ["Zara Key", "Teller 00", "Teller 01"]
    assert len(row.others) == 10
    assert all(p.field_news and p.match.kind == "interest" for p in row.everyone)
    item = item_from_row(row)
    assert item.label == "Field news" and item.group == "interest" and item.mention is None
    assert item.why.startswith("13 people at Northwind Bank Inc.; best for Zara Key · ")
    assert len(item.matches) == 13 and item.chosen == 3


def test_bad_news_of_a_large_employer_is_left_out() -> None:
    outage = story("A single point of failure triggered the Northwind Bank outage")
    assert choose_rows([pair(outage, person, 80.0) for person in BANK], BANK, CONFIG) == []


def test_below_the_threshold_a_company_is_the_persons_own_and_bad_news_is_a_heads_up() -> None:
    club = [Contact(name="Sec Retary", company="Harbor Rugby Club")]
    fine = story("Harbor Rugby Club fined £5,000 over ineligible player")
    win = story("Harbor Rugby Club wins regional cup for the first time")
    rows = choose_rows([pair(fine, club[0], 80.0), pair(win, club[0], 70.0)], club, CONFIG)
    labels = {item.title: item.label for item in map(item_from_row, rows)}
    assert labels == {fine.title: "Heads-up", win.title: "Congrats"}


def test_named_by_their_own_name_a_person_at_a_large_employer_is_still_a_mention() -> None:
    news = story("Northwind Bank's Teller 03 named volunteer of the year")
    (row,) = choose_rows([pair(news, BANK[3], 90.0, field="name")], BANK, CONFIG)
    assert not row.chosen[0].field_news and item_from_row(row).label == "Congrats"


def test_at_most_a_few_people_at_one_company_across_the_day() -> None:
    articles = [story(f"Rates article number {n}") for n in range(4)]
    matches = [pair(a, person, 70.0, kind="interest", field="interests")
               for a in articles for person in BANK[:2]]
    rows = choose_rows(matches, BANK, CONFIG)
    assert sum(len(row.chosen) for row in rows) == CONFIG.max_per_company == 3


def test_field_news_ranks_below_stated_interests() -> None:
    results = story("Northwind Bank publishes third-quarter results")
    rates = story("Mortgage rates explained")
    matches = [pair(results, BANK[0], 95.0),
               pair(rates, BANK[1], 60.0, kind="interest", field="interests")]
    ranked = rank(item_from_row(row) for row in choose_rows(matches, BANK, CONFIG))
    assert [item.title for item in ranked] == [rates.title, results.title]
