"""The semantic layer's reading of texts: what the fitted scorer's similarity columns mean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from givedesk.config import Config
from givedesk.matching.embedding import embed
from givedesk.matching.features import FEATURES, feature_rows
from givedesk.matching.judged import candidates
from givedesk.matching.scorer import bundled_scorer
from givedesk.matching.semantic import (
    SMALL_DESK,
    TYPICAL_TOPICS,
    MemoryVectors,
    VectorSource,
    people_vectors,
    similarities,
)
from givedesk.matching.service import todays_matches
from givedesk.models import Article, Contact, Feed
from givedesk.store import Store
from tests.matching.evaluation import EvalSet, lexical_pairs

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def headline(id_: str, title: str, summary: str = "") -> Article:
    return Article(id=id_, title=title, summary=summary, feed_id="f1",
                   published=NOW - timedelta(hours=1))


def test_a_headlines_capitals_do_not_make_other_words() -> None:
    title_case, lower = embed(["Sailing Club Offers Free Lessons", "sailing club offers free lessons"])
    assert np.allclose(title_case, lower)
    term, story = embed(["sailing", "Sailing club offers free lessons."])
    assert float(term @ story) > 0.4


def test_a_bare_title_case_headline_reaches_the_one_person_who_cares(store: Store) -> None:
    store.feeds.insert(Feed(url="https://gazette.example/rss", id="f1", name="Gazette"))
    store.contacts.insert(Contact(id="ana", name="Ana Lee", interests=["sailing"]))
    store.articles.insert_many([headline("s1", "Sailing Club Offers Free Lessons"),
                                headline("x1", "Trust Fund Buys Rustic Lodge")])
    found = todays_matches(store, Config(), now=NOW)
    assert [(m.article.id, m.contact.id) for m in found] == [("s1", "ana")]


def _rows_for(person: Contact) -> tuple[np.ndarray, list[str]]:
    articles = [headline("s1", "Sailing club opens", "Free lessons on Sunday.")]
    data = EvalSet([person], articles, {}, NOW)
    found, evidence = candidates(articles, [person], lexical_pairs(data), VectorSource(MemoryVectors()))
    return feature_rows(evidence), [j.article.id for j in found]


def test_a_text_the_person_lacks_is_unknown_not_unlike() -> None:
    rows, _ = _rows_for(Contact(id="ana", name="Ana Lee", interests=["sailing"]))
    work = [FEATURES.index("work"), FEATURES.index("work_relative")]
    assert np.isnan(rows[0, work]).all()
    scorer = bundled_scorer()
    as_typical = rows.copy()
    as_typical[0, work] = scorer.mean[work]
    assert scorer.logits(rows)[0] == pytest.approx(scorer.logits(as_typical)[0])
    with_work, _ = _rows_for(Contact(id="ana", name="Ana Lee", interests=["sailing"],
                                     role="Sailing instructor"))
    assert not np.isnan(with_work[0, work]).any()


def test_on_a_desk_of_one_an_article_is_measured_against_a_typical_desk() -> None:
    person = Contact(id="ana", name="Ana Lee", interests=["sailing"])
    source = VectorSource(MemoryVectors())
    people = people_vectors([person], source)
    article = source.matrix(["Sailing club opens. Free lessons on Sunday."])
    sims = similarities(article, people)
    expected = (sims.topics[0, 0] + SMALL_DESK * TYPICAL_TOPICS) / (1 + SMALL_DESK)
    assert sims.topics_mean[0, 0] == pytest.approx(expected, abs=1e-6)
    assert sims.topics_relative[0, 0] == pytest.approx(sims.topics[0, 0] - expected, abs=1e-6)
    rows, _ = _rows_for(person)
    phrase_relative = rows[0, FEATURES.index("phrase_relative")]
    assert phrase_relative == pytest.approx(rows[0, FEATURES.index("phrase")] - expected, abs=1e-3)
    assert phrase_relative > 0  # the old unblended mean made it exactly 0 on a desk of one


def test_an_articles_neighbours_are_kept_while_the_people_are_unchanged(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from givedesk.matching import judged
    from givedesk.matching.cache import MatchCache
    from givedesk.matching.lexicon import lexicon_for

    store.feeds.insert(Feed(url="https://gazette.example/rss", id="f1", name="Gazette"))
    store.contacts.insert_many([
        Contact(id="ana", name="Ana Lee", interests=["sailing"]),
        Contact(id="ben", name="Ben Ode", role="Orchard owner", interests=["apple growing"]),
    ])
    store.articles.insert_many([
        headline("s1", "Sailing Club Offers Free Lessons"),
        headline("p1", "Codling moth found in county orchards", "Growers are told to check fruit."),
    ])
    computed: list[int] = []
    real = judged.similarities

    def counted(vectors: np.ndarray, people: object) -> object:
        computed.append(len(vectors))
        return real(vectors, people)  # type: ignore[arg-type]

    monkeypatch.setattr(judged, "similarities", counted)

    def today() -> list[tuple[str, str, float]]:
        return [(m.article.id, m.contact.id, m.score) for m in todays_matches(store, Config(), now=NOW)]

    first = today()
    assert computed == [2] and first
    assert today() == first and computed == [2]  # nothing new: nothing computed again
    store.articles.insert(headline("s2", "Sailing Regatta Returns To The Bay"))
    today()
    assert computed == [2, 1]  # only the new article
    store.articles.replace_all([a for a in store.articles.all() if a.id != "s2"])
    store.contacts.save(Contact(id="ben", name="Ben Ode", role="Orchard owner",
                                interests=["apple growing", "cider"]))
    today()
    assert computed == [2, 1, 2]  # someone changed: every article's neighbours are new
    with MatchCache.opened(store.paths.match_cache_file, lexicon_for(Config().matching)) as cache:
        kept = cache.db.execute("SELECT count(*) FROM neighbours").fetchone()[0]
    assert kept == 2  # one desk's worth: the neighbours s2 had among the old people are gone
