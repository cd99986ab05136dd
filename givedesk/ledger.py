"""The ledger: gives and asks, feedback on gives, and the figures the Review screen shows.

Gives (what you did for someone) and asks (what you asked of them) are separate tables
on purpose: building a network and drawing on it are different acts, and the Review
puts them side by side instead of netting one against the other.

Functions that depend on the time take `now` (an aware datetime). Days (a desk day, a
week, `--since`) are counted in `now`'s time zone, so pass a local time to count local
days; stored timestamps are always UTC.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from givedesk.errors import UserError
from givedesk.models import (
    GIVE_KINDS,
    Ask,
    Contact,
    Feedback,
    Give,
    GiveKind,
)
from givedesk.store import Store
from givedesk.text import clean_text

FEEDBACK_VALUES: tuple[Feedback, ...] = ("useful", "not-relevant")
NOTE_MAX_LENGTH = 1000


def as_utc(now: datetime) -> datetime:
    """How a moment is stored: UTC, whatever zone the caller counts days in."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


def local_day(moment: datetime, now: datetime) -> date:
    """The day `moment` fell on, in `now`'s time zone."""
    return moment.astimezone(now.tzinfo).date()


def check_link(link: str | None) -> str | None:
    """An http(s) URL as given, or None; anything else (javascript:, file:) is refused,
    because a link in the ledger is opened with one key."""
    if link is None or not link.strip():
        return None
    text = link.strip()
    parts = urlsplit(text)
    if parts.scheme.casefold() not in ("http", "https") or not parts.netloc:
        raise UserError(f"'{link}': a link must be an http(s) URL")
    if any(character.isspace() or ord(character) < 32 for character in text):
        raise UserError(f"'{link}': a link cannot contain spaces or control characters")
    return text


def _check_kind(kind: str) -> GiveKind:
    for known in GIVE_KINDS:
        if kind == known:
            return known
    raise UserError(f"'{kind}' is not a kind of give (one of: {', '.join(GIVE_KINDS)})")


def log_give(
    store: Store, contact: Contact, kind: str, note: str, *, now: datetime,
    link: str | None = None,
) -> Give:
    """Record a give made away from the app: a call, a coffee, an email sent by hand."""
    text = clean_text(note, max_length=NOTE_MAX_LENGTH)
    if not text:
        raise UserError("a give needs a note saying what you gave")
    give = Give(contact_id=contact.id, kind=_check_kind(kind), note=text,
                link=check_link(link), given_on=as_utc(now))
    return store.gives.insert(give)


def add_ask(store: Store, contact: Contact, text: str, now: datetime) -> Ask:
    """Record something you asked of `contact`; it never counts as a give."""
    cleaned = clean_text(text, max_length=NOTE_MAX_LENGTH)
    if not cleaned:
        raise UserError("an ask needs a text saying what you asked")
    return store.asks.insert(Ask(contact_id=contact.id, text=cleaned, asked_on=as_utc(now)))


def get_give(store: Store, give_id: str) -> Give:
    give = store.gives.get(give_id.strip())
    if give is None:
        raise UserError(f"no give with id '{give_id}' (see: givedesk gives)")
    return give


def set_give_feedback(store: Store, give_id: str, feedback: Feedback | None) -> Give:
    """Remember whether a give helped; "not-relevant" makes matching offer that person
    fewer suggestions like it. None forgets the feedback."""
    if feedback is not None and feedback not in FEEDBACK_VALUES:
        raise UserError(f"'{feedback}' is not feedback (one of: {', '.join(FEEDBACK_VALUES)})")
    with store.desk.transaction():
        give = get_give(store, give_id)
        give.feedback = feedback
        return store.gives.save(give)


def filter_gives(
    gives: Iterable[Give], *, since: datetime | None = None, contact_id: str | None = None,
    kind: GiveKind | None = None,
) -> list[Give]:
    """The ledger's lines that pass every filter given, newest first."""
    kept = [
        give for give in gives
        if (since is None or give.given_on >= since)
        and (contact_id is None or give.contact_id == contact_id)
        and (kind is None or give.kind == kind)
    ]
    return sorted(kept, key=lambda give: give.given_on, reverse=True)


def last_give_by_contact(gives: Iterable[Give]) -> dict[str, datetime]:
    """When each person was last given something."""
    latest: dict[str, datetime] = {}
    for give in gives:
        if give.contact_id not in latest or give.given_on > latest[give.contact_id]:
            latest[give.contact_id] = give.given_on
    return latest


@dataclass(frozen=True)
class WeekCount:
    start: date
    """The Monday the week starts on."""
    gives: int


def gives_per_week(gives: Iterable[Give], now: datetime, weeks: int = 12) -> list[WeekCount]:
    """Gives in each of the last `weeks` weeks (Monday to Sunday), oldest first; the last
    one is the current week."""
    today = now.date()
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    counts = Counter(
        (day - first).days // 7 for give in gives
        if first <= (day := local_day(give.given_on, now)) <= today
    )
    return [WeekCount(first + timedelta(weeks=index), counts[index]) for index in range(weeks)]


def desk_streak(gives: Iterable[Give], now: datetime) -> int:
    """Consecutive days with at least one give, ending today or yesterday.

    Yesterday counts as the end so that a streak does not read 0 every morning
    before the day's first give.
    """
    days = {local_day(give.given_on, now) for give in gives}
    day = now.date()
    if day not in days:
        day -= timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


@dataclass(frozen=True)
class KeyCoverage:
    """How many key relationships were helped lately, and who was not."""

    helped: int
    total: int
    not_helped: list[Contact]


def key_coverage(
    contacts: Iterable[Contact], gives: Iterable[Give], now: datetime, days: int = 30
) -> KeyCoverage:
    cutoff = as_utc(now) - timedelta(days=days)
    recent = {give.contact_id for give in gives if give.given_on >= cutoff}
    key = [contact for contact in contacts if contact.key]
    missing = [contact for contact in key if contact.id not in recent]
    return KeyCoverage(len(key) - len(missing), len(key), missing)


@dataclass(frozen=True)
class Balance:
    """Gives against asks for one person."""

    contact: Contact
    gives: int
    asks: int

    @property
    def flagged(self) -> bool:
        """Asked more than given: worth a give before the next ask."""
        return self.asks > self.gives


def balances(
    contacts: Iterable[Contact], gives: Iterable[Give], asks: Iterable[Ask]
) -> list[Balance]:
    """Everyone with a give or an ask, those asked more than given first."""
    given = Counter(give.contact_id for give in gives)
    asked = Counter(ask.contact_id for ask in asks)
    rows = [
        Balance(contact, given[contact.id], asked[contact.id])
        for contact in contacts if given[contact.id] or asked[contact.id]
    ]
    return sorted(rows, key=lambda row: (row.gives - row.asks, row.contact.name.casefold()))


@dataclass(frozen=True)
class ReviewStats:
    """Everything the Review screen shows besides the ledger itself."""

    weeks: list[WeekCount]
    streak: int
    key_coverage: KeyCoverage
    balances: list[Balance]


def review_stats(store: Store, now: datetime) -> ReviewStats:
    """The Review figures, read in one pass over the desk (it works offline)."""
    with store.desk.transaction():
        contacts, gives, asks = store.contacts.all(), store.gives.all(), store.asks.all()
    return summarise_review(contacts, gives, asks, now)


def summarise_review(
    contacts: list[Contact], gives: list[Give], asks: list[Ask], now: datetime
) -> ReviewStats:
    """The Review figures from records already read (the Review screen keeps them)."""
    return ReviewStats(
        weeks=gives_per_week(gives, now),
        streak=desk_streak(gives, now),
        key_coverage=key_coverage(contacts, gives, now),
        balances=balances(contacts, gives, asks),
    )
