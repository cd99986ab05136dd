"""A deterministic desk of any size for the speed benchmarks.

    python benchmarks/desk_gen.py HOME 3000x10000

Contacts get 3 to 6 topics (interests and needs) from a shared pool of topic phrases,
a name and a company; articles are Zipf-like made-up text (so the vocabulary grows
like a real one) carrying one to three of the pool's topics, so that about 3 % of
(article, contact) pairs have a hit, as on the desk the issue was measured on. The
same size always gives the same desk (fixed seed), written through the store as a
CLI import and a fetch would.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from givedesk.models import Article, Contact, Feed  # noqa: E402
from givedesk.paths import Paths  # noqa: E402
from givedesk.store import Store  # noqa: E402

SIZES = {"demo": (12, 40), "1k": (1_000, 1_000), "3kx2k": (3_000, 2_000),
         "3kx10k": (3_000, 10_000), "10kx5k": (10_000, 5_000)}
"""Named sizes: (contacts, articles)."""
NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
SEED = 20_261_202
VOCABULARY = 20_000
TOPICS = 300
SYLLABLES = [a + b for a in "bcdfghjklmnprstvwz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]


@dataclass(frozen=True)
class Corpus:
    words: list[str]
    weights: list[float]
    topics: list[str]


def make_corpus(rng: random.Random) -> Corpus:
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choices(SYLLABLES, k=rng.choice((2, 2, 3, 3, 4)))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    middle = ordered[2_000:12_000]
    topics = sorted({" ".join(rng.sample(middle, rng.choice((1, 1, 2)))) for _ in range(TOPICS)})
    return Corpus(ordered, [1 / (rank + 1) for rank in range(len(ordered))], topics)


def make_contacts(rng: random.Random, corpus: Corpus, count: int) -> list[Contact]:
    def word() -> str:
        return rng.choice(corpus.words[12_000:]).title()

    contacts = []
    for number in range(count):
        topics = rng.sample(corpus.topics, rng.randint(3, 6))
        split = max(1, len(topics) - 2)
        contacts.append(Contact(
            id=f"c{number:05d}", name=f"{word()} {word()}", company=f"{word()} {word()} Ltd",
            interests=topics[:split], needs=topics[split:],
            created=NOW - timedelta(days=400), updated=NOW - timedelta(days=400),
        ))
    return contacts


def make_articles(rng: random.Random, corpus: Corpus, count: int, prefix: str = "a",
                  *, start: int = 0, now: datetime = NOW) -> list[Article]:
    articles = []
    for number in range(start, start + count):
        title = rng.choices(corpus.words, corpus.weights, k=rng.randint(6, 11))
        summary = rng.choices(corpus.words, corpus.weights, k=rng.randint(25, 40))
        for topic in rng.sample(corpus.topics, rng.choice((1, 2, 2, 3))):
            target = title if rng.random() < 0.4 else summary
            target.insert(rng.randrange(len(target) + 1), topic)
        published = now - timedelta(hours=rng.uniform(0, 24 * 13))
        articles.append(Article(
            id=f"{prefix}{number:06d}", feed_id=f"f{number % 50}",
            title=" ".join(title).capitalize(), summary=" ".join(summary).capitalize() + ".",
            link=f"https://news.example.com/{prefix}{number}", published=published,
            fetched=published,
        ))
    return articles


def size_of(name: str) -> tuple[int, int]:
    """`3kx10k`, `1k` or `3000x10000` -> (contacts, articles)."""
    if name in SIZES:
        return SIZES[name]
    contacts, _, articles = name.partition("x")
    return int(contacts), int(articles or contacts)


def build(home: Path, contacts: int, articles: int, *, now: datetime = NOW) -> Store:
    """Write the desk of this size into `home` (a fresh folder) and return its store.
    Its articles are of the two weeks before `now` (a command-line run, whose clock is
    the real one, needs `now` to be today)."""
    rng = random.Random(SEED)
    corpus = make_corpus(rng)
    people = make_contacts(rng, corpus, contacts)
    news = make_articles(rng, corpus, articles, now=now)
    store = Store(Paths.for_home(home), today=now.date)
    store.contacts.insert_many(people)
    with store.news.transaction():
        store.feeds.insert_many(Feed(id=f"f{n}", url=f"https://feeds.example.com/{n}.xml",
                                     name=f"Feed {n}") for n in range(50))
        store.articles.insert_many(news)
    return store


def extra_articles(count: int, start: int, *, now: datetime = NOW) -> list[Article]:
    """`count` further articles in the style of the desk's, numbered from `start`."""
    rng = random.Random(SEED + start)
    corpus = make_corpus(random.Random(SEED))
    return make_articles(rng, corpus, count, "n", start=start, now=now)


def sizes(names: list[str]) -> Iterator[tuple[str, int, int]]:
    for name in names:
        yield (name, *size_of(name))


if __name__ == "__main__":
    build(Path(sys.argv[1]), *size_of(sys.argv[2] if len(sys.argv) > 2 else "1k"))
