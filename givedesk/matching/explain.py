"""Reasons in words for judged pairs, built only for the pairs shown.

A lexical pair keeps its reasons (the person's term and the article's words, with a
little context). A pair found by meaning alone quotes the article's sentence nearest to
the person's phrase, and says that it is a related meaning, not the person's own words:
`about drought: "another dry year, with water curtailed"`.
"""

from __future__ import annotations

from givedesk.matching.engine import Match, Reason
from givedesk.matching.judged import Judged
from givedesk.matching.semantic import PeopleVectors, VectorSource, closest_sentence
from givedesk.models import SuggestionStatus

__all__ = ["judged_to_match"]


def _meaning_reason(judged: Judged, people: PeopleVectors, source: VectorSource) -> Reason:
    article, contact, phrase = judged.article, judged.contact, judged.phrase
    first = contact.first_name
    if phrase is not None:
        vector = people.phrases[judged.person][phrase.position]
        sentence = closest_sentence(article, vector, source)
        return Reason(
            phrase.field, phrase.term, sentence, 0, 0, round(100 * phrase.similarity, 1),
            sentence == article.title.strip(),
            explanation=f"about {phrase.term}: a related meaning, not {first}'s own words",
        )
    work = people.texts[judged.person].work
    sentence = closest_sentence(article, people.work[judged.person], source)
    return Reason(
        "role", work, sentence, 0, 0, 0.0, sentence == article.title.strip(),
        explanation=f"news for {first}'s field: {work}",
    )


def judged_to_match(
    judged: Judged, people: PeopleVectors, source: VectorSource, *, feed: str = "",
    status: SuggestionStatus | None = None,
) -> Match:
    if judged.lexical is not None:
        match = judged.lexical.to_match(feed=feed, status=status)
        match.score = judged.score
        return match
    return Match(
        article=judged.article, contact=judged.contact, score=judged.score, kind=judged.kind,
        reasons=[_meaning_reason(judged, people, source)], feed=feed, status=status,
    )
