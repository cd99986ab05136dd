"""Meaning: how close an article is to a person, when the words differ.

A pest of apple trees is news for an orchard owner who typed "apple growing"; no word
is shared. Each person is read as three kinds of text: their topics (interests and
needs together), their work (role, company, what they offer) and each of their phrases
alone; each article as its title and summary. The embedding model (`embedding`) turns
each into a vector, and similarities are dot products.

Raw similarities drift with the text: a long, generic article is a little close to
everyone. So each is also taken relative to the article's mean over the people on the
desk: what stands out for this person is what counts (the fitted scorer weighs both).

Vectors are derived data, computed once per text: `VectorSource` hands them out by a
digest of the model and the text, from the match cache when it has them, and embeds
only the rest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from givedesk.matching.embedding import DIMENSIONS, MODEL, Vectors, embed
from givedesk.models import Article, Contact, MatchField

__all__ = [
    "ArticleSims",
    "MemoryVectors",
    "NeighbourStore",
    "Neighbours",
    "PersonTexts",
    "VectorSource",
    "article_text",
    "closest_sentence",
    "person_texts",
    "similarities",
    "text_digest",
]

FloatMatrix = npt.NDArray[np.float32]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(])")


def text_digest(text: str) -> str:
    return hashlib.blake2b(f"{MODEL}\0{text}".encode(), digest_size=12).hexdigest()


class VectorStore(Protocol):
    """Where vectors are kept between runs (the match cache, or memory)."""

    def load_vectors(self, digests: Sequence[str]) -> dict[str, Vectors]: ...

    def save_vectors(self, vectors: Mapping[str, Vectors]) -> None: ...


@dataclass(frozen=True)
class Neighbours:
    """What an article's similarities to everyone come to, kept so that a run with no
    new article or person does not compute them again: its nearest people (columns of
    `PeopleVectors`) and its blended means over topics and work."""

    nearest: list[int]
    topics_mean: float
    work_mean: float


class NeighbourStore(Protocol):
    """Where `Neighbours` are kept, by the people's fingerprint and the article's digest."""

    def load_neighbours(self, people: str, digests: Sequence[str]) -> dict[str, Neighbours]: ...

    def save_neighbours(self, people: str, neighbours: Mapping[str, Neighbours]) -> None: ...


class MemoryVectors:
    """Vectors kept for one process: labelled sets, tests, and the intros screen."""

    def __init__(self) -> None:
        self._kept: dict[str, Vectors] = {}

    def load_vectors(self, digests: Sequence[str]) -> dict[str, Vectors]:
        return {d: self._kept[d] for d in digests if d in self._kept}

    def save_vectors(self, vectors: Mapping[str, Vectors]) -> None:
        self._kept.update(vectors)


class VectorSource:
    """Vectors of texts, read from `store` when kept there and embedded otherwise;
    `embedded` counts the texts this source had to embed (the model was needed)."""

    def __init__(self, store: VectorStore) -> None:
        self.store = store
        self.embedded = 0

    def matrix(self, texts: Sequence[str]) -> FloatMatrix:
        """One row per text, in order."""
        digests = [text_digest(text) for text in texts]
        found = self.store.load_vectors(list(dict.fromkeys(digests)))
        missing = list(dict.fromkeys(t for t, d in zip(texts, digests, strict=True) if d not in found))
        if missing:
            # Kept at half precision (the cache's), so a fresh vector and a kept one
            # are the same numbers and a run's judgment never depends on which it had.
            made = embed(missing).astype(np.float16).astype(np.float32)
            fresh = {text_digest(text): made[row] for row, text in enumerate(missing)}
            self.store.save_vectors(fresh)
            found.update(fresh)
            self.embedded += len(missing)
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, key in enumerate(digests):
            out[row] = found[key]
        return out


def article_text(article: Article) -> str:
    return f"{article.title}. {article.summary}".strip()


@dataclass(frozen=True)
class PersonTexts:
    """The texts a person is read as; empty strings where they have nothing."""

    topics: str
    work: str
    phrases: tuple[tuple[MatchField, str], ...]
    """(field, phrase): each interest and need on its own."""


def person_texts(contact: Contact) -> PersonTexts:
    topics = "; ".join([*contact.interests, *contact.needs])
    at = f"{contact.role} at {contact.company}" if contact.role and contact.company else (
        contact.role or contact.company)
    work = "; ".join(part for part in (at, *contact.offers) if part)
    interests: list[tuple[MatchField, str]] = [("interests", t) for t in contact.interests if t.strip()]
    needs: list[tuple[MatchField, str]] = [("needs", t) for t in contact.needs if t.strip()]
    phrases = tuple(interests + needs)
    return PersonTexts(topics, work, phrases)


@dataclass(frozen=True)
class ArticleSims:
    """Similarities of a batch of articles (rows) to the people (columns)."""

    topics: FloatMatrix
    work: FloatMatrix
    topics_relative: FloatMatrix
    """`topics` less the article's mean over people who have topics (`topics_mean`)."""
    work_relative: FloatMatrix
    topics_mean: FloatMatrix
    """Each article's mean topics similarity, blended with a typical desk's (one column):
    what a person's nearest phrase is measured against too."""
    work_mean: FloatMatrix


SMALL_DESK = 5.0
"""People's worth of a typical desk blended into an article's mean: on a desk of one or
two, the mean over people is the person themselves and nothing would stand out."""
TYPICAL_TOPICS, TYPICAL_WORK = 0.05, 0.03
"""An article's mean similarity to people's topics and work, measured on the dev sets
(0.056 and 0.043 topics, 0.026 and 0.035 work, 2026-12-07)."""


def _mean(sims: FloatMatrix, present: npt.NDArray[np.bool_], typical: float) -> FloatMatrix:
    count = float(present.sum())
    total = sims[:, present].sum(axis=1, keepdims=True)
    mean: FloatMatrix = ((total + SMALL_DESK * typical) / (count + SMALL_DESK)).astype(np.float32)
    return mean


def _relative(sims: FloatMatrix, present: npt.NDArray[np.bool_], mean: FloatMatrix) -> FloatMatrix:
    if not present.any():
        return np.zeros_like(sims)
    out: FloatMatrix = (sims - mean).astype(np.float32)
    out[:, ~present] = 0.0
    return out


@dataclass(frozen=True)
class PeopleVectors:
    """Everyone's topic and work vectors, and each person's phrase vectors."""

    topics: FloatMatrix
    work: FloatMatrix
    has_topics: npt.NDArray[np.bool_]
    has_work: npt.NDArray[np.bool_]
    phrases: tuple[FloatMatrix, ...]
    texts: tuple[PersonTexts, ...]
    fingerprint: str
    """Of the model and every text in order: an article's neighbours hold while it does."""


def people_vectors(contacts: Sequence[Contact], source: VectorSource) -> PeopleVectors:
    texts = tuple(person_texts(contact) for contact in contacts)
    flat = [phrase for person in texts for _, phrase in person.phrases]
    every = source.matrix([*(t.topics for t in texts), *(t.work for t in texts), *flat])
    count = len(texts)
    phrases, at = [], 2 * count
    for person in texts:
        phrases.append(every[at:at + len(person.phrases)])
        at += len(person.phrases)
    return PeopleVectors(
        topics=every[:count], work=every[count:2 * count],
        has_topics=np.array([bool(t.topics) for t in texts], dtype=bool),
        has_work=np.array([bool(t.work) for t in texts], dtype=bool),
        phrases=tuple(phrases), texts=texts,
        fingerprint=text_digest(repr(texts)),
    )


def similarities(article_vectors: FloatMatrix, people: PeopleVectors) -> ArticleSims:
    topics = article_vectors @ people.topics.T
    work = article_vectors @ people.work.T
    topics_mean = _mean(topics, people.has_topics, TYPICAL_TOPICS)
    work_mean = _mean(work, people.has_work, TYPICAL_WORK)
    return ArticleSims(
        topics=topics, work=work,
        topics_relative=_relative(topics, people.has_topics, topics_mean),
        work_relative=_relative(work, people.has_work, work_mean),
        topics_mean=topics_mean, work_mean=work_mean,
    )


def sentences(article: Article) -> list[str]:
    """The title and each sentence of the summary: what a semantic reason quotes."""
    found = [article.title.strip()]
    found += [part.strip() for part in _SENTENCE_END.split(article.summary) if part.strip()]
    return [text for text in found if text]


def closest_sentence(article: Article, phrase_vector: Vectors, source: VectorSource) -> str:
    """The sentence of the article nearest in meaning to one of the person's phrases."""
    candidates = sentences(article)
    if not candidates:
        return ""
    scores = source.matrix(candidates) @ phrase_vector
    return candidates[int(np.argmax(scores))]


def phrase_sims(article_vector: Vectors, people: PeopleVectors, person: int) -> Iterable[float]:
    """Similarity of one article to each of one person's phrases (their order)."""
    vectors = people.phrases[person]
    return (vectors @ article_vector).tolist() if len(vectors) else []
