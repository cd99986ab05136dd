"""Matching a whole desk: every article against every contact's terms, then ranking.

Pure: no store, no clock. Two steps with different lifetimes:

1. `find_hits` says which terms occur in which articles. It depends only on the texts,
   the terms and the stop words, so its output is cached (see `service.py`) and only
   new articles and changed contacts are scanned again.
2. `rank` turns hits into scored suggestions. It depends on the clock, the weights and
   the user's feedback, and is cheap, so it runs afresh every time.

Why `find_hits` is fast: looking for each term in each article is 10,000 × 5,000
comparisons on a real desk (PITFALLS: 26-116 s with `cdist`). Instead every title and
summary is cut into words once and indexed (word -> texts holding it); each distinct
term word is compared with the *vocabulary* of distinct words (exact keys through a
dictionary, typos with rapidfuzz `cdist` on the few length buckets a typo allows); a
term is then looked for only in the texts that hold enough of its words, with the same
`match_pattern` that `text.find_term` uses, so the desk-wide result is exactly what
matching each text on its own would give (a test compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from givedesk.collector import gc_paused
from givedesk.config import MatchingConfig
from givedesk.matching.context import (
    NAMESAKE_NOTE,
    ArticleText,
    Origin,
    Profile,
    expansions,
    is_corroborated,
    is_namesake,
    is_one_word,
    is_unconfirmed_name,
    senses_of,
)
from givedesk.matching.lexicon import Lexicon, default_lexicon
from givedesk.matching.text import (
    Analysed,
    CompiledTerm,
    Expansion,
    Found,
    Pattern,
    TermStyle,
    analyse_words,
    compile_term,
    evidence,
    match_pattern,
)
from givedesk.matching.words import (
    LONG_WORD_LENGTH,
    SHORT_WORD_LENGTH,
    STOP_WORDS,
    TYPO_MIN_LENGTH,
    TermWord,
    WordMode,
    keys_of,
    normalize_word,
    stem,
    tokens,
    typo_similarity,
)
from givedesk.models import Article, Contact, MatchField, MatchHit, SuggestionStatus

MatchKind = Literal["interest", "need", "mention"]

FIELD_STYLES: dict[MatchField, TermStyle] = {
    "interests": "interest",
    "needs": "interest",
    "company": "company",
    "name": "name",
    "muted_topics": "muted",
    "role": "related",
    "surname": "company",
}
"""How a contact's own terms are read; related terms and aliases are "related"."""
FIELD_KINDS: dict[MatchField, MatchKind] = {
    "interests": "interest",
    "needs": "need",
    "company": "mention",
    "name": "mention",
    "role": "interest",
    "surname": "mention",
}
KIND_PRIORITY: dict[MatchKind, int] = {"mention": 0, "need": 1, "interest": 2}
"""The kind a pair is shown as: the most specific kind among its terms."""
LEXICAL_THRESHOLD = 55.0
"""The cut the lexical matcher alone was tuned with: `rank` applies it when the config
sets none (the day's suggestions are cut by the fitted scorer instead, `judged`)."""
MAX_EXTRA_TERMS = 3
"""Further distinct terms beyond this many add nothing: five weak hits are not a strong one."""
MIN_SURNAME_LENGTH = 3
"""A family name this short ("Li", "Ng") is too often another word to look for alone."""
SECONDS_PER_DAY = 86_400.0
PARALLEL_CELLS = 500_000
"""`cdist` comparisons worth spreading over every core: starting the threads costs about
a millisecond, more than a small bucket takes on one."""
SlotKey = tuple[str, WordMode]
"""A `TermWord` as a plain tuple: equal and hashed alike, and much cheaper to build
for every word of a vocabulary."""


def stop_words_for(config: MatchingConfig) -> frozenset[str]:
    """The built-in stop words plus the user's, in the form words are compared in."""
    extra = (normalize_word(word) for text in config.stop_words for word in text.split())
    return STOP_WORDS | frozenset(extra)


def contact_terms(contact: Contact) -> list[tuple[MatchField, str]]:
    """Every term of `contact` that matching looks for, with the field it came from."""
    terms: list[tuple[MatchField, str]] = [("interests", term) for term in contact.interests]
    terms += [("needs", term) for term in contact.needs]
    if contact.company.strip():
        terms.append(("company", contact.company))
    terms.append(("name", contact.name))
    words = contact.name.split()
    nickname = contact.nickname.strip()
    if nickname and len(words) > 1 and nickname.casefold() != words[0].casefold():
        # "Tomi Reyes" names Tomás Reyes; "Tomi" alone names too many people to count.
        terms.append(("name", f"{nickname} {words[-1]}"))
    if contact.company.strip() and len(words) > 1 and len(words[-1]) >= MIN_SURNAME_LENGTH:
        terms.append(("surname", words[-1]))
    terms += [("muted_topics", term) for term in contact.muted_topics]
    return terms


class Vocabulary:
    """The distinct words of many texts, and what each term word matches among them."""

    def __init__(self, texts: Sequence[list[str]]) -> None:
        self.words: set[str] = set().union(*texts)

    def expand(self, slots: Set[SlotKey]) -> dict[SlotKey, Expansion]:
        """What each term word matches in the vocabulary: the same answers as
        `words.word_similarity` on every pair, found by walking the vocabulary once
        (a word's keys name the slots it matches) and `_typo_pairs` for typos. Slots
        that match nothing are left out."""
        expansions: dict[SlotKey, dict[str, float]] = {}
        long_stems: dict[str, list[str]] = {}
        long_words: dict[str, list[str]] = {}
        plural_only = (len(key) for key, mode in slots if mode == "short")
        short_length = max(plural_only, default=SHORT_WORD_LENGTH) + 2
        for word in self.words:
            stemmed = stem(word)
            found: list[SlotKey] = [(stemmed, "stem"), (word, "exact")]
            if len(word) <= short_length:
                found += [(key, "short") for key in keys_of(word, "short")]
            for slot in found:
                if slot in slots:
                    expansions.setdefault(slot, {})[word] = 100.0
            if len(stemmed) >= TYPO_MIN_LENGTH:
                long_stems.setdefault(stemmed, []).append(word)
            if len(word) >= TYPO_MIN_LENGTH:
                long_words[word] = [word]
        for mode, by_key in (("stem", long_stems), ("exact", long_words)):
            typed = [s for s in slots if s[1] == mode and len(s[0]) >= TYPO_MIN_LENGTH]
            self._add_typos(typed, by_key, expansions)
        return dict(expansions)

    @staticmethod
    def _add_typos(
        slots: list[SlotKey],
        by_key: Mapping[str, list[str]],
        expansions: dict[SlotKey, dict[str, float]],
    ) -> None:
        """Add the words whose key looks like a slot's mistyped: `typo_similarity` on
        the pairs `_typo_pairs` shortlists."""
        for slot, key in _typo_pairs(slots, by_key):
            similarity = typo_similarity(slot[0], key)
            if similarity > 0:
                expansion = expansions.setdefault(slot, {})
                for word in by_key[key]:
                    expansion[word] = max(similarity, expansion.get(word, 0.0))


def _typo_pairs(slots: Iterable[SlotKey], keys: Iterable[str]) -> Iterator[tuple[SlotKey, str]]:
    """Every (slot, key) pair `typo_similarity` could forgive, without comparing all.

    It forgives only keys with the same first letter whose lengths differ by one (a
    letter missing or extra), by none (two letters swapped: the same letters, so one
    lookup by sorted letters finds them), or, in long words, by up to two. `cdist`
    compares only the buckets of lengths that can qualify.
    """
    by_shape: dict[tuple[str, int], list[str]] = {}
    by_letters: dict[str, list[str]] = {}
    for key in keys:
        by_shape.setdefault((key[0], len(key)), []).append(key)
        by_letters.setdefault("".join(sorted(key)), []).append(key)
    queries: dict[tuple[str, int], list[SlotKey]] = {}
    for slot in slots:
        queries.setdefault((slot[0][0], len(slot[0])), []).append(slot)
        for key in by_letters.get("".join(sorted(slot[0])), ()):
            yield slot, key
    for (letter, length), group in queries.items():
        near = [
            key
            for other in range(length - 2, length + 3)
            if min(other, length) >= LONG_WORD_LENGTH or abs(other - length) == 1
            for key in by_shape.get((letter, other), ())
        ]
        if not near:
            continue
        workers = -1 if len(group) * len(near) >= PARALLEL_CELLS else 1
        distances = process.cdist(
            [slot[0] for slot in group], near, scorer=Levenshtein.distance,
            score_cutoff=2, dtype=np.int32, workers=workers,
        )
        for row, column in zip(*np.nonzero(distances <= 2), strict=True):
            yield group[row], near[column]


def _postings(texts: Sequence[list[str]], wanted: set[str]) -> dict[str, list[int]]:
    """Word -> indices of the texts holding it, for the words some term can match only:
    most of a text's words (and most of its length) are never looked up."""
    postings: dict[str, list[int]] = {word: [] for word in wanted}
    for index, words in enumerate(texts):
        for word in wanted.intersection(words):
            postings[word].append(index)
    return postings


@dataclass
class TermOwners:
    """One distinct term, and every (contact id, field) it was searched for."""

    compiled: CompiledTerm
    owners: list[tuple[str, MatchField]] = field(default_factory=list)


def searched_terms(
    contact: Contact, lexicon: Lexicon
) -> list[tuple[MatchField, str, TermStyle]]:
    """Every term searched for `contact`: their own (`contact_terms`), then the related
    terms and aliases of their topics and the terms of their role's field
    (`context.expansions`), with how each is read."""
    own = [(name, text, FIELD_STYLES[name]) for name, text in contact_terms(contact)]
    related: list[tuple[MatchField, str, TermStyle]] = [
        (name, text, "related") for name, text, _ in expansions(contact, lexicon)
    ]
    return own + related


def distinct_terms(
    searched: Iterable[tuple[str, Iterable[tuple[MatchField, str, TermStyle]]]],
    stop_words: frozenset[str],
) -> list[TermOwners]:
    """Each distinct (style, term) once, with every contact and field it belongs to:
    three people interested in "podcasting" cost one search, not three. (`searched`:
    (contact id, their `searched_terms`), which the match cache keeps.)"""
    terms: dict[tuple[TermStyle, str], TermOwners] = {}
    for contact_id, searched_of in searched:
        for field_name, text, style in searched_of:
            entry = terms.get((style, text))
            if entry is None:
                entry = terms[(style, text)] = TermOwners(compile_term(text, style, stop_words))
            entry.owners.append((contact_id, field_name))
    return [entry for entry in terms.values() if entry.compiled.patterns]


class SearchTerms(Protocol):
    """Terms to search a batch of texts for, compiled on demand: a desk's index holds
    tens of thousands, and the words of 100 articles rule out nearly all of them."""

    @property
    def slots(self) -> Set[SlotKey]:
        """Every word any of the terms looks for."""
        ...

    def candidates(self, found: Set[SlotKey]) -> Iterable[int]:
        """In order, the positions of the terms that look for one of these words at
        least (every other term is ruled out)."""
        ...

    def compiled(self, position: int) -> CompiledTerm: ...


class _TermList:
    """Terms already compiled, every one a candidate."""

    def __init__(self, terms: Sequence[CompiledTerm]) -> None:
        self.terms = terms
        self.slots: Set[SlotKey] = set().union(*(term.slots for term in terms))

    def candidates(self, found: Set[SlotKey]) -> Iterable[int]:
        return range(len(self.terms))

    def compiled(self, position: int) -> CompiledTerm:
        return self.terms[position]


class _Searcher:
    """Finds where patterns match among many texts, using the postings."""

    def __init__(
        self,
        sources: Sequence[str],
        texts: Sequence[list[str]],
        stop_words: frozenset[str],
        expansions: Mapping[SlotKey, Expansion],
    ) -> None:
        self.sources = sources
        self.texts = texts
        self.stop_words = stop_words
        self.expansions = expansions
        wanted = {word for expansion in expansions.values() for word in expansion}
        self.postings = _postings(texts, wanted)
        self._holding: dict[TermWord, set[int]] = {}
        self._analysed: dict[int, Analysed] = {}

    def _analyse(self, index: int) -> Analysed:
        """The text for `match_pattern`, made on first need: most texts never are."""
        text = self._analysed.get(index)
        if text is None:
            text = Analysed(self.sources[index], self.stop_words, self.texts[index])
            self._analysed[index] = text
        return text

    def _texts_with(self, slot: TermWord) -> set[int]:
        found = self._holding.get(slot)
        if found is None:
            found = set()
            for word in self.expansions.get(slot, {}):
                found.update(self.postings.get(word, ()))
            self._holding[slot] = found
        return found

    def _plain(self, pattern: Pattern) -> dict[int, Found]:
        """A plain one-word pattern straight from the postings: the most similar word,
        then the earliest, exactly as `match_pattern` would choose."""
        best: dict[int, Found] = {}
        for word, similarity in self.expansions[pattern.slots[0]].items():
            score = pattern.weight * similarity
            for index in self.postings.get(word, ()):
                position = self.texts[index].index(word)
                found = best.get(index)
                if found is None or (score, -position) > (found.similarity, -found.first):
                    best[index] = Found(score, position, position)
        return best

    def _windows(self, pattern: Pattern) -> dict[int, Found]:
        """Patterns of several words, or with conditions: `match_pattern` on each text
        holding enough of the words (with the head word, when not all are needed)."""
        sets = [self._texts_with(slot) for slot in pattern.slots]
        if pattern.head is None:
            candidates = set.intersection(*sorted(sets, key=len))
        else:
            others = sets[: pattern.head] + sets[pattern.head + 1 :]
            candidates = {
                index
                for index in sets[pattern.head]
                if sum(index in texts for texts in others) >= pattern.required - 1
            }
        expansions = [self.expansions.get(slot, {}) for slot in pattern.slots]
        found = {index: match_pattern(pattern, self._analyse(index), expansions) for index in candidates}
        return {index: where for index, where in found.items() if where is not None}

    def _possible(self, pattern: Pattern) -> bool:
        """Whether enough of the pattern's words occur at all: on a handful of new
        articles most terms are ruled out here, before any set is built."""
        if pattern.head is not None and pattern.slots[pattern.head] not in self.expansions:
            return False
        spare = len(pattern.slots) - pattern.required
        for slot in pattern.slots:
            if slot not in self.expansions:
                spare -= 1
                if spare < 0:
                    return False
        return True

    def search(self, term: CompiledTerm) -> dict[int, Found]:
        """Text index -> where `term` matches best, as `text.match_term` decides."""
        best: dict[int, Found] = {}
        for pattern in term.patterns:
            if not self._possible(pattern):
                continue
            found = self._plain(pattern) if pattern.plain else self._windows(pattern)
            for index, where in found.items():
                if index not in best or where.similarity > best[index].similarity:
                    best[index] = where
        return best


@gc_paused
def find_hits(
    articles: Sequence[Article],
    contacts: Iterable[Contact],
    stop_words: frozenset[str] = STOP_WORDS,
    lexicon: Lexicon | None = None,
) -> dict[str, list[MatchHit]]:
    """Article id -> every contact term (own or related, see `searched_terms`) found in
    its title or summary (the best place in each). Articles without hits are left out.
    Whether a hit means the person's subject is decided by `rank`."""
    used = lexicon or default_lexicon()
    terms = distinct_terms(((contact.id, searched_terms(contact, used)) for contact in contacts),
                           stop_words)
    return hits_in(articles, terms, stop_words)


def hits_in(
    articles: Sequence[Article], terms: Iterable[TermOwners], stop_words: frozenset[str]
) -> dict[str, list[MatchHit]]:
    """`find_hits` with the terms already gathered: a desk matched a batch of articles
    at a time gathers its people's terms once."""
    hits: dict[str, list[MatchHit]] = {}
    terms = list(terms)
    for position, found in term_matches(articles, _TermList([t.compiled for t in terms]),
                                        stop_words):
        term = terms[position]
        for index, where in found.items():
            similarity = round(where.similarity, 1)
            hits.setdefault(articles[index // 2].id, []).extend(
                MatchHit(
                    contact_id, field_name, term.compiled.text, similarity,
                    index % 2 == 0, where.first, where.last,
                )
                for contact_id, field_name in term.owners
            )
    return hits


def term_matches(
    articles: Sequence[Article], terms: SearchTerms, stop_words: frozenset[str]
) -> Iterator[tuple[int, dict[int, Found]]]:
    """(position in `terms`, {text index: where it matches best}) of each term found in
    the articles, in the order of `terms`; text 2i is article i's title, 2i + 1 its
    summary. What `hits_in` gives, before it is multiplied by the term's owners: the
    match cache does that in columns."""
    sources = [text for article in articles for text in (article.title, article.summary)]
    texts = [analyse_words(text) for text in sources]
    expansions = Vocabulary(texts).expand(terms.slots)
    searcher = _Searcher(sources, texts, stop_words, expansions)
    for position in terms.candidates(expansions.keys()):
        found = searcher.search(terms.compiled(position))
        if found:
            yield position, found


@dataclass(frozen=True)
class Reason:
    """Why an article was suggested: the contact's field and term, and the words of
    the article that matched (at evidence[evidence_start:evidence_end])."""

    field: MatchField
    term: str
    """The contact's own term (for "role": the field their role or company names)."""
    evidence: str
    evidence_start: int
    evidence_end: int
    similarity: float
    in_title: bool
    related: str = ""
    """The related term or alias that matched, when not the contact's own term."""
    explanation: str = ""
    """The reason in words for related and role hits ("data breach, related to ...")."""
    note: str = ""
    """A caution, e.g. "possibly a namesake"."""


@dataclass
class Match:
    """One suggestion: this article would help this person, for these reasons."""

    article: Article
    contact: Contact
    score: float
    kind: MatchKind
    reasons: list[Reason]
    feed: str = ""
    """The feed's name, for display ("" when unknown: the JSON then gives the feed id)."""
    status: SuggestionStatus | None = None
    """What the user already did with this pair (only shown with --all)."""
    feedback: list[str] = field(default_factory=list)
    """What the user's past decisions did to this score ("you dismissed 4 of 5 ...")."""


@dataclass(slots=True)
class Ranked:
    """A scored (article, contact) pair whose evidence is not built yet: ranking
    thousands of pairs is cheap, quoting their text only for the ones shown."""

    article: Article
    contact: Contact
    score: float
    """0-100, rounded: what is shown."""
    strength: float
    """The score before it was capped at 100: orders pairs that all show 100."""
    kind: MatchKind
    hits: tuple[MatchHit, ...]
    """Best hit per distinct term, strongest first."""
    origins: tuple[Origin, ...] = ()
    """The contact's own term each hit stands for (same order as `hits`)."""
    notes: tuple[str, ...] = ()
    """A caution per hit ("" for none), same order."""

    def to_match(self, *, feed: str = "", status: SuggestionStatus | None = None) -> Match:
        reasons = []
        first_name = self.contact.first_name
        for index, hit in enumerate(self.hits):
            text = self.article.title if hit.in_title else self.article.summary
            shown, start, end = evidence(text, hit.first_token, hit.last_token)
            origin = self.origins[index] if self.origins else Origin(hit.field, hit.term)
            reasons.append(Reason(
                origin.field, origin.term, shown, start, end, hit.similarity, hit.in_title,
                related=origin.related, explanation=origin.explain(first_name),
                note=self.notes[index] if self.notes else "",
            ))
        return Match(
            article=self.article, contact=self.contact, score=self.score, kind=self.kind,
            reasons=reasons, feed=feed, status=status,
        )


Penalties = Mapping[tuple[str, str], float]
"""(contact id, casefolded own term) -> weight factor from the user's decisions: below 1
for terms whose suggestions they mark not relevant or keep dismissing, above 1 for
terms they keep queueing (see `service.feedback_penalties`)."""


def _term_value(
    hit: MatchHit,
    origin: Origin,
    article: Article,
    config: MatchingConfig,
    penalties: Penalties,
) -> float:
    """What one hit is worth on its own: similarity, placed, weighted by how it was
    reached (own term, related term, role) and by feedback, plus the bonus of its kind."""
    placed = config.title_weight if hit.in_title else config.summary_weight
    value = hit.similarity * placed
    if origin.via == "role":
        value *= config.role_weight
    elif origin.via:
        value *= config.related_weight
    if penalties:
        value *= penalties.get((hit.contact_id, origin.term.casefold()), 1.0)
    return value + kind_bonus(origin.field, article.local, config)


def kind_bonus(field_name: MatchField, local: bool, config: MatchingConfig) -> float:
    """What a hit in this field adds for its kind: a mention (more in local news), a
    need, or nothing (an interest; a muted topic, whose pair is dropped anyway)."""
    kind = FIELD_KINDS.get(field_name)
    if kind == "mention":
        return config.mention_bonus + (config.local_mention_bonus if local else 0.0)
    return config.need_bonus if kind == "need" else 0.0


class _Judge:
    """The context rules of `context` for one ranking run: each person's profile is
    built once, and only for people whose hits need it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._profiles: dict[str, Profile] = {}
        self._plain: dict[tuple[str, str, str], Origin] = {}
        """(contact id, field, term) -> origin, for the person's own terms that count
        wherever they match (most hits): judged once per run."""

    def profile(self, contact: Contact) -> Profile:
        found = self._profiles.get(contact.id)
        if found is None:
            found = self._profiles[contact.id] = Profile(contact, self.lexicon)
        return found

    def _own(self, contact: Contact, hit: MatchHit) -> bool:
        """Whether a hit is on the contact's own interest or need (the common case,
        decided without a profile)."""
        if hit.field == "interests":
            return hit.term in contact.interests
        return hit.field == "needs" and hit.term in contact.needs

    def judge(
        self, contact: Contact, hit: MatchHit, article: ArticleText
    ) -> tuple[Origin, str] | None:
        """What the hit stands for and a caution, or None when it does not count."""
        field = hit.field
        if field in ("company", "surname"):
            return Origin(field, hit.term), ""
        if field == "name":
            profile = self.profile(contact)
            if is_namesake(hit, profile, article, self.lexicon):
                return None
            note = NAMESAKE_NOTE if is_unconfirmed_name(profile, article) else ""
            return Origin(field, hit.term), note
        plain = self._plain.get((contact.id, field, hit.term))
        if plain is not None and (hit.first_token != hit.last_token or is_one_word(hit.term)):
            return plain, ""
        own = self._own(contact, hit)
        origin = Origin(field, hit.term) if own else self.profile(contact).origin(hit)
        senses = senses_of(hit, origin, article, self.lexicon)
        if senses is None and own:
            self._plain[(contact.id, field, hit.term)] = origin
        if senses is not None and not is_corroborated(
            hit, origin, senses, self.profile(contact), article
        ):
            return None
        return origin, ""


def _surname_beside_company(
    surname: MatchHit, hits: Sequence[MatchHit], text: ArticleText, company: str
) -> bool:
    """A family name alone names the person only when their company is named too, apart
    from it ("Ms. Okafor of Okafor Coffee": not the "Okafor" inside "Okafor Coffee"),
    when their full name is not already there, and when it is written as a name."""
    if any(hit.field == "name" for hit in hits) or not any(hit.field == "company" for hit in hits):
        return False
    analysed = text.analysed(surname.in_title)
    at = surname.first_token
    if not analysed.raw(at)[:1].isupper():
        return False
    words, named = analysed.words, [normalize_word(token) for token in tokens(company)]
    for position, word in enumerate(named):
        if word != words[at]:
            continue
        follows = position + 1 < len(named) and words[at + 1:at + 2] == [named[position + 1]]
        precedes = position > 0 and at > 0 and words[at - 1] == named[position - 1]
        if follows or precedes:
            return False
    return True


def _score_pair(
    text: ArticleText,
    contact: Contact,
    hits: Iterable[MatchHit],
    age_penalty: float,
    config: MatchingConfig,
    penalties: Penalties,
    judge: _Judge,
) -> Ranked | None:
    """The suggestion `hits` make for one pair (see `rank`); None when muted or when no
    hit counts."""
    article = text.article
    every_hit = list(hits)
    best: dict[str, tuple[float, MatchHit, Origin, str]] = {}
    for hit in every_hit:
        if hit.field == "muted_topics":
            return None
        if hit.field == "surname" and not _surname_beside_company(
            hit, every_hit, text, contact.company
        ):
            continue
        judged = judge.judge(contact, hit, text)
        if judged is None:
            continue
        origin, note = judged
        value = _term_value(hit, origin, article, config, penalties)
        key = origin.term.casefold()
        kept = best.get(key)
        if kept is None or (value, hit.in_title) > (kept[0], kept[1].in_title):
            best[key] = (value, hit, origin, note)
    if not best:
        return None
    if len(best) == 1:
        ordered = list(best.values())
    else:
        ordered = sorted(best.values(), key=lambda entry: (-entry[0], entry[2].field, entry[2].term))
    strength = (
        ordered[0][0] + config.extra_term_bonus * min(len(ordered) - 1, MAX_EXTRA_TERMS) - age_penalty
    )
    kind = min(
        (FIELD_KINDS[origin.field] for _, _, origin, _ in ordered), key=KIND_PRIORITY.__getitem__
    )
    return Ranked(
        article=article, contact=contact, score=round(min(max(strength, 0.0), 100.0), 1),
        strength=strength, kind=kind, hits=tuple(entry[1] for entry in ordered),
        origins=tuple(entry[2] for entry in ordered),
        notes=tuple(entry[3] for entry in ordered),
    )


@gc_paused
def rank(
    hits_by_article: Mapping[str, Sequence[MatchHit]],
    articles: Iterable[Article],
    contacts: Mapping[str, Contact],
    *,
    now: datetime,
    config: MatchingConfig,
    penalties: Penalties | None = None,
    lexicon: Lexicon | None = None,
) -> list[Ranked]:
    """Every (article, contact) pair scoring at least the threshold, best first, among
    articles published at most max_age_days before `now`.

    A pair's score is the value of its best term (similarity x title_weight or
    summary_weight x any feedback factor, + mention_bonus [+ local_mention_bonus] or
    need_bonus), + extra_term_bonus for each further distinct term (at most
    `MAX_EXTRA_TERMS`), - recency_penalty x age / recency_days (at most all of it),
    shown capped to 0-100. A muted topic in the article drops the pair. The kind is
    the most specific one among the terms found (mention, need, interest): an article
    naming someone is a congratulation whatever else it touches. Hits that the context
    rules reject (`context`: an ambiguous word uncorroborated, a namesake) count for
    nothing; related terms count `related_weight`, the role's field `role_weight`.
    """
    penalties = penalties or {}
    judge = _Judge(lexicon or default_lexicon())
    ranked: list[tuple[RankKey, Ranked]] = []
    for article in articles:
        hits = hits_by_article.get(article.id)
        age_penalty = article_age_penalty(article, now, config)
        if not hits or age_penalty is None:
            continue
        by_contact: dict[str, list[MatchHit]] = {}
        for hit in hits:
            by_contact.setdefault(hit.contact_id, []).append(hit)
        text = ArticleText(article)
        for contact_id, found in by_contact.items():
            contact = contacts.get(contact_id)
            if contact is None:
                continue
            pair = _score_pair(text, contact, found, age_penalty, config, penalties, judge)
            cut = LEXICAL_THRESHOLD if config.threshold is None else config.threshold
            if pair is not None and pair.score >= cut:
                ranked.append((rank_key(pair), pair))
    ranked.sort(key=lambda keyed: keyed[0])
    return [pair for _, pair in ranked]


RankKey = tuple[float, float, str, str, str, str]


def article_age_penalty(article: Article, now: datetime, config: MatchingConfig) -> float | None:
    """The points an article loses to its age, or None when it is too old to suggest.

    An undated article's date is when it was first seen: max_age_days counts from
    then, but its freshness is unknown, so it takes the whole recency penalty (and
    `rank_key` puts it after every dated article of the same score).
    """
    age_days = (now - article.published).total_seconds() / SECONDS_PER_DAY
    if age_days > config.max_age_days:
        return None
    if not article.dated:
        return config.recency_penalty
    return config.recency_penalty * min(max(age_days, 0.0) / config.recency_days, 1.0)


def rank_key(pair: Ranked) -> RankKey:
    """Where a pair goes in the ranking: strongest first, then newest, then by title
    and name (ids break the last ties)."""
    article = pair.article
    newest_first = -article.published.timestamp() if article.dated else 0.0
    return (-pair.strength, newest_first, article.title, pair.contact.name, article.id,
            pair.contact.id)


def match_to_json(match: Match) -> dict[str, Any]:
    """The `givedesk matches --json` element for one match (shape fixed by DESIGN.md;
    "feedback" is added only when the user's decisions changed the score)."""
    article = match.article
    shown: dict[str, Any] = {
        "article": {
            "id": article.id,
            "title": article.title,
            "link": article.link,
            "feed": match.feed or article.feed_id,
            "published": article.published.isoformat() if article.dated else None,
            "local": article.local,
        },
        "contact": {"id": match.contact.id, "name": match.contact.name},
        "score": match.score,
        "kind": match.kind,
        "reasons": [_reason_to_json(reason) for reason in match.reasons],
    }
    if match.feedback:
        shown["feedback"] = list(match.feedback)
    return shown


def _reason_to_json(reason: Reason) -> dict[str, str]:
    """field, term and evidence as DESIGN.md fixes them; "related", "explanation" and
    "note" only when there is something to say."""
    shown = {"field": reason.field, "term": reason.term, "evidence": reason.evidence}
    extra = {"related": reason.related, "explanation": reason.explanation, "note": reason.note}
    shown.update({key: value for key, value in extra.items() if value})
    return shown
