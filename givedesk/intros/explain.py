"""Why two people should meet, in a plain sentence for each of them.

The sentence for A is read before A has agreed to anything, so it never names B nor
B's company: B is "someone I know", described by what B offers, does or works in.
A sentence that would still carry one of B's distinctive words (a name, the
"Brightline" of "Brightline Architects") falls back to B's field, then to a sentence
with nothing of B at all. Common trade words ("architects", "bookkeeping") are not
distinctive: they say what B does, not who B is.
"""

from __future__ import annotations

from givedesk.intros.analysis import BOUNDARIES, CONJUNCTIONS, FILLER, LEXICON_WORDS, lemmas
from givedesk.models import Contact

YOU = {"needs": "you're looking for", "offers": "you offer", "role": "you work as",
       "company": "you work at", "tags": "you work in", "interests": "you care about"}
THEY = {"needs": "is looking for", "offers": "offers", "role": "works as",
        "company": "works at", "tags": "works in", "interests": "cares about"}
_LEGAL = frozenset({"inc", "ltd", "llc", "llp", "plc", "gmbh", "co", "corp", "company", "limited",
                    "group"})
_COMMON = BOUNDARIES | CONJUNCTIONS | FILLER | _LEGAL
"""Words in a name that identify nobody ("The", "and", "Ltd")."""
NEUTRAL = "I know someone who could help."


def distinctive_words(person: Contact) -> frozenset[str]:
    """The words that would tell A who B is: B's names and B's company's own words."""
    names = {w for w in lemmas(person.name) if len(w) > 1}
    company = {w for w in lemmas(person.company) if len(w) > 2}
    return frozenset(w for w in names | company if w not in LEXICON_WORDS
                     and w not in _COMMON)


def names(text: str, person: Contact) -> bool:
    """Whether `text` carries a word that identifies `person`."""
    return not distinctive_words(person).isdisjoint(lemmas(text))


def side(field: str, term: str, label: str, *, you: bool) -> str:
    """"you offer design reviews" / "works in architecture": one side of a reason.
    A company is said by its field (`label`) when there is one."""
    if field in ("company", "tags") and label:
        return f"{'you work' if you else 'works'} in {label}"
    return f"{(YOU if you else THEY)[field]} {term}"
