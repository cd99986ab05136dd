"""Finding a person's term in a text, and saying where.

Terms are short phrases people type ("bike lanes", "Rust", "a structural engineer
for timber projects", "Okafor Coffee Roasters"); texts are article titles and
summaries. A term is compiled once into *patterns*: the words that must appear,
how many of them, how close together, and what else must hold. A text is cut into
words once (`Analysed`) and every term is looked for in it.

What a pattern asks for, and why:

* **Whole words** (see `words.py`), so "Rust" is never found in "trust".
* **A phrase, not scattered words**: a term's words must be adjacent, counting only
  content words ("lending to small businesses" is adjacent), in either order ("lanes
  for bikes" is about "bike lanes"). Terms of three words or more may have one more
  word among theirs, in their own order ("a lending program for small businesses").
  So "learning to operate a sewing machine" is not about "machine learning", nor
  "heat wave pumps up demand" about "heat pumps".
* **Compounds either way**: "cyber security" finds "cybersecurity" and the reverse,
  "bike-lanes" finds "bike lanes" (hyphens split words).
* **Long needs may lose one word**: "financing for a second roaster" also matches
  "financing ... roaster" at a lower similarity, but never without its head word
  ("financing"), so "a second roaster" alone is not a lead for it.
* **Names**: a person's full name, never a first name alone; a company's full name
  minus "Inc"/"Ltd"/"Co" and the like (and a last "Group", "Authority"... when the
  rest stands as a name on its own): its leading words are often someone else's
  name ("Kettle Hill" is a street as well as Kettle Hill Brewing, "Lincoln Financial
  Group" is not Lincoln Financial Advisors), so they never name the company.
* **The distinctive word of an interest**: "tariff policy" is also found as "tariff"
  alone ("tariff changes"), at a lower similarity, when its other words only say
  which facet of the subject it is ("policy", "rates", "market"); whether such a
  single word means the person's subject is left to the context rules of `engine`.
* **Idioms**: a one-word term skips figurative uses ("running a restaurant" is not
  running, "smooth sailing" is not sailing).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal, NamedTuple

from givedesk.matching.words import (
    STOP_WORDS,
    TermWord,
    normalize_word,
    stem,
    term_word,
    token_spans,
    tokens,
    word_set,
    word_similarity,
)

TermStyle = Literal["topic", "interest", "related", "muted", "name", "company"]
"""How a term is read: a phrase on its own ("topic", as leads and offers are), a
contact's interest or need (a topic that may also be found by its distinctive word),
a related term of the lexicon or an alias (no partial matches: it stands in for
someone's topic already), a muted topic (no partial matches: muting must be
deliberate), a person's name, or a company name."""

Expansion = Mapping[str, float]
"""The normalised text words that stand for one term word, with their similarity."""

HONORIFICS = word_set("dr mr mrs ms mx prof sir dame")
LEGAL_SUFFIXES = word_set(
    "inc incorporated llc llp ltd limited co corp corporation company plc gmbh ag sa bv pty"
)
ORG_WORDS = word_set("group holdings authority agency associates services partners international")
"""Words that only say a name is an organisation: "Millbrook Transit" names Millbrook
Transit Authority when it stands as a name on its own."""
PREPOSITIONS = word_set("for of in on with to at from about by into near")
"""Words after which a phrase's head has been said ("financing | for a second roaster")."""

PHRASE_SLACK = 1
"""Content words allowed among the words of a phrase of three or more, in order."""
MAX_JOINED_WORDS = 3
"""Terms of up to this many words also match written as one word ("cybersecurity")."""
MIN_SPLIT_LENGTH = 8
"""One-word terms this long also match written as two words ("cyber security")."""
SPLIT_PART_LENGTH = 3
"""Letters each part of a split one-word term needs ("start-ups" for "startups")."""
HEAD_WEIGHT = 0.85
"""Similarity factor of an interest found by its distinctive word alone."""
FACET_WORDS = word_set(
    """
    policy policies rate rates price prices market markets industry industries sector
    law laws regulation regulations rule rules reform management technology technologies
    trend trends planning system systems software service services change changes
    strategy news development tool tools power construction
    """
)
"""Words that say which facet of a subject a phrase is about, not the subject: the
other word of "tariff policy" or "mortgage rates" is the distinctive one."""
BROAD_WORDS = word_set(
    """
    data food water health child children climate energy business school schools youth
    sport sports public home homes city local small family money work job jobs people
    world life car cars tax housing practice employment building estate labour labor
    distributed digital global national social open remote electric smart human
    personal private general modern online new
    """
)
"""Words too common to stand for a whole interest on their own ("food safety" is not
any news about food)."""
HEAD_MIN_LENGTH = 4
CONTEXT_TOKENS = 4
"""Words of context kept either side of the matched words in evidence."""
TITLE_CASE_SHARE = 0.75
"""A text whose longer words are capitalised this often is in Title Case, where a
capital letter says nothing about a name."""


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words.split())


_FIGURATIVE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "run": (
        _stems(
            "will would to can could may might should must year straight consecutive "
            "long dry test trial home print production bull"
        ),
        _stems(
            "a an the his her their its our my your for out into up on short low smoothly "
            "late over against amok afoul counter deep dry high rampant wild cost mate "
            "water total tally joke theme commentary until through from every daily between"
        ),
    ),
    "sail": (_stems("smooth plain"), _stems("through")),
    "bank": (frozenset(), _stems("on")),
}
"""Stem -> (words before, words after) that make a one-word term figurative."""


class Pattern(NamedTuple):
    """One way a term can appear in a text. (A named tuple: a desk compiles tens of
    thousands of these, and tuples are built several times faster than frozen
    dataclasses.)"""

    slots: tuple[TermWord, ...]
    required: int
    """How many distinct slots must be found."""
    head: int | None = None
    """The slot a match must include; set exactly when `required` is below the number
    of slots (a long need may lose a word, never its head)."""
    slack: int = 0
    """Extra content words allowed in the window when the slots appear in order."""
    weight: float = 1.0
    """Similarity factor: below 1 for a company named by its leading words only."""
    literal: bool = False
    """A one-word term with idioms ("run", "sail"): skip figurative uses of it."""
    every_word_counts: bool = False
    """Distance counts stop words too: a person's name is words side by side ("Will
    Stone", but not "Will the drought end? Stone walls...")."""
    standalone: bool = False
    """Must read as a name on its own: capitalised, not followed by another capitalised
    word, and not in a Title Case text (a one-word company)."""
    ordered: bool = False
    """The words must come in the term's own order (a related term: the lexicon lists
    the orders it means, and "price of a home" is not "home prices"); a related term
    of one word is matched as written or in the plural only ("shipping" is not "ship",
    "planting" not "plant")."""

    @property
    def plain(self) -> bool:
        """One word with no conditions: found wherever one of its words is."""
        return len(self.slots) == 1 and not self.literal and not self.standalone


@dataclass(frozen=True)
class CompiledTerm:
    text: str
    patterns: tuple[Pattern, ...]
    slots: frozenset[TermWord]
    """Every word any of the patterns looks for."""


def analyse_words(text: str) -> list[str]:
    """The normalised words of `text`, in order."""
    return list(map(normalize_word, tokens(text)))


class Analysed:
    """A text cut into normalised words once, for matching many terms against it.

    Word positions, ranks and character spans are computed only when a term needs
    them, so a text no term comes near costs one tokenising pass.
    """

    __slots__ = ("text", "words", "stop_words", "_positions", "_ranks", "_spans")

    def __init__(
        self, text: str, stop_words: frozenset[str] = STOP_WORDS, words: list[str] | None = None
    ) -> None:
        self.text = text
        self.words: list[str] = analyse_words(text) if words is None else words
        """The normalised words (`analyse_words(text)`, when the caller has them)."""
        self.stop_words = stop_words
        self._positions: dict[str, list[int]] | None = None
        self._ranks: list[int] | None = None
        self._spans: list[tuple[int, int]] | None = None

    def positions(self) -> dict[str, list[int]]:
        """Normalised word -> the indices where it occurs."""
        if self._positions is None:
            self._positions = {}
            for index, word in enumerate(self.words):
                self._positions.setdefault(word, []).append(index)
        return self._positions

    def ranks(self) -> list[int]:
        """For each word, how many content words come before it: the distance that
        phrase windows are measured in, so stop words never pull a phrase apart."""
        if self._ranks is None:
            content = (word not in self.stop_words for word in self.words)
            self._ranks = list(accumulate(content, initial=0))[:-1]
        return self._ranks

    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = token_spans(self.text)
        return self._spans

    def raw(self, index: int) -> str:
        start, end = self.spans()[index]
        return self.text[start:end]

    def is_title_case(self) -> bool:
        longer = [self.raw(i) for i in range(len(self.words)) if len(self.words[i]) > 3]
        capitalised = sum(word[0].isupper() for word in longer)
        return len(longer) >= 3 and capitalised >= TITLE_CASE_SHARE * len(longer)

    def stands_alone(self, first: int, last: int) -> bool:
        """Whether words first..last read as a complete name (see `Pattern.standalone`)."""
        if not self.raw(first)[0].isupper() or self.is_title_case():
            return False
        if last + 1 >= len(self.words):
            return True
        spans = self.spans()
        between = self.text[spans[last][1] : spans[last + 1][0]]
        return not (between.isspace() and self.raw(last + 1)[0].isupper())

    def is_figurative(self, index: int) -> bool:
        before, after = _FIGURATIVE.get(stem(self.words[index]), (frozenset(), frozenset()))
        return (index > 0 and stem(self.words[index - 1]) in before) or (
            index + 1 < len(self.words) and stem(self.words[index + 1]) in after
        )

    def expansions(self, slots: frozenset[TermWord]) -> dict[TermWord, Expansion]:
        """What each slot matches among this text's own words (one text, no index)."""
        return {
            slot: {w: s for w in self.positions() if (s := word_similarity(slot, w)) > 0}
            for slot in slots
        }


class Found(NamedTuple):
    """Where a term matched: similarity 0-100 and the first and last word indices."""

    similarity: float
    first: int
    last: int


def _distinct(words: Sequence[str], stop_words: frozenset[str]) -> list[str]:
    """Content words, each once. A term of stop words only has none and never matches:
    "it" would match every article ("IT", in capitals, is a content word)."""
    return list(dict.fromkeys(word for word in words if word not in stop_words))


def _head(words: Sequence[str], content: Sequence[str]) -> int:
    """Index in `content` of the word a phrase is about: the last content word before
    the first preposition, else the last one ("financing for a second roaster")."""
    last_seen: int | None = None
    for word in words:
        if word in PREPOSITIONS and last_seen is not None:
            return last_seen
        if word in content:
            last_seen = content.index(word)
    return len(content) - 1


def _distinctive_word(content: Sequence[str]) -> str | None:
    """The one word of a phrase that carries its subject, when every other word is a
    facet word ("tariff" in "tariff policy"); None when there is no such single word."""
    telling = [word for word in content if word not in FACET_WORDS]
    if len(content) < 2 or len(telling) != 1:
        return None
    word = telling[0]
    if word in BROAD_WORDS or len(word) < HEAD_MIN_LENGTH or not word.isalpha():
        return None
    return word


def _topic_patterns(
    words: list[str],
    stop_words: frozenset[str],
    partial: bool,
    head: bool = False,
    ordered: bool = False,
) -> list[Pattern]:
    content = _distinct(words, stop_words)
    plural_only = ordered and len(content) == 1
    slots = tuple(dict.fromkeys(term_word(word, plural_only=plural_only) for word in content))
    if not slots:
        return []
    count = len(slots)
    slack = PHRASE_SLACK if count >= 3 else 0
    literal = count == 1 and slots[0].key in _FIGURATIVE
    patterns = [Pattern(slots, count, slack=slack, literal=literal, ordered=ordered)]
    if partial and count >= 3 and count == len(content):
        patterns.append(Pattern(slots, count - 1, head=_head(words, content), slack=slack))
    if 2 <= len(content) <= MAX_JOINED_WORDS:
        patterns.append(Pattern((term_word("".join(content)),), 1))
    distinctive = _distinctive_word(content) if head else None
    if distinctive is not None:
        patterns.append(Pattern((term_word(distinctive),), 1, weight=HEAD_WEIGHT))
    if len(content) == 1 and len(content[0]) >= MIN_SPLIT_LENGTH and content[0].isalpha():
        word = content[0]
        for cut in range(SPLIT_PART_LENGTH, len(word) - SPLIT_PART_LENGTH + 1):
            left, right = word[:cut], word[cut:]
            if left not in stop_words and right not in stop_words:
                patterns.append(Pattern((term_word(left), term_word(right)), 2))
    return patterns


def _name_patterns(words: list[str]) -> list[Pattern]:
    names = list(dict.fromkeys(word for word in words if word not in HONORIFICS))
    if len(names) < 2:
        return []
    slots = tuple(term_word(word, exact=True) for word in names)
    return [Pattern(slots, len(slots), slack=PHRASE_SLACK, every_word_counts=True)]


def _company_patterns(words: list[str], stop_words: frozenset[str]) -> list[Pattern]:
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    content = _distinct(words, stop_words)
    if not content:
        return []
    if len(content) == 1:
        return [Pattern((term_word(content[0], exact=True),), 1, standalone=True)]
    patterns = _topic_patterns(content, stop_words, partial=False)
    if len(content) >= 3 and content[-1] in ORG_WORDS:
        slots = patterns[0].slots[:-1]
        patterns.append(Pattern(slots, len(slots), standalone=True))
    return patterns


@functools.lru_cache(maxsize=65_536)
def compile_term(
    text: str, style: TermStyle = "topic", stop_words: frozenset[str] = STOP_WORDS
) -> CompiledTerm:
    """The patterns `text` matches by; an empty tuple when it can never match (a name
    of one word: a first name alone never names anybody)."""
    words = [normalize_word(token) for token in tokens(text)]
    if style == "name":
        patterns = _name_patterns(words)
    elif style == "company":
        patterns = _company_patterns(words, stop_words)
    else:
        partial = style in ("topic", "interest")
        patterns = _topic_patterns(
            words, stop_words, partial, head=style == "interest", ordered=style == "related"
        )
    slots = frozenset(slot for pattern in patterns for slot in pattern.slots)
    return CompiledTerm(text, tuple(patterns), slots)


def _in_order(slots: Sequence[int]) -> bool:
    """Whether slots first appear in the window in the term's own order."""
    seen = list(dict.fromkeys(slots))
    return seen == sorted(seen)


def match_pattern(pattern: Pattern, text: Analysed, expansions: Sequence[Expansion]) -> Found | None:
    """The best window of `text` for `pattern`: most similar, then earliest."""
    positions = text.positions()
    occurrences = sorted(
        (index, slot, similarity)
        for slot, expansion in enumerate(expansions)
        for word, similarity in expansion.items()
        for index in positions.get(word, ())
    )
    count = len(pattern.slots)
    ranks = range(len(text.words)) if pattern.every_word_counts or count == 1 else text.ranks()
    best: Found | None = None
    for start, (first, _, _) in enumerate(occurrences):
        if pattern.literal and text.is_figurative(first):
            continue
        found: dict[int, float] = {}
        order: list[int] = []
        for last, slot, similarity in occurrences[start:]:
            span = ranks[last] - ranks[first]
            if span > pattern.required - 1 + pattern.slack:
                break
            found[slot] = max(similarity, found.get(slot, 0.0))
            order.append(slot)
            if len(found) < pattern.required or (len(found) < count and pattern.head not in found):
                continue
            if (pattern.ordered or span > pattern.required - 1) and not _in_order(order):
                continue
            score = pattern.weight * sum(found.values()) / count
            if (best is None or score > best.similarity) and (
                not pattern.standalone or text.stands_alone(first, last)
            ):
                best = Found(score, first, last)
            if count == 1:
                break
    return best


def match_term(
    term: CompiledTerm, text: Analysed, expansions: Mapping[TermWord, Expansion]
) -> Found | None:
    """The best place `term` matches `text`, given what each of its words matches."""
    best: Found | None = None
    for pattern in term.patterns:
        found = match_pattern(pattern, text, [expansions.get(s, {}) for s in pattern.slots])
        if found is not None and (best is None or found.similarity > best.similarity):
            best = found
    return best


def evidence(
    text: str, first: int, last: int, spans: Sequence[tuple[int, int]] | None = None
) -> tuple[str, int, int]:
    """Words first..last of `text` with a little context, and their offsets in it.

    Cut context is marked with "…" so a reader knows the sentence goes on.
    """
    spans = token_spans(text) if spans is None else spans
    left = max(0, first - CONTEXT_TOKENS)
    right = min(len(spans) - 1, last + CONTEXT_TOKENS)
    begin = spans[left][0] if left > 0 else 0
    end = spans[right][1] if right < len(spans) - 1 else len(text)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    shown = f"{prefix}{text[begin:end]}{suffix}"
    offset = len(prefix) - begin
    return shown, spans[first][0] + offset, spans[last][1] + offset


@dataclass(frozen=True)
class TermHit:
    """Where a term was found in a text, with evidence a UI can show and highlight."""

    term: str
    start: int
    """Offset in the text of the first matched word."""
    end: int
    """Offset in the text just after the last matched word."""
    similarity: float
    """0-100: 100 for the same words, less for typos, joined words or a partial phrase."""
    evidence: str
    evidence_start: int
    """Offset of the matched words inside `evidence`."""
    evidence_end: int


def find_term(term: str, text: str) -> TermHit | None:
    """Where the interest, need or offer `term` appears in `text`, or None.

    For one text at a time (a lead, another contact's offers); `engine.find_hits`
    applies the same rules to a whole desk through a shared vocabulary.
    """
    compiled = compile_term(term)
    analysed = Analysed(text)
    found = match_term(compiled, analysed, analysed.expansions(compiled.slots))
    if found is None:
        return None
    spans = analysed.spans()
    shown, shown_start, shown_end = evidence(text, found.first, found.last, spans)
    return TermHit(
        term=term,
        start=spans[found.first][0],
        end=spans[found.last][1],
        similarity=round(found.similarity, 1),
        evidence=shown,
        evidence_start=shown_start,
        evidence_end=shown_end,
    )
