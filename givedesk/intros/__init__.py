"""Introductions: suggesting who should meet, and the double opt-in that makes it happen."""

from givedesk.intros.messages import MESSAGE_FOR_STATUS, draft_intro_step
from givedesk.intros.suggest import (
    IntroReason,
    IntroSuggestion,
    dismiss_suggestion,
    explain_pair,
    pair_key,
    rank_pairs,
    snooze_suggestion,
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
