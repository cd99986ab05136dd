"""The moment a command runs, in the user's own time zone.

Desk days, weeks and `--since DATE` are the user's days, not UTC's; the services
count days in the zone of the `now` they are given and store UTC. Tests replace
`local_now` to freeze the clock.
"""

from __future__ import annotations

from datetime import datetime, time

import click

from givedesk.partial_date import parse_day


def local_now() -> datetime:
    return datetime.now().astimezone()


def local_midnight(day: datetime) -> datetime:
    """The start of a day given on the command line (`click.DateTime`, naive), locally."""
    return day.replace(hour=0, minute=0, second=0, microsecond=0).astimezone()


class DayType(click.ParamType[datetime]):
    """An option's YYYY-MM-DD as a naive midnight (what `click.DateTime` gave), refused in
    the desk's words, "not a date: '2026-13-01'", rather than as a strptime format."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.combine(parse_day(str(value)), time())
        except ValueError as error:
            self.fail(str(error), param, ctx)


DAY = DayType()
