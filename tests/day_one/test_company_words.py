"""A company named with a common word counts only when the story is about the company:
measured on a labelled list, and by the matcher itself."""

from __future__ import annotations

from givedesk.matching.company_sense import about_company, is_word_name
from givedesk.matching.semantic import MemoryVectors, VectorSource
from givedesk.models import Article
from tests.day_one.company_word_stories import STORIES


def test_every_labelled_story_is_told_right() -> None:
    source = VectorSource(MemoryVectors())
    wrong = []
    for about, company, title, summary in STORIES:
        article = Article(id="a", feed_id="f", title=title, summary=summary)
        if about_company(article, company, source) != about:
            wrong.append(title)
    assert wrong == []


def test_a_distinctive_name_is_not_a_word() -> None:
    article = Article(id="a", feed_id="f", title="Northwind Bank opens a branch", summary="")
    assert not is_word_name("Northwind Bank", article)
    assert not is_word_name("Okafor", Article(id="a", feed_id="f", title="Okafor expands", summary=""))
    # A name the model spells in pieces is still a word when the article writes it so.
    lantern = Article(id="a", feed_id="f", title="Best lanterns", summary="We tested twelve lanterns.")
    assert is_word_name("Lantern Ltd", lantern)
