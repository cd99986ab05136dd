"""The moment a command runs, in the user's own time zone.

Desk days, weeks and `--since DATE` are the user's days, not UTC's; the services
count days in the zone of the `now` they are given and store UTC. Tests replace
`local_now` to freeze the clock.
"""

from __future__ import annotations

from datetime import datetime


def local_now() -> datetime:
    return datetime.now().astimezone()


def local_midnight(day: datetime) -> datetime:
    """The start of a day given on the command line (`click.DateTime`, naive), locally."""
    return day.replace(hour=0, minute=0, second=0, microsecond=0).astimezone()
