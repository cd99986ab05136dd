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
    """The stored articles by id and by link, collecting what a fetch changes."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.by_id = {article.id: article for article in articles}
        self.by_link = {
            link_key(article.link): article for article in self.by_id.values() if article.link
        }
        self.changed: dict[str, Article] = {}

    def _find(self, entry: ParsedEntry) -> Article | None:
        found = self.by_id.get(entry.id)
        if found is None and entry.link:
            found = self.by_link.get(link_key(entry.link))
        return found

    def add(self, feed: Feed, entry: ParsedEntry, *, now: datetime, cutoff: datetime) -> bool:
        """Store `entry` from `feed`; True when it is a new article.

        An entry already stored under its id is updated (feeds correct titles); one
        whose link another feed already brought is merged into that article, which
        keeps its first title. An entry too old to keep is not stored at all, so it is
        not pruned and "new" again on every fetch. A date in the future is clamped to
        now, so it cannot sit on top of the news forever.
        """
        published = min(entry.published, now) if entry.published else None
        article = self._find(entry)
        if article is None:
            if (published or now) < cutoff:
                return False
            article = Article(
                id=entry.id, title=entry.title, feed_id=feed.id, summary=entry.summary,
                link=entry.link, published=published or now, fetched=now, feed_ids=[feed.id],
            )
            self.by_id[article.id] = article
            if article.link:
                self.by_link[link_key(article.link)] = article
            self.changed[article.id] = article
            return True
        if article.id == entry.id:
            article.title, article.summary = entry.title, entry.summary
            article.link = entry.link or article.link
            article.published = published or article.published
        if feed.id not in article.feed_ids:
            article.feed_ids.append(feed.id)
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
        """Ids of articles older than `cutoff` that nothing on the desk refers to."""
        return [
            article.id
            for article in self.by_id.values()
            if article.published < cutoff and article.id not in pinned
        ]
