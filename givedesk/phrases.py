"""Matching one person's short phrase against another's words, or against a lead.

A need such as "architects for the new wing" rarely appears whole in an offer or a
company name ("Brightline Architects"); its words do. So a phrase that is not found
whole is matched word by word with `matching.text.find_term` (word boundaries,
plurals, hyphens, small typos) and scored by the share of its words found. The words
before the first preposition carry the phrase ("architects" in "architects for the
new wing"), so they weigh twice as much as the words that only qualify them. Filler
("a new ...") is left out, and job titles alone ("Partner") never make a match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from givedesk.matching.text import PREPOSITIONS, find_term
from givedesk.matching.words import STOP_WORDS, normalize_word, tokens

HEAD_WEIGHT = 2.0
"""Weight of a word before the phrase's first preposition, against 1 for the rest."""
FILLER_WORDS = frozenset({
    "new", "local", "free", "good", "great", "spare", "someone", "people", "help", "intro",
    "introduction", "introductions",
})
"""Words that say nothing about what a need or offer is about ("a new ...", "intro to
..."), on top of the English stop words; matching them would pair strangers."""
TITLE_WORDS = frozenset({
    "partner", "partners", "founder", "cofounder", "co", "owner", "director", "manager", "head",
    "chief", "officer", "president", "ceo", "cto", "coo", "cfo", "vp", "vice", "executive",
    "senior", "junior", "lead", "principal", "associate", "assistant", "member", "staff",
})
"""Job-title words: "Partner" or "Operations manager" says someone's rank, not their
trade, so a match made of these words alone ("partners wanted") is no match. They still
count in a phrase's length."""
KEY_LENGTH = 3
"""Letters of a word's start used to find candidate texts before matching for real."""


def _key(word: str) -> str:
    return normalize_word(word)[:KEY_LENGTH]


def word_keys(text: str) -> set[str]:
    """Cheap keys of a text's words: two words `find_term` may match share a key.

    `find_term` is exact but costs a call per (phrase, text); comparing keys first
    skips the pairs that cannot match, which keeps a desk of thousands of contacts fast.
    Plurals, inflections, compounds ("cyber security") and typos after the third letter
    keep their key.
    """
    return {_key(word) for word in tokens(text)}


@dataclass(frozen=True)
class PhraseWords:
    """The words of a phrase worth matching, with their weights."""

    phrase: str
    words: tuple[tuple[str, float], ...]

    @property
    def keys(self) -> set[str]:
        return {_key(word) for word, _ in self.words}


def phrase_words(phrase: str, stop_words: Iterable[str] = ()) -> PhraseWords:
    """Split `phrase` into weighted content words (heads before the first preposition)."""
    ignored = STOP_WORDS | FILLER_WORDS | {normalize_word(word) for word in stop_words}
    words: list[tuple[str, float]] = []
    weight = HEAD_WEIGHT
    for word in tokens(phrase):
        normal = normalize_word(word)
        if normal in PREPOSITIONS:
            weight = 1.0
        elif normal not in ignored and len(normal) > 1 and not normal.isdigit():
            words.append((word, weight))
    return PhraseWords(phrase, tuple(words))


@dataclass(frozen=True)
class PhraseMatch:
    """How much of a phrase was found in a text, and the words that show it."""

    phrase: str
    score: float
    """0-100: the phrase's own similarity when found whole, else the weighted share of
    its words found."""
    evidence: str
    """The matched words of the text, in the text's order ("Architects")."""


def match_phrase(words: PhraseWords, text: str) -> PhraseMatch | None:
    """Where the phrase (or its words) appears in `text`; None when nothing does."""
    if all(normalize_word(word) in TITLE_WORDS for word, _ in words.words):
        return None
    whole = find_term(words.phrase, text)
    if whole is not None:
        return PhraseMatch(words.phrase, whole.similarity, text[whole.start : whole.end])
    total = sum(weight for _, weight in words.words)
    keys = word_keys(text)
    found = 0.0
    hits = []
    telling = False
    for word, weight in words.words:
        hit = find_term(word, text) if _key(word) in keys else None
        if hit is not None:
            hits.append(hit)
            found += weight * hit.similarity / 100
            telling = telling or normalize_word(word) not in TITLE_WORDS
    if not telling:
        return None
    shown = dict.fromkeys(text[hit.start : hit.end] for hit in sorted(hits, key=lambda h: h.start))
    return PhraseMatch(words.phrase, 100 * found / total, " … ".join(shown))
