"""Suggested introductions: who on the desk should meet whom, and why.

Two kinds of reason make a pair:

* a need met, by who the other person *is* as well as what they list as offers
  (`analysis`, `lexicon`): "law-firm clients" is met by a law firm's managing partner,
  "student interns" by a university's career-services director, "architects for the
  new wing" by an architecture firm that offers hospital work. Only the need's head
  counts: shared words elsewhere never make an introduction ("touring musicians" and
  "boat tours" share a stem, not a need). Someone who needs the same thing (a chef who
  is hiring chefs) competes for it: their role does not meet it, only an offer does;
* a topic of interest shared by two people who work in different fields (timber
  construction, for a software CTO and an architect). Within one field they likely
  know each other's world already; across fields is where an introduction is worth
  most. A one-word pastime ("sailing", "running") only adds to a pair with a need
  met, and an interest shared by many people on the desk (`COMMON_INTEREST`) says
  nothing about two of them.

A person's field is their first tag, and two people at the same company are always in
the same field. Without tags or company the field is unknown: shared interests still
count, without the cross-field bonus.

Each reason scores 0-100 by how telling the evidence is (an offer more than a role,
a role more than a company, a company more than a field) and how much of the need's
wording the other person fits; reasons under the threshold are dropped. Each need
keeps its few best people (`PER_NEED`, and none far behind the best): a thoughtful
person names the two or three who fit, not every banker on the desk. A pair scores
its best reason, plus a bonus for each further reason and for crossing fields.

Speed: each distinct role, company, field and offer is read once (a desk of thousands
repeats them), needs are looked up in an index from concepts (and head nouns) to the
people who meet them, each distinct need is scored once, and only the pairs with a
reason exist; the best `limit` are taken with a bounded heap and only those become
suggestions.

Dismissed, snoozed and already introduced pairs are left out (`states`).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Literal

from givedesk.collector import gc_paused
from givedesk.config import Config
from givedesk.intros.analysis import (
    GENERIC_HEADS,
    TITLE_WORDS,
    Found,
    Phrase,
    find_terms,
    identity_parts,
    lemmas,
    read_phrase,
)
from givedesk.intros.explain import NEUTRAL, names, side
from givedesk.intros.lexicon import CONCEPTS
from givedesk.intros.states import hidden_pairs, pair_key
from givedesk.models import Contact
from givedesk.store import Store

EVIDENCE_SCORES = {"offers": 90.0, "role": 85.0, "company": 80.0, "tags": 65.0}
"""How telling each field is: an offer says "I can help with this"; a role says what
someone does; a company or a field only where they work."""
SUPPLIER_SCORE = 80.0
"""Someone who supplies a concept without being it (career services, for interns)."""
NOUN_SCORES = {"offers": 80.0, "role": 75.0, "offer words": 70.0}
"""A need no concept covers, met by an offer or role with the same head noun (or, less
surely, by another word of an offer's head)."""
INTEREST_SCORE = 60.0
"""A shared interest: a reason to talk, not a need met."""
FIT_FLOOR = 0.7
"""A candidate whose own words have none of the need's modifiers ("patent attorney",
"student interns") keeps this share of the score; all of them, all of it."""
CONTEXT_BONUS = 5.0
"""Added for a candidate in a concept of the need's qualifier, or with one of its words
("venues for touring bands": music)."""
MODIFIER_SCORE = 70.0
"""A concept that only qualifies what an offer gives or a role or company is ("small
business loans", "small business loan officer")."""
TOPIC_SCORE = 70.0
"""An offer's topic ("apprentices in carpentry") meets a need for it, less surely than
its head does."""
AUDIENCE_MISS = 0.8
"""An offer made for some kind of people ("volunteers for community clinics") keeps
this share for someone not of that kind."""
SEEN_TWICE_BONUS = 5.0
"""A concept shown by two of someone's fields (a tour operator who offers boat tours)
is surer than one."""
PER_NEED = 4
"""At most this many people suggested for one need."""
RELATIVE_CUTOFF = 0.9
"""...and none scoring below this share of the best one for that need."""
RECIPROCAL_BONUS = 5.0
"""Among equals, someone whose own need the asker can meet comes first."""
EXTRA_REASON_BONUS = 8.0
"""Added for each reason after the best one."""
COMMON_INTEREST = 12
"""An interest shared by more people than this is not a reason to introduce two of them."""
PASTIME_WORDS = 1
"""An interest of this many words ("running", "chess") is a pastime: it adds to a pair
that has a need met, but alone makes no introduction. A topic ("data visualization",
"timber construction") does."""

Field = Literal["offers", "role", "company", "tags"]


@dataclass(frozen=True)
class IntroReason:
    """One reason for a pair, with the terms on both sides."""

    a_field: str
    a_term: str
    b_field: str
    b_term: str
    score: float
    evidence: str
    """The field of the giving side, in words that do not name them ("law",
    "architecture"); empty when no concept says it (a head noun or an interest)."""

    def to_json(self) -> dict[str, str]:
        return {"a_field": self.a_field, "a_term": self.a_term,
                "b_field": self.b_field, "b_term": self.b_term}

    @property
    def shared_interest(self) -> bool:
        return self.a_field == self.b_field == "interests"

    @property
    def want(self) -> tuple[str, str]:
        """The need (or interest) this reason answers."""
        if self.b_field == "needs":
            return "b", self.b_term.casefold()
        return "a", self.a_term.casefold()

    def swapped(self) -> IntroReason:
        return IntroReason(self.b_field, self.b_term, self.a_field, self.a_term,
                           self.score, self.evidence)

    def _label(self, giving_field: str) -> str:
        return self.evidence if giving_field in ("company", "tags") else ""

    def for_a(self, b: Contact) -> str:
        """The sentence to A: B is "someone I know", never named (see `explain`)."""
        if self.shared_interest:
            return f"You and someone I know both care about {self.a_term}."
        mine = side(self.a_field, self.a_term, self._label(self.a_field), you=True)
        theirs = side(self.b_field, self.b_term, self._label(self.b_field), you=False)
        sentence = f"{mine[0].upper()}{mine[1:]}, and I know someone who {theirs}."
        if names(sentence, b) and self.evidence:
            sentence = f"{mine[0].upper()}{mine[1:]}, and I know someone who works in {self.evidence}."
        return NEUTRAL if names(sentence, b) else sentence

    def for_b(self, a: Contact) -> str:
        """The sentence to B, once A has agreed: A is named."""
        if self.shared_interest:
            return f"You and {a.first_name} both care about {self.a_term}."
        theirs = side(self.a_field, self.a_term, self._label(self.a_field), you=False)
        mine = side(self.b_field, self.b_term, self._label(self.b_field), you=True)
        return f"{a.first_name} {theirs}, and {mine}."

    def for_both(self, a: Contact, b: Contact) -> str:
        if self.shared_interest:
            return f"{a.first_name} and {b.first_name} both care about {self.a_term}."
        first = side(self.a_field, self.a_term, self._label(self.a_field), you=False)
        second = side(self.b_field, self.b_term, self._label(self.b_field), you=False)
        return f"{a.first_name} {first}, and {b.first_name} {second}."


@dataclass(frozen=True)
class IntroSuggestion:
    """Two people worth introducing: `a` is the one helped most, and is asked first."""

    a: Contact
    b: Contact
    score: float
    reasons: tuple[IntroReason, ...]

    @property
    def why_a(self) -> str:
        """Why, for A's eyes: B is not named."""
        return self.reasons[0].for_a(self.b)

    @property
    def why_b(self) -> str:
        return self.reasons[0].for_b(self.a)

    def to_json(self) -> dict[str, object]:
        """The `intros --json` element of DESIGN.md, plus a sentence for each side."""
        return {
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "score": round(self.score, 1),
            "reasons": [reason.to_json() for reason in self.reasons],
            "why_a": self.why_a,
            "why_b": self.why_b,
        }


def field_of(contact: Contact) -> str:
    return contact.tags[0].casefold() if contact.tags else ""


def same_field(a: Contact, b: Contact) -> bool | None:
    """Whether the two work in one field; None when it cannot be told."""
    if a.company and a.company.casefold() == b.company.casefold():
        return True
    if field_of(a) and field_of(b):
        return field_of(a) == field_of(b)
    return None


# --- who each person is and what they give ------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    score: float
    field: Field
    term: str
    label: str


def _better(table: dict[str, _Evidence], key: str, evidence: _Evidence) -> None:
    if key not in table or evidence.score > table[key].score:
        table[key] = evidence


@dataclass
class _Profile:
    """One person as the index sees them."""

    contact: Contact
    is_kind: dict[str, _Evidence] = field(default_factory=dict)
    """Concepts their role, company or field name: what they *are* (for client needs)."""
    gives: dict[str, _Evidence] = field(default_factory=dict)
    """Concepts they are, offer or supply (for supply needs)."""
    nouns: dict[str, _Evidence] = field(default_factory=dict)
    """Head nouns of their offers and role, for needs no concept covers."""
    words: set[str] = field(default_factory=set)
    trade: set[str] = field(default_factory=set)
    """Concepts of their role and offers: what they do (a yoga teacher's "corporate
    wellness clients" want companies, not more wellness)."""
    need_concepts: set[str] = field(default_factory=set)
    need_nouns: set[str] = field(default_factory=set)
    """Head nouns of their own needs: who needs chefs competes for chefs."""
    seen: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """The fields each concept of `gives` was seen in."""

    def give(self, concept: str, evidence: _Evidence) -> None:
        self.seen[concept].add(evidence.field)
        _better(self.gives, concept, evidence)

    def gives_score(self, concept: str) -> _Evidence:
        evidence = self.gives[concept]
        if len(self.seen[concept]) > 1:
            return _Evidence(evidence.score + SEEN_TWICE_BONUS, evidence.field, evidence.term,
                             evidence.label)
        return evidence


def _modifier_terms(words: tuple[str, ...], terms: list[Found]) -> set[Found]:
    """Terms that only qualify what comes after them in their part of a role or company
    ("*small business* loan officer", "Harborview *Food* Bank", "Owner of a *live music*
    bar"): the part's last term says what it is."""
    cut = next((i for i, w in enumerate(words) if w in ("of", "at", "for") and i > 0), len(words))
    modifiers: set[Found] = set()
    for low, high in ((0, cut), (cut, len(words))):
        inside = [f for f in terms if low <= f.start and f.end <= high]
        last = max((f.end for f in inside), default=0)
        modifiers.update(f for f in inside if f.end < last)
    return modifiers


NOT_A_TRADE = TITLE_WORDS | GENERIC_HEADS
"""A role ending in one of these ("Managing partner", "Owner") says no trade by its last word."""


@lru_cache(maxsize=32_768)
def _identity_terms(field_name: Field, text: str,
                    words: tuple[str, ...]) -> tuple[tuple[Found, _Evidence], ...]:
    """The concepts one part of a role, company or field names, each with its evidence.

    Cached, and the evidence shared between people: a desk repeats its roles, fields and
    companies thousands of times, and reading one is most of building a profile."""
    terms = find_terms(words)
    modifiers = _modifier_terms(words, terms)
    read = []
    for found in terms:
        label = CONCEPTS[found.concept].label
        if found.kind == "supplier":  # said by its own words: "works in career services"
            label = " ".join(words[found.start : found.end])
            score = SUPPLIER_SCORE
        else:
            score = EVIDENCE_SCORES[field_name]
        if found in modifiers:
            score = min(score, MODIFIER_SCORE)
        read.append((found, _Evidence(score, field_name, text, label)))
    return tuple(read)


def _identity(profile: _Profile, field_name: Field, text: str) -> None:
    own_name = set(lemmas(profile.contact.name)) if field_name == "company" else set()
    parts = identity_parts(text) if field_name == "role" else (lemmas(text),)
    for raw in parts:
        # "Grant Brothers Construction", at Oliver Grant's: the name is not a trade.
        words = tuple("" if w in own_name else w for w in raw)
        profile.words.update(words)
        for found, evidence in _identity_terms(field_name, text, words):
            profile.give(found.concept, evidence)
            if found.kind == "term":
                _better(profile.is_kind, found.concept, evidence)
                if field_name == "role":
                    profile.trade.add(found.concept)
        if field_name == "role" and words and words[-1] not in NOT_A_TRADE:
            _better(profile.nouns, words[-1], _Evidence(NOUN_SCORES["role"], "role", text, ""))


@dataclass(frozen=True)
class _Offered:
    """What one offer gives, read once per wording (a desk repeats its offers)."""

    words: tuple[str, ...]
    gives: tuple[tuple[str, _Evidence], ...]
    trade: tuple[str, ...]
    nouns: tuple[tuple[str, _Evidence], ...]


@lru_cache(maxsize=16_384)
def _read_offer(text: str) -> _Offered:
    """Cached, and the evidence shared between everyone who makes the same offer."""
    phrase = read_phrase(text)
    terms = find_terms(phrase.head)
    last = max((found.end for found in terms), default=0)
    gives = []
    for found in terms:
        score = EVIDENCE_SCORES["offers"] if found.kind == "term" else SUPPLIER_SCORE
        if found.end < last and not set(phrase.modifiers).isdisjoint(phrase.head[found.start:found.end]):
            score = MODIFIER_SCORE  # "*small business* loan consultations" are loans
        gives.append((found.concept, _Evidence(score, "offers", text, CONCEPTS[found.concept].label)))
    gives.extend((concept, _Evidence(TOPIC_SCORE, "offers", text, CONCEPTS[concept].label))
                 for concept in phrase.topic)
    nouns = tuple(  # "kiln time" is about kilns too
        (word, _Evidence(NOUN_SCORES["offers"] if word == phrase.noun else NOUN_SCORES["offer words"],
                         "offers", text, ""))
        for word in phrase.telling)
    return _Offered(lemmas(text), tuple(gives), tuple(found.concept for found in terms), nouns)


def _offer(profile: _Profile, text: str) -> None:
    offered = _read_offer(text)
    profile.words.update(offered.words)
    for concept, evidence in offered.gives:
        profile.give(concept, evidence)
    profile.trade.update(offered.trade)
    for noun, evidence in offered.nouns:
        _better(profile.nouns, noun, evidence)


def _profile(contact: Contact) -> _Profile:
    profile = _Profile(contact)
    if contact.role:
        _identity(profile, "role", contact.role)
    if contact.company:
        _identity(profile, "company", contact.company)
    for tag in contact.tags:
        _identity(profile, "tags", tag)
    for offer in contact.offers:
        _offer(profile, offer)
    for need in contact.needs:
        phrase = read_phrase(need)
        profile.need_concepts.update(phrase.concepts)
        if phrase.noun:
            profile.need_nouns.add(phrase.noun)
    return profile


class _Index:
    """From concepts and head nouns to the people who meet them."""

    def __init__(self, profiles: Sequence[_Profile]) -> None:
        self.profiles = profiles
        self.kinds: dict[str, list[int]] = defaultdict(list)
        self.gives: dict[str, list[int]] = defaultdict(list)
        self.nouns: dict[str, list[int]] = defaultdict(list)
        for number, profile in enumerate(profiles):
            for concept in profile.is_kind:
                self.kinds[concept].append(number)
            for concept in profile.gives:
                self.gives[concept].append(number)
            for noun in profile.nouns:
                self.nouns[noun].append(number)
        self._scored: dict[tuple[str, frozenset[str]], list[tuple[float, int, _Evidence]]] = {}

    def scored(self, need: str, wanter: _Profile,
               threshold: float) -> list[tuple[float, int, _Evidence]]:
        """Everyone meeting `need` above the threshold, best first (once per distinct
        need and kind: a desk repeats its needs)."""
        phrase = read_phrase(need)
        concepts = phrase.concepts
        if phrase.shape == "clients":
            concepts = concepts - wanter.trade or concepts
        key = (need, concepts)
        if key not in self._scored:
            self._scored[key] = self._score(phrase, concepts, threshold)
        return self._scored[key]

    def _score(self, phrase: Phrase, concepts: frozenset[str],
               threshold: float) -> list[tuple[float, int, _Evidence]]:
        found: list[tuple[float, int, _Evidence]] = []
        if phrase.shape == "clients":
            candidates = {n for concept in concepts for n in self.kinds.get(concept, ())}
        elif concepts:
            candidates = {n for concept in concepts for n in self.gives.get(concept, ())}
        elif phrase.noun:
            candidates = set(self.nouns.get(phrase.noun, ()))
        else:
            return found
        for number in candidates:
            profile = self.profiles[number]
            if phrase.shape == "clients":
                best = max((profile.is_kind[c] for c in concepts if c in profile.is_kind),
                           key=lambda e: e.score)
            elif concepts:
                best = max((profile.gives_score(c) for c in concepts if c in profile.gives),
                           key=lambda e: e.score)
            else:
                best = profile.nouns[phrase.noun]
            score = best.score
            if phrase.modifiers and phrase.shape == "supply":
                fitting = sum(word in profile.words for word in phrase.modifiers)
                if not fitting and not concepts:
                    continue  # "internship hosts" and a radio host share a word, no more
                score *= FIT_FLOOR + (1 - FIT_FLOOR) * fitting / len(phrase.modifiers)
            if not phrase.context.isdisjoint(profile.gives) \
                    or not profile.words.isdisjoint(phrase.qualifier):
                score += CONTEXT_BONUS
            if score >= threshold:
                found.append((score, number, best))
        found.sort(key=lambda item: (-item[0], item[1]))
        return found


# --- pairs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Directed:
    """A reason from the wanting side's point of view."""

    wanter: int
    want_field: str
    want_term: str
    giver: int
    give_field: str
    give_term: str
    score: float
    evidence: str
    pastime: bool = False
    """A shared pastime: never a reason on its own."""

    def oriented(self, a_number: int) -> IntroReason:
        if self.wanter == a_number:
            return IntroReason(self.want_field, self.want_term, self.give_field,
                               self.give_term, self.score, self.evidence)
        return IntroReason(self.give_field, self.give_term, self.want_field,
                           self.want_term, self.score, self.evidence)


def _for_wanter(score: float, evidence: _Evidence, wanter: _Profile) -> float:
    if evidence.field == "offers":
        audience = read_phrase(evidence.term).audience
        if audience and audience.isdisjoint(wanter.is_kind):
            return score * AUDIENCE_MISS
    return score


def _needs_met(index: _Index, threshold: float,
               hidden: Collection[tuple[str, str]]) -> Iterable[_Directed]:
    for number, profile in enumerate(index.profiles):
        wanter = profile.contact
        for need in wanter.needs:
            noun = read_phrase(need).noun
            ranked: list[tuple[float, int, float, _Evidence]] = []
            for score, other, evidence in index.scored(need, profile, threshold):
                if len(ranked) >= 3 * PER_NEED or ranked and score < RELATIVE_CUTOFF * ranked[0][2]:
                    break
                if other == number or pair_key(wanter.id, index.profiles[other].contact.id) in hidden:
                    continue
                if evidence.field != "offers" and noun in index.profiles[other].need_nouns:
                    continue  # a chef who needs chefs competes for them; one who offers them does not
                score = _for_wanter(score, evidence, profile)
                mutual = not index.profiles[other].need_concepts.isdisjoint(profile.gives)
                ranked.append((score + RECIPROCAL_BONUS * mutual, -other, score, evidence))
            if not ranked:
                continue
            best = max(score for _, _, score, _ in ranked)
            kept = [row for row in ranked if row[2] >= max(threshold, RELATIVE_CUTOFF * best)]
            for _, other, score, evidence in heapq.nlargest(PER_NEED, kept):
                yield _Directed(number, "needs", need, -other, evidence.field, evidence.term,
                                score, evidence.label)


def _interest_key(interest: str) -> tuple[str, ...]:
    return tuple(word for word in lemmas(interest) if len(word) > 1)


def _interests_shared(profiles: Sequence[_Profile], threshold: float,
                      hidden: Collection[tuple[str, str]]) -> Iterable[_Directed]:
    if threshold > INTEREST_SCORE:
        return
    groups: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for number, profile in enumerate(profiles):
        for interest in profile.contact.interests:
            if key := _interest_key(interest):
                groups[key].append((number, interest))
    for key, members in groups.items():
        if len(members) > COMMON_INTEREST:
            continue
        pastime = len(key) <= PASTIME_WORDS
        for position, (first, first_term) in enumerate(members):
            for second, second_term in members[position + 1 :]:
                one, two = profiles[first].contact, profiles[second].contact
                if first == second or same_field(one, two) or pair_key(one.id, two.id) in hidden:
                    continue
                yield _Directed(first, "interests", first_term, second, "interests",
                                second_term, INTEREST_SCORE, "", pastime)


def _pair_score(reasons: list[_Directed], crossing: bool, bonus: float) -> float:
    best = max(reason.score for reason in reasons)
    return min(100.0, best + EXTRA_REASON_BONUS * (len(reasons) - 1) + bonus * crossing)


def _suggestion(profiles: Sequence[_Profile], reasons: list[_Directed],
                score: float) -> IntroSuggestion:
    first, second = reasons[0].wanter, reasons[0].giver
    need_scores = {first: 0.0, second: 0.0}
    for reason in reasons:
        if reason.want_field == "needs":
            need_scores[reason.wanter] = max(need_scores[reason.wanter], reason.score)
    a, b = sorted((first, second), key=lambda number: (
        -need_scores[number], profiles[number].contact.name.casefold(), profiles[number].contact.id))
    ordered = sorted(reasons, key=lambda reason: -reason.score)
    return IntroSuggestion(profiles[a].contact, profiles[b].contact, score,
                           tuple(reason.oriented(a) for reason in ordered))


@gc_paused
def rank_pairs(contacts: Sequence[Contact], config: Config, *, limit: int | None = None,
               hidden: Collection[tuple[str, str]] = ()) -> list[IntroSuggestion]:
    """The pairs of `contacts` with a reason to meet, best first (the best `limit`, or
    all), leaving out `hidden` pairs (ids in `pair_key` order)."""
    threshold = config.intros.threshold
    profiles = [_profile(contact) for contact in contacts]
    by_pair: dict[tuple[int, int], list[_Directed]] = defaultdict(list)
    for reason in (*_needs_met(_Index(profiles), threshold, hidden),
                   *_interests_shared(profiles, threshold, hidden)):
        key = (min(reason.wanter, reason.giver), max(reason.wanter, reason.giver))
        by_pair[key].append(reason)

    def scored() -> Iterable[tuple[float, str, str, tuple[int, int]]]:
        for key, reasons in by_pair.items():
            if all(reason.pastime for reason in reasons):
                continue
            one, two = profiles[key[0]].contact, profiles[key[1]].contact
            crossing = same_field(one, two) is False
            names = sorted((one.name.casefold(), two.name.casefold()))
            yield (-_pair_score(reasons, crossing, config.intros.cross_field_bonus),
                   names[0], names[1], key)

    # Ties go by the two names, whichever is asked first, so the best `limit` are
    # exactly the head of the whole ranking.
    best = heapq.nsmallest(limit, scored()) if limit is not None else sorted(scored())
    return [_suggestion(profiles, by_pair[key], -score) for score, _, _, key in best]


def explain_pair(a: Contact, b: Contact, config: Config) -> IntroSuggestion | None:
    """Why `a` and `b` should meet, oriented as given (a first), or None."""
    ranked = rank_pairs([a, b], config)
    if not ranked:
        return None
    found = ranked[0]
    if found.a.id == a.id:
        return found
    return IntroSuggestion(a, b, found.score, tuple(reason.swapped() for reason in found.reasons))


def suggest_intros(store: Store, config: Config, now: datetime, *,
                   include_hidden: bool = False, limit: int | None = None) -> list[IntroSuggestion]:
    """Today's suggested introductions, best first, without dismissed, snoozed or
    already-introduced pairs (unless `include_hidden`): at most `limit`, or
    `intros.max_suggestions`."""
    with store.desk.transaction():
        contacts = store.contacts.all()
        hidden = set() if include_hidden else hidden_pairs(store, now.date())
    wanted = config.intros.max_suggestions if limit is None else min(limit, config.intros.max_suggestions)
    return rank_pairs(contacts, config, limit=wanted, hidden=hidden)
