"""feedparser's own test documents, hostile and broken ones included, through fetch-and-store."""

from __future__ import annotations

import os
import unicodedata

import pytest

from givedesk.config import Config, FetchConfig
from givedesk.feeds.fetch import fetch_all
from givedesk.models import Feed
from givedesk.store import Store
from tests.conftest import REPO_ROOT

CORPUS = REPO_ROOT.parent / "shared" / "corpora" / "feedparser"
KEEP_EVERYTHING = Config(fetch=FetchConfig(retention_days=1_000_000))
"""The corpus is dated 2002-2010; nothing may be pruned or skipped as too old."""


def _is_clean(text: str) -> bool:
    return not any(
        unicodedata.category(c) == "Cc" or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        for c in text
    )


def require_corpus() -> None:
    """Skip on a laptop without the corpus; fail in CI, which always has it, so that a
    moved corpus cannot turn this test into a silent skip."""
    if CORPUS.is_dir():
        return
    if os.environ.get("CI", "").casefold() in ("true", "1", "yes"):
        pytest.fail(f"no corpus at {CORPUS}, and CI always has it")
    pytest.skip(f"no corpus at {CORPUS}")


def test_every_corpus_file_goes_through_parse_and_store(store: Store) -> None:
    require_corpus()
    files = sorted(CORPUS.rglob("*.xml"))
    assert len(files) > 1000
    store.feeds.insert_many(Feed(url=str(path)) for path in files)

    summary = fetch_all(store, KEEP_EVERYTHING, force=True)

    assert len(summary.results) == len(files)
    assert all(r.status in ("ok", "error") for r in summary.results)
    assert not [r for r in summary.results if (r.error or "").startswith("unexpected")]
    articles = store.articles.all()
    assert len(articles) > 450  # 499: entries with no title, summary or link are not stories
    for article in articles:
        assert article.link is None or article.link.startswith(("http://", "https://"))
        assert _is_clean(article.title) and _is_clean(article.summary)
        assert "<script" not in article.summary.casefold()
        assert article.published.tzinfo is not None
    assert sum(f.failures for f in store.feeds.all()) == summary.count("error")
