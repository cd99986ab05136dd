"""The user's settings, read from `config.toml`.

No config file is a valid first run: every field has a default. A file with an
unknown key, a wrong type or a syntax error is refused as a whole (one line naming
the file and the key or line) rather than half-applied, so a typo never silently
changes how the desk behaves.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import msgspec

from givedesk.errors import UserError


class _Section(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A config table: unknown keys are an error, every field has a default."""


class DeskConfig(_Section):
    name: str = ""
    """Your name, used to sign drafted messages."""
    email: str = ""
    """Your address, for the mail client's From when it asks."""


class FetchConfig(_Section):
    concurrency: int = 16
    """Feeds fetched at once."""
    per_host: int = 4
    """Feeds fetched at once from one host, to stay polite."""
    timeout_seconds: float = 15.0
    """Connect and read timeout of one request."""
    max_bytes: int = 10_000_000
    """A feed body larger than this is abandoned and reported."""
    interval_minutes: int = 30
    """A feed is not fetched again sooner than this, unless forced."""
    retention_days: int = 30
    """Articles older than this are pruned, unless queued, given or acted on."""


class LocalConfig(_Section):
    place: str = ""
    """Your town or neighbourhood, substituted into `search_url_template`."""
    feeds: list[str] = []
    """Local news feeds (URLs or files); their articles are flagged local."""
    search_url_template: str = ""
    """A news-search feed URL with `{place}` in it, e.g. "https://news.example/rss?q={place}"."""


class MatchingConfig(_Section):
    threshold: float = 55.0
    """Suggestions scoring below this (0-100) are not shown."""
    max_per_contact: int = 3
    """At most this many article suggestions per contact per day."""
    title_weight: float = 1.0
    """Weight of a match in an article's title."""
    summary_weight: float = 0.7
    """Weight of a match found only in the summary."""
    mention_bonus: float = 15.0
    """Added when an article names the contact or their company."""
    need_bonus: float = 10.0
    """Added when an article is a lead for something the contact needs."""
    extra_term_bonus: float = 6.0
    """Added for each further distinct term that matched."""
    recency_days: int = 7
    """Articles older than this lose score gradually."""
    stop_words: list[str] = []
    """Words never used for matching, on top of the built-in English list."""


class FollowupsConfig(_Section):
    cadence_days: int = 30
    """A key relationship is due when the last give is older than this."""
    new_contact_days: int = 14
    """A contact met within this many days, with no give yet, is due."""


class IntrosConfig(_Section):
    reminder_days: int = 5
    """An introduction step waiting longer than this is flagged."""


class ComposeConfig(_Section):
    subject: str = "A few things I thought you'd find useful"
    """Subject of a drafted message."""
    greeting: str = "Hi {first_name},"
    """First line of a draft; {first_name} and {name} are filled in."""
    intro_line: str = "I came across these and thought of you:"
    """Line before the list of items."""
    signature: str = "Best,\n{my_name}"
    """Last lines of a draft; {my_name} is [desk] name."""


class Config(_Section):
    desk: DeskConfig = msgspec.field(default_factory=DeskConfig)
    fetch: FetchConfig = msgspec.field(default_factory=FetchConfig)
    local: LocalConfig = msgspec.field(default_factory=LocalConfig)
    matching: MatchingConfig = msgspec.field(default_factory=MatchingConfig)
    followups: FollowupsConfig = msgspec.field(default_factory=FollowupsConfig)
    intros: IntrosConfig = msgspec.field(default_factory=IntrosConfig)
    compose: ComposeConfig = msgspec.field(default_factory=ComposeConfig)


_PATH_IN_MESSAGE = re.compile(r"\s*-\s*at\s*`\$((?:\.[\w-]+|\[\d+\])*)`$")


def _explain_validation_error(error: msgspec.ValidationError) -> str:
    """Turn msgspec's "... - at `$.fetch.timeout`" into "'fetch.timeout': ..."."""
    message = str(error)
    found = _PATH_IN_MESSAGE.search(message)
    location = found.group(1).lstrip(".") if found else ""
    problem = message[: found.start()] if found else message
    unknown = re.match(r"Object contains unknown field `([^`]+)`", problem)
    if unknown:
        key = f"{location}.{unknown.group(1)}" if location else unknown.group(1)
        return f"unknown key '{key}'"
    problem = problem[0].lower() + problem[1:]
    return f"'{location}': {problem}" if location else problem


def parse_config(data: dict[str, Any], source: Path) -> Config:
    """Validate decoded TOML; the error names `source` and the offending key."""
    try:
        config = msgspec.convert(data, Config)
    except msgspec.ValidationError as error:
        raise UserError(f"{source}: {_explain_validation_error(error)}") from None
    _check_ranges(config, source)
    return config


def _check_ranges(config: Config, source: Path) -> None:
    positive = {
        "fetch.concurrency": config.fetch.concurrency,
        "fetch.per_host": config.fetch.per_host,
        "fetch.timeout_seconds": config.fetch.timeout_seconds,
        "fetch.max_bytes": config.fetch.max_bytes,
        "fetch.retention_days": config.fetch.retention_days,
        "matching.max_per_contact": config.matching.max_per_contact,
        "followups.cadence_days": config.followups.cadence_days,
    }
    for key, value in positive.items():
        if value <= 0:
            raise UserError(f"{source}: '{key}' must be greater than 0, got {value}")
    if not 0 <= config.matching.threshold <= 100:
        raise UserError(f"{source}: 'matching.threshold' must be between 0 and 100")
    template = config.local.search_url_template
    if template and "{place}" not in template:
        raise UserError(f"{source}: 'local.search_url_template' must contain {{place}}")


def load_config(path: Path) -> Config:
    """The config at `path`, or the defaults when there is no such file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise UserError(f"{path}: cannot read config: {error.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{path}: TOML syntax error: {error}") from None
    return parse_config(data, path)
