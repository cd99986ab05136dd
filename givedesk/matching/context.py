"""Whether a hit means what the person's term means, and what it stands for.

`find_hits` says where words occur; these rules, applied when ranking, say whether an
occurrence is about *this* person (issue #10):

* **Expansion.** A person's interests and needs are also looked for by the related
  terms of the lexicon and by their aliases, and their role and company by the terms
  of the field they name ("Fire safety engineer": "fire code", "sprinklers"). Each
  such hit remembers the person's own term it stands for (`Origin`), so the
  suggestion can say "data breach, related to their interest information security".
* **Word sense.** A hit on one ambiguous word (the lexicon's list, or a word of three
  letters or fewer) counts only when the article also uses a word of the person's
  *profile* (their other terms, role, company and the related terms of all of them)
  or a word of the sense their profile points to (Go the language or Go the game).
  When the profile points to no sense, the lexicon's first one (the professional
  sense) is assumed. A term typed as a name ("Python", "Go") is not found in the same
  word written in lower case mid-sentence ("the python", "go ahead").
* **Namesakes.** A person's name next to words that describe somebody else (a
  student, a 17-year-old, a striker, someone who "leaves Osteria Luna") is not them,
  unless their own profile says the same; a name with nothing else of theirs in the
  article is kept but marked "possibly a namesake".
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Literal, NamedTuple

from givedesk.matching.lexicon import Lexicon, phrase_key, word_stems
from givedesk.matching.text import BROAD_WORDS, FACET_WORDS, LEGAL_SUFFIXES, Analysed
from givedesk.matching.words import stem, tokens, word_set
from givedesk.models import Article, Contact, MatchField, MatchHit

Via = Literal["", "related", "alias", "role"]
SHORT_TERM_LENGTH = 3
"""A one-word term this short is ambiguous unless typed in capitals ("AI", "EV")."""
MEMO_SIZE = 100_000
"""People whose expansions a lexicon remembers; it starts over past this."""
NAME_WINDOW = 8
"""Words either side of a name searched for signs that it is somebody else."""
ADULT_AGE = 18
GENERIC = frozenset(
    stem(word)
    for word in word_set(
        """
        new year years use people time day week line lines staff first season call say
        make take get show find plan open run win lose cut rise fall set put keep help
        start report need want look give
        """
    )
    | FACET_WORDS
    | BROAD_WORDS
)
"""Words too common to show that an article is about a person's subject."""
NAMESAKE_NOTE = "possibly a namesake: nothing else in the article points to them"


class Origin(NamedTuple):
    """The person's own term a hit stands for, and how it was reached. (A named tuple:
    ranking makes one for every hit.)"""

    field: MatchField
    term: str
    """The contact's own term (or, for "role", the field their role or company names)."""
    via: Via = ""
    related: str = ""
    """The term that matched, when it is not the contact's own."""
    source: str = ""
    """For "role": the role or company text the field was read from."""

    def explain(self, first_name: str) -> str:
        """The reason in words, for related and role hits ("" for the person's own term)."""
        if self.via == "related":
            kind = "need" if self.field == "needs" else "interest"
            return f"{self.related}, related to {first_name}'s {kind} {self.term}"
        if self.via == "alias":
            return f"{self.related}, {first_name}'s word for {self.term}"
        if self.via == "role":
            found = "" if self.related.casefold() == self.term.casefold() else f"{self.related}, "
            return f"{found}news for {first_name}'s field: {self.term} ({self.source})"
        return ""


def _parse_alias(entry: str) -> tuple[str, list[str]]:
    topic, colon, rest = entry.partition(":")
    if not colon:
        return entry.strip(), [entry.strip()]
    return topic.strip(), [alias.strip() for alias in rest.split(",") if alias.strip()]


def _collapses(text: str, key: str) -> bool:
    """Whether a term of several words keeps only one once stop words are gone
    ("do-not-call" is not "call", "Series A" is not "series")."""
    return len(key.split()) == 1 and len(tokens(text)) > 1


def expansions(contact: Contact, lexicon: Lexicon) -> list[tuple[MatchField, str, Origin]]:
    """The terms looked for on behalf of `contact` beyond their own: related terms and
    aliases of their interests and needs, then their role's and company's field.
    Each text once (the person's own terms and closer origins win). Remembered per
    lexicon: a desk asks for them on every run, for every person."""
    key = (tuple(contact.interests), tuple(contact.needs), tuple(contact.aliases),
           contact.role, contact.company)
    found = lexicon.memo.get(key)
    if found is None:
        if len(lexicon.memo) >= MEMO_SIZE:
            lexicon.memo.clear()
        found = lexicon.memo[key] = _expansions(contact, lexicon)
    return list(found)


def _expansions(contact: Contact, lexicon: Lexicon) -> list[tuple[MatchField, str, Origin]]:
    own = {term.casefold(): field for field in ("interests", "needs")
           for term in getattr(contact, field)}
    seen = {phrase_key(term) for term in own}
    found: list[tuple[MatchField, str, Origin]] = []

    def add(field: MatchField, text: str, origin: Origin) -> None:
        key = phrase_key(text)
        if _collapses(text, key):
            return
        if key and key not in seen:
            seen.add(key)
            found.append((field, text, origin))

    for entry in contact.aliases:
        topic, aliases = _parse_alias(entry)
        field: MatchField = "needs" if own.get(topic.casefold()) == "needs" else "interests"
        for alias in aliases:
            add(field, alias, Origin(field, topic, "alias", alias))
    for field in ("interests", "needs"):
        for term in getattr(contact, field):
            for related, _ in lexicon.related(term):
                add(field, related, Origin(field, term, "related", related))
    for label, source in (("role", contact.role), ("company", contact.company)):
        for topic in lexicon.topics_in(source) if source.strip() else ():
            for text in (topic, *lexicon.topics[topic]):
                add("role", text, Origin("role", topic, "role", text, f"{label}: {source}"))
    return found


def company_words(company: str) -> list[str]:
    words = tokens(company)
    while len(words) > 1 and words[-1].casefold() in LEGAL_SUFFIXES:
        words = words[:-1]
    return words


class Profile:
    """What the desk knows about one person, in the forms the rules compare."""

    def __init__(self, contact: Contact, lexicon: Lexicon) -> None:
        self.contact = contact
        self.origins = {
            (field, text.casefold()): origin for field, text, origin in expansions(contact, lexicon)
        }
        names = word_stems([contact.name])
        self.company = word_stems([" ".join(company_words(contact.company))]) - names
        texts = [*contact.interests, *contact.needs, contact.role, *contact.tags]
        texts += [origin.related for origin in self.origins.values()]
        self.all_stems = word_stems(texts) - names
        """Every word of theirs, common ones too: enough to tell which sense of an
        ambiguous word is theirs."""
        self.stems = self.all_stems - GENERIC
        """Words that show an article touches the person's subjects: their terms, role
        and the related terms of all of them (not their company's name: "Green Thumb"
        says nothing about salads)."""

    def origin(self, hit: MatchHit) -> Origin:
        found = self.origins.get((hit.field, hit.term.casefold()))
        return found if found is not None else Origin(hit.field, hit.term)


class ArticleText:
    """An article's title and summary, analysed on first need and shared by every
    person it is ranked for."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._analysed: dict[bool, Analysed] = {}
        self._stems: frozenset[str] | None = None

    def analysed(self, in_title: bool) -> Analysed:
        text = self._analysed.get(in_title)
        if text is None:
            source = self.article.title if in_title else self.article.summary
            text = self._analysed[in_title] = Analysed(source)
        return text

    @property
    def stems(self) -> frozenset[str]:
        if self._stems is None:
            self._stems = word_stems([self.article.title, self.article.summary])
        return self._stems


Senses = Mapping[str, frozenset[str]]


def senses_of(
    hit: MatchHit, origin: Origin, article: ArticleText, lexicon: Lexicon
) -> Senses | None:
    """The senses of what the hit matched when it needs corroboration, else None.

    {} (no senses known: only the person's profile can corroborate) for a short
    word, and for one word that is not the person's own one-word term: a lexicon
    term or role word ("containers" for Kubernetes), or the distinctive word of their
    phrase found alone. An alias the user typed counts as their own. A one-word term is
    judged as typed, so the many plain hits analyse no text.
    """
    typed = origin.related or hit.term
    key, one_word, short = _shape(typed)
    single_hit = hit.first_token == hit.last_token
    if single_hit and not one_word:
        word = stem(article.analysed(hit.in_title).words[hit.first_token])
        found = lexicon.ambiguous(word)
        return found if found is not None or word not in key.split() else {}
    found = lexicon.ambiguous(key)
    if found is not None:
        return found
    if short:
        return {}
    return {} if single_hit and origin.via in ("related", "role") else None


def is_one_word(typed: str) -> bool:
    """Whether a term is one word once stop words are gone (its senses, if any, do not
    depend on where it matched)."""
    return _shape(typed)[1]


@functools.lru_cache(maxsize=65_536)
def _shape(typed: str) -> tuple[str, bool, bool]:
    """A term's key, whether it is one word, and whether it is a short word not typed
    in capitals (ranking asks for every hit)."""
    key = phrase_key(typed)
    one_word = len(key.split()) == 1
    return key, one_word, one_word and len(typed.strip()) <= SHORT_TERM_LENGTH and not typed.isupper()


def _lower_case_use(typed: str, text: Analysed, index: int) -> bool:
    """Whether a term typed as a name ("Python") stands in lower case mid-sentence."""
    raw = text.raw(index)
    return typed[:1].isupper() and len(typed.split()) == 1 and raw.islower() and index > 0


def is_corroborated(
    hit: MatchHit, origin: Origin, senses: Senses, profile: Profile, article: ArticleText
) -> bool:
    """Whether a hit on an ambiguous word (`senses_of`) means the person's subject
    (module docstring, word sense)."""
    typed = origin.related or hit.term
    text = article.analysed(hit.in_title)
    if hit.first_token == hit.last_token and _lower_case_use(typed, text, hit.first_token):
        return False
    matched = word_stems([typed]) | {
        stem(word) for word in text.words[hit.first_token : hit.last_token + 1]
    }
    others = article.stems - matched
    if others & profile.stems:
        return True
    theirs = profile.all_stems - matched
    overlap = {name: len(words & theirs) for name, words in senses.items()}
    best = max(overlap.values(), default=0)
    if best == 0:
        first = next(iter(senses.values()), frozenset())
        return bool(others & first)
    return any(others & senses[name] for name, count in overlap.items() if count == best)


def _is_child_age(words: list[str], index: int, name_end: int) -> bool:
    """Whether words[index] is an age under 18 ("17-year-old", "Jamie Park, 17,")."""
    word = words[index]
    if not word.isdigit() or int(word) >= ADULT_AGE:
        return False
    follows_name = index == name_end + 1
    return follows_name or (index + 1 < len(words) and words[index + 1] == "year")


def is_namesake(hit: MatchHit, profile: Profile, article: ArticleText, lexicon: Lexicon) -> bool:
    """Whether the words around a name hit describe somebody else (module docstring):
    an age under 18 or an employer verb next to the name, or a word of another
    occupation anywhere in the (short) article that the person's profile does not share."""
    text = article.analysed(hit.in_title)
    words = text.words
    start = max(0, hit.first_token - NAME_WINDOW)
    end = min(len(words), hit.last_token + NAME_WINDOW + 1)
    around = [i for i in range(start, end) if not hit.first_token <= i <= hit.last_token]
    if any(_is_child_age(words, i, hit.last_token) for i in around):
        return bool(profile.contact.role or profile.contact.company)
    if (article.stems & lexicon.contradicting) - profile.stems:
        return True
    after = hit.last_token + 1
    if after + 1 < len(words) and stem(words[after]) in lexicon.employer_verbs:
        employer = text.raw(after + 1)
        return employer[:1].isupper() and stem(words[after + 1]) not in profile.company
    return False


def is_unconfirmed_name(profile: Profile, article: ArticleText) -> bool:
    """Whether an article naming the person has nothing else of theirs in it."""
    return not article.stems & (profile.stems | profile.company)
