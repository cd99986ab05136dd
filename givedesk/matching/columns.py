"""Found pairs in columns: the match cache's new pairs bounded and encoded with numpy.

Why: 100 new articles at 10,000 people make about 30,000 pairs, nearly all of one hit
each, from fewer than 200 distinct terms (interests and needs many people share).
Building a `MatchHit` per hit and bounding and encoding each pair in Python cost a
third of a second; here a term's matches are multiplied by its owners as arrays, and
a pair costs a slice of one buffer.

The bound is `_score_pair`'s strength with no age penalty, at most, whatever the
context rules decide, found without reading the article (the cache scores exactly
only the pairs whose bound can reach the day):

* a hit on the person's own term is worth its exact value, times their feedback
  factor for it: the context rules can only reject it;
* a related, alias or role hit stands for one of the person's terms in the hit's
  field, weighted at most 1 and by at most `most`, their largest feedback factor;
* a pair's distinct origins are at most its distinct (field, casefolded term) hits,
  so its extra-term bonus is at most theirs;
* a muted topic's hit makes the pair None, exactly as `_score_pair` does.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cached_property
from typing import Any, get_args

import msgspec
import numpy as np
import numpy.typing as npt

from givedesk.config import MatchingConfig
from givedesk.matching.engine import MAX_EXTRA_TERMS, SlotKey, kind_bonus
from givedesk.matching.text import CompiledTerm, Found, TermStyle, compile_term
from givedesk.matching.words import WordMode
from givedesk.models import MatchField

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
FlagArray = npt.NDArray[np.bool_]
Searched = tuple[MatchField, str, TermStyle]
"""A searched term: field, text, how it is read (`engine.searched_terms`)."""
Label = tuple[MatchField, str]
"""A hit's field and term."""

HIT_RECORD = np.dtype([("number", "<i4"), ("similarity", "<f8"), ("in_title", "u1"),
                       ("first", "<i4"), ("last", "<i4")])
"""A cached hit: its (field, term) as its number among the person's searched terms,
then similarity, whether in the title, first and last word. A pair's hits are these
records end to end, so a batch's are sliced from one buffer."""


def _first_numbers(searched: Sequence[Searched]) -> dict[Label, tuple[int, bool]]:
    """(field, term) -> its number among the person's searched terms, and whether it is
    their own term: the first of equal ones counts, as the context rules see it."""
    found: dict[Label, tuple[int, bool]] = {}
    for number, (name, term, style) in enumerate(searched):
        found.setdefault((name, term), (number, style != "related"))
    return found


FIELDS: tuple[MatchField, ...] = get_args(MatchField)
"""A hit's field by its code in `TermIndex.fields`."""
FIELD_CODES = {name: code for code, name in enumerate(FIELDS)}


class _StoredIndex(msgspec.Struct, array_like=True):
    """A `TermIndex` as the match cache keeps it: its arrays as their bytes."""

    keys: list[tuple[TermStyle, str]]
    slots: list[tuple[str, WordMode]]
    arrays: list[bytes]


_stored_decoder = msgspec.msgpack.Decoder(_StoredIndex)
_ARRAYS = (("slot_starts", np.int64), ("slot_terms", np.int64), ("starts", np.int64),
           ("contacts", np.int64), ("fields", np.uint8), ("numbers", np.int64),
           ("own", np.bool_))


@dataclass
class TermIndex:
    """Each distinct (style, term) searched for a group of people (`engine.SearchTerms`),
    with the words it looks for and its owners as arrays: term i's owners are at
    `starts[i]:starts[i + 1]`, the terms looking for slot j at
    `slot_terms[slot_starts[j]:slot_starts[j + 1]]`.

    Why keep it (the match cache does, while its people and lexicon are unchanged):
    gathering 10,000 people's 75,000 searched terms and compiling the 26,000 distinct
    ones cost a run with new articles more than searching them; read back, only the
    terms the new articles' words can match are compiled."""

    keys: list[tuple[TermStyle, str]]
    stop_words: frozenset[str]
    slot_keys: list[SlotKey]
    slot_starts: IntArray
    slot_terms: IntArray
    starts: IntArray
    contacts: IntArray
    """Each owner's contact number in the cache."""
    fields: npt.NDArray[np.uint8]
    """Each owner's field, by `FIELD_CODES`."""
    numbers: IntArray
    """The term's number among its owner's searched terms (`_first_numbers`)."""
    own: FlagArray

    @classmethod
    def of(cls, searched: Iterable[tuple[int, Sequence[Searched]]],
           stop_words: frozenset[str]) -> TermIndex:
        """From (contact number, their searched terms), in `engine.distinct_terms`'s
        order; terms that can never match are left out, as it leaves them."""
        owners: dict[tuple[TermStyle, str], list[tuple[int, int, int, bool]]] = {}
        for contact, terms in searched:
            first = _first_numbers(terms)
            for name, text, style in terms:
                owners.setdefault((style, text), []).append(
                    (contact, FIELD_CODES[name], *first[(name, text)]))
        compiled = [(key, compile_term(key[1], key[0], stop_words)) for key in owners]
        kept = [(key, term) for key, term in compiled if term.patterns]
        slot_positions: dict[SlotKey, int] = {}
        incidences = sorted((slot_positions.setdefault(slot, len(slot_positions)), position)
                            for position, (_, term) in enumerate(kept) for slot in term.slots)
        rows = [row for key, _ in kept for row in owners[key]]
        columns = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
        return cls(
            keys=[key for key, _ in kept], stop_words=stop_words,
            slot_keys=list(slot_positions),
            slot_starts=_starts([slot for slot, _ in incidences], len(slot_positions)),
            slot_terms=np.array([position for _, position in incidences], dtype=np.int64),
            starts=_starts([at for at, (key, _) in enumerate(kept) for _ in owners[key]],
                           len(kept)),
            contacts=np.array(columns[0], dtype=np.int64),
            fields=np.array(columns[1], dtype=np.uint8),
            numbers=np.array(columns[2], dtype=np.int64),
            own=np.array(columns[3], dtype=np.bool_),
        )

    def encode(self) -> bytes:
        return msgspec.msgpack.encode(_StoredIndex(
            self.keys, self.slot_keys, [getattr(self, name).tobytes() for name, _ in _ARRAYS]))

    @classmethod
    def decode(cls, blob: bytes, stop_words: frozenset[str]) -> TermIndex:
        stored = _stored_decoder.decode(blob)
        arrays: dict[str, Any] = {
            name: np.frombuffer(data, dtype=dtype)
            for (name, dtype), data in zip(_ARRAYS, stored.arrays, strict=True)}
        return cls(keys=stored.keys, stop_words=stop_words, slot_keys=stored.slots, **arrays)

    @cached_property
    def _slot_positions(self) -> dict[SlotKey, int]:
        return {slot: position for position, slot in enumerate(self.slot_keys)}

    @property
    def slots(self) -> Set[SlotKey]:
        return self._slot_positions.keys()

    def candidates(self, found: Set[SlotKey]) -> Iterable[int]:
        slots = self._slot_positions
        wanted = [slots[slot] for slot in found if slot in slots]
        if not wanted:
            return []
        starts, ends = self.slot_starts[wanted], self.slot_starts[np.array(wanted) + 1]
        every = np.concatenate([self.slot_terms[start:end]
                                for start, end in zip(starts.tolist(), ends.tolist(), strict=True)])
        positions: list[int] = np.unique(every).tolist()
        return positions

    def compiled(self, position: int) -> CompiledTerm:
        style, text = self.keys[position]
        return compile_term(text, style, self.stop_words)


def _starts(groups: Sequence[int], count: int) -> IntArray:
    """Where each of `count` groups starts in a list sorted by group, and its end."""
    return np.concatenate([[0], np.cumsum(np.bincount(np.array(groups, dtype=np.int64),
                                                      minlength=count))]).astype(np.int64)


@dataclass
class HitColumns:
    """Hits of many pairs, one entry per hit; `label` indexes `labels`."""

    articles: IntArray
    contacts: IntArray
    label: IntArray
    labels: list[Label]
    numbers: IntArray
    own: FlagArray
    similarity: FloatArray
    in_title: FlagArray
    first: IntArray
    last: IntArray
    local: FlagArray
    """Whether the hit's article is local news."""

    @classmethod
    def found(cls, matches: Iterable[tuple[int, Mapping[int, Found]]], index: TermIndex,
              article_nums: Sequence[int], local: Sequence[bool]) -> HitColumns:
        """From `engine.term_matches` on articles numbered `article_nums`: each match
        once per owner of its term, in the order `engine.hits_in` makes them."""
        positions, texts, similarity, first, last = [], [], [], [], []
        for position, found in matches:
            for text, where in found.items():
                positions.append(position)
                texts.append(text)
                similarity.append(round(where.similarity, 1))
                first.append(where.first)
                last.append(where.last)
        term = np.array(positions, dtype=np.int64)
        counts = index.starts[term + 1] - index.starts[term]
        match = np.repeat(np.arange(len(term)), counts)
        owner = index.starts[term][match] + np.arange(int(counts.sum())) - np.repeat(
            np.cumsum(counts) - counts, counts)
        source = np.array(texts, dtype=np.int64)[match]
        combined = term[match] * len(FIELDS) + index.fields[owner]
        named, label = np.unique(combined, return_inverse=True)
        labels = [(FIELDS[code % len(FIELDS)], index.keys[code // len(FIELDS)][1])
                  for code in named.tolist()]
        return cls(
            articles=np.array(article_nums, dtype=np.int64)[source // 2],
            contacts=index.contacts[owner], label=label.astype(np.int64), labels=labels,
            numbers=index.numbers[owner], own=index.own[owner],
            similarity=np.array(similarity, dtype=np.float64)[match],
            in_title=source % 2 == 0,
            first=np.array(first, dtype=np.int64)[match],
            last=np.array(last, dtype=np.int64)[match],
            local=np.array(local, dtype=np.bool_)[source // 2],
        )

    @classmethod
    def cached(cls, rows: Iterable[tuple[int, int, bytes, bool]],
               searched_of: Mapping[int, Sequence[Searched]]) -> HitColumns:
        """From cached pairs: (article number, contact number, encoded hits, whether the
        article is local news); `searched_of[contact number]` their searched terms."""
        parts: list[np.ndarray] = []
        articles: list[int] = []
        contacts: list[int] = []
        local_flags: list[bool] = []
        names: list[Label] = []
        own: list[bool] = []
        for article, contact, blob, local in rows:
            records = np.frombuffer(blob, dtype=HIT_RECORD)
            searched = searched_of[contact]
            parts.append(records)
            articles += [article] * len(records)
            contacts += [contact] * len(records)
            local_flags += [local] * len(records)
            for number in records["number"].tolist():
                name, term, style = searched[number]
                names.append((name, term))
                own.append(style != "related")
        records = np.concatenate(parts) if parts else np.zeros(0, dtype=HIT_RECORD)
        label, labels = _labelled(names)
        return cls(
            articles=np.array(articles, dtype=np.int64),
            contacts=np.array(contacts, dtype=np.int64), label=label, labels=labels,
            numbers=records["number"].astype(np.int64), own=np.array(own, dtype=np.bool_),
            similarity=records["similarity"].astype(np.float64),
            in_title=records["in_title"].astype(np.bool_),
            first=records["first"].astype(np.int64), last=records["last"].astype(np.int64),
            local=np.array(local_flags, dtype=np.bool_),
        )


def _labelled(names: Sequence[Label]) -> tuple[IntArray, list[Label]]:
    """Each name's position among the distinct names, and those."""
    positions: dict[Label, int] = {}
    label = np.fromiter((positions.setdefault(name, len(positions)) for name in names),
                        dtype=np.int64, count=len(names))
    return label, list(positions)


@dataclass
class BoundPairs:
    """Pairs in (article, contact) order: their bound (-inf when muted), whether muted
    (exactly None, so the bound is exact), and their hits encoded in the order
    `cache.hit_order` gives."""

    articles: IntArray
    contacts: IntArray
    bounds: FloatArray
    muted: FlagArray
    blobs: list[bytes]

    def rows(self) -> Iterable[tuple[int, int, float | None, bool, bytes]]:
        """As `pairs` rows: article, contact, base (a bound; None when muted), exact."""
        muted = self.muted.tolist()
        return zip(self.articles.tolist(), self.contacts.tolist(),
                   [None if gone else bound
                    for gone, bound in zip(muted, self.bounds.tolist(), strict=True)],
                   muted, self.blobs, strict=True)


def bound_pairs(hits: HitColumns, config: MatchingConfig,
                factor_of: Mapping[tuple[int, str], float], most: FloatArray) -> BoundPairs:
    """The hits grouped into pairs and bounded (module docstring). `factor_of[(contact
    number, casefolded own term)]`: the feedback factors; `most[contact number]`: each
    person's largest one, at least 1."""
    if not len(hits.articles):
        nothing = np.zeros(0, dtype=np.int64)
        return BoundPairs(nothing, nothing, np.zeros(0, dtype=np.float64),
                          np.zeros(0, dtype=np.bool_), [])
    labels = hits.labels
    ranks = np.empty(len(labels), dtype=np.int64)
    ranks[sorted(range(len(labels)), key=labels.__getitem__)] = np.arange(len(labels))
    folded, keys = _labelled([(name, term.casefold()) for name, term in labels])
    bonus = np.array([kind_bonus(name, False, config) for name, _ in labels])
    local_bonus = np.array([kind_bonus(name, True, config) for name, _ in labels])
    muted_label = np.array([name == "muted_topics" for name, _ in labels])

    # hit_order within a pair: field, term, in_title, first word; ties keep the
    # order the hits were found in, as the stable sort of `hit_order` does.
    order = np.lexsort((hits.first, hits.in_title, ranks[hits.label], hits.contacts,
                        hits.articles))
    articles, contacts, label = hits.articles[order], hits.contacts[order], hits.label[order]
    starts = np.flatnonzero(np.r_[True, (articles[1:] != articles[:-1])
                                  | (contacts[1:] != contacts[:-1])])

    similarity, own = hits.similarity[order], hits.own[order]
    scaled = similarity * np.where(hits.in_title[order], config.title_weight,
                                   config.summary_weight)
    factor = np.ones(len(order))
    if factor_of:
        for at in np.flatnonzero(own).tolist():
            factor[at] = factor_of.get((int(contacts[at]), labels[label[at]][1].casefold()), 1.0)
    value = np.where(own, scaled * factor, np.where(scaled > 0, scaled * most[contacts], 0.0))
    value = value + np.where(hits.local[order], local_bonus[label], bonus[label])
    best = np.maximum.reduceat(value, starts)

    pair = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(order)]))
    distinct = np.unique(pair * len(keys) + folded[label]) // len(keys)
    extra = np.minimum(np.bincount(distinct, minlength=len(starts)) - 1, MAX_EXTRA_TERMS)
    bounds = best + max(config.extra_term_bonus, 0.0) * extra
    muted = np.logical_or.reduceat(muted_label[label], starts)
    bounds[muted] = -np.inf

    records = np.empty(len(order), dtype=HIT_RECORD)
    records["number"] = hits.numbers[order]
    records["similarity"] = similarity
    records["in_title"] = hits.in_title[order]
    records["first"] = hits.first[order]
    records["last"] = hits.last[order]
    buffer, size = records.tobytes(), HIT_RECORD.itemsize
    edges = (np.r_[starts, len(order)] * size).tolist()
    return BoundPairs(articles[starts], contacts[starts], bounds, muted,
                      [buffer[start:end] for start, end in itertools.pairwise(edges)])


def decode_hits(blob: bytes) -> list[tuple[int, float, bool, int, int]]:
    """A pair's encoded hits: (number, similarity, in_title, first, last)."""
    return [(number, similarity, bool(in_title), first, last)
            for number, similarity, in_title, first, last
            in np.frombuffer(blob, dtype=HIT_RECORD).tolist()]
