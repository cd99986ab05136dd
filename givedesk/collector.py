"""Pausing CPython's cycle collector around allocation-heavy pure work.

Matching a desk and ranking introductions allocate hundreds of thousands of small
objects and make no reference cycles; the collector would walk the whole growing heap
over and over (a third of the time or more on a large desk). Its own module, so that
introductions can use it without loading the matching engine and numpy.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` with the cycle collector off. Reference counting still frees
    everything; the collector resumes once `function` has returned and its scratch data
    is gone, so the one catch-up collection walks only what the result keeps."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused
