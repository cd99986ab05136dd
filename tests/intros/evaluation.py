"""Scoring a suggester against the labelled introductions in tests/intros/data/.

Two desks written by hand before the suggester was changed: `dev` (tuned on) and
`heldout` (only scored). Each lists people, the pairs a thoughtful person would make,
pairs that are acceptable but not expected ("ok": neither right nor wrong), and traps:
pairs that share words (touring musicians, boat tours) whose needs must never be met
by each other.

* precision@5: for each person in a labelled pair, their five best suggested
  partners; the share of those (ok pairs left out) that are labelled pairs.
* recall: the share of labelled pairs suggested at all (above the threshold).
* traps: trap pairs suggested with a need as a reason.

Shared by tests/intros/test_quality.py (floors) and benchmarks/bench_intros.py
(figures, side by side with the old suggester).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from givedesk.models import Contact

DATA = Path(__file__).parent / "data"
SPLITS = ("dev", "heldout")
TOP = 5


class _Reason(Protocol):
    @property
    def a_field(self) -> str: ...
    @property
    def b_field(self) -> str: ...


class _Suggestion(Protocol):
    @property
    def a(self) -> Contact: ...
    @property
    def b(self) -> Contact: ...
    @property
    def reasons(self) -> Sequence[_Reason]: ...


Ranker = Callable[[list[Contact]], Sequence[_Suggestion]]
Pair = frozenset[str]


@dataclass(frozen=True)
class LabelledDesk:
    people: list[Contact]
    pairs: set[Pair]
    ok: set[Pair]
    traps: set[Pair]


def load(split: str) -> LabelledDesk:
    raw = json.loads((DATA / f"intros_{split}.json").read_text(encoding="utf-8"))
    people = [
        Contact(name=p["name"], company=p["company"], role=p["role"], tags=[p["field"]],
                needs=p["needs"], offers=p["offers"], interests=p["interests"],
                email=f"{p['name'].split()[0].casefold()}@example.com")
        for p in raw["people"]
    ]

    def pairs(key: str) -> set[Pair]:
        return {frozenset(row[:2]) for row in raw[key]}

    return LabelledDesk(people, pairs("pairs"), pairs("ok"), pairs("traps"))


@dataclass(frozen=True)
class Quality:
    precision_at_5: float
    recall: float
    suggested: int
    traps: list[Pair]
    wrong_at_5: list[Pair]
    missed: list[Pair]

    def line(self) -> str:
        return (f"precision@5 {self.precision_at_5:.2f}  recall {self.recall:.2f}  "
                f"({self.suggested} pairs suggested, {len(self.traps)} traps)")


def evaluate(rank: Ranker, desk: LabelledDesk) -> Quality:
    ranked = rank(desk.people)
    suggested: list[Pair] = []
    by_person: dict[str, list[Pair]] = defaultdict(list)
    traps: list[Pair] = []
    for suggestion in ranked:
        pair = frozenset((suggestion.a.name, suggestion.b.name))
        suggested.append(pair)
        for name in pair:
            by_person[name].append(pair)
        if pair in desk.traps and any("needs" in (r.a_field, r.b_field) for r in suggestion.reasons):
            traps.append(pair)
    labelled_people = {name for pair in desk.pairs for name in pair}
    right = judged = 0
    wrong: set[Pair] = set()
    for name in labelled_people:
        for pair in by_person[name][:TOP]:
            if pair in desk.ok:
                continue
            judged += 1
            if pair in desk.pairs:
                right += 1
            else:
                wrong.add(pair)
    found = desk.pairs & set(suggested)
    return Quality(
        precision_at_5=right / judged if judged else 0.0,
        recall=len(found) / len(desk.pairs),
        suggested=len(suggested),
        traps=traps,
        wrong_at_5=sorted(wrong, key=sorted),
        missed=sorted(desk.pairs - found, key=sorted),
    )
