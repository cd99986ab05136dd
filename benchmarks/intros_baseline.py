"""The introduction suggester as it was before issue 10 (main at 5c9dc72), kept only as
the baseline of benchmarks/bench_intros.py: needs matched to offers, roles and
companies by shared words (`phrases.match_phrase`), shared interests by `find_term`,
every pair with a reason built and sorted.

Frozen on purpose: do not improve it; it is what the new suggester is measured against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from givedesk.config import Config
from givedesk.matching.text import find_term
from givedesk.models import Contact
from givedesk.phrases import PhraseMatch, PhraseWords, match_phrase, phrase_words, word_keys

FIELD_WEIGHTS = {"offers": 1.0, "role": 0.85, "company": 0.85, "interests": 0.6}
"""How telling a match in each field is: an offer says "I can help with this"; a role or
company only suggests it; a shared interest is a reason to talk, not a need met."""
EXTRA_REASON_BONUS = 8.0
"""Added for each reason after the best one."""


@dataclass(frozen=True)
class IntroReason:
    """One reason for a pair, with the terms on both sides."""

    a_field: str
    a_term: str
    b_field: str
    b_term: str
    score: float
    evidence: str
    """The words of the giving side (offer, role or company) that matched, or the other
    person's interest."""

    def to_json(self) -> dict[str, str]:
        return {"a_field": self.a_field, "a_term": self.a_term,
                "b_field": self.b_field, "b_term": self.b_term}

    @property
    def shared_interest(self) -> bool:
        return self.a_field == self.b_field == "interests"

    @property
    def want(self) -> tuple[str, str]:
        """The need (or interest) this reason answers: several of the other's fields can
        answer one need."""
        if self.b_field == "needs":
            return "b", self.b_term.casefold()
        return "a", self.a_term.casefold()


@dataclass(frozen=True)
class IntroSuggestion:
    """Two people worth introducing: `a` is the one helped most, and is asked first."""

    a: Contact
    b: Contact
    score: float
    reasons: tuple[IntroReason, ...]

    def to_json(self) -> dict[str, object]:
        """The `intros --json` element of DESIGN.md."""
        return {
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "score": round(self.score, 1),
            "reasons": [reason.to_json() for reason in self.reasons],
        }


def pair_key(first_id: str, second_id: str) -> tuple[str, str]:
    """The pair's ids in the order its suggestion state is stored."""
    low, high = sorted((first_id, second_id))
    return low, high


def field_of(contact: Contact) -> str:
    return contact.tags[0].casefold() if contact.tags else ""


def same_field(a: Contact, b: Contact) -> bool | None:
    """Whether the two work in one field; None when it cannot be told."""
    if a.company and a.company.casefold() == b.company.casefold():
        return True
    if field_of(a) and field_of(b):
        return field_of(a) == field_of(b)
    return None


@dataclass(frozen=True)
class _Target:
    """A phrase of one person that another person's phrase may match."""

    contact: Contact
    field: str
    text: str


@dataclass(frozen=True)
class _Directed:
    """A reason from the wanting side's point of view."""

    wanter: Contact
    want_field: str
    want_term: str
    giver: Contact
    give_field: str
    give_term: str
    score: float
    evidence: str

    def oriented(self, a: Contact) -> IntroReason:
        if self.wanter.id == a.id:
            return IntroReason(self.want_field, self.want_term, self.give_field,
                               self.give_term, self.score, self.evidence)
        return IntroReason(self.give_field, self.give_term, self.want_field,
                           self.want_term, self.score, self.evidence)


class _Matcher:
    """Matches phrases against an index of target phrases, each pair matched once."""

    def __init__(self, targets: Iterable[_Target], stop_words: Sequence[str]) -> None:
        self.stop_words = stop_words
        self.index: dict[str, list[_Target]] = defaultdict(list)
        for target in targets:
            for key in word_keys(target.text):
                self.index[key].append(target)
        self._cache: dict[tuple[str, str], PhraseMatch | None] = {}

    def words(self, phrase: str) -> PhraseWords:
        return phrase_words(phrase, self.stop_words)

    def candidates(self, words: PhraseWords) -> dict[int, _Target]:
        """Targets sharing a word key with the phrase (deduplicated, order kept)."""
        found: dict[int, _Target] = {}
        for key in words.keys:
            for target in self.index.get(key, ()):
                found.setdefault(id(target), target)
        return found

    def match(self, words: PhraseWords, text: str) -> PhraseMatch | None:
        cache_key = (words.phrase, text)
        if cache_key not in self._cache:
            self._cache[cache_key] = match_phrase(words, text)
        return self._cache[cache_key]


def _giving_phrases(contact: Contact) -> list[_Target]:
    return [
        *(_Target(contact, "offers", offer) for offer in contact.offers),
        *(_Target(contact, name, text) for name in ("role", "company")
          if (text := getattr(contact, name))),
    ]


def _needs_met(contacts: Sequence[Contact], stop_words: Sequence[str],
               threshold: float) -> Iterable[_Directed]:
    matcher = _Matcher((t for c in contacts for t in _giving_phrases(c)), stop_words)
    for wanter in contacts:
        for need in wanter.needs:
            words = matcher.words(need)
            for target in matcher.candidates(words).values():
                if target.contact.id == wanter.id:
                    continue
                found = matcher.match(words, target.text)
                score = found.score * FIELD_WEIGHTS[target.field] if found else 0.0
                if found and score >= threshold:
                    yield _Directed(wanter, "needs", need, target.contact, target.field,
                                    target.text, score, found.evidence)


def _interests_shared(contacts: Sequence[Contact], stop_words: Sequence[str],
                      threshold: float) -> Iterable[_Directed]:
    matcher = _Matcher(
        (_Target(c, "interests", interest) for c in contacts for interest in c.interests),
        stop_words,
    )
    similarities: dict[tuple[str, str], float] = {}

    def similarity(first: str, second: str) -> float:
        """The better of finding either interest in the other; each pair of texts once."""
        key = (first, second)
        if key not in similarities:
            both_ways = (find_term(first, second), find_term(second, first))
            similarities[key] = max((hit.similarity for hit in both_ways if hit), default=0.0)
        return similarities[key]

    for first in contacts:
        for interest in first.interests:
            words = matcher.words(interest)
            for target in matcher.candidates(words).values():
                other = target.contact
                if other.id <= first.id or same_field(first, other):
                    continue
                score = similarity(interest, target.text) * FIELD_WEIGHTS["interests"]
                if score >= threshold:
                    yield _Directed(first, "interests", interest, other, "interests",
                                    target.text, score, target.text)


def _best_per_want(reasons: Iterable[_Directed]) -> list[_Directed]:
    """The strongest match for each want (a need, or an interest) in each of the other's
    fields: an architecture firm that also offers architects is two reasons, not one."""
    best: dict[tuple[str, str, str, str], _Directed] = {}
    for reason in reasons:
        key = (reason.wanter.id, reason.want_field, reason.want_term.casefold(),
               reason.give_field)
        if key not in best or reason.score > best[key].score:
            best[key] = reason
    return sorted(best.values(), key=lambda reason: -reason.score)


def _suggestion(reasons: list[_Directed], cross_field_bonus: float) -> IntroSuggestion:
    first, second = reasons[0].wanter, reasons[0].giver
    need_scores = {first.id: 0.0, second.id: 0.0}
    for reason in reasons:
        if reason.want_field == "needs":
            need_scores[reason.wanter.id] = max(need_scores[reason.wanter.id], reason.score)
    a, b = sorted((first, second),
                  key=lambda person: (-need_scores[person.id], person.name.casefold(), person.id))
    score = reasons[0].score + EXTRA_REASON_BONUS * (len(reasons) - 1)
    if same_field(a, b) is False:
        score += cross_field_bonus
    return IntroSuggestion(a, b, min(100.0, score), tuple(r.oriented(a) for r in reasons))


def rank_pairs(contacts: Sequence[Contact], config: Config) -> list[IntroSuggestion]:
    """Every pair of `contacts` with a reason to meet, best first (no state applied)."""
    threshold = config.intros.threshold
    stop_words = config.matching.stop_words
    by_pair: dict[tuple[str, str], list[_Directed]] = defaultdict(list)
    for reason in (*_needs_met(contacts, stop_words, threshold),
                   *_interests_shared(contacts, stop_words, threshold)):
        by_pair[pair_key(reason.wanter.id, reason.giver.id)].append(reason)
    suggestions = [
        _suggestion(_best_per_want(reasons), config.intros.cross_field_bonus)
        for reasons in by_pair.values()
    ]
    return sorted(suggestions, key=lambda s: (-s.score, s.a.name.casefold(), s.b.name.casefold()))


