"""The labelled evaluation set, and the two matchers measured on it.

Shared by `test_quality.py` (which asserts the figures) and
`benchmarks/bench_matching.py` (which prints them). A prediction is an (article id,
contact id) pair scoring at least the threshold; the per-contact daily cap is left
out because it is a display policy, not a judgement of relevance.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import msgspec
from rapidfuzz import fuzz, utils

from givedesk.config import MatchingConfig
from givedesk.matching.engine import Ranked, find_hits, rank, stop_words_for
from givedesk.matching.judged import Judged, judge
from givedesk.matching.scorer import bundled_scorer
from givedesk.matching.semantic import MemoryVectors, VectorSource
from givedesk.models import Article, Contact

EVAL_SET = Path(__file__).with_name("eval_set.json")
"""The first set (20 contacts, 131 articles): the one the matcher was first tuned on."""
EVAL_SET_2 = Path(__file__).with_name("eval_set_2.json")
"""The second, larger set (33 contacts, 218 articles) of issue #10, split into a "dev"
part (tuned on) and a "heldout" part (only scored), the split fixed before tuning."""
NAIVE_THRESHOLD = 80.0
"""The naive matcher: rapidfuzz `partial_ratio` of a term against the text, at 80."""

Pair = tuple[str, str]
"""(article id, contact id)"""


@dataclass(frozen=True)
class EvalSet:
    contacts: list[Contact]
    articles: list[Article]
    gold: dict[Pair, str]
    """Every pair that should be suggested, with its kind."""
    now: datetime


def load_eval_set(path: Path = EVAL_SET, split: str | None = None) -> EvalSet:
    """The set at `path`; with `split`, only its articles of that split ("dev" or
    "heldout"), every contact kept."""
    data = json.loads(path.read_text(encoding="utf-8"))
    now = datetime.fromisoformat(data["now"])
    contacts = [
        Contact(
            id=c["id"], name=c["name"], company=c["company"], role=c.get("role", ""),
            interests=c["interests"],
            needs=c["needs"], muted_topics=c.get("muted_topics", []),
        )
        for c in data["contacts"]
    ]
    articles = [
        Article(
            id=a["id"], title=a["title"], summary=a["summary"], feed_id="eval",
            local=a.get("local", False), published=now - timedelta(days=a["age_days"]),
        )
        for a in data["articles"]
        if split is None or a["split"] == split
    ]
    kept = {article.id for article in articles}
    gold = {
        (a["id"], e["contact"]): e["kind"]
        for a in data["articles"]
        if a["id"] in kept
        for e in a["expect"]
    }
    return EvalSet(contacts, articles, gold, now)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    false_positives: list[Pair] = field(default_factory=list)
    false_negatives: list[Pair] = field(default_factory=list)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def describe(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def measure(predicted: set[Pair], gold: set[Pair]) -> Scores:
    hits = len(predicted & gold)
    return Scores(
        precision=hits / len(predicted) if predicted else 0.0,
        recall=hits / len(gold) if gold else 0.0,
        false_positives=sorted(predicted - gold),
        false_negatives=sorted(gold - predicted),
    )


def givedesk_predictions(data: EvalSet, config: MatchingConfig | None = None) -> dict[Pair, str]:
    """The pairs givedesk suggests, with their kinds."""
    config = config or MatchingConfig()
    hits = find_hits(data.articles, data.contacts, stop_words_for(config))
    people = {contact.id: contact for contact in data.contacts}
    ranked = rank(hits, data.articles, people, now=data.now, config=config)
    return {(pair.article.id, pair.contact.id): pair.kind for pair in ranked}


def naive_predictions(data: EvalSet) -> set[Pair]:
    """Every pair where some interest, need, company or name has a `partial_ratio` of
    at least 80 against the title and summary (lower-cased, as `default_process` does)."""
    predicted = set()
    for article in data.articles:
        text = f"{article.title} {article.summary}"
        for contact in data.contacts:
            terms = [*contact.interests, *contact.needs, contact.company, contact.name]
            if any(
                fuzz.partial_ratio(term, text, processor=utils.default_process) >= NAIVE_THRESHOLD
                for term in terms
                if term
            ):
                predicted.add((article.id, contact.id))
    return predicted


def lexical_pairs(data: EvalSet, config: MatchingConfig | None = None) -> list[Ranked]:
    """Every pair the lexical matcher finds, whatever its score: the fitted scorer's
    candidates (it, not the lexical threshold, decides which count)."""
    config = config or MatchingConfig()
    every = msgspec.structs.replace(config, threshold=-1000.0, max_age_days=100_000)
    hits = find_hits(data.articles, data.contacts, stop_words_for(every))
    people = {contact.id: contact for contact in data.contacts}
    return rank(hits, data.articles, people, now=data.now, config=every)


def judged_pairs(data: EvalSet, source: VectorSource | None = None) -> list[Judged]:
    """Every candidate of the set with the bundled scorer's probability."""
    source = source or VectorSource(MemoryVectors())
    return judge(data.articles, data.contacts, lexical_pairs(data), source, bundled_scorer())


def fitted_predictions(data: EvalSet, threshold: float | None = None) -> dict[Pair, str]:
    """The pairs the fitted scorer suggests (at its own threshold unless given)."""
    cut = bundled_scorer().threshold if threshold is None else threshold
    return {(j.article.id, j.contact.id): j.kind for j in judged_pairs(data) if j.probability >= cut}
