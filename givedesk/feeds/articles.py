"""Merging parsed entries into the stored articles, and keeping `news.json` bounded.

Pure logic over lists, run inside the fetch's single transaction: it sees every
stored article once, so merging a fetch of thousands of entries costs one pass and
one write, not one per entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from givedesk.feeds.parse import ParsedEntry
from givedesk.feeds.sanitize import link_key
from givedesk.models import Article, Feed
from givedesk.store import Store

__all__ = ["ArticleIndex", "pinned_article_ids", "retention_cutoff"]


def retention_cutoff(now: datetime, retention_days: int) -> datetime:
    """Articles published before this are pruned (a huge setting keeps everything)."""
    try:
        return now - timedelta(days=retention_days)
    except OverflowError:
        return datetime.min.replace(tzinfo=UTC)


def pinned_article_ids(store: Store) -> set[str]:
    """Articles the user acted on, which must outlive retention: queued, given, or
    decided about (a dismissed suggestion must stay dismissed)."""
    with store.desk.transaction():
        pinned = {item.article_id for item in store.queue.all() if item.article_id}
        pinned |= {give.article_id for give in store.gives.all() if give.article_id}
        pinned |= {s.subject_id for s in store.states.all() if s.kind == "match"}
    return pinned


class ArticleIndex:
    """The stored articles by id and by link, collecting what a fetch changes.

    Which title wins when feeds carry the same story: the article keeps the title of
    the feed that brought it first; feeds fetched together are merged in the order
    they were added (`feeds list`), so the earliest-added feed wins. Only that feed
    updates the title and summary later; the others just add themselves to it.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self.by_id: dict[str, Article] = {}
        self.aliases: dict[str, Article] = {}
        self.by_link: dict[str, Article] = {}
        self.changed: dict[str, Article] = {}
        self.still_carried: set[str] = set()
        """Articles whose date the feed cannot vouch for (undated, or dated in the
        future) seen in this fetch: kept while their feed carries them, or they would
        come back as new the fetch after being pruned."""
        for article in articles:
            self._index(article)

    def _index(self, article: Article) -> None:
        self.by_id[article.id] = article
        self.aliases.update(dict.fromkeys(article.merged_ids, article))
        if article.link:
            self.by_link.setdefault(link_key(article.link), article)

    def _find(self, feed: Feed, entry: ParsedEntry) -> Article | None:
        """The stored article `entry` is: by its id, else by its link when that is the
        same story from another feed, or an entry without a guid (its id then is its
        link, which may have been spelled differently before)."""
        found = self.by_id.get(entry.id) or self.aliases.get(entry.id)
        if found is not None or not entry.link:
            return found
        found = self.by_link.get(link_key(entry.link))
        if found is None:
            return None
        if entry.identity == "link" or feed.id not in found.feed_ids:
            return found
        return None

    def add(self, feed: Feed, entry: ParsedEntry, *, now: datetime, cutoff: datetime) -> bool:
        """Store `entry` from `feed`; True when it is a new article.

        A date in the future is clamped to now when the article is first seen and kept
        so (it cannot sit on top of the news forever, nor escape pruning); an undated
        entry is dated when first seen and marked undated. An entry too old to keep is
        not stored at all, so it is not pruned and "new" again on every fetch.
        """
        article = self._find(feed, entry)
        if entry.published is None or entry.published > now:
            self.still_carried.add(article.id if article else entry.id)
        if article is None:
            published = min(entry.published, now) if entry.published else now
            if published < cutoff:
                return False
            article = Article(
                id=entry.id, title=entry.title, feed_id=feed.id, summary=entry.summary,
                link=entry.link, published=published, fetched=now, feed_ids=[feed.id],
                dated=entry.published is not None,
            )
            self._index(article)
            self.changed[article.id] = article
            return True
        if article.feed_id == feed.id and entry.has_text:
            article.title, article.summary = entry.title, entry.summary
            article.link = entry.link or article.link
        dated = entry.published
        # A date later than the first sighting is the clamped future date again: kept.
        if article.feed_id == feed.id and dated is not None and dated <= article.fetched:
            article.published, article.dated = dated, True
        if feed.id not in article.feed_ids:
            article.feed_ids.append(feed.id)
        if entry.id != article.id and entry.id not in article.merged_ids:
            article.merged_ids.append(entry.id)
            self.aliases[entry.id] = article
        self.changed[article.id] = article
        return False

    def mark_local(self, feeds: Iterable[Feed]) -> None:
        """An article is local when any feed carrying it is: recomputed for all, so a
        feed marked (or unmarked) local changes its old articles too."""
        local_ids = {feed.id for feed in feeds if feed.local}
        for article in self.by_id.values():
            local = any(fid in local_ids for fid in article.feed_ids or [article.feed_id])
            if local != article.local:
                article.local = local
                self.changed[article.id] = article

    def prunable(self, cutoff: datetime, pinned: set[str]) -> list[str]:
        """Ids of articles older than `cutoff` that nothing on the desk refers to, and
        that are not undated stories their feed still carries."""
        return [
            article.id
            for article in self.by_id.values()
            if article.published < cutoff
            and article.id not in pinned
            and article.id not in self.still_carried
        ]
