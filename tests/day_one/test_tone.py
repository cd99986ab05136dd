"""The tone rule measured on the labelled stories: bad news is never taken for good."""

from __future__ import annotations

from collections import Counter

from givedesk.tone import tone_of_text
from tests.day_one.tone_stories import STORIES


def test_the_labelled_list_is_big_enough_and_mixed() -> None:
    labels = Counter(label for label, _title, _summary in STORIES)
    assert len(STORIES) >= 60 and min(labels.values()) >= 15


def test_the_rule_reaches_its_measured_accuracy_and_never_calls_bad_news_good() -> None:
    confusion = Counter((label, tone_of_text(title, summary)) for label, title, summary in STORIES)
    right = sum(count for (label, got), count in confusion.items() if label == got)
    assert right / len(STORIES) >= 0.95  # 63 of 65 on 2026-12-07 (README)
    assert confusion[("bad", "good")] == 0 and confusion[("bad", "neutral")] == 0


def test_the_headline_decides_and_bad_words_win() -> None:
    assert tone_of_text("Acme wins award despite layoffs") == "bad"
    assert tone_of_text("Acme named best employer", "It was fined last year.") == "good"
    assert tone_of_text("Acme to move offices", "Shares plunge on the news. Later, a rally.") == "bad"
    assert tone_of_text("Acme to move offices", "Staff start in June.") == "neutral"
