"""The one module that knows which sentence-embedding model the desk uses.

The model is WordLlama's `l2_supercat` at 256 dimensions: a static table of token
vectors (16 MB) that ships inside the `wordllama` wheel, so meaning works offline right
after `pip install`, with nothing downloaded. A text's vector is the mean of its tokens'
vectors, normalised: thousands of articles a second on one core. Everything else in the
desk asks this module for vectors and never imports the model's package, so the model
can be swapped here alone (`MODEL` is part of every cached vector's key).

`WordLlama.load()` looks for the bundled tokenizer in a folder the wheel does not have
when it may not download; pointing `cache_dir` at the package's own folder with downloads
disabled is what loads it offline.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["DIMENSIONS", "MODEL", "Vectors", "embed", "is_common_word"]

MODEL = "wordllama-0.4.0/l2_supercat/256/casefolded"
"""Which model made a vector: part of its cache key, so a new model recomputes them."""
DIMENSIONS = 256

Vectors = npt.NDArray[np.float32]
"""One unit-length row per text."""

_lock = threading.Lock()
_model: Any = None


def _loaded() -> Any:
    global _model
    with _lock:
        if _model is None:
            import wordllama

            _model = wordllama.WordLlama.load(
                config="l2_supercat", dim=DIMENSIONS,
                cache_dir=Path(wordllama.__file__).parent, disable_download=True,
            )
        return _model


def embed(texts: list[str]) -> Vectors:
    """Unit vectors of `texts` (a text with no token gets a zero vector)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # Its tokens keep capitals: a headline's "Sailing" would be another word than a
    # person's "sailing" (similarity 0.24 where the lower-cased texts give 0.51).
    folded = [text.casefold() for text in texts]
    raw = np.asarray(_loaded().embed(folded, norm=False), dtype=np.float32)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    unit: Vectors = np.divide(raw, norms, out=np.zeros_like(raw), where=norms > 0)
    return unit


def is_common_word(word: str) -> bool:
    """Whether `word` written in lower case is one token of the model's vocabulary.

    The vocabulary is the 32,000 word pieces its tokenizer found most frequent in a
    large corpus: "anchor", "target", "shell" and "ups" are whole tokens of it, while
    "Northwind" or "Okafor" are spelled out in pieces. It is the word statistic that
    ships with the model, so telling a common word from a name needs no other data.
    """
    pieces = _loaded().tokenizer.encode(word.strip().lower(), add_special_tokens=False).ids
    return len(pieces) == 1
