"""The judgment: which (article, person) pairs are worth suggesting, and how much.

Candidates come from two places: every pair the lexical matcher found (`engine`), and,
for each article, the few people it is nearest to in meaning (`semantic`) though no
word is shared. Each candidate becomes a row of `features`, and the fitted `scorer`
gives its probability. This module decides and does nothing else: no store, no cache;
the service hands it the articles, the people, the lexical pairs, a source of vectors
and (optionally) where each article's nearest people are kept between runs, and keeps
what it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from givedesk.matching.engine import MatchKind, Ranked
from givedesk.matching.features import Evidence, feature_rows
from givedesk.matching.scorer import Scorer, probabilities_of
from givedesk.matching.semantic import (
    Neighbours,
    NeighbourStore,
    PeopleVectors,
    VectorSource,
    article_text,
    people_vectors,
    similarities,
    text_digest,
)
from givedesk.models import Article, Contact, MatchField

__all__ = ["NEAREST_PEOPLE", "Judged", "Phrase", "candidates", "judge"]

NEAREST_PEOPLE = 4
"""People per article taken as candidates on meaning alone: the scorer decides which
of them count, so this only bounds the work (a recall knob, not a weight)."""
ARTICLE_BLOCK = 512
"""Articles whose similarities to everyone are held at once."""


@dataclass(frozen=True)
class Phrase:
    """The person's phrase an article is nearest to."""

    field: MatchField
    term: str
    similarity: float
    position: int
    """Which of the person's phrases (in `semantic.person_texts` order)."""


@dataclass
class Judged:
    """A scored candidate: the lexical pair behind it (if any) and the nearest phrase."""

    article: Article
    contact: Contact
    probability: float
    logit: float
    """The scorer's log-odds: what orders pairs whose probabilities all round to 1."""
    kind: MatchKind
    lexical: Ranked | None
    phrase: Phrase | None
    person: int
    """The person's column in the `PeopleVectors` it was judged with."""

    @property
    def score(self) -> float:
        return round(100.0 * self.probability, 1)


def _nearest_phrase(people: PeopleVectors, person: int, article_vector: np.ndarray) -> Phrase | None:
    vectors = people.phrases[person]
    if not len(vectors):
        return None
    sims = vectors @ article_vector
    best = int(np.argmax(sims))
    field, term = people.texts[person].phrases[best]
    return Phrase(field, term, float(sims[best]), best)


def _semantic_kind(phrase: Phrase | None) -> MatchKind:
    return "need" if phrase is not None and phrase.field == "needs" else "interest"


def _neighbours(texts: Sequence[str], vectors: np.ndarray, people: PeopleVectors, nearest: int,
                kept_in: NeighbourStore | None) -> list[Neighbours]:
    """Each article's nearest people and means: from `kept_in` while the people are
    unchanged, else from its similarities to everyone (most of a cold run's work)."""
    digests = [text_digest(text) for text in texts]
    desk = f"{people.fingerprint}:{nearest}"
    kept = kept_in.load_neighbours(desk, digests) if kept_in is not None else {}
    missing = [row for row, key in enumerate(digests) if key not in kept]
    if missing:
        sims = similarities(vectors[missing], people)
        closeness = np.maximum(sims.topics_relative, sims.work_relative)
        top = np.argpartition(-closeness, nearest - 1, axis=1)[:, :nearest]
        fresh = {digests[row]: Neighbours(top[at].tolist(), float(sims.topics_mean[at, 0]),
                                          float(sims.work_mean[at, 0]))
                 for at, row in enumerate(missing)}
        if kept_in is not None:
            kept_in.save_neighbours(desk, fresh)
        kept.update(fresh)
    return [kept[key] for key in digests]


def candidates(
    articles: Sequence[Article],
    contacts: Sequence[Contact],
    lexical: Sequence[Ranked],
    source: VectorSource,
    *,
    people: PeopleVectors | None = None,
    neighbours: NeighbourStore | None = None,
) -> tuple[list[Judged], list[Evidence]]:
    """Every candidate pair (unscored) and its evidence, in the same order: what `judge`
    scores and what `fit_scorer.py` fits on."""
    if not articles or not contacts:
        return [], []
    people = people or people_vectors(contacts, source)
    column = {contact.id: index for index, contact in enumerate(contacts)}
    row_of = {article.id: index for index, article in enumerate(articles)}
    by_pair = {(pair.article.id, pair.contact.id): pair for pair in lexical
               if pair.article.id in row_of and pair.contact.id in column}
    evidence: list[Evidence] = []
    found: list[Judged] = []
    lexical_by_row: dict[int, list[int]] = {}
    for article_id, contact_id in by_pair:
        lexical_by_row.setdefault(row_of[article_id], []).append(column[contact_id])
    nearest = min(NEAREST_PEOPLE, len(contacts))
    for start in range(0, len(articles), ARTICLE_BLOCK):
        block = articles[start:start + ARTICLE_BLOCK]
        texts = [article_text(article) for article in block]
        vectors = source.matrix(texts)
        near = _neighbours(texts, vectors, people, nearest, neighbours)
        for offset, article in enumerate(block):
            row = start + offset
            means = near[offset]
            chosen = dict.fromkeys([*lexical_by_row.get(row, []), *means.nearest])
            for person in chosen:
                contact = contacts[person]
                pair = by_pair.get((article.id, contact.id))
                phrase = _nearest_phrase(people, person, vectors[offset])
                phrase_sim = phrase.similarity if phrase is not None else 0.0
                topics = float(people.topics[person] @ vectors[offset])
                work = float(people.work[person] @ vectors[offset])
                evidence.append(Evidence(
                    lexical=pair,
                    topics=topics,
                    topics_relative=topics - means.topics_mean if people.has_topics[person] else 0.0,
                    work=work,
                    work_relative=work - means.work_mean if people.has_work[person] else 0.0,
                    phrase=phrase_sim,
                    phrase_relative=phrase_sim - means.topics_mean if phrase is not None else 0.0,
                    has_topics=bool(people.has_topics[person]),
                    has_work=bool(people.has_work[person]),
                    local=article.local,
                ))
                found.append(Judged(
                    article=article, contact=contact, probability=0.0, logit=0.0,
                    kind=pair.kind if pair is not None else _semantic_kind(phrase),
                    lexical=pair, phrase=phrase, person=person,
                ))
    return found, evidence


def judge(
    articles: Sequence[Article],
    contacts: Sequence[Contact],
    lexical: Sequence[Ranked],
    source: VectorSource,
    scorer: Scorer,
    *,
    people: PeopleVectors | None = None,
    neighbours: NeighbourStore | None = None,
) -> list[Judged]:
    """Every candidate pair with its probability, best first (the caller applies the
    scorer's threshold and the day's allowances)."""
    found, evidence = candidates(articles, contacts, lexical, source, people=people,
                                 neighbours=neighbours)
    logits = scorer.logits(feature_rows(evidence))
    for judged, logit, probability in zip(found, logits.tolist(), probabilities_of(logits).tolist(),
                                          strict=True):
        judged.logit, judged.probability = logit, probability
    found.sort(key=_rank_key)
    return found


def _rank_key(judged: Judged) -> tuple[float, float, float, str, str, str, str]:
    """Best shown score first, then surest (log-odds to a tenth: closer than that is a
    tie), then newest, an undated article after every dated one of the same score, then
    by title and name (ids break the last ties)."""
    article = judged.article
    newest_first = -article.published.timestamp() if article.dated else 0.0
    surest = -round(judged.logit, 1) if judged.score < 100 else 0.0  # sure ones: newest first
    return (-judged.score, surest, newest_first, article.title, judged.contact.name, article.id,
            judged.contact.id)
