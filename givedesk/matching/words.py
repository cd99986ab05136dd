"""Single words: normalising, light stemming, and when one word stands for another.

Everything here compares *whole words*, never parts of words: that is what keeps
"Rust" out of "trust" and "rustic", and "AI" out of "said" (rapidfuzz's
`partial_ratio` scores both 100, see shared/PITFALLS.md). Tolerance for the way
people write the same word comes from three narrow rules instead:

* normalising: case, accents, possessives ("Núñez's" is "nunez");
* a light stemmer for inflections ("podcasts", "podcasting", "podcaster" -> "podcast")
  that leaves derivations alone ("transition" is not "transit");
* typos only in long words, and only the kinds people make (a letter missing or
  extra, two letters swapped), because a single substituted letter in a 7-letter
  word usually makes another real word ("protest"/"protect", "contract"/"contrast").

Short words (up to `SHORT_WORD_LENGTH` letters) are matched exactly, plural aside:
stemming "wine" to "win" or "code" to "cod" would be worse than missing "winery".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

TOKEN = re.compile(r"\w+(?:['’]\w+)*")
"""A word: letters and digits, with inner apostrophes ("don't", "Okafor's"). Hyphens
and underscores split words, so "bike-lanes" is two words, as a person would read it
(`tokens` turns underscores into spaces first, which is much faster than a pattern
that excludes them)."""


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, so long lists stay readable."""
    return frozenset(words.split())


STOP_WORDS = word_set(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing don down during each few
    for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that us
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves also says said say s t ll re ve d m
    """
)
"""Built-in English stop words: never a term's content, never counted as distance
between a phrase's words ("lending to small businesses" keeps its words adjacent)."""

SHORT_WORD_LENGTH = 4
"""Words this short match only themselves or their plural: no stemming, no typos."""
TYPO_MIN_LENGTH = 7
"""Typos are forgiven only when both words are at least this long."""
LONG_WORD_LENGTH = 12
"""Words this long may differ by any two edits ("organisation"/"organization")."""

_NO_APOSTROPHES = str.maketrans("", "", "'’")
_NOT_INFLECTED = word_set(
    """
    always analysis basis business ceiling clothing crisis during evening housing lens
    marketing morning news nothing perhaps series something species thesis wedding
    anchor answer banner border butter center centre chapter charter cluster corner cover
    dinner either enter father filter finger hammer hunger ladder leather letter liver
    manner master matter member meter minister mother neither never number officer order
    other paper power quarter river shower silver summer super theater timber tower
    transfer under water weather winter wonder
    """
)
"""Words that only look inflected: "news" is not a plural, "marketing" is not "market"
plus -ing, and a "letter" is not someone who lets."""
_KEEP_DOUBLE = frozenset("lsfz")
"""Doubled letters that belong to the word ("fall", "press", "staff", "buzz")."""


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.replace("_", " "))


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of each word of `tokens(text)`, in the same order."""
    return list(_token_spans(text))


@functools.lru_cache(maxsize=16_384)
def _token_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: evidence quotes the same article for every reason and person it is shown for."""
    return tuple(found.span() for found in TOKEN.finditer(text.replace("_", " ")))


def _normalize(raw: str) -> str:
    """The form words are compared in: casefolded, accents and possessive removed.

    An all-capitals stop word keeps its capitals, so "IT" and "US" stay content words
    while "it" and "us" do not.
    """
    if len(raw) > 1 and raw.isupper() and raw.casefold() in STOP_WORDS:
        return raw
    word = raw.casefold()
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    if word[-2:] in ("'s", "’s"):
        word = word[:-2]
    return word.translate(_NO_APOSTROPHES) or raw.casefold()


NORMAL_CACHE_SIZE = 500_000
"""Distinct raw words remembered; a long-running desk starts over past this."""


class _NormalCache(dict[str, str]):
    """Raw word -> normalised word. A dict rather than `lru_cache` because tokenising
    a desk looks up every word of every article: `map(cache.__getitem__, words)`
    stays in C for the words already seen."""

    def __missing__(self, raw: str) -> str:
        if len(self) >= NORMAL_CACHE_SIZE:
            self.clear()
        value = self[raw] = _normalize(raw)
        return value


_NORMAL = _NormalCache()
normalize_word = _NORMAL.__getitem__


def singular(word: str) -> str:
    """`word` without a plural ending; the only change short words get."""
    if len(word) <= 3 or word in _NOT_INFLECTED:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _has_vowel(word: str) -> bool:
    return any(c in "aeiouy" for c in word)


def _strip_verb_ending(word: str) -> str:
    """Remove one of -ing, -ed, -er, undoing a doubled consonant ("running" -> "run").

    "-eed" and "-eer" are kept whole: "speed" and "engineer" are not inflections.
    """
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    for ending, min_length in (("ing", 6), ("ed", 5), ("er", 6)):
        if word.endswith(ending) and len(word) >= min_length:
            base = word[: -len(ending)]
            if len(base) < 3 or not _has_vowel(base) or (ending != "ing" and base[-1] == "e"):
                return word
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _KEEP_DOUBLE:
                base = base[:-1]
            return base
    return word


@functools.lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """A light, predictable stem: plural, then -ing/-ed/-er, then a final -e.

    The final -e goes so that "bike", "bikes" and "biking" meet at "bik". Words with
    digits or other symbols are left as they are ("5g", "covid19").
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    base = singular(word)
    if base in _NOT_INFLECTED:
        return base
    base = _strip_verb_ending(base)
    if base.endswith("e") and len(base) > 3:
        base = base[:-1]
    return base


WordMode = Literal["stem", "short", "exact"]
"""How a term's word is compared: by stem, as a short word (plural only), or exactly
(people's names: "James" must not become "jam")."""


class TermWord(NamedTuple):
    """One word of a term, in the form text words are compared against. A named tuple
    because a desk's matching hashes these hundreds of thousands of times."""

    key: str
    mode: WordMode


def term_word(word: str, *, exact: bool = False, plural_only: bool = False) -> TermWord:
    """The comparable form of a normalised word of a term (`plural_only`: matched as a
    short word is, whatever its length)."""
    if exact:
        return TermWord(word, "exact")
    if len(word) <= SHORT_WORD_LENGTH or plural_only:
        return TermWord(singular(word), "short")
    return TermWord(stem(word), "stem")


def keys_of(word: str, mode: WordMode) -> tuple[str, ...]:
    """The keys a normalised text word has under `mode`; a term word whose key is among
    them names the same word. A short word is itself, its singular, or itself less "-s"
    or "-es" ("buses" is a "bus", "cases" a "case", "AIs" an "AI")."""
    if mode == "stem":
        return (stem(word),)
    if mode == "exact":
        return (word,)
    keys = [word, singular(word)]
    if word.endswith("s") and not word.endswith("ss"):
        keys.append(word[:-1])
        if word.endswith("es"):
            keys.append(word[:-2])
    return tuple(keys)


def _is_transposition(a: str, b: str) -> bool:
    """Whether `b` is `a` with two neighbouring letters swapped."""
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    first, second = differ
    return a[first] == b[second] and a[second] == b[first]


def typo_similarity(a: str, b: str) -> float:
    """0-100 when `b` looks like `a` mistyped, else 0 (see the module docstring)."""
    shorter, longer = sorted((len(a), len(b)))
    if shorter < TYPO_MIN_LENGTH or longer - shorter > 2 or a[0] != b[0]:
        return 0.0
    distance = Levenshtein.distance(a, b, score_cutoff=2)
    forgiven = (
        (distance == 1 and shorter != longer)
        or (distance == 2 and _is_transposition(a, b))
        or (distance <= 2 and shorter >= LONG_WORD_LENGTH)
    )
    return fuzz.ratio(a, b) if forgiven else 0.0


def word_similarity(slot: TermWord, word: str) -> float:
    """How well the normalised text `word` stands for the term word `slot`, 0-100."""
    keys = keys_of(word, slot.mode)
    if slot.key in keys:
        return 100.0
    if slot.mode == "short":
        return 0.0
    return typo_similarity(slot.key, keys[0])
