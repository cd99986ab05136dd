"""The day's article rows: today's matches (one per pair) chosen for a morning.

`todays_matches` pairs every article with everyone it fits; a story about a company of
160,000 people then fits the thirteen of them on the desk, and the morning is a wall of
one story. This step, on its output, makes the list worth reading:

1. **News of someone's field is labelled so.** A pair whose best reason is the field of
   the person's role or company (a Java developer and a Java release, found by the
   lexicon's `[roles]` or by meaning) is field news: it ranks below stated interests
   and says so. For the many people an import brings with only a role and a company,
   it is all the desk knows of them; it is chosen before news of a large employer
   (rule 2), which says where they work, not what they do.
2. **A mention is about the person or their own small company.** An article that names
   only the company of someone whose company is large on the desk (`large_company`
   people or more) is news of their field at most: kind "interest", ranked below stated
   interests, never a mention or a "Congrats". Named by their own name, it stays a
   mention.
3. **Tone.** A bad-news story (`givedesk.tone`) about a large employer is left out: an
   outage is no occasion to write to its 9,000 staff. One about the person or their own
   small company stays, labelled "Heads-up" by the agenda.
4. **One article, one row.** Each article's people are ranked key relationships first,
   then by score; at most `max_per_article` are chosen, and at most `max_per_company`
   people at one company across the day. The others stay on the row, for the user to
   choose among when they open it.

`matches --json` still lists every pair; only Today and `today --json` read this.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from givedesk.config import TodayConfig
from givedesk.identity import normalise_company
from givedesk.matching.engine import Match
from givedesk.models import Article, Contact
from givedesk.tone import Tone, tone_of

_NAMING_FIELDS = frozenset({"name", "surname"})
"""Reasons that name the person themselves, not their company."""


@dataclass(frozen=True)
class Pick:
    """One person an article is for, as the day judges it."""

    match: Match
    tone: Tone
    field_news: bool = False
    """News of their field (their role's, or their large employer's), not of a topic
    they stated."""
    employer_news: bool = False
    """Field news only because it names their large employer: where they work says less
    of what helps them than what they do, so it comes after news of their role's field."""


@dataclass(frozen=True)
class ArticleRow:
    """One article on Today, and the people it is for."""

    article: Article
    chosen: tuple[Pick, ...]
    """Who the row suggests, best first (key relationships first)."""
    others: tuple[Pick, ...] = ()
    """Everyone else it fits, for the user to choose among."""

    @property
    def everyone(self) -> tuple[Pick, ...]:
        return self.chosen + self.others

    def crowd(self) -> str:
        """"13 people at Apple; best for Dana" when the row is for more than one person,
        else ""."""
        people = self.everyone
        if len(people) < 2:
            return ""
        companies = {normalise_company(p.match.contact.company) for p in people}
        shared = people[0].match.contact.company if len(companies) == 1 else ""
        where = f" at {shared}" if shared else ""
        best = self.chosen[0].match.contact
        return f"{len(people)} people{where}; best for {best.name}"


def company_sizes(contacts: Iterable[Contact]) -> Counter[str]:
    """People on the desk per company (normalised: "Acme Inc." is "ACME")."""
    return Counter(key for contact in contacts if (key := normalise_company(contact.company)))


def judge(match: Match, sizes: Counter[str], config: TodayConfig) -> Pick | None:
    """The match as the day sees it (rules 1 to 3 of the module docstring), or None
    when it is left out."""
    tone = tone_of(match.article)
    if match.kind != "mention":
        return Pick(match, tone, field_news=match.reasons[0].field == "role")
    if any(r.field in _NAMING_FIELDS for r in match.reasons):
        return Pick(match, tone)
    if sizes[normalise_company(match.contact.company)] < config.large_company:
        return Pick(match, tone)
    if tone == "bad":
        return None
    return Pick(dataclasses.replace(match, kind="interest"), tone, field_news=True,
                employer_news=True)


def _priority(pick: Pick) -> tuple[bool, bool, bool, float]:
    return (not pick.match.contact.key, pick.field_news, pick.employer_news, -pick.match.score)


def choose_rows(matches: Sequence[Match], contacts: Iterable[Contact],
                config: TodayConfig) -> list[ArticleRow]:
    """Today's article rows from today's matches (module docstring), in the order of
    each row's best person."""
    sizes = company_sizes(contacts)
    by_article: dict[str, list[Pick]] = {}
    for match in matches:
        pick = judge(match, sizes, config)
        if pick is not None:
            by_article.setdefault(match.article.id, []).append(pick)
    groups = sorted((sorted(picks, key=_priority) for picks in by_article.values()),
                    key=lambda picks: _priority(picks[0]))
    per_company: Counter[str] = Counter()
    rows = []
    for picks in groups:
        chosen: list[Pick] = []
        for pick in picks:
            company = normalise_company(pick.match.contact.company)
            if len(chosen) >= config.max_per_article or (
                    company and per_company[company] >= config.max_per_company):
                continue
            per_company[company] += 1
            chosen.append(pick)
        if chosen:
            taken = {id(pick) for pick in chosen}
            others = tuple(pick for pick in picks if id(pick) not in taken)
            rows.append(ArticleRow(picks[0].match.article, tuple(chosen), others))
    return rows
