"""How right and how fast matching is. Run: python benchmarks/bench_matching.py

Prints:
1. precision and recall on the labelled evaluation set (tests/matching/eval_set.json),
   for givedesk and for the naive approach (rapidfuzz `partial_ratio` >= 80 of each
   term against the text);
2. on generated desks (benchmarks/desk_gen.py; sizes on the command line, default
   1k and 3kx2k; the issue's are 1k 3kx2k 10kx5k), end to end through the store
   (`todays_matches`: news read, match cache synced, ranked, evidence quoted), each
   run alternating: a cold match (match cache deleted: the full rescore every run
   used to do), a warm one (nothing new) and one with 100 new articles; min / median /
   max and the ratio to cold; peak memory; and the naive per-pair loop timed on a
   sample and scaled.

    python benchmarks/bench_matching.py [--speed-only] [SIZE ...]
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import desk_gen  # noqa: E402
from rapidfuzz import fuzz, utils  # noqa: E402

from givedesk.config import Config  # noqa: E402
from givedesk.matching.cache import remove_cache  # noqa: E402
from givedesk.matching.service import todays_matches  # noqa: E402
from givedesk.models import Article, Contact  # noqa: E402
from tests.matching.evaluation import (  # noqa: E402
    NAIVE_THRESHOLD,
    givedesk_predictions,
    load_eval_set,
    measure,
    naive_predictions,
)

REPEATS = 3
NEW_ARTICLES = 100
NAIVE_SAMPLE = 20
"""Articles the naive loop is timed on; its time is scaled to the whole desk."""
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def spread(times: list[float]) -> str:
    return f"min {min(times):7.3f}  median {statistics.median(times):7.3f}  max {max(times):7.3f} s"


def naive_pairs(articles: list[Article], contacts: list[Contact]) -> int:
    found = 0
    for article in articles:
        text = f"{article.title} {article.summary}"
        for contact in contacts:
            for term in (*contact.interests, *contact.needs, contact.company, contact.name):
                if fuzz.partial_ratio(term, text, processor=utils.default_process) >= 80:
                    found += 1
                    break
    return found


def report_quality() -> None:
    data = load_eval_set()
    ours = measure(set(givedesk_predictions(data)), set(data.gold))
    naive = measure(naive_predictions(data), set(data.gold))
    print(f"Evaluation set: {len(data.contacts)} contacts, {len(data.articles)} articles, "
          f"{len(data.gold)} expected suggestions")
    print(f"  givedesk                        {ours.describe()}")
    print(f"  naive partial_ratio >= {NAIVE_THRESHOLD:.0f}       {naive.describe()}")


def report_speed(size: str) -> None:
    contacts, articles = desk_gen.size_of(size)
    config = Config()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        store = desk_gen.build(home, contacts, articles)
        print(f"\nGenerated desk {size}: {contacts:,} contacts, {articles:,} articles "
              f"({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")
        cold: list[float] = []
        warm: list[float] = []
        fresh: list[float] = []
        added = articles
        shown = 0
        for _ in range(REPEATS):
            remove_cache(store.paths.match_cache_file)
            found, took = timed(lambda: todays_matches(store, config, now=desk_gen.NOW))
            cold.append(took)
            shown = len(found)
            warm.append(timed(lambda: todays_matches(store, config, now=desk_gen.NOW))[1])
            store.articles.insert_many(desk_gen.extra_articles(NEW_ARTICLES, added))
            added += NEW_ARTICLES
            fresh.append(timed(lambda: todays_matches(store, config, now=desk_gen.NOW))[1])
        cache_mb = store.paths.match_cache_file.stat().st_size / 1e6
        news_mb = store.paths.news_file.stat().st_size / 1e6
        sample = store.articles.all()[:NAIVE_SAMPLE]
        people = store.contacts.all()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cold_median = statistics.median(cold)
    print(f"  cold (full rescore)     {spread(cold)}   ({shown:,} shown)")
    print(f"  warm, nothing new       {spread(warm)}   ratio to cold "
          f"{statistics.median(warm) / cold_median:.3f}")
    print(f"  +{NEW_ARTICLES} new articles       {spread(fresh)}   ratio to cold "
          f"{statistics.median(fresh) / cold_median:.3f}")
    print(f"  news.json {news_mb:.1f} MB, match cache {cache_mb:.1f} MB, "
          f"peak memory so far (max RSS) {peak:.0f} MB")
    _, naive = timed(lambda: naive_pairs(sample, people))
    scaled = naive * articles / NAIVE_SAMPLE
    print(f"  naive per-pair loop     {scaled:7.1f} s (timed on {NAIVE_SAMPLE} articles, scaled): "
          f"{scaled / cold_median:,.0f}x the cold run")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if "--speed-only" in arguments:
        arguments.remove("--speed-only")
    else:
        report_quality()
    for name in arguments or ["1k", "3kx2k"]:
        report_speed(name)
