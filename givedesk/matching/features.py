"""One row of numbers per (article, person) candidate: what the fitted scorer reads.

Two kinds of evidence meet here. The lexical matcher says which of the person's words
the article uses, where and how (their own term, a related one, their field; a mention;
a caution); the semantic layer says how close the whole article is to the person's
topics, work and nearest phrase, raw and relative to the article's mean over everyone.
Neither alone decides: a one-word term ("pitch", "cells") counts when the article as a
whole is near the person, and a paraphrase with no shared word counts when it is near
enough. The weights of each column come from `fit_scorer.py`, never from here.

`FEATURES` names the columns; the scorer's file records the names it was fitted on, so
a change here that the weights do not know is refused, not silently misread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from givedesk.matching.engine import Ranked
from givedesk.matching.words import tokens

__all__ = ["FEATURES", "MISSING", "Evidence", "feature_rows"]

FEATURES: tuple[str, ...] = (
    "lexical",            # a lexical pair exists
    "lexical_strength",   # its strength / 100 (before age), 0 without one
    "mention",            # it names the person or their company
    "need",               # it meets a stated need
    "own_term",           # its best hit is the person's own phrase
    "related_term",       # ... a related term or alias
    "field_term",         # ... the field of their role or company
    "more_terms",         # further distinct terms (at most 3) / 3
    "one_word",           # its best term is a single word (a word with senses)
    "one_word_near",      # one_word x the article's relative closeness to the person's topics
    "caution",            # a reason carries a caution (possibly a namesake)
    "in_title",           # the best hit is in the title
    "topics",             # similarity to the person's interests and needs
    "topics_relative",    # ... less the article's mean over people
    "work",               # similarity to their role, company and offers
    "work_relative",
    "phrase",             # similarity to their nearest single phrase
    "phrase_relative",    # ... less the article's mean of topics similarity
    "has_topics",         # the person typed interests or needs at all
    "local",              # local news
)


@dataclass(frozen=True)
class Evidence:
    """What is known of one candidate pair before scoring."""

    lexical: Ranked | None
    topics: float
    topics_relative: float
    work: float
    work_relative: float
    phrase: float
    phrase_relative: float
    has_topics: bool
    has_work: bool
    local: bool


LEXICAL_COLUMNS = FEATURES.index("topics")
"""The columns read off the lexical pair (all before the semantic ones)."""


def _lexical_columns(pair: Ranked | None, near: float) -> list[float]:
    if pair is None:
        return [0.0] * LEXICAL_COLUMNS
    origin = pair.origins[0] if pair.origins else None
    via = origin.via if origin is not None else ""
    term = origin.term if origin is not None else pair.hits[0].term
    one_word = float(len(tokens(term)) == 1 and pair.kind != "mention")
    return [
        1.0,
        min(max(pair.strength, 0.0), 130.0) / 100.0,
        float(pair.kind == "mention"),
        float(pair.kind == "need"),
        float(not via),
        float(bool(via) and via != "role"),
        float(via == "role"),
        min(len(pair.hits) - 1, 3) / 3.0,
        one_word,
        one_word * near,
        float(any(pair.notes)),
        float(pair.hits[0].in_title),
    ]


MISSING = float("nan")
"""A similarity to a text the person does not have: not a zero (which would say the
article is unlike them) but unknown, read by the scorer as the dev data's mean."""


def feature_rows(evidence: Sequence[Evidence]) -> npt.NDArray[np.float64]:
    rows = np.zeros((len(evidence), len(FEATURES)), dtype=np.float64)
    for row, found in enumerate(evidence):
        topics, phrase, work = (
            (found.topics, found.topics_relative), (found.phrase, found.phrase_relative),
            (found.work, found.work_relative))
        if not found.has_topics:
            topics = phrase = (MISSING, MISSING)
        if not found.has_work:
            work = (MISSING, MISSING)
        rows[row] = [
            *_lexical_columns(found.lexical, found.topics_relative),
            *topics, *work, *phrase, float(found.has_topics), float(found.local),
        ]
    return rows
