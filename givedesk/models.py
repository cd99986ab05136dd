"""The desk's records as small typed dataclasses.

Only `givedesk.store` turns them into TinyDB documents; everything else works with
these. Ids are short random strings so they stay stable across export, restore and
merges (TinyDB's own integer ids are an implementation detail of one file).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

GiveKind = Literal["article", "intro", "lead", "info", "help"]
GIVE_KINDS: tuple[GiveKind, ...] = ("article", "intro", "lead", "info", "help")
Feedback = Literal["useful", "not-relevant"]
SuggestionKind = Literal["match", "intro", "occasion"]
SuggestionStatus = Literal["dismissed", "snoozed", "queued", "given"]
IntroStatus = Literal[
    "proposed", "asked_a", "a_agreed", "asked_b", "b_agreed", "introduced", "declined", "no_reply"
]


def new_id() -> str:
    """A short random id; 12 hex digits make collisions negligible for one person's desk."""
    return secrets.token_hex(6)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ContactPoint:
    """One email address, phone number or web link, with the label it came with."""

    value: str
    label: str = ""
    """"work", "cell", "linkedin"...: lower case, as the file or the user wrote it."""


@dataclass
class Contact:
    """A person you want to help."""

    name: str
    id: str = field(default_factory=new_id)
    email: str = ""
    phone: str = ""
    company: str = ""
    role: str = ""
    location: str = ""
    interests: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    notes: str = ""
    key: bool = False
    cadence_days: int | None = None
    """Days between gives for a key relationship; None means the config default."""
    met_at: str = ""
    met_on: date | None = None
    """The day you met, as you said it (typed, your own CSV or vCard): "N years since you
    met" counts from it."""
    connected_on: date | None = None
    """The day a network connected you (LinkedIn's "Connected On"): not a meeting, so no
    anniversary counts from it; a recent one still makes a first give due."""
    tags: list[str] = field(default_factory=list)
    muted_topics: list[str] = field(default_factory=list)
    """Topics never to suggest to this person, whatever their interests say."""
    created: datetime = field(default_factory=utc_now)
    updated: datetime = field(default_factory=utc_now)
    emails: list[ContactPoint] = field(default_factory=list)
    """Every address, the preferred one first; it is also `email`, which the rest of
    the desk uses (`givedesk.contacts.clean_contact` keeps the two in step)."""
    phones: list[ContactPoint] = field(default_factory=list)
    """Every number, the preferred one (`phone`) first."""
    urls: list[ContactPoint] = field(default_factory=list)
    """Profile and web links, http(s) only."""
    birthday: str = ""
    """"1984-04-15", or "--04-15" when the year is unknown (`givedesk.partial_date`)."""
    anniversary: str = ""
    """A wedding or other personal anniversary, in the same form as `birthday`."""
    work_anniversary: str = ""
    """The day they started at their current company, in the same form as `birthday`."""
    nickname: str = ""
    aliases: list[str] = field(default_factory=list)
    """Other words for this person's topics, each "topic: alias, alias" ("information
    security: infosec, phishing"): matched like the topic, and said so."""

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def position(self) -> str:
        """"Chef at Bellini's Trattoria", either part alone, or "" when neither is known."""
        return " at ".join(part for part in (self.role, self.company) if part)


@dataclass
class Feed:
    """A news source: an http(s) URL or a local file."""

    url: str
    id: str = field(default_factory=new_id)
    name: str = ""
    local: bool = False
    enabled: bool = True
    category: str = ""
    interval_minutes: int | None = None
    """Minimum minutes between fetches; None means the config default."""
    etag: str | None = None
    last_modified: str | None = None
    last_fetched: datetime | None = None
    last_status: str | None = None
    """"ok", "not-modified", "error", "skipped" or None before the first fetch."""
    last_error: str | None = None
    failures: int = 0
    """Consecutive failed fetches."""
    last_warning: str | None = None
    """What was wrong with the feed the last time its entries were kept anyway (malformed)."""
    retry_after: datetime | None = None
    added: datetime = field(default_factory=utc_now)


@dataclass
class Article:
    """One news item, stored as plain text."""

    id: str
    title: str
    feed_id: str
    summary: str = ""
    link: str | None = None
    published: datetime = field(default_factory=utc_now)
    fetched: datetime = field(default_factory=utc_now)
    local: bool = False
    feed_ids: list[str] = field(default_factory=list)
    """Every feed that carried this article (duplicates across feeds are merged)."""
    dated: bool = True
    """False when the feed gave no usable date: `published` is then when it was first seen."""
    merged_ids: list[str] = field(default_factory=list)
    """Ids the same story has in the other feeds that carried it (merged by link)."""


@dataclass
class Give:
    """Something given to a person: the ledger's line."""

    contact_id: str
    kind: GiveKind
    note: str = ""
    id: str = field(default_factory=new_id)
    link: str | None = None
    article_id: str | None = None
    lead_id: str | None = None
    intro_id: str | None = None
    source: str = ""
    """Where a forwarded lead came from."""
    given_on: datetime = field(default_factory=utc_now)
    feedback: Feedback | None = None


@dataclass
class Ask:
    """Something asked of a person: kept apart from gives on purpose."""

    contact_id: str
    text: str
    id: str = field(default_factory=new_id)
    asked_on: datetime = field(default_factory=utc_now)


@dataclass
class QueueItem:
    """Something chosen to share with a person, waiting in the outbox."""

    contact_id: str
    title: str
    kind: GiveKind = "article"
    id: str = field(default_factory=new_id)
    link: str | None = None
    article_id: str | None = None
    lead_id: str | None = None
    note: str = ""
    queued_on: datetime = field(default_factory=utc_now)
    occasion: bool = False
    """A note for a birthday or the like: its title is a line of the message itself."""


@dataclass
class SuggestionState:
    """What the user decided about a suggestion, so it is not suggested again."""

    kind: SuggestionKind
    subject_id: str
    """The article id for a match; the other contact's id for an intro."""
    contact_id: str
    status: SuggestionStatus
    id: str = field(default_factory=new_id)
    until: date | None = None
    """For a snooze: suggested again from this day."""
    updated: datetime = field(default_factory=utc_now)


@dataclass
class IntroStep:
    status: IntroStatus
    at: datetime = field(default_factory=utc_now)
    note: str = ""


@dataclass
class Intro:
    """A double opt-in introduction between two contacts."""

    a_id: str
    b_id: str
    id: str = field(default_factory=new_id)
    status: IntroStatus = "proposed"
    reason: str = ""
    history: list[IntroStep] = field(default_factory=list)
    created: datetime = field(default_factory=utc_now)


@dataclass
class Lead:
    """An opportunity someone could use: a project, a job, a request."""

    text: str
    id: str = field(default_factory=new_id)
    link: str | None = None
    source: str = ""
    created: datetime = field(default_factory=utc_now)
    dismissed: bool = False
    """Done with: no longer offered on Today, whoever it was forwarded to."""


MatchField = Literal["interests", "needs", "company", "name", "muted_topics", "role", "surname"]
"""Where a matched term came from; "role" is the field of the contact's role or company
(weak evidence: "fire code" for a fire-safety engineer); "surname" is the family name
alone, which names the person only beside their company ("Ms. Okafor of Okafor Coffee")."""


@dataclass(slots=True)
class MatchHit:
    """One of a contact's terms found in one article: what matching caches, so that only
    new articles and contacts whose terms changed are scanned again."""

    contact_id: str
    field: MatchField
    term: str
    similarity: float
    """0-100, before any weighting."""
    in_title: bool
    first_token: int
    """Index of the first matched word in the title or summary."""
    last_token: int
