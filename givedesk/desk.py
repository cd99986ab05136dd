"""Today's agenda: every suggestion of the day, ranked and grouped, as plain data.

The Today screen shows exactly this list, and tests check it without a terminal.
Groups come in the order a morning should go: occasions first (a birthday does not
wait), then news about people (congratulate them when it is good news), then leads for
what someone needs, then articles worth sharing, then the follow-ups due, then
introductions to make. A mention is labelled by what the article is: good news about
them, bad news (a heads-up, never a congratulation), a plain mention, or a lead (a food
bank asking for drivers is not something to congratulate). An article shared for an
interest or a field is a heads-up too when it is bad news.

Articles come as rows chosen by `givedesk.daylist`: one row per article, however many
people it fits, with the few it is best for; news of a large employer is field news.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import msgspec

from givedesk.config import Config
from givedesk.day_notes import key_offer_hidden
from givedesk.daylist import ArticleRow, choose_rows
from givedesk.errors import UserError
from givedesk.feeds.fetch import feeds_to_fetch, fetch_all
from givedesk.followups import Followup, followups_among
from givedesk.intros import (
    IntroSuggestion,
    dismiss_suggestion,
    snooze_suggestion,
    suggest_intros,
)
from givedesk.keys import KeySuggestion, suggest_key, suggested_terms
from givedesk.leads import LeadCandidate, LeadView, dismiss_lead, open_leads
from givedesk.matching.engine import Match
from givedesk.matching.lexicon import Lexicon, lexicon_for
from givedesk.matching.service import dismiss_match, snooze_match, todays_matches
from givedesk.models import Contact, Feed, Lead, SuggestionState
from givedesk.occasions import Occasion, occasions_among, set_occasion_status
from givedesk.outbox import checked_in
from givedesk.store import Store
from givedesk.tone import Tone, tone_of

AgendaGroup = Literal["occasion", "mention", "lead", "interest", "followup", "intro"]
GROUP_ORDER: tuple[AgendaGroup, ...] = (
    "occasion", "mention", "lead", "interest", "followup", "intro"
)
GROUP_TITLES: dict[AgendaGroup, str] = {
    "occasion": "Occasion",
    "mention": "Mention",
    "lead": "Lead",
    "interest": "Share",
    "followup": "Follow up",
    "intro": "Introduce",
}
_MATCH_GROUPS: dict[str, AgendaGroup] = {"mention": "mention", "need": "lead", "interest": "interest"}
MentionKind = Literal["congratulate", "headsup", "mention", "lead"]
MENTION_TITLES: dict[MentionKind, str] = {
    "congratulate": "Congrats", "headsup": "Heads-up", "mention": "Mention", "lead": "Lead"}
FIELD_NEWS_TITLE = "Field news"
_LEAD_WORDS = re.compile(
    r"\b(seeks?|seeking|looking for|wanted|needs|in need of|calls? for|appeals? for|"
    r"asks? for|volunteers? needed|hiring|recruits?|recruiting|requests? for proposals|rfp)\b",
    re.IGNORECASE,
)
Progress = Callable[[int, int, str], None]
TODAY_INTROS = 5
"""Introductions shown on Today; the Intros screen lists them all."""


@dataclass(frozen=True)
class AgendaItem:
    """One row of Today: who, what, and why, with the words to highlight in `why`."""

    key: str
    group: AgendaGroup
    contact: Contact
    title: str
    why: str
    why_start: int = 0
    why_end: int = 0
    title_start: int = 0
    title_end: int = 0
    """Words of the title to highlight (a match in the headline)."""
    link: str | None = None
    local: bool = False
    when: datetime | None = None
    score: float = 0.0
    match: Match | None = None
    lead: Lead | None = None
    followup: Followup | None = None
    intro: IntroSuggestion | None = None
    occasion: Occasion | None = None
    mention: MentionKind | None = None
    """What an article naming the person is: good news, bad news, a plain mention, or a
    lead; for any other article, "headsup" when it is bad news, else None."""
    people: tuple[Match, ...] = ()
    """Everyone the row's article fits, the `chosen` first (`match` is the first): the
    row opens to choose whom to send it to. Empty for a row of one person."""
    chosen: int = 1
    """How many of `people` the day suggests it to."""
    field_news: bool = False
    """News of the person's field (their role's, or their large employer's), not of a topic
    they stated: ranked below stated interests."""

    @property
    def label(self) -> str:
        """The row's kind as the user reads it ("Congrats", "Lead", "Share"...)."""
        if self.mention:
            return MENTION_TITLES[self.mention]
        return FIELD_NEWS_TITLE if self.field_news else GROUP_TITLES[self.group]

    @property
    def matches(self) -> tuple[Match, ...]:
        """Every pair the row stands for: dismissing the row dismisses them all."""
        return self.people or ((self.match,) if self.match is not None else ())


def _labelled(label: str, evidence: str) -> tuple[str, int, int]:
    """`why` text made of a label and the evidence, with the evidence span to highlight."""
    return label + evidence, len(label), len(label) + len(evidence)


FIELD_WORDS = {"interests": "interest", "needs": "need", "company": "company",
               "name": "name", "offers": "offer", "role": "role",
               "surname": "name"}


def mention_kind(match: Match, tone: Tone | None = None) -> MentionKind:
    """A heads-up for bad news (`givedesk.tone`: never a congratulation), a lead when the
    article asks for something (or the match is to their needs), good news when its tone
    says so, else a plain mention."""
    tone = tone or tone_of(match.article)
    if tone == "bad":
        return "headsup"
    if any(reason.field == "needs" for reason in match.reasons) or _LEAD_WORDS.search(
            match.article.title):
        return "lead"
    return "congratulate" if tone == "good" else "mention"


def item_from_match(match: Match, tone: Tone | None = None) -> AgendaItem:
    """A match as a row: the headline's matched words are highlighted in the title, and
    the why line shows evidence the title does not already show, when there is some.
    Bad news is a heads-up, a mention or not."""
    best = match.reasons[0]
    title = match.article.title
    in_headline = best.evidence[best.evidence_start:best.evidence_end]
    title_start = title.casefold().find(in_headline.casefold()) if best.in_title else -1
    elsewhere = next((r for r in match.reasons if not r.in_title), None)
    if elsewhere is not None:
        why, start, end = _labelled(f"{FIELD_WORDS.get(elsewhere.field, elsewhere.field)}: ",
                                    elsewhere.evidence)
        start, end = start + elsewhere.evidence_start, start + elsewhere.evidence_end
    else:
        why = best.explanation or f"{FIELD_WORDS.get(best.field, best.field)} “{best.term}” in the headline"
        start = end = 0
    tone = tone or tone_of(match.article)
    # Bad news is a heads-up to share, whatever made it theirs: a layoff in their field
    # is not a cheerful "thought of you".
    mention = (mention_kind(match, tone) if match.kind == "mention"
               else "headsup" if tone == "bad" else None)
    return AgendaItem(
        key=f"match:{match.article.id}:{match.contact.id}",
        group="lead" if mention == "lead" else _MATCH_GROUPS[match.kind],
        mention=mention,
        contact=match.contact,
        title=title,
        title_start=max(title_start, 0),
        title_end=title_start + len(in_headline) if title_start >= 0 else 0,
        why=why,
        why_start=start,
        why_end=end,
        link=match.article.link,
        local=match.article.local,
        when=match.article.published,
        score=match.score,
        match=match,
    )


def item_from_row(row: ArticleRow) -> AgendaItem:
    """An article row: its best person's match, with "13 people at Apple; best for Dana"
    ahead of the why line when it fits more than one, and everyone it fits to choose from."""
    best = row.chosen[0]
    item = item_from_match(best.match, best.tone)
    crowd = row.crowd()
    if not crowd:
        return dataclasses.replace(item, field_news=best.field_news)
    prefix = f"{crowd} · "
    return dataclasses.replace(
        item, why=prefix + item.why, why_start=item.why_start + len(prefix) if item.why_end else 0,
        why_end=item.why_end + len(prefix) if item.why_end else 0,
        people=tuple(pick.match for pick in row.everyone), chosen=len(row.chosen),
        field_news=best.field_news)


def items_from_lead(view: LeadView) -> list[AgendaItem]:
    def item(candidate: LeadCandidate) -> AgendaItem:
        best = candidate.reasons[0]
        why, start, end = _labelled(f"{best.field} “{best.term}”: ", best.evidence)
        return AgendaItem(
            key=f"lead:{view.lead.id}:{candidate.contact.id}", group="lead",
            contact=candidate.contact, title=view.lead.text, why=why, why_start=start, why_end=end,
            link=view.lead.link, when=view.lead.created, score=candidate.score, lead=view.lead,
        )

    return [item(candidate) for candidate in view.candidates]


def item_from_followup(followup: Followup, now: datetime) -> AgendaItem:
    contact = followup.contact
    waiting = followup.days_waiting(now)
    if followup.reason == "new" and contact.met_on is None:
        title = "New connection: a first give soon"
    elif followup.reason == "new":
        place = f" at {contact.met_at}" if contact.met_at else ""
        title = f"Met{place}: a first give soon"
    elif followup.last_give is None:
        title = "Key relationship: nothing given yet"
    else:
        title = f"Key relationship: last give {(now - followup.last_give).days} days ago"
    hints = [f"needs {'; '.join(contact.needs)}" if contact.needs else "",
             f"interests {'; '.join(contact.interests)}" if contact.interests else ""]
    why = " · ".join(h for h in hints if h) or "no needs or interests noted yet"
    return AgendaItem(
        key=f"followup:{contact.id}", group="followup", contact=contact, title=title, why=why,
        when=followup.last_give, score=float(waiting), followup=followup,
    )


def item_from_occasion(occasion: Occasion, now: datetime) -> AgendaItem:
    """Key relationships score above everyone else, then the sooner the higher."""
    contact = occasion.contact
    days = (occasion.on - now.date()).days
    why = " · ".join(filter(None, ("key relationship" if contact.key else "",
                                   contact.company, "q drafts a note, d hides it this year")))
    return AgendaItem(
        key=f"occasion:{occasion.subject_id}:{contact.id}", group="occasion", contact=contact,
        title=occasion.title(now.date()), why=why,
        score=(1000.0 if contact.key else 0.0) - days, occasion=occasion,
    )


def item_from_intro(suggestion: IntroSuggestion) -> AgendaItem:
    best = suggestion.reasons[0]
    why, start, end = _labelled(f"{best.a_field} “{best.a_term}” ↔ {best.b_field}: ", best.b_term)
    return AgendaItem(
        key=f"intro:{suggestion.a.id}:{suggestion.b.id}", group="intro", contact=suggestion.a,
        title=f"Introduce {suggestion.a.name} to {suggestion.b.name}",
        why=why, why_start=start, why_end=end, score=suggestion.score, intro=suggestion,
    )


def rank(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Group order first (good news before plain mentions, stated interests before field
    news), best score first within a group."""
    return sorted(items, key=lambda i: (GROUP_ORDER.index(i.group), i.mention == "mention",
                                        i.field_news, -i.score, i.title))


POOL_FACTOR = 5
"""Today reads this many times `max_suggestions` pairs before choosing its rows: a story
about a large employer fits dozens of people, and the small company's news after it must
still be among the pairs read."""


def _wider_pool(config: Config) -> Config:
    matching = msgspec.structs.replace(
        config.matching, max_suggestions=config.matching.max_suggestions * POOL_FACTOR)
    return msgspec.structs.replace(config, matching=matching)


def quick_agenda(store: Store, config: Config, now: datetime) -> list[AgendaItem]:
    """Everything but introductions: fast, so Today can show it first."""
    matches = todays_matches(store, _wider_pool(config), now=now)
    with store.desk.transaction():  # everyone once, for all the parts
        contacts, gives, states = store.contacts.all(), store.gives.all(), store.states.all()
        waiting = checked_in(store)
    items = [item_from_row(row) for row in choose_rows(matches, contacts, config.today)]
    items += [item for view in open_leads(store, config, now) for item in items_from_lead(view)]
    items += [item_from_followup(f, now)
              for f in followups_among(contacts, gives, config.followups, now)
              if f.contact.id not in waiting]  # a check-in is queued: handled until sent
    occasions = occasions_among(contacts, states, config.occasions, now)  # key first
    items += [item_from_occasion(o, now) for o in occasions[:config.today.max_occasions]]
    return rank(items)


def intro_agenda(store: Store, config: Config, now: datetime) -> list[AgendaItem]:
    """Today's few best introductions: only those are built, however big the desk."""
    return [item_from_intro(s) for s in suggest_intros(store, config, now, limit=TODAY_INTROS)]


def todays_agenda(store: Store, config: Config, now: datetime) -> list[AgendaItem]:
    """The whole agenda Today opens on (`givedesk today` prints it)."""
    return rank([*quick_agenda(store, config, now), *intro_agenda(store, config, now)])


def key_offer(store: Store, config: Config, now: datetime) -> list[KeySuggestion]:
    """Whom Today offers to mark as key relationships: while the desk has fewer than
    `[today] key_suggestions` of them (about ten is the point), the best of the rest
    (`givedesk.keys`); nothing once it has enough, nor on a day the user hid the offer."""
    if key_offer_hidden(store, now.date()):
        return []
    with store.desk.transaction():
        contacts, gives = store.contacts.all(), store.gives.all()
    wanted = config.today.key_suggestions
    if sum(contact.key for contact in contacts) >= wanted:
        return []
    return suggest_key(contacts, gives, lexicon_for(config.matching), now.date(),
                       my_role=config.desk.role, limit=wanted)


def key_suggestion_to_json(suggestion: KeySuggestion, lexicon: Lexicon) -> dict[str, Any]:
    """One suggested key relationship, with the interests and needs offered for them."""
    interests, needs = suggested_terms(suggestion.contact, lexicon)
    return {"contact": _person(suggestion.contact), "role": suggestion.contact.role,
            "score": suggestion.score, "reasons": list(suggestion.reasons),
            "suggested_interests": interests, "suggested_needs": needs}


def _person(contact: Contact) -> dict[str, Any]:
    return {"id": contact.id, "name": contact.name, "key": contact.key,
            "company": contact.company}


def item_to_json(item: AgendaItem) -> dict[str, Any]:
    """One `givedesk today --json` element (its shape is documented in the README)."""
    shown: dict[str, Any] = {
        "kind": item.group, "label": item.label, "title": item.title, "why": item.why,
        "contact": _person(item.contact), "score": item.score, "link": item.link,
        "local": item.local, "when": item.when.isoformat() if item.when else None,
        "article": None, "people": [], "candidates": 0, "field_news": item.field_news,
        "tone": None, "occasion": None,
    }
    if item.match is not None:
        article = item.match.article
        shown["article"] = {"id": article.id, "feed": item.match.feed or article.feed_id}
        everyone = item.matches
        shown["people"] = [{**_person(m.contact), "score": m.score, "kind": m.kind}
                           for m in everyone[:item.chosen]]
        shown["candidates"] = len(everyone)
        shown["tone"] = tone_of(article)
    if item.occasion is not None:
        occasion = item.occasion
        shown["occasion"] = {"kind": occasion.kind, "on": occasion.on.isoformat(),
                             "years": occasion.years}
    return shown


def still_running(names: Iterable[str], *, shown: int = 3) -> str:
    """"waiting on 2: Slow Feed, City News": the feeds a refresh is still waiting for."""
    waiting = list(names)
    if not waiting:
        return "storing the news…"
    listed = ", ".join(waiting[:shown]) + (f" and {len(waiting) - shown} more"
                                           if len(waiting) > shown else "")
    return f"waiting on {len(waiting)}: {listed}"


@dataclass(frozen=True)
class Decision:
    """What a dismiss or snooze of a Today row changed, kept so that it can be undone."""

    item: AgendaItem
    states_before: list[SuggestionState]
    lead_before: Lead | None


def _decision_states(store: Store, item: AgendaItem) -> list[SuggestionState]:
    if item.match is not None:
        pairs = {(m.article.id, m.contact.id) for m in item.matches}
        return [s for s in store.states.all()
                if s.kind == "match" and (s.subject_id, s.contact_id) in pairs]
    if item.intro is not None:
        pair = {item.intro.a.id, item.intro.b.id}
        return [s for s in store.states.all()
                if s.kind == "intro" and {s.subject_id, s.contact_id} == pair]
    if item.occasion is not None:
        subject = item.occasion.subject_id
        return [s for s in store.states.all() if s.kind == "occasion"
                and (s.subject_id, s.contact_id) == (subject, item.contact.id)]
    return []


def decide(store: Store, item: AgendaItem, now: datetime, *,
           snooze_days: int | None = None) -> Decision:
    """Dismiss `item` for good (an occasion: for this year), or snooze it for
    `snooze_days`; a follow-up cannot be, nor can a lead or an occasion be snoozed
    (UserError). Returns what `undo_decision` needs."""
    with store.desk.transaction():
        before = _decision_states(store, item)
        lead_before = store.leads.get(item.lead.id) if item.lead is not None else None
        if item.match is not None:
            for match in item.matches:  # a row for several people: all of them
                if snooze_days is None:
                    dismiss_match(store, match.article.id, match.contact.id)
                else:
                    until = now.date() + timedelta(days=snooze_days)
                    snooze_match(store, match.article.id, match.contact.id, until)
        elif item.intro is not None:
            a_id, b_id = item.intro.a.id, item.intro.b.id
            if snooze_days is None:
                dismiss_suggestion(store, a_id, b_id, now)
            else:
                snooze_suggestion(store, a_id, b_id, now, snooze_days)
        elif item.lead is not None and snooze_days is None:
            dismiss_lead(store, item.lead.id)
        elif item.occasion is not None and snooze_days is None:
            set_occasion_status(store, item.occasion, "dismissed")
        else:
            raise UserError("only suggestions can be dismissed or snoozed")
    return Decision(item, before, lead_before)


def undo_decision(store: Store, decision: Decision) -> None:
    """Put the row's suggestion back as it was before the dismiss or snooze."""
    with store.desk.transaction():
        store.states.remove_many(s.id for s in _decision_states(store, decision.item))
        store.states.insert_many(decision.states_before)
        if decision.lead_before is not None:
            store.leads.save(decision.lead_before)


def refresh_desk(
    store: Store, config: Config, *, now: datetime, force: bool = False,
    only: list[str] | None = None, progress: Progress | None = None,
) -> str:
    """Fetch the feeds that are due (or `only` these, now); returns one line for the
    user, or "" when every feed was fresh (nothing worth interrupting them for). New
    articles are scored by the next agenda, which reads the match cache anyway.

    `progress` gets (feeds done, feeds to fetch, what is still running)."""

    running = {feed.id: feed.name or feed.url
               for feed in feeds_to_fetch(store, config, force=force, now=now, only=only)}

    def report(done: int, total: int, feed: Feed) -> None:
        running.pop(feed.id, None)
        if progress is not None:
            progress(done, total, still_running(running.values()))

    summary = fetch_all(store, config, force=force, now=now, progress=report, only=only)
    fetched = len(summary.results) - summary.count("skipped")
    if not fetched:
        return ""
    errors = summary.count("error")
    line = f"Fetched {fetched} feed{'s' if fetched != 1 else ''}: {summary.new} new article(s)"
    return line + (f", {errors} with errors (see Feeds)." if errors else ".")
