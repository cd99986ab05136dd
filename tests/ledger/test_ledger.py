"""The ledger service: gives, asks, feedback and the Review figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from givedesk.errors import UserError
from givedesk.ledger import (
    add_ask,
    balances,
    check_link,
    desk_streak,
    filter_gives,
    get_give,
    gives_per_week,
    key_coverage,
    log_give,
    review_stats,
    set_give_feedback,
)
from givedesk.store import Store
from tests.people import NOW, add_give, add_person, days_ago


def test_a_give_made_away_from_the_app_is_logged_in_utc(store: Store) -> None:
    zoe = add_person(store, "Zoë Okafor")
    local = NOW.astimezone(timezone(timedelta(hours=-8)))
    give = log_give(store, zoe, "help", "  Coffee;\x1b[31m talked pricing ", now=local,
                    link="https://example.com/a")
    stored = get_give(store, give.id)
    assert (stored.kind, stored.note, stored.link) == ("help", "Coffee; talked pricing",
                                                       "https://example.com/a")
    assert stored.given_on == NOW and stored.given_on.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("kind", "note", "link", "message"),
    [
        ("gift", "x", None, "not a kind of give"),
        ("help", "   ", None, "needs a note"),
        ("help", "x", "javascript:alert(1)", r"must be an http\(s\) URL"),
        ("help", "x", "file:///etc/passwd", r"must be an http\(s\) URL"),
        ("help", "x", "https://", r"must be an http\(s\) URL"),
        ("help", "x", "https://example.com/a b", "cannot contain spaces"),
    ],
)
def test_bad_gives_are_refused_and_nothing_is_stored(
    store: Store, kind: str, note: str, link: str | None, message: str
) -> None:
    zoe = add_person(store, "Zoë Okafor")
    with pytest.raises(UserError, match=message):
        log_give(store, zoe, kind, note, now=NOW, link=link)
    assert store.gives.count() == 0


def test_an_empty_link_is_no_link() -> None:
    assert check_link("  ") is None and check_link(None) is None


def test_asks_are_kept_apart_from_gives(store: Store) -> None:
    zoe = add_person(store, "Zoë Okafor")
    ask = add_ask(store, zoe, "An intro to her bank manager", NOW)
    assert store.asks.all() == [ask] and store.gives.count() == 0
    with pytest.raises(UserError, match="needs a text"):
        add_ask(store, zoe, " ", NOW)


def test_feedback_is_stored_changed_and_forgotten(store: Store) -> None:
    give = add_give(store, add_person(store, "Zoë Okafor"), 1)
    assert set_give_feedback(store, give.id, "not-relevant").feedback == "not-relevant"
    assert get_give(store, give.id).feedback == "not-relevant"
    set_give_feedback(store, give.id, "useful")
    assert get_give(store, give.id).feedback == "useful"
    set_give_feedback(store, give.id, None)
    assert get_give(store, give.id).feedback is None
    with pytest.raises(UserError, match="no give with id 'nope'"):
        set_give_feedback(store, "nope", "useful")
    with pytest.raises(UserError, match="is not feedback"):
        set_give_feedback(store, give.id, "meh")  # type: ignore[arg-type]


def test_filters_combine_and_the_newest_comes_first(store: Store) -> None:
    zoe, hana = add_person(store, "Zoë Okafor"), add_person(store, "Hana Kobayashi")
    old = add_give(store, zoe, 10)
    new = add_give(store, zoe, 1, kind="article")
    hers = add_give(store, hana, 2)
    everything = store.gives.all()
    assert filter_gives(everything) == [new, hers, old]
    assert filter_gives(everything, contact_id=zoe.id) == [new, old]
    assert filter_gives(everything, since=days_ago(5)) == [new, hers]
    assert filter_gives(everything, since=days_ago(5), kind="help") == [hers]


def test_gives_per_week_counts_monday_to_sunday_for_twelve_weeks(store: Store) -> None:
    zoe = add_person(store, "Zoë Okafor")
    gives = [add_give(store, zoe, days) for days in (0, 4, 5, 7 * 11 + 4, 7 * 12 + 4, 400)]
    weeks = gives_per_week(gives, NOW)
    assert len(weeks) == 12
    assert weeks[-1].start == date(2026, 11, 16) and weeks[-1].start.weekday() == 0
    assert weeks[0].start == date(2026, 8, 31)
    # Friday and Monday of this week; Sunday before is last week; 11 weeks back is the first.
    assert [week.gives for week in weeks] == [1] + [0] * 9 + [1, 2]


@pytest.mark.parametrize(
    ("days", "streak"),
    [
        ((0, 1, 2), 3),
        ((1, 2, 3, 5), 3),  # ending yesterday still counts
        ((2, 3), 0),  # a day missed
        ((0, 0.1, 2), 1),
        ((), 0),
    ],
)
def test_desk_streak(store: Store, days: tuple[float, ...], streak: int) -> None:
    zoe = add_person(store, "Zoë Okafor")
    assert desk_streak([add_give(store, zoe, d) for d in days], NOW) == streak


def test_desk_days_are_counted_in_the_time_zone_of_now(store: Store) -> None:
    """23:30 UTC yesterday is already today in Tokyo."""
    zoe = add_person(store, "Zoë Okafor")
    late = add_give(store, zoe, 0)
    late.given_on = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    assert desk_streak([late], tokyo) == 1
    assert gives_per_week([late], tokyo)[-1].gives == 1


def test_key_relationships_helped_in_the_last_30_days(store: Store) -> None:
    helped = add_person(store, "Helped", key=True)
    lapsed = add_person(store, "Lapsed", key=True)
    casual = add_person(store, "Casual")
    gives = [add_give(store, helped, 29), add_give(store, lapsed, 31), add_give(store, casual, 1)]
    coverage = key_coverage([helped, lapsed, casual], gives, NOW)
    assert (coverage.helped, coverage.total, coverage.not_helped) == (1, 2, [lapsed])


def test_someone_asked_more_than_given_is_flagged_and_listed_first(store: Store) -> None:
    zoe, hana, nobody = (add_person(store, name) for name in ("Zoë", "Hana", "Nobody"))
    gives = [add_give(store, zoe, 1), add_give(store, zoe, 2), add_give(store, hana, 1)]
    asks = [add_ask(store, hana, "a favour", NOW), add_ask(store, hana, "another", NOW),
            add_ask(store, zoe, "one", NOW)]
    rows = balances([zoe, hana, nobody], gives, asks)
    assert [(r.contact.name, r.gives, r.asks, r.flagged) for r in rows] == [
        ("Hana", 1, 2, True), ("Zoë", 2, 1, False)]


def test_review_stats_read_the_whole_desk(store: Store) -> None:
    zoe = add_person(store, "Zoë", key=True)
    add_give(store, zoe, 0)
    add_ask(store, zoe, "a favour", NOW)
    stats = review_stats(store, NOW)
    assert stats.streak == 1 and stats.weeks[-1].gives == 1
    assert (stats.key_coverage.helped, stats.key_coverage.total) == (1, 1)
    assert [(b.gives, b.asks, b.flagged) for b in stats.balances] == [(1, 1, False)]
