"""Matching's derived data, kept in SQLite beside the news: hits and pair scores.

Why not news.json: the hits grow with contacts x articles (198 MB at 10k x 5k), and a
JSON file is decoded whole on every run and rewritten whole on any change. Here a run
reads two small digest tables and the packed score arrays, and writes only what
changed. It is a cache, not the user's data: a missing, damaged or older-format file
is thrown away and rebuilt by the next run.

What depends on what (so a run redoes only what changed):

* a pair's hits depend on the article's text, the terms searched for the contact
  (their own, and the related terms and aliases the lexicon adds: `searched_terms`)
  and the stop words (`meta.hits`: changed, everything is found again);
* its base score (before the age penalty, which moves with the clock) also depends on
  the scoring weights and the lexicon's context rules (`meta.scores`: changed, every
  pair is rescored from its cached hits), on the article being local news (part of the
  article digest), on what the context rules read of the contact (their role and tags,
  part of the contact's terms digest), and on the contact's feedback penalties
  (`contacts.scoring`: changed, that person's pairs are rescored);
* decisions (dismissed, snoozed, queued) and the day's allowance are applied when
  ranking, on the packed arrays, so they cost nothing to keep up to date.

Tables: `articles` and `contacts` give each id a number and remember its digests
(and each contact's searched terms, so a run with new articles need not work them out
for everyone); `pairs` holds every (article, contact) with a hit: its hits (in `hit_order`) and base
score (None when muted or when no hit counts); `scores` is every pair as packed
arrays (-inf for None), one row per article, kept in step with `pairs`: they also say
which pairs a person has, so `pairs` needs no index by person (keeping one up to date
cost a run with 100 new articles at 10,000 people a sixth of a second); `term_index`
is everyone's searched terms gathered by term (`columns.TermIndex`), kept while the
people, the lexicon and the stop words are as they were. Ranking scores the few
pairs that can be shown again from their hits (`engine._score_pair`), with their age
penalty, so what is shown is exactly what `engine.rank` gives. Only the strongest few
times `max_suggestions` are looked at (`best_pairs`), and new articles are matched and
written a batch at a time, so neither a warm run nor a cold one holds every pair.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
import numpy.typing as npt

from givedesk.collector import gc_paused
from givedesk.config import MatchingConfig
from givedesk.matching.columns import (
    HitColumns,
    Searched,
    TermIndex,
    bound_pairs,
    decode_hits,
)
from givedesk.matching.context import ArticleText
from givedesk.matching.embedding import Vectors
from givedesk.matching.engine import (
    Penalties,
    _Judge,
    _score_pair,
    distinct_terms,
    hits_in,
    searched_terms,
    term_matches,
)
from givedesk.matching.lexicon import Lexicon
from givedesk.matching.semantic import Neighbours
from givedesk.models import Article, Contact, MatchField, MatchHit
from givedesk.store import Records

FORMAT_VERSION = "10"
"""Of the file's tables: a file of another version is deleted and rebuilt (10: vectors of
lower-cased texts; the old ones would never be read again)."""
ENGINE_VERSION = "4"
"""Part of the hits digest: bump it when matching rules change, and every cached hit
is recomputed on the next run."""
SCORING_FIELDS = ("title_weight", "summary_weight", "mention_bonus", "local_mention_bonus",
                  "need_bonus", "extra_term_bonus", "related_weight", "role_weight")
"""The weights a base score depends on; threshold, age and allowance apply at ranking."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    num INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS contacts (
    num INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, terms TEXT NOT NULL,
    scoring TEXT NOT NULL, fields TEXT NOT NULL, searched BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pairs (
    article INTEGER NOT NULL, contact INTEGER NOT NULL, base REAL, exact INTEGER NOT NULL,
    hits BLOB NOT NULL, PRIMARY KEY (article, contact)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scores (
    article INTEGER PRIMARY KEY, contacts BLOB NOT NULL, bases BLOB NOT NULL,
    exact BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS term_index (key TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (digest TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS neighbours (
    digest TEXT PRIMARY KEY, people TEXT NOT NULL, nearest BLOB NOT NULL,
    topics_mean REAL NOT NULL, work_mean REAL NOT NULL) WITHOUT ROWID;
"""
TABLES = ("articles", "contacts", "pairs", "scores", "term_index")
ARTICLES_PER_BATCH = 500
"""New articles are matched and written this many at a time: a cold run of 10,000
people keeps the hits of 500 articles at once, not of all."""
SORT_SPAN = 4096.0
"""Scores are far inside +-SORT_SPAN / 4, so person x SORT_SPAN - score sorts by person
first, then strongest first."""

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
FlagArray = npt.NDArray[np.bool_]
Packed = tuple[IntArray, IntArray, FloatArray, FlagArray]
"""The scored pairs: article numbers, contact numbers, base scores (or bounds), exact."""
PairKey = tuple[int, int]
"""(article number, contact number) in the cache."""
HitsOf = Callable[[str, str], Sequence[MatchHit]]


def digest(parts: Iterable[str]) -> str:
    joined = "\x00".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=10).hexdigest()


def _article_digest(article: Article) -> str:
    return digest((article.title, article.summary, "local" if article.local else ""))


def _terms_digest(contact: Contact, searched: Iterable[Searched]) -> str:
    """Of every term searched for the contact, related terms and aliases included
    (editing the lexicon or an alias rescans the people it touches), and of what else
    the context rules read of them (role, tags)."""
    terms = (f"{name}:{style}:{term}" for name, term, style in searched)
    return digest([contact.role, *contact.tags, "", *terms])


def _fields_digest(contact: Contact) -> str:
    """Of the fields `searched_terms` and the context rules read: while they and the
    lexicon are unchanged, so are the contact's searched terms, and a run need not
    work them out for thousands of people to learn that."""
    return digest([repr((contact.name, contact.nickname, contact.company, contact.role,
                         contact.tags, contact.interests, contact.needs, contact.muted_topics,
                         contact.aliases))])


def lexicon_digest(lexicon: Lexicon) -> str:
    """Of everything the context rules read in the lexicon: another lexicon rescores
    every pair. (Sets are sorted: their order changes from one process to the next.)"""
    senses = [(key, [(name, sorted(words)) for name, words in table.items()])
              for key, table in lexicon.senses.items()]
    return digest(repr(part) for part in (
        list(lexicon.topics.items()), senses, sorted(lexicon.contradicting),
        sorted(lexicon.employer_verbs), list(lexicon.roles.items())))


def hit_order(hit: MatchHit) -> tuple[str, str, str, bool, int]:
    """The order a pair's hits are scored in, whichever run found them: `_score_pair`
    keeps the first of equally good hits."""
    return (hit.contact_id, hit.field, hit.term, hit.in_title, hit.first_token)


_encoder = msgspec.msgpack.Encoder()
_searched_decoder = msgspec.msgpack.Decoder(list[Searched])


class _Terms:
    """Each contact's `searched_terms`, worked out when they or the lexicon change and
    otherwise read back from the `contacts` table (working them out for 10,000 people
    costs a run with new articles a quarter of a second); and hits stored compactly
    (`columns.HIT_RECORD`: a hit's (field, term) as its number among the contact's
    searched terms, whose digest guarantees they are the same). Keyed by contact id:
    matching new articles needs nobody's record."""

    def __init__(self, db: sqlite3.Connection, lexicon: Lexicon) -> None:
        self.db = db
        self.lexicon = lexicon
        self._searched: dict[str, list[Searched]] = {}
        self._stored: dict[str, bytes] | None = None
        self._lists: dict[str, list[tuple[MatchField, str]]] = {}

    def work_out(self, contact: Contact) -> list[Searched]:
        """The contact's searched terms anew, remembered for this run."""
        found = self._searched[contact.id] = searched_terms(contact, self.lexicon)
        return found

    def searched(self, contact_id: str) -> list[Searched]:
        """The contact's searched terms: as worked out in this run, or as stored (every
        contact the cache knows has them)."""
        found = self._searched.get(contact_id)
        if found is None:
            if self._stored is None:
                self._stored = dict(self.db.execute("SELECT id, searched FROM contacts"))
            found = self._searched[contact_id] = _searched_decoder.decode(
                self._stored[contact_id])
        return found

    def of(self, contact_id: str) -> list[tuple[MatchField, str]]:
        found = self._lists.get(contact_id)
        if found is None:
            found = self._lists[contact_id] = [
                (name, term) for name, term, _ in self.searched(contact_id)]
        return found

    def decode(self, contact_id: str, blob: bytes) -> list[MatchHit]:
        terms = self.of(contact_id)
        return [MatchHit(contact_id, *terms[number], similarity, in_title, first, last)
                for number, similarity, in_title, first, last in decode_hits(blob)]


def remove_cache(path: Path) -> None:
    """The cache file and its write-ahead log: a log left behind would be replayed
    into the next file made at that path."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    """The cache file, made anew when it is missing, damaged or of another version."""
    for attempt in range(2):
        try:
            connection = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        except sqlite3.Error:
            remove_cache(path)
            continue
        try:
            # WAL: a crash loses at most the last run's update, never the file.
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA cache_size = -65536")
            connection.executescript(SCHEMA)
            row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if row is None:
                connection.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT_VERSION,))
                return connection
            if row[0] == FORMAT_VERSION:
                return connection
        except sqlite3.DatabaseError:
            if attempt:
                raise
        connection.close()
        remove_cache(path)
    return sqlite3.connect(path, timeout=30.0, isolation_level=None)  # pragma: no cover


class MatchCache:
    """One open cache, used for one sync-and-rank (open it with `MatchCache.opened`,
    under the news lock, so another givedesk never syncs at the same time)."""

    def __init__(self, connection: sqlite3.Connection, lexicon: Lexicon) -> None:
        self.db = connection
        self.lexicon = lexicon
        self.article_nums: dict[str, int] = {}
        self.contact_nums: dict[str, int] = {}
        self._article_ids_by_num: dict[int, str] | None = None
        self._contact_ids_by_num: dict[int, str] | None = None
        self._packed: Packed | None = None
        """The `scores` table as arrays, once read (`_arrays`), kept in step by writes."""
        self.terms = _Terms(connection, lexicon)
        self._exact: _ExactScorer | None = None
        """Set by `sync`: how `best_pairs` scores exactly the pairs it holds only a bound of."""

    @classmethod
    @contextlib.contextmanager
    def opened(cls, path: Path, lexicon: Lexicon) -> Iterator[MatchCache]:
        """The cache in one transaction: written all at once at the end, or not at all."""
        connection = _connect(path)
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield cls(connection, lexicon)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        finally:
            connection.close()

    def _meta_changed(self, key: str, value: str) -> bool:
        """Record `value` under `key`; whether it differs from the recorded one."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is not None and row[0] == value:
            return False
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        return True

    @gc_paused
    def sync(
        self,
        articles: Records[Article],
        contacts: Records[Contact],
        stop_words: frozenset[str],
        config: MatchingConfig,
        decided: Iterable[tuple[str, str]],
        penalties_for: Callable[[HitsOf], Penalties],
    ) -> None:
        """Bring hits and base scores up to date with the desk, redoing only what changed
        (module docstring); `find_hits` judges each (term, text) on its own, so this gives
        what a full rescore would. `penalties_for` is asked the hits of the `decided`
        (article id, contact id) pairs only. A cold sync makes millions of small objects and no
        cycles, hence `gc_paused`."""
        found_by = digest([ENGINE_VERSION, *sorted(stop_words)])
        if self._meta_changed("hits", found_by):
            for table in TABLES:
                self.db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
            self.db.execute("DELETE FROM meta WHERE key IN ('news', 'people')")
            self._packed = None
        lexicon = lexicon_digest(self.lexicon)
        new_lexicon = self._meta_changed("lexicon", lexicon)
        weights = digest([*(repr(getattr(config, name)) for name in SCORING_FIELDS), lexicon])
        rescore_all = self._meta_changed("scores", weights)
        # Whole tables unchanged since the last sync (most runs): nobody's digests need
        # working out, and no record need be converted to learn that.
        same_news = not self._meta_changed("news", articles.digest())
        people = contacts.digest()
        same_people = not self._meta_changed("people", people) and not new_lexicon

        self._load_numbers()
        fresh, gone_articles = ([], set()) if same_news else self._sync_articles(articles)
        if same_people:
            changed: list[Contact] = []
            gone_contacts: set[str] = set()
            scorings_known = dict(self.db.execute("SELECT id, scoring FROM contacts"))
        else:
            changed, gone_contacts, scorings_known = self._sync_contacts(contacts, new_lexicon)
        dropped_articles = {self.article_nums[i] for i in gone_articles | {a.id for a in fresh}
                            if i in self.article_nums}
        dropped_contacts = {self.contact_nums[i] for i in gone_contacts | {c.id for c in changed}
                            if i in self.contact_nums}
        self.db.executemany("DELETE FROM pairs WHERE article = ?", ((n,) for n in dropped_articles))
        self.db.executemany("DELETE FROM pairs WHERE article = ? AND contact = ?",
                            self._pairs_of(dropped_contacts))
        self.db.executemany("DELETE FROM articles WHERE id = ?", ((i,) for i in gone_articles))
        self.db.executemany("DELETE FROM contacts WHERE id = ?", ((i,) for i in gone_contacts))
        if fresh or changed or gone_articles or gone_contacts:
            self._load_numbers()

        fresh_ids = {article.id for article in fresh}
        changed_ids = {contact.id for contact in changed}
        renewed = self._renewed_hits(
            [(a, c) for a, c in decided if a in articles and c in contacts
             and (a in fresh_ids or c in changed_ids)], articles, contacts, stop_words)

        def hits_of(article_id: str, contact_id: str) -> Sequence[MatchHit]:
            if article_id in fresh_ids or contact_id in changed_ids:
                return renewed.get((article_id, contact_id), [])
            key = (self.article_nums.get(article_id), self.contact_nums.get(contact_id))
            row = self.db.execute("SELECT hits FROM pairs WHERE article = ? AND contact = ?",
                                  key).fetchone()
            return [] if row is None else self.terms.decode(contact_id, row[0])

        penalties = penalties_for(hits_of)
        by_contact: dict[str, dict[str, float]] = {}
        for (contact_id, term), factor in penalties.items():
            by_contact.setdefault(contact_id, {})[term] = factor
        unlearned = digest(())  # most people: no decision has changed their weights
        scorings = {cid: digest(f"{t}={f!r}" for t, f in sorted(by_contact[cid].items()))
                    if cid in by_contact else unlearned for cid in contacts}
        rescored = {cid for cid in contacts
                    if rescore_all or scorings_known.get(cid) != scorings[cid]} - changed_ids
        self.db.executemany("UPDATE contacts SET scoring = ? WHERE id = ?",
                            ((scorings[cid], cid) for cid in rescored | changed_ids))

        self._exact = _ExactScorer(self, articles, contacts, config, penalties)
        writer = _PairWriter(self, config, penalties)
        # First the kept pairs of people whose weights changed (`pairs` holds no new pair
        # yet), then the new pairs, a batch of articles at a time: a cold run of a big
        # desk never holds all its hits at once.
        writer.add_cached(articles, self._hit_rows(
            self._pairs_of({self.contact_nums[cid] for cid in rescored})))
        if fresh and contacts:
            everyone = self._everyone(list(contacts), stop_words,
                                      digest([people, lexicon, found_by]))
            self._scan(writer, fresh, everyone, stop_words)
        if changed:
            self._scan(writer, [a for a in articles.values() if a.id not in fresh_ids],
                       self._index(changed_ids, stop_words), stop_words)
        dropped_contacts |= {self.contact_nums[cid] for cid in rescored}
        if writer.written or dropped_articles or dropped_contacts:
            self._update_scores(dropped_articles, dropped_contacts, writer.scored())

    def _scan(self, writer: _PairWriter, articles: Sequence[Article], index: TermIndex,
              stop_words: frozenset[str]) -> None:
        """Match these articles against the index's people and write the pairs found."""
        for start in range(0, len(articles), ARTICLES_PER_BATCH):
            batch = articles[start:start + ARTICLES_PER_BATCH]
            writer.add(HitColumns.found(
                term_matches(batch, index, stop_words), index,
                [self.article_nums[article.id] for article in batch],
                [article.local for article in batch]))

    def _index(self, contact_ids: Iterable[str], stop_words: frozenset[str]) -> TermIndex:
        return TermIndex.of(((self.contact_nums[cid], self.terms.searched(cid))
                             for cid in contact_ids), stop_words)

    def _everyone(self, contact_ids: Sequence[str], stop_words: frozenset[str],
                  key: str) -> TermIndex:
        """Everyone's `TermIndex`, as kept while `key` (of the people, the lexicon and
        the stop words) holds, else gathered anew and kept."""
        row = self.db.execute("SELECT data FROM term_index WHERE key = ?", (key,)).fetchone()
        if row is not None:
            with contextlib.suppress(msgspec.DecodeError, ValueError):
                return TermIndex.decode(row[0], stop_words)
        index = self._index(contact_ids, stop_words)
        self.db.execute("DELETE FROM term_index")
        self.db.execute("INSERT INTO term_index VALUES (?, ?)", (key, index.encode()))
        return index

    def _sync_articles(self, articles: Records[Article]) -> tuple[list[Article], set[str]]:
        """The articles new or edited since the last sync (numbered and recorded here),
        and the ids of those gone."""
        known = dict(self.db.execute("SELECT id, digest FROM articles"))
        digests = {article.id: _article_digest(article) for article in articles.values()}
        fresh = [article for article in articles.values()
                 if known.get(article.id) != digests[article.id]]
        gone = known.keys() - digests.keys()
        self.db.executemany(
            "INSERT INTO articles (id, digest) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET digest = excluded.digest",
            ((article.id, digests[article.id]) for article in fresh))
        return fresh, gone

    def _sync_contacts(
        self, contacts: Records[Contact], new_lexicon: bool,
    ) -> tuple[list[Contact], set[str], dict[str, str]]:
        """The people whose searched terms changed since the last sync (recorded here,
        with their terms), the ids of those gone, and everyone's recorded scoring digest."""
        known = {row[0]: row[1:] for row in self.db.execute(
            "SELECT id, terms, scoring, fields FROM contacts")}
        fields = {contact.id: _fields_digest(contact) for contact in contacts.values()}
        worked_out = {contact.id: self.terms.work_out(contact) for contact in contacts.values()
                      if new_lexicon or contact.id not in known
                      or known[contact.id][2] != fields[contact.id]}
        terms = {cid: _terms_digest(contacts[cid], worked_out[cid])
                 if cid in worked_out else known[cid][0] for cid in contacts}
        changed = [contacts[cid] for cid in contacts if known.get(cid, ("",))[0] != terms[cid]]
        self.db.executemany(
            "INSERT INTO contacts (id, terms, scoring, fields, searched) VALUES (?, ?, '', ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET terms = excluded.terms, fields = excluded.fields, "
            "searched = excluded.searched",
            ((cid, terms[cid], fields[cid], _encoder.encode(searched))
             for cid, searched in worked_out.items()
             if known.get(cid, ("", "", ""))[::2] != (terms[cid], fields[cid])))
        return changed, known.keys() - terms.keys(), {cid: row[1] for cid, row in known.items()}

    def _renewed_hits(
        self, pairs: Sequence[tuple[str, str]], news: Mapping[str, Article],
        people: Mapping[str, Contact], stop_words: frozenset[str],
    ) -> dict[tuple[str, str], list[MatchHit]]:
        """The hits of these decided pairs, found anew (their article is new or their
        person's terms changed): the feedback penalties need them before any pair is
        scored. Each pair is judged on its own, from the same searched terms, so these
        are the hits the batches find later."""
        if not pairs:
            return {}
        wanted = set(pairs)
        terms = distinct_terms(((c, self.terms.searched(c))
                                for c in dict.fromkeys(c for _, c in pairs)), stop_words)
        found = hits_in([news[a] for a in dict.fromkeys(a for a, _ in pairs)], terms, stop_words)
        renewed: dict[tuple[str, str], list[MatchHit]] = {}
        for article_id, hits in found.items():
            for hit in hits:
                if (article_id, hit.contact_id) in wanted:
                    renewed.setdefault((article_id, hit.contact_id), []).append(hit)
        return renewed

    def article_ids(self) -> dict[int, str]:
        """Article number -> id, kept until the numbers are read again."""
        if self._article_ids_by_num is None:
            self._article_ids_by_num = {num: aid for aid, num in self.article_nums.items()}
        return self._article_ids_by_num

    def contact_ids(self) -> dict[int, str]:
        """Contact number -> id, kept until the numbers are read again."""
        if self._contact_ids_by_num is None:
            self._contact_ids_by_num = {num: cid for cid, num in self.contact_nums.items()}
        return self._contact_ids_by_num

    def _load_numbers(self) -> None:
        self.article_nums = dict(self.db.execute("SELECT id, num FROM articles"))
        self.contact_nums = dict(self.db.execute("SELECT id, num FROM contacts"))
        self._article_ids_by_num = self._contact_ids_by_num = None

    def _arrays(self) -> Packed:
        """Every cached pair: (article numbers, contact numbers, base scores or their
        bounds (-inf for None), whether exact)."""
        if self._packed is not None:
            return self._packed
        rows = self.db.execute("SELECT article, contacts, bases, exact FROM scores").fetchall()
        if not rows:
            self._packed = _empty()
            return self._packed
        numbers, people, scores, exact = zip(*rows, strict=True)
        contacts = np.frombuffer(b"".join(people), dtype=np.int32).astype(np.int64)
        lengths = [len(blob) // 4 for blob in people]
        articles = np.repeat(np.array(numbers, dtype=np.int64), lengths)
        # copies: `best_pairs` settles bounds in place
        self._packed = (articles, contacts, np.frombuffer(b"".join(scores), dtype=np.float64).copy(),
                        np.frombuffer(b"".join(exact), dtype=np.bool_).copy())
        return self._packed

    def _update_scores(self, dropped_articles: set[int], dropped_contacts: set[int],
                       new: Packed) -> None:
        """The packed arrays without the dropped pairs, with the newly scored ones; only
        the rows of articles whose pairs changed are written. (No copy is made that
        nothing needs: at 10,000 people the arrays hold two million pairs.)"""
        old = self._arrays()
        touched = set(np.unique(new[0]).tolist()) | dropped_articles
        if dropped_articles or dropped_contacts:
            of_people = np.isin(old[1], list(dropped_contacts))
            kept = ~(np.isin(old[0], list(dropped_articles)) | of_people)
            # every new pair's article or person is among the dropped
            touched |= set(np.unique(old[0][of_people]).tolist())
            old = (old[0][kept], old[1][kept], old[2][kept], old[3][kept])
        self._packed = new if not len(old[0]) else (
            np.concatenate([old[0], new[0]]), np.concatenate([old[1], new[1]]),
            np.concatenate([old[2], new[2]]), np.concatenate([old[3], new[3]]))
        self._write_scores(touched)

    def _write_scores(self, touched: set[int]) -> None:
        """The `scores` rows of these articles, from the packed arrays, a batch of
        articles at a time (a cold run touches them all)."""
        self.db.executemany("DELETE FROM scores WHERE article = ?", ((n,) for n in touched))
        every = sorted(touched)
        for start in range(0, len(every), ARTICLES_PER_BATCH):
            self._insert_scores(every[start:start + ARTICLES_PER_BATCH])

    def _insert_scores(self, touched: list[int]) -> None:
        articles, contacts, bases, exact = self._arrays()
        wanted = np.isin(articles, touched)
        articles, contacts, bases, exact = (articles[wanted], contacts[wanted], bases[wanted],
                                            exact[wanted])
        order = np.argsort(articles, kind="stable")
        articles, contacts, bases, exact = (articles[order], contacts[order], bases[order],
                                            exact[order])
        numbers, starts = np.unique(articles, return_index=True)
        ends = np.r_[starts[1:], len(articles)][:len(starts)]  # none when no pair is left
        self.db.executemany("INSERT INTO scores VALUES (?, ?, ?, ?)", (
            (int(number), contacts[start:end].astype(np.int32).tobytes(),
             bases[start:end].tobytes(), exact[start:end].tobytes())
            for number, start, end in zip(numbers, starts, ends, strict=True)))

    def best_pairs(
        self,
        penalties: Mapping[str, float | None],
        threshold: float,
        allowance: Mapping[str, int],
        default_allowance: int,
        decided: Iterable[tuple[str, str]],
        total: int,
    ) -> set[PairKey]:
        """The pairs that can be among today's suggestions: per person, the open pairs
        (not in `decided`) at least as strong as their `allowance`-th strongest, among
        articles whose age penalty is in `penalties` (None: too old to be shown), and of
        those, the ones at least as strong as the `total`-th strongest of the day. A
        superset of what ranking keeps (ties and the rounding of scores are left to the
        caller).

        Pairs found since their last ranking hold only a bound of their score: the chosen
        ones among them are scored exactly (and kept so) and the choice made again, until
        every chosen pair is exact. A pair left out on its bound is left out on its score
        too, since the score is lower; so few pairs of a big desk are ever scored."""
        articles, contacts, bases, exact = self._arrays()
        if not len(bases) or total <= 0:
            return set()
        assert self._exact is not None, "sync first"
        size = int(articles.max()) + 1
        age_penalty = np.full(size, np.inf)
        for article_id, penalty in penalties.items():
            number = self.article_nums.get(article_id)
            if number is not None and number < size and penalty is not None:
                age_penalty[number] = penalty
        strength = bases - age_penalty[articles]
        allowed = np.full(int(contacts.max()) + 1, default_allowance, dtype=np.int64)
        for contact_id, count in allowance.items():
            if contact_id in self.contact_nums and self.contact_nums[contact_id] < len(allowed):
                allowed[self.contact_nums[contact_id]] = count
        closed = [_key(self.article_nums[a], self.contact_nums[c]) for a, c in decided
                  if a in self.article_nums and c in self.contact_nums]
        floor = threshold - 0.1
        # Only the strongest pairs can make the day: look among the strongest few
        # times `total` first, and widen only when too few of them are allowed.
        # Every open pair at least as strong as the look's lower edge is looked at, so
        # once the allowed among them reach `total`, the day's pairs are all there.
        looked = 4 * total
        while True:
            if looked < len(strength):
                edge = max(floor, float(np.partition(strength, len(strength) - looked)
                                        [len(strength) - looked]) - 1e-6)
            else:
                edge = floor
            index = np.flatnonzero(strength >= edge)
            if closed and len(index):
                index = index[~np.isin(_pair_keys(articles[index], contacts[index]), closed)]
            chosen, allowed_count = _day_cut(index, contacts[index], strength[index], allowed,
                                             total)
            pending = chosen[~exact[chosen]]
            if len(pending):
                self._exact.settle(pending)
                strength[pending] = bases[pending] - age_penalty[articles[pending]]
                continue
            if allowed_count >= total or edge == floor:
                self._exact.write()
                return set(zip(articles[chosen].tolist(), contacts[chosen].tolist(),
                               strict=True))
            looked *= 4

    def load_vectors(self, digests: Sequence[str]) -> dict[str, Vectors]:
        """Kept embeddings by text digest (`semantic.VectorSource`), half precision on
        disk: a text's vector is computed once, whatever run needs it next."""
        return {key: np.frombuffer(blob, dtype=np.float16).astype(np.float32)
                for key, blob in self._by_digest("SELECT digest, vector FROM vectors", digests)}

    def save_vectors(self, vectors: Mapping[str, Vectors]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
            ((key, vector.astype(np.float16).tobytes()) for key, vector in vectors.items()),
        )

    def load_neighbours(self, people: str, digests: Sequence[str]) -> dict[str, Neighbours]:
        """Each article's nearest people and means (`judged.candidates`), kept while the
        people are as they were (`people` is their fingerprint)."""
        rows = self._by_digest("SELECT digest, nearest, topics_mean, work_mean FROM neighbours "
                               "WHERE people = ?", digests, people)
        return {key: Neighbours(np.frombuffer(nearest, dtype=np.int32).tolist(), topics, work)
                for key, nearest, topics, work in rows}

    def _by_digest(self, select: str, digests: Sequence[str], *params: str) -> Iterator[Any]:
        """The rows of `select` (which may end in a WHERE clause) whose digest is one of
        `digests`, asked in chunks SQLite's parameter limit allows."""
        joiner = " AND" if " WHERE " in select else " WHERE"
        for start in range(0, len(digests), 900):
            chunk = digests[start:start + 900]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"{select}{joiner} digest IN ({marks})", [*params, *chunk])

    def save_neighbours(self, people: str, neighbours: Mapping[str, Neighbours]) -> None:
        """Only one desk's worth is kept: the rows of other people are of no use again."""
        self.db.execute("DELETE FROM neighbours WHERE people != ?", (people,))
        self.db.executemany(
            "INSERT OR REPLACE INTO neighbours VALUES (?, ?, ?, ?, ?)",
            ((key, people, np.asarray(found.nearest, dtype=np.int32).tobytes(),
              found.topics_mean, found.work_mean) for key, found in neighbours.items()),
        )

    def numbers(self, article_id: str, contact_id: str) -> PairKey | None:
        article, contact = self.article_nums.get(article_id), self.contact_nums.get(contact_id)
        return None if article is None or contact is None else (article, contact)

    def pairs(self, keys: Iterable[PairKey]) -> dict[PairKey, list[MatchHit]]:
        """The hits of these pairs, in `hit_order` (pairs without a score left out)."""
        contact_ids = self.contact_ids()
        return {(article, contact): self.terms.decode(contact_ids[contact], blob)
                for article, contact, blob in self._hit_rows(keys, scored_only=True)}

    def _hit_rows(self, keys: Iterable[PairKey], *,
                  scored_only: bool = False) -> list[tuple[int, int, bytes]]:
        """(article number, contact number, encoded hits) of those of these pairs that
        are cached (and scored, if asked)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (article INTEGER, contact INTEGER)")
        self.db.execute("DELETE FROM wanted")
        self.db.executemany("INSERT INTO wanted VALUES (?, ?)", keys)
        return self.db.execute(
            "SELECT p.article, p.contact, p.hits FROM wanted JOIN pairs p USING (article, contact)"
            + (" WHERE p.base IS NOT NULL" if scored_only else "")).fetchall()

    def _pairs_of(self, contacts: set[int]) -> list[PairKey]:
        """Every cached pair of these people, from the packed arrays."""
        if not contacts:
            return []
        articles, people, _, _ = self._arrays()
        wanted = np.isin(people, list(contacts))
        return list(zip(articles[wanted].tolist(), people[wanted].tolist(), strict=True))

    def all_hits(self) -> dict[str, list[MatchHit]]:
        """Article id -> every cached hit, in `hit_order` (what a full `find_hits` gives)."""
        contact_ids = self.contact_ids()
        found: dict[str, list[MatchHit]] = {}
        for article, contact, blob in self.db.execute("SELECT article, contact, hits FROM pairs"):
            found.setdefault(self.article_ids()[article], []).extend(
                self.terms.decode(contact_ids[contact], blob))
        return {key: sorted(hits, key=hit_order) for key, hits in found.items()}


class _PairWriter:
    """Bounds found pairs (`columns.bound_pairs`) and writes them a batch at a time,
    keeping their numbers and bounds for the packed arrays."""

    CACHED_PER_BATCH = 100_000
    """Cached pairs bounded again at once: rescoring a whole desk holds a batch's hits,
    not every pair's."""

    def __init__(self, cache: MatchCache, config: MatchingConfig, penalties: Penalties) -> None:
        self.cache = cache
        self.config = config
        numbers = cache.contact_nums
        self.factor_of = {(numbers[cid], term): factor
                          for (cid, term), factor in penalties.items() if cid in numbers}
        self.most = np.ones(max(numbers.values(), default=0) + 1)
        """Each person's largest feedback factor, at least 1, by contact number."""
        for (number, _), factor in self.factor_of.items():
            self.most[number] = max(self.most[number], factor)
        self.written = 0
        self._scored: list[Packed] = []

    def add(self, hits: HitColumns) -> None:
        pairs = bound_pairs(hits, self.config, self.factor_of, self.most)
        self.cache.db.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?, ?, ?)",
                                  pairs.rows())
        self._scored.append((pairs.articles, pairs.contacts, pairs.bounds, pairs.muted))
        self.written += len(pairs.articles)

    def add_cached(self, news: Mapping[str, Article],
                   rows: Sequence[tuple[int, int, bytes]]) -> None:
        """Cached pairs, (article number, contact number, encoded hits), to bound again."""
        article_ids, contact_ids = self.cache.article_ids(), self.cache.contact_ids()
        searched_of = {number: self.cache.terms.searched(contact_ids[number])
                       for number in {contact for _, contact, _ in rows}}
        for start in range(0, len(rows), self.CACHED_PER_BATCH):
            self.add(HitColumns.cached(
                ((article, contact, blob, news[article_ids[article]].local)
                 for article, contact, blob in rows[start:start + self.CACHED_PER_BATCH]),
                searched_of))

    def scored(self) -> Packed:
        """The packed arrays of every pair written (the batches' own are let go)."""
        if not self._scored:
            return _empty()
        articles, contacts, bases, exact = zip(*self._scored, strict=True)
        self._scored = []
        return (np.concatenate(articles), np.concatenate(contacts), np.concatenate(bases),
                np.concatenate(exact))


class _ExactScorer:
    """Scores exactly, from their cached hits, the pairs `best_pairs` chose on a bound:
    the packed arrays are settled at once, `pairs` and `scores` by `write`."""

    def __init__(self, cache: MatchCache, news: Mapping[str, Article],
                 people: Mapping[str, Contact], config: MatchingConfig,
                 penalties: Penalties) -> None:
        self.cache = cache
        self.news = news
        self.people = people
        self.config = config
        self.penalties = penalties
        self.judge = _Judge(cache.lexicon)
        self.settled: list[tuple[float | None, int, int]] = []
        """(exact base, article number, contact number) of the pairs settled."""

    def settle(self, positions: IntArray) -> None:
        """Replace the bounds at these positions of the packed arrays by exact scores
        (-inf where the context rules reject every hit)."""
        articles, contacts, bases, exact = self.cache._arrays()
        keys = list(zip(articles[positions].tolist(), contacts[positions].tolist(), strict=True))
        found = self.cache.pairs(keys)
        article_ids, contact_ids = self.cache.article_ids(), self.cache.contact_ids()
        texts: dict[int, ArticleText] = {}
        for position, key in zip(positions.tolist(), keys, strict=True):
            text = texts.get(key[0])
            if text is None:
                text = texts[key[0]] = ArticleText(self.news[article_ids[key[0]]])
            pair = _score_pair(text, self.people[contact_ids[key[1]]], found[key], 0.0,
                               self.config, self.penalties, self.judge)
            base = None if pair is None else pair.strength
            bases[position] = -np.inf if base is None else base
            exact[position] = True
            self.settled.append((base, *key))

    def write(self) -> None:
        if not self.settled:
            return
        self.cache.db.executemany(
            "UPDATE pairs SET base = ?, exact = 1 WHERE article = ? AND contact = ?",
            self.settled)
        self.cache._write_scores({article for _, article, _ in self.settled})
        self.settled = []


def _empty() -> Packed:
    nothing = np.zeros(0, dtype=np.int64)
    return nothing, nothing, np.zeros(0, dtype=np.float64), np.zeros(0, dtype=np.bool_)


def _day_cut(index: IntArray, people: IntArray, strength: FloatArray, allowed: IntArray,
             total: int) -> tuple[IntArray, int]:
    """Of the pairs at `index` (their people and strengths given): per person, those at
    least as strong as their `allowed`-th strongest, and of those, the ones at least as
    strong as the `total`-th strongest of the day; and how many pairs the people's
    allowances let through in all (ties beyond an allowance are kept but not counted)."""
    if not len(index):
        return index, 0
    # One sort by person, strongest first: a float key sorts far faster than lexsort;
    # its rounding (below 1e-8) is covered by the slack of the cut.
    order = np.argsort(people * SORT_SPAN - np.clip(strength, -SORT_SPAN / 4, SORT_SPAN / 4))
    people, strength, index = people[order], strength[order], index[order]
    starts = np.flatnonzero(np.r_[True, people[1:] != people[:-1]])
    group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(people)]))
    ends = np.r_[starts[1:], len(people)]
    last = starts + allowed[people[starts]] - 1
    cut = np.where(last < ends, strength[np.clip(last, 0, len(people) - 1)], -np.inf)
    cut[allowed[people[starts]] <= 0] = np.inf
    kept = strength >= cut[group] - 1e-6
    # The day's total counts only each person's first `allowed` pairs: the ties
    # kept beyond them above must not raise the day's cut.
    counted = strength[np.arange(len(people)) - starts[group] < allowed[people]]
    if len(counted) > total:
        kept &= strength >= np.partition(counted, len(counted) - total)[-total] - 1e-6
    return index[kept], len(counted)


def _key(article: int, contact: int) -> int:
    return (article << 32) | contact


def _pair_keys(articles: IntArray, contacts: IntArray) -> Any:
    return (articles << 32) | contacts
