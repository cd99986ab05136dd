"""The fitted scorer: a logistic regression over `features.FEATURES`.

Its weights, the threshold chosen with them and a record of what they were fitted on
live in `scorer.json` beside this file, written by `benchmarks/fit_scorer.py` from the
project's dev sets; nothing here is tuned by hand. A pair's score is the model's
probability that the person would want the article, shown as 0-100.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from givedesk.errors import UserError
from givedesk.matching.features import FEATURES

__all__ = ["BUNDLED_SCORER", "Scorer", "bundled_scorer", "probabilities_of"]

BUNDLED_SCORER = Path(__file__).with_name("scorer.json")


def probabilities_of(logits: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The logistic function, clipped so no log-odds overflows."""
    result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(logits, -40, 40)))
    return result


@dataclass(frozen=True)
class Scorer:
    weights: npt.NDArray[np.float64]
    bias: float
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    """Columns are standardised with the dev data's mean and spread before weighing."""
    threshold: float
    """The probability at which a pair is suggested (chosen on dev for the best F1)."""
    fitted_on: dict[str, Any]

    def logits(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The model's log-odds: unbounded, so they still order pairs it is sure of."""
        if not len(rows):
            return np.zeros(0)
        known = np.where(np.isnan(rows), self.mean, rows)  # a missing text weighs nothing
        result: npt.NDArray[np.float64] = ((known - self.mean) / self.scale) @ self.weights + self.bias
        return result

    def probabilities(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return probabilities_of(self.logits(rows))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "weights": dict(zip(FEATURES, self.weights.round(6).tolist(), strict=True)),
            "bias": round(self.bias, 6),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "threshold": round(self.threshold, 4),
            "fitted_on": self.fitted_on,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], where: Path) -> Scorer:
        if data.get("features") != list(FEATURES):
            raise UserError(f"{where}: fitted on other features than this givedesk's; "
                            "refit it with benchmarks/fit_scorer.py")
        return cls(
            weights=np.array([data["weights"][name] for name in FEATURES], dtype=np.float64),
            bias=float(data["bias"]), mean=np.array(data["mean"], dtype=np.float64),
            scale=np.array(data["scale"], dtype=np.float64), threshold=float(data["threshold"]),
            fitted_on=dict(data.get("fitted_on", {})),
        )


@cache
def bundled_scorer() -> Scorer:
    try:
        data = json.loads(BUNDLED_SCORER.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(f"cannot read the scorer {BUNDLED_SCORER}: {error}") from error
    return Scorer.from_json(data, BUNDLED_SCORER)
