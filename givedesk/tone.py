"""A story's tone: good news (an occasion to congratulate), bad news (never cheerful),
or neither.

A layoff, an outage, a lawsuit, a fine, a death, a poor inspection, a recall or a
bankruptcy is not something to write "Congrats" about, nor to share brightly: Today
says "Heads-up" for it, or leaves it out. The rule is two word lists, so it can be
explained in one sentence: the headline decides (bad words win over good ones, since
mistaking bad news for good is the costly error); a headline with neither takes the
tone of the summary's first sentence. `tests/day_one/tone_stories.py` is the labelled
list it is measured on.
"""

from __future__ import annotations

import re
from typing import Literal

from givedesk.models import Article

Tone = Literal["good", "bad", "neutral"]

BAD_NEWS_WORDS = re.compile(
    r"\b(lay(s|ing)? off|laid off|layoffs?|job cuts|cuts? \d[\d,]* jobs|redundanc(y|ies)|"
    r"outages?|went down|downtime|lawsuits?|sues?|sued|suing|class action|"
    r"fined?|fines|penalt(y|ies)|dies|died|death|deaths|dead|killed|obituary|"
    r"recalls?|recalled|bankrupt(cy)?|insolven(t|cy)|administration|liquidation|"
    r"closes|closed|closure|shuts?|shutting|shut down|breach(es)?|hacked|ransomware|"
    r"cyberattack|scandal|fraud|charged|arrested|investigation|probe|inadequate|"
    r"special measures|fail(s|ed|ing)? (an? )?(hygiene |safety )?inspection|"
    r"strikes?|walkout|crash(es|ed)?|injur(y|ies|ed)|fire destroys|blaze|"
    r"losses|record loss|plunges?|slumps?|profit warning|downgraded?|halts?|"
    r"cancels?|cancell?ed|apologi[sz]es|polluting|pollution|accused|accuses)\b",
    re.IGNORECASE,
)
"""Words that make a story bad news for the people it names."""
GOOD_NEWS_WORDS = re.compile(
    r"\b(wins?|won|awards?|awarded|celebrates?|celebrating|opens?|opening|launch(es|ed)?|"
    r"marks?|anniversary|milestone|honou?red|honou?rs|named|promoted|promotes|expands?|"
    r"expansion|adds|raises?|record|approves?|approved|grants?|welcomes?|graduates?|joins|"
    r"breaks ground|completes?|finalists?|recogni[sz]ed|outstanding|accepted|takes gold|"
    r"gold|best)\b",
    re.IGNORECASE,
)
"""Words that make a headline good news about the people it names."""
_FIRST_SENTENCE = re.compile(r"^(.*?[.!?])(\s|$)", re.DOTALL)


def tone_of_text(title: str, summary: str = "") -> Tone:
    """The headline's tone (bad before good); a headline with neither takes the tone of
    the summary's first sentence (module docstring)."""
    for text in (title, _first_sentence(summary)):
        if BAD_NEWS_WORDS.search(text):
            return "bad"
        if GOOD_NEWS_WORDS.search(text):
            return "good"
    return "neutral"


def tone_of(article: Article) -> Tone:
    return tone_of_text(article.title, article.summary)


def _first_sentence(text: str) -> str:
    found = _FIRST_SENTENCE.match(text.strip())
    return found.group(1) if found else text.strip()
