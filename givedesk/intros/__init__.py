"""Introductions: suggesting who should meet, and the double opt-in that makes it happen.

Each name is imported from its module on first use (PEP 562), so a command loads only
what it uses: `intros list`, `advance` or `decline` need the workflow, not the lexicon
and the ranking of `suggest`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from givedesk.intros.messages import MESSAGE_FOR_STATUS, draft_intro_step
    from givedesk.intros.states import dismiss_suggestion, pair_key, snooze_suggestion
    from givedesk.intros.suggest import (
        IntroReason,
        IntroSuggestion,
        explain_pair,
        rank_pairs,
        suggest_intros,
    )
    from givedesk.intros.workflow import (
        NEXT_STATUS,
        STATUS_LABELS,
        IntroProgress,
        advance_intro,
        decline_intro,
        get_intro,
        intro_people,
        intro_progress,
        is_open,
        next_action,
        propose_intro,
    )

_MODULES = {
    "messages": ("MESSAGE_FOR_STATUS", "draft_intro_step"),
    "states": ("dismiss_suggestion", "pair_key", "snooze_suggestion"),
    "suggest": ("IntroReason", "IntroSuggestion", "explain_pair", "rank_pairs", "suggest_intros"),
    "workflow": ("NEXT_STATUS", "STATUS_LABELS", "IntroProgress", "advance_intro", "decline_intro",
                 "get_intro", "intro_people", "intro_progress", "is_open", "next_action",
                 "propose_intro"),
}
_MODULE_OF = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "MESSAGE_FOR_STATUS",
    "NEXT_STATUS",
    "STATUS_LABELS",
    "IntroProgress",
    "IntroReason",
    "IntroSuggestion",
    "advance_intro",
    "decline_intro",
    "dismiss_suggestion",
    "draft_intro_step",
    "explain_pair",
    "get_intro",
    "intro_people",
    "intro_progress",
    "is_open",
    "next_action",
    "pair_key",
    "propose_intro",
    "rank_pairs",
    "snooze_suggestion",
    "suggest_intros",
]


def __getattr__(name: str) -> object:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value  # found directly from now on
    return value
