"""Reading needs, offers and roles as phrases with a head, and finding their concepts.

"touring musicians for weeknights" is about *musicians*: the words before the first
preposition are the head phrase, its last word the head noun, the rest modifiers
("touring") and qualifier ("for weeknights"). An introduction answers the head; a word
shared elsewhere in the phrase proves nothing, which is what keeps "boat tours" away
from "touring musicians". Words are compared whole after folding case, accents and
plurals, never by stem.

Three shapes of need come out of that:

* a *supply* ("a bookkeeper", "student interns", "delivery trucks"): met by someone
  who is it, offers it or supplies it;
* *clients* ("law-firm clients", "software startups as clients", "referrals from
  estate agents"): met only by someone who is of that kind (their role, company or
  field), never by what they offer;
* a generic head ("architect partners", "an IT support company", "local food
  suppliers"): the head says nothing, so the words before it carry the need.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from givedesk.intros.lexicon import CONCEPTS


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
BOUNDARIES = _word_set("""
    for of in on with to at from about by into near among as that who which whose than
    so offering willing able wanting looking
""")
"""Words that end a head phrase: what follows qualifies it."""
FILLER = _word_set("""
    a an the our my their his her its some more new any extra spare another second third
    few several good great free local nearby reliable trusted experienced help intro
    introduction introductions contact contacts someone somebody people person
""")
"""Words that say nothing about what is needed ("a new ...", "more ...", "intro to ...")."""
CONJUNCTIONS = frozenset({"and", "or", "&", "plus"})
GENERIC_HEADS = _word_set("""
    company firm business agency service provider partner organisation organization team
    practice expert specialist professional supplier vendor contractor opportunity program
    programme scheme option support hire rental resource
""")
"""Head nouns that say only *that* something is wanted ("architect partners", "an IT
support company", "van hire"): the word before them carries the need."""
CLIENT_HEADS = _word_set("client customer referral tenant buyer stockist account lead")
"""Head nouns of a need for clients: the kind of client is in the other words."""
TITLE_WORDS = _word_set("""
    partner founder cofounder co owner director manager head chief officer president ceo
    cto coo cfo vp vice executive senior junior lead principal associate assistant member
    staff coordinator
""")
"""Job-title words alone say someone's rank, not their trade."""
_IRREGULAR = {"people": "people", "news": "news", "series": "series", "children": "child",
              "cafes": "cafe", "analytics": "analytics", "logistics": "logistics",
              "premises": "premises", "sales": "sales", "tradespeople": "tradespeople",
              "wellness": "wellness", "business": "business", "gas": "gas", "bus": "bus",
              "physics": "physics", "is": "is", "as": "as", "us": "us", "its": "its"}


@lru_cache(maxsize=131_072)
def lemma(word: str) -> str:
    """Case, accents and plural folded ("Cafés" -> "cafe", "tours" -> "tour"); nothing
    else, so "touring" stays "touring" and "bookkeeper" stays apart from "bookkeeping"."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("’", "'").removesuffix("'s").replace("'", "")
    if folded in _IRREGULAR:
        return _IRREGULAR[folded]
    if len(folded) <= 3 or not folded.isalpha():
        return folded
    if folded.endswith("ies") and len(folded) > 4:
        return folded[:-3] + "y"
    if folded.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return folded[:-2]
    if folded.endswith("s") and not folded.endswith(("ss", "us", "is")):
        return folded[:-1]
    return folded


@lru_cache(maxsize=65_536)
def lemmas(text: str) -> tuple[str, ...]:
    """A text's words, folded; hyphenated words split ("law-firm" is "law firm")."""
    return tuple(lemma(word) for word in _WORD.findall(text.replace("&", " & ")))


# --- the lexicon, indexed by words -------------------------------------------------

TermKind = Literal["term", "supplier"]


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    concept: str
    kind: TermKind


def _term_index() -> dict[str, list[_Term]]:
    """Lexicon terms by their first word."""
    index: dict[str, list[_Term]] = defaultdict(list)
    for concept in CONCEPTS.values():
        for kind, terms in (("term", concept.terms), ("supplier", concept.suppliers)):
            for text in terms:
                words = lemmas(text)
                index[words[0]].append(_Term(words, concept.id, kind))  # type: ignore[arg-type]
    return index


_TERMS = _term_index()
LEXICON_WORDS = frozenset(word for terms in _TERMS.values() for t in terms for word in t.words)
"""Every word of the lexicon: common words, never what names one company."""


@dataclass(frozen=True)
class Found:
    """A lexicon term found in a run of words."""

    concept: str
    kind: TermKind
    start: int
    end: int


def find_terms(words: tuple[str, ...]) -> list[Found]:
    """Every lexicon term in `words` (a word may be in several concepts: "food bank" is
    food banks and nonprofits). The head of a longer term is
    not a term of its own ("bank" in "food bank", "engineer" in "sound engineer"); its
    modifiers still are ("boat" in "boat tours")."""
    found = [Found(term.concept, term.kind, start, start + len(term.words))
             for start, word in enumerate(words) for term in _TERMS.get(word, ())
             if words[start : start + len(term.words)] == term.words]
    return [f for f in found
            if not any(o.end == f.end and o.start < f.start for o in found)]


def is_filler_term(found: Found, words: tuple[str, ...]) -> bool:
    """A term made only of a title or generic word ("owner", "firm"): it says someone's
    rank or that something is wanted, not what."""
    return all(w in TITLE_WORDS or w in GENERIC_HEADS for w in words[found.start : found.end])


# --- phrases -----------------------------------------------------------------------

Shape = Literal["supply", "clients"]


TOPIC_BOUNDARIES = frozenset({"in", "of", "on", "about", "with"})
"""An offer's qualifier after these is its topic ("apprentices in carpentry"); after
"for" it is an audience ("talks for schools"), which says nothing about what is given."""


@dataclass(frozen=True)
class Phrase:
    """A need or an offer read as head, modifiers and qualifier."""

    text: str
    head: tuple[str, ...]
    """The head phrase's content words; its last word is the head noun."""
    qualifier: tuple[str, ...]
    shape: Shape
    concepts: frozenset[str]
    """What the phrase is about: the concepts naming its head (for clients: the kind of
    client wanted)."""
    noun: str
    """The head noun, for needs no concept covers ("delivery trucks")."""
    telling: tuple[str, ...]
    """Head words that say what is wanted (no titles, no generic words)."""
    modifiers: tuple[str, ...]
    """Telling words besides the head's own term ("patent" of "patent attorney",
    "student" of "student interns"): a candidate whose own words have them fits better."""
    context: frozenset[str]
    """Concepts of the qualifier ("venues for touring *bands*"): a candidate in one of
    them fits better."""
    topic: frozenset[str]
    """For an offer: concepts of its topic ("apprentices in *carpentry*")."""
    audience: frozenset[str]
    """For an offer: concepts of whom it is for ("volunteers for community *clinics*")."""


def _content(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in FILLER and w not in CONJUNCTIONS and len(w) > 1)


def _split(words: tuple[str, ...]) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    for index, word in enumerate(words):
        if word in BOUNDARIES and index > 0:
            return words[:index], word, words[index + 1 :]
    return words, "", ()


def _concepts(words: tuple[str, ...]) -> set[str]:
    return {f.concept for f in find_terms(words)
            if f.kind == "term" and not is_filler_term(f, words)}


def _read_head(head: tuple[str, ...]) -> tuple[set[str], str, set[int]]:
    """The concepts naming the head noun (skipping generic heads and titles: "boat
    owners" are about boats), the noun, and the positions naming it."""
    found = [f for f in find_terms(head) if f.kind == "term" and not is_filler_term(f, head)]
    for position in range(len(head) - 1, -1, -1):
        covering = [f for f in found if f.start <= position < f.end]
        if covering:
            span = {i for f in covering for i in range(f.start, f.end)}
            return {f.concept for f in covering}, head[position], span
        if head[position] not in GENERIC_HEADS and head[position] not in TITLE_WORDS:
            return set(), head[position], {position}
    return set(), head[-1] if head else "", set()


@lru_cache(maxsize=65_536)
def read_phrase(text: str) -> Phrase:
    """A need or offer as head, qualifier and concepts (cached: desks repeat phrases)."""
    raw_head, _, _ = _split(lemmas(text))
    # "bread and produce": the words before a conjunction are items, not modifiers.
    listed = {w for i, w in enumerate(raw_head) if CONJUNCTIONS.intersection(raw_head[i + 1 :])}
    head, boundary, qualifier = _split(_content(lemmas(text)))
    if not head and qualifier:  # "intro to local farmers" offers farmers
        head, boundary, qualifier = _split(qualifier)
    telling = tuple(w for w in head if w not in GENERIC_HEADS and w not in TITLE_WORDS
                    and w not in CLIENT_HEADS)
    context = frozenset(_concepts(qualifier))
    topic = context if boundary in TOPIC_BOUNDARIES else frozenset()
    audience = context if boundary == "for" else frozenset()
    if head and head[-1] in CLIENT_HEADS:
        kind = head[:-1] or qualifier
        return Phrase(text, head, qualifier, "clients", frozenset(_concepts(kind)), "", (), (),
                      frozenset(), topic, audience)
    shape: Shape = "clients" if qualifier and qualifier[0] in CLIENT_HEADS else "supply"
    concepts, noun, span = _read_head(head)
    modifiers = tuple(w for i, w in enumerate(head)
                      if i not in span and w in telling and w not in listed)
    return Phrase(text, head, qualifier, shape, frozenset(concepts), noun, telling, modifiers,
                  context, topic, audience)


@lru_cache(maxsize=16_384)
def identity_parts(text: str) -> tuple[tuple[str, ...], ...]:
    """A role or company in parts ("Chef and owner" is a chef and an owner); cached: a
    desk of thousands has a few hundred roles."""
    parts = re.split(r"\s*(?:,|/|&|\band\b|\bplus\b)\s*", text)
    return tuple(lemmas(part) for part in parts if part.strip())
