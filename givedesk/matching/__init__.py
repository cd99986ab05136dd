"""Matching articles to the people they would help, with reasons.

`text` finds one term in one text (`find_term`, also used for leads and intros);
`engine` matches a whole desk and ranks the pairs (pure); `service` keeps the
incremental cache in the store and applies the user's decisions and feedback.
"""

from givedesk.matching.engine import Match, Reason, match_to_json
from givedesk.matching.service import (
    dismiss_match,
    set_match_status,
    snooze_match,
    todays_matches,
)
from givedesk.matching.text import TermHit, find_term

__all__ = [
    "Match",
    "Reason",
    "TermHit",
    "dismiss_match",
    "find_term",
    "match_to_json",
    "set_match_status",
    "snooze_match",
    "todays_matches",
]
