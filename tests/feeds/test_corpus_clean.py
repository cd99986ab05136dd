"""No stored title or summary of feedparser's corpus keeps a tag or an entity (#11).

Atom feeds are left out of this sweep: Atom `type="text"` is literal by definition
(`x <y> z` stays), and the corpus tests exactly that; Atom HTML is covered by
`files/literal_text.atom` in test_stories.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from givedesk.config import Config, FetchConfig
from givedesk.feeds.fetch import fetch_all
from givedesk.models import Feed
from givedesk.store import Store
from tests.conftest import REPO_ROOT

CANDIDATES = [
    REPO_ROOT.parent / "shared" / "corpora" / "feedparser",
    REPO_ROOT.parent.parent / "shared" / "corpora" / "feedparser",  # from a git worktree
]
MARKUP = re.compile(r"<[A-Za-z/!?][^>]*>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def _corpus() -> Path:
    for candidate in CANDIDATES:
        if candidate.is_dir():
            return candidate
    if os.environ.get("CI"):
        pytest.fail(f"no feedparser corpus at {CANDIDATES[0]}")
    pytest.skip(f"no feedparser corpus at {CANDIDATES[0]}")


def _is_atom(path: Path) -> bool:
    return b"<feed" in path.read_bytes()[:4000]


def test_no_stored_rss_title_or_summary_keeps_markup(store: Store) -> None:
    files = [path for path in sorted(_corpus().rglob("*.xml")) if not _is_atom(path)]
    assert len(files) > 500
    store.feeds.insert_many(Feed(url=str(path)) for path in files)

    fetch_all(store, Config(fetch=FetchConfig(retention_days=1_000_000)), force=True)

    articles = store.articles.all()
    assert len(articles) > 200
    marked = [
        (article.title, article.summary)
        for article in articles
        if MARKUP.search(article.title) or MARKUP.search(article.summary)
    ]
    assert marked == []
