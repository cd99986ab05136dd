"""How right and how fast matching is.

    python benchmarks/bench_matching.py [--speed-only] [SIZE ...]
    python benchmarks/bench_matching.py --compare REF

Prints:
1. precision, recall and F1 on the labelled sets: the first (tests/matching/eval_set.json)
   and the second (eval_set_2.json, issue #10) in its dev and held-out parts, for
   givedesk and for the naive approach (rapidfuzz `partial_ratio` >= 80 of each term
   against the text);
2. on generated desks (benchmarks/desk_gen.py; sizes on the command line, default
   1k and 3kx2k; the issue's are 1k 3kx2k 10kx5k), end to end through the store
   (`todays_matches`: news read, match cache synced, ranked, evidence quoted), each
   run alternating: a cold match (match cache deleted: the full rescore every run
   used to do), a warm one (nothing new) and one with 100 new articles; min / median /
   max and the ratio to cold; then `givedesk matches --json` as a user runs it, a
   process of its own, warm and after 100 new articles, beside `givedesk --version`
   (what starting a process costs at all); peak memory; and the naive per-pair loop
   timed on a sample and scaled.

`--compare REF` times the matcher of git REF (e.g. main) and this one alternately on a
synthetic desk of 10,000 articles and 1,000 contacts with 5 terms each (plus a name and
a company): a full cold match, a warm one, an incremental match of 100 new articles,
ranking, and the same through the store. That desk is built from made-up words with a
Zipf-like frequency, so the vocabulary grows like a real one (tens of thousands of
distinct words), and a third of the articles carry one of the contacts' terms.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("GIVEDESK_TREE", str(REPO)))
sys.path.insert(0, str(REPO / "benchmarks"))

from rapidfuzz import fuzz, utils  # noqa: E402

from givedesk.config import Config, MatchingConfig  # noqa: E402
from givedesk.matching.engine import Ranked, find_hits, rank, stop_words_for  # noqa: E402
from givedesk.matching.service import todays_matches  # noqa: E402
from givedesk.models import Article, Contact  # noqa: E402
from givedesk.paths import Paths  # noqa: E402
from givedesk.store import Store  # noqa: E402

COMPARE_RUNS = 3
"""Runs of each matcher when comparing with another git ref, alternating."""

ARTICLES = 10_000
CONTACTS = 1_000
TERMS_PER_CONTACT = 5
NEW_ARTICLES = 100
REPEATS = 3
NAIVE_SAMPLE = 100
"""Articles the naive loop is timed on; its time is scaled to the whole desk."""
GENERATED_NAIVE_SAMPLE = 20
"""The same, on the generated desks."""
VOCABULARY = 30_000
SEED = 20_260_310
NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
SYLLABLES = [a + b for a in "bcdfghjklmnprstvwz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]

T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def best_of(work: Callable[[], object], times: int = REPEATS) -> float:
    """The fastest of a few runs: other processes on the machine only ever add time."""
    return min(timed(work)[1] for _ in range(times))


def make_words(rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choices(SYLLABLES, k=rng.choice((1, 2, 2, 3, 3, 4)))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def make_desk(rng: random.Random, count: int, words: list[str], contacts: list[Contact],
              prefix: str) -> list[Article]:
    """`count` articles; word i is drawn with weight 1/(i+1), like real text."""
    weights = [1 / (rank + 1) for rank in range(len(words))]
    terms = [term for contact in contacts for term in (*contact.interests, *contact.needs)]
    articles = []
    for number in range(count):
        title = rng.choices(words, weights, k=rng.randint(7, 12))
        summary = rng.choices(words, weights, k=rng.randint(30, 45))
        if number % 3 == 0:
            target = title if number % 2 else summary
            target.insert(rng.randrange(len(target)), rng.choice(terms))
        articles.append(
            Article(
                id=f"{prefix}{number}", feed_id="bench",
                title=" ".join(title).capitalize(), summary=" ".join(summary).capitalize() + ".",
                published=NOW - timedelta(hours=rng.uniform(0, 24 * 30)),
            )
        )
    return articles


def make_contacts(rng: random.Random, words: list[str]) -> list[Contact]:
    """Terms of one to three words, from below the 500 commonest words (as interests
    are: "sailing" and "bike lanes" are far rarer than "the" or "city")."""
    middle = words[500:15_000]

    def term() -> str:
        return " ".join(rng.sample(middle, rng.choice((1, 1, 2, 2, 3))))

    return [
        Contact(
            id=f"c{number}",
            name=f"{rng.choice(words).title()} {rng.choice(words).title()}",
            company=f"{rng.choice(middle).title()} {rng.choice(middle).title()} Ltd",
            interests=[term() for _ in range(3)],
            needs=[term() for _ in range(TERMS_PER_CONTACT - 3)],
        )
        for number in range(CONTACTS)
    ]


def top_per_contact(ranked: list[Ranked], limit: int) -> int:
    """Build the shown matches (with evidence), as the service does; return how many."""
    shown: dict[str, int] = {}
    for pair in ranked:
        if shown.get(pair.contact.id, 0) < limit:
            shown[pair.contact.id] = shown.get(pair.contact.id, 0) + 1
            pair.to_match()
    return sum(shown.values())


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
    from tests.matching.evaluation import (
        EVAL_SET,
        EVAL_SET_2,
        NAIVE_THRESHOLD,
        givedesk_predictions,
        load_eval_set,
        measure,
        naive_predictions,
    )

    print(f"{'set':28} {'givedesk':30} naive partial_ratio >= {NAIVE_THRESHOLD:.0f}")
    for label, path, split in (
        ("first set (eval_set.json)", EVAL_SET, None),
        ("second set, dev", EVAL_SET_2, "dev"),
        ("second set, held-out", EVAL_SET_2, "heldout"),
    ):
        data = load_eval_set(path, split)
        ours = measure(set(givedesk_predictions(data)), set(data.gold))
        naive = measure(naive_predictions(data), set(data.gold))
        size = f"{len(data.articles)} art., {len(data.gold)} pairs"
        print(f"{label:28} {ours.describe():30} {naive.describe()}   ({size})")


def build_desk() -> tuple[list[Contact], list[Article], list[Article]]:
    rng = random.Random(SEED)
    words = make_words(rng)
    contacts = make_contacts(rng, words)
    articles = make_desk(rng, ARTICLES, words, contacts, "a")
    new = make_desk(rng, NEW_ARTICLES, words, contacts, "n")
    return contacts, articles, new


def measure_speed() -> dict[str, float]:
    """The timed figures of one run, in seconds (and the counts, for the report)."""
    contacts, articles, new = build_desk()
    config = MatchingConfig()
    stop_words = stop_words_for(config)
    people = {contact.id: contact for contact in contacts}

    def full() -> int:
        hits = find_hits(articles, contacts, stop_words)
        ranked = rank(hits, articles, people, now=NOW, config=config)
        return top_per_contact(ranked, config.max_per_contact)

    shown, cold = timed(full)
    warm = best_of(full)
    hits = find_hits(articles, contacts, stop_words)
    incremental = best_of(lambda: find_hits(new, contacts, stop_words))
    hits.update(find_hits(new, contacts, stop_words))
    everything = [*articles, *new]
    ranking = best_of(lambda: rank(hits, everything, people, now=NOW, config=config))
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Paths.for_home(Path(folder)))
        store.contacts.insert_many(contacts)
        store.articles.insert_many(articles)
        desk_config = Config()
        _, stored_cold = timed(lambda: todays_matches(store, desk_config, now=NOW))
        store.articles.insert_many(new)
        _, stored_incremental = timed(lambda: todays_matches(store, desk_config, now=NOW))
    return {
        "cold": cold, "warm": warm, "incremental": incremental, "ranking": ranking,
        "stored_cold": stored_cold, "stored_incremental": stored_incremental,
        "hits": float(sum(len(found) for found in hits.values())), "shown": float(shown),
    }


def report_speed(size: str) -> None:
    import desk_gen

    from givedesk.matching.cache import remove_cache

    contacts, articles = desk_gen.size_of(size)
    config = Config()
    now = datetime.now(UTC)  # the command-line runs read the real clock
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        store = desk_gen.build(home, contacts, articles, now=now)
        print(f"\nGenerated desk {size}: {contacts:,} contacts, {articles:,} articles "
              f"({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")
        cold: list[float] = []
        warm: list[float] = []
        fresh: list[float] = []
        added = articles
        shown = 0
        for _ in range(REPEATS):
            remove_cache(store.paths.match_cache_file)
            found, took = timed(lambda: todays_matches(store, config, now=now))
            cold.append(took)
            shown = len(found)
            warm.append(timed(lambda: todays_matches(store, config, now=now))[1])
            store.articles.insert_many(desk_gen.extra_articles(NEW_ARTICLES, added, now=now))
            added += NEW_ARTICLES
            fresh.append(timed(lambda: todays_matches(store, config, now=now))[1])
        command, started, fresh_command = cli_runs(home, store, added, now)
        cache_mb = store.paths.match_cache_file.stat().st_size / 1e6
        news_mb = store.paths.news_file.stat().st_size / 1e6
        sample = store.articles.all()[:GENERATED_NAIVE_SAMPLE]
        people = store.contacts.all()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cold_median = statistics.median(cold)
    print(f"  cold (full rescore)     {spread(cold)}   ({shown:,} shown)")
    print(f"  warm, nothing new       {spread(warm)}   ratio to cold "
          f"{statistics.median(warm) / cold_median:.3f}")
    print(f"  +{NEW_ARTICLES} new articles       {spread(fresh)}   ratio to cold "
          f"{statistics.median(fresh) / cold_median:.3f}")
    print("  `givedesk matches --json`, a process of its own, beside `givedesk --version`:")
    print(f"    --version             {spread(started)}")
    print(f"    warm, nothing new     {spread(command)}   "
          f"{statistics.median(command) - statistics.median(started):+.3f} s more")
    print(f"    +{NEW_ARTICLES} new articles     {spread(fresh_command)}   "
          f"{statistics.median(fresh_command) - statistics.median(started):+.3f} s more")
    print(f"  news.json {news_mb:.1f} MB, match cache {cache_mb:.1f} MB, "
          f"peak memory so far (max RSS) {peak:.0f} MB")
    _, naive = timed(lambda: naive_pairs(sample, people))
    scaled = naive * articles / GENERATED_NAIVE_SAMPLE
    print(f"  naive per-pair loop     {scaled:7.1f} s (timed on {GENERATED_NAIVE_SAMPLE} articles, scaled): "
          f"{scaled / cold_median:,.0f}x the cold run")


def cli_runs(home: Path, store: Store, added: int, now: datetime
             ) -> tuple[list[float], list[float], list[float]]:
    """`givedesk matches --json` as a user runs it, each a fresh process (imports and all),
    alternating with `givedesk --version` (the cost of starting at all): nothing new,
    then after 100 new articles (dated before `now`)."""
    import desk_gen

    base = [sys.executable, "-m", "givedesk", "--home", str(home)]

    def run(*args: str) -> float:
        return timed(lambda: subprocess.run([*base, *args], check=True, capture_output=True))[1]

    started: list[float] = []
    warm: list[float] = []
    fresh: list[float] = []
    for _ in range(REPEATS):
        started.append(run("--version"))
        warm.append(run("matches", "--json"))
        store.articles.insert_many(desk_gen.extra_articles(NEW_ARTICLES, added, now=now))
        added += NEW_ARTICLES
        fresh.append(run("matches", "--json"))
    return warm, started, fresh


def _run_tree(tree: Path) -> dict[str, float]:
    """One speed run of the matcher in `tree`, in a fresh process (its own imports)."""
    environment = {**os.environ, "GIVEDESK_TREE": str(tree)}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--speed-json"],
        env=environment, capture_output=True, text=True, check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def _extract(ref: str, folder: Path) -> Path:
    """The `givedesk` package of git `ref`, written into `folder`."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref, "givedesk"], capture_output=True, check=True
    )
    folder.mkdir()
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def compare_with(ref: str) -> None:
    """Time the matcher of git `ref` and of HEAD alternately, COMPARE_RUNS each (both
    extracted, so the working tree may change meanwhile)."""
    with tempfile.TemporaryDirectory() as folder:
        trees = {ref: _extract(ref, Path(folder) / "base"), "HEAD": _extract("HEAD", Path(folder) / "head")}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(COMPARE_RUNS):
            for name, tree in trees.items():
                runs[name].append(_run_tree(tree))
    print(f"\nSpeed, {ref} against HEAD ({COMPARE_RUNS} alternating runs each; min / median / max s)")
    for key in ("cold", "warm", "incremental", "ranking", "stored_cold", "stored_incremental"):
        base = [run[key] for run in runs[ref]]
        ours = [run[key] for run in runs["HEAD"]]
        ratio = statistics.median(ours) / statistics.median(base)
        print(f"  {key:19} {ref}: {min(base):.3f} / {statistics.median(base):.3f} / {max(base):.3f}"
              f"   HEAD: {min(ours):.3f} / {statistics.median(ours):.3f} / {max(ours):.3f}"
              f"   ratio {ratio:.2f}")


if __name__ == "__main__":
    if "--speed-json" in sys.argv:
        print(json.dumps(measure_speed()))
    elif "--compare" in sys.argv:
        report_quality()
        compare_with(sys.argv[sys.argv.index("--compare") + 1])
    else:
        arguments = sys.argv[1:]
        if "--speed-only" in arguments:
            arguments.remove("--speed-only")
        else:
            report_quality()
        for name in arguments or ["1k", "3kx2k"]:
            report_speed(name)
