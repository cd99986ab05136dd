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
    role: str = ""
    """Your own role ("Product designer"): people in your field are suggested as key
    relationships a little sooner."""


class FetchConfig(_Section):
    concurrency: int = 32
    """Feeds fetched at once (politeness is `per_host`; this bounds our own sockets)."""
    per_host: int = 4
    """Feeds fetched at once from one host, to stay polite."""
    timeout_seconds: float = 15.0
    """Connect and read timeout of one request."""
    deadline_seconds: float = 120.0
    """Longest one feed may take in all, so a server dripping bytes cannot stall a fetch."""
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
    threshold: float | None = None
    """Suggestions scoring below this (0-100) are not shown; unset, the fitted scorer's
    own threshold (`givedesk/matching/scorer.json`, chosen for the best F1 on dev)."""
    max_per_contact: int = 3
    """At most this many article suggestions per contact per day (queued or given today count)."""
    max_suggestions: int = 100
    """At most this many article suggestions a day in all, best first (queued or given today
    count): a morning's triage, however many people and articles the desk holds."""
    max_age_days: int = 14
    """Articles published longer ago than this are not suggested."""
    title_weight: float = 1.0
    """Weight of a match in an article's title."""
    summary_weight: float = 0.7
    """Weight of a match found only in the summary."""
    mention_bonus: float = 15.0
    """Added when an article names the contact or their company."""
    local_mention_bonus: float = 5.0
    """Added on top of mention_bonus when the naming article is local news."""
    need_bonus: float = 10.0
    """Added when an article is a lead for something the contact needs."""
    extra_term_bonus: float = 6.0
    """Added for each further distinct term that matched (up to three)."""
    recency_days: int = 7
    """Age at which an article has lost all of recency_penalty."""
    recency_penalty: float = 10.0
    """Points an article loses, in proportion to its age, until it is recency_days old."""
    not_relevant_factor: float = 0.5
    """A term's weight for a person is multiplied by this for each give they found not relevant."""
    stop_words: list[str] = []
    """Words never used for matching, on top of the built-in English list."""
    related_weight: float = 0.85
    """Weight of a match on a related term (lexicon or alias) against the person's own term."""
    role_weight: float = 0.7
    """Weight of a match on the field of the person's role or company (weak evidence)."""
    lexicon: str = ""
    """A related-terms lexicon file to use instead of the bundled one (see lexicon.toml)."""
    aliases: dict[str, list[str]] = {}
    """Topic -> other words for it, added to the lexicon ([matching.aliases])."""
    dismiss_after: int = 3
    """A term's suggestions for a person lose weight once this many were dismissed."""
    dismiss_factor: float = 0.5
    """Weight of a term for a person whose suggestions were all dismissed (scaled by the share)."""
    queue_bonus: float = 0.15
    """Extra weight of a term for a person whose suggestions were all queued or given."""


class FollowupsConfig(_Section):
    cadence_days: int = 30
    """A key relationship is due when the last give is older than this."""
    new_contact_days: int = 14
    """A contact met within this many days, with no give yet, is due."""


class OccasionsConfig(_Section):
    days_ahead: int = 7
    """Birthdays, anniversaries and the like show on Today this many days ahead (0: on the day)."""


class TodayConfig(_Section):
    max_occasions: int = 5
    """Occasions Today shows at most, key relationships first: a handful worth a message."""
    max_per_article: int = 3
    """People one article is suggested to on Today at most (the row opens to choose others)."""
    max_per_company: int = 3
    """People at one company Today's articles go to at most."""
    large_company: int = 5
    """A company with this many people on the desk or more is a large employer: news
    naming it is field news for them, never a mention or a congratulation."""
    key_suggestions: int = 10
    """People offered when Today suggests whom to mark as key relationships."""


class IntrosConfig(_Section):
    reminder_days: int = 5
    """An introduction step waiting longer than this is flagged."""
    threshold: float = 45.0
    """Suggested introductions scoring below this (0-100) are not shown."""
    max_suggestions: int = 20
    """At most this many suggested introductions, best first."""
    snooze_days: int = 14
    """A snoozed suggestion comes back after this many days."""
    cross_field_bonus: float = 10.0
    """Added when the two work in different fields: those introductions are worth most."""
    ask_a_subject: str = "An introduction?"
    """Subject of the private note to the first person, who is asked before the other."""
    ask_a_body: str = (
        "Hi {a_first_name},\n\n{reason_for_a}\n\nWould you like me to introduce you? "
        "If you do, I'll check with them too before putting you in touch.\n\n{signature}"
    )
    """Asks the first person; {reason_for_a} describes the other without naming them."""
    ask_b_subject: str = "Would you like to meet {a_name}?"
    """Subject of the note to the second person, once the first has agreed."""
    ask_b_body: str = (
        "Hi {b_first_name},\n\nI'd like to introduce you to {a_name}. {reason_for_b}\n\n"
        "{a_blurb}\n\n{a_first_name} would be glad to connect. Shall I introduce you?"
        "\n\n{signature}"
    )
    """Asks the second person, with a blurb of the first."""
    introduce_subject: str = "Introduction: {a_name} <> {b_name}"
    """Subject of the one message to both."""
    introduce_body: str = (
        "Hi {a_first_name} and {b_first_name},\n\nAs promised, here you both are. "
        "{reason}\n\n{a_blurb}\n\n{b_blurb}\n\nI'll let you take it from here.\n\n{signature}"
    )
    """The introduction itself, with a forwardable blurb of each."""


class LeadsConfig(_Section):
    threshold: float = 40.0
    """People scoring below this (0-100) are not offered for a lead."""
    max_candidates: int = 5
    """At most this many people to forward one lead to."""
    fresh_days: int = 14
    """A lead stays on Today this many days after it was recorded."""


class ComposeConfig(_Section):
    subject: str = "A few things I thought you'd find useful"
    """Subject of a drafted message with several things in it."""
    subject_one: str = "Thought you'd find this useful"
    """Subject of a drafted message with one thing in it."""
    check_in_subject: str = "Checking in"
    """Subject of a message that only checks in (a follow-up)."""
    greeting: str = "Hi {first_name},"
    """First line of a draft; {first_name} and {name} are filled in."""
    intro_line: str = "I came across these and thought of you:"
    """Line before the list of several items."""
    intro_line_one: str = "I came across this and thought of you:"
    """Line before a single item."""
    check_in: str = "It has been a while: how are things going?"
    """What a check-in says when you queued it without a note of your own."""
    signature: str = "Best,\n{my_name}"
    """Last lines of a draft; {my_name} is [desk] name."""


class Config(_Section):
    desk: DeskConfig = msgspec.field(default_factory=DeskConfig)
    fetch: FetchConfig = msgspec.field(default_factory=FetchConfig)
    local: LocalConfig = msgspec.field(default_factory=LocalConfig)
    matching: MatchingConfig = msgspec.field(default_factory=MatchingConfig)
    followups: FollowupsConfig = msgspec.field(default_factory=FollowupsConfig)
    occasions: OccasionsConfig = msgspec.field(default_factory=OccasionsConfig)
    today: TodayConfig = msgspec.field(default_factory=TodayConfig)
    intros: IntrosConfig = msgspec.field(default_factory=IntrosConfig)
    leads: LeadsConfig = msgspec.field(default_factory=LeadsConfig)
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
    _check_templates(config, source)
    return config


def _check_ranges(config: Config, source: Path) -> None:
    positive = {
        "fetch.concurrency": config.fetch.concurrency,
        "fetch.per_host": config.fetch.per_host,
        "fetch.timeout_seconds": config.fetch.timeout_seconds,
        "fetch.deadline_seconds": config.fetch.deadline_seconds,
        "fetch.max_bytes": config.fetch.max_bytes,
        "fetch.retention_days": config.fetch.retention_days,
        "matching.max_per_contact": config.matching.max_per_contact,
        "matching.max_suggestions": config.matching.max_suggestions,
        "matching.max_age_days": config.matching.max_age_days,
        "matching.recency_days": config.matching.recency_days,
        "matching.dismiss_after": config.matching.dismiss_after,
        "followups.cadence_days": config.followups.cadence_days,
        "intros.reminder_days": config.intros.reminder_days,
        "intros.max_suggestions": config.intros.max_suggestions,
        "intros.snooze_days": config.intros.snooze_days,
        "leads.max_candidates": config.leads.max_candidates,
        "leads.fresh_days": config.leads.fresh_days,
        "today.max_occasions": config.today.max_occasions,
        "today.max_per_article": config.today.max_per_article,
        "today.max_per_company": config.today.max_per_company,
        "today.large_company": config.today.large_company,
        "today.key_suggestions": config.today.key_suggestions,
    }
    for key, value in positive.items():
        if value <= 0:
            raise UserError(f"{source}: '{key}' must be greater than 0, got {value}")
    thresholds = {
        "matching.threshold": 50.0 if config.matching.threshold is None else config.matching.threshold,
        "intros.threshold": config.intros.threshold,
        "leads.threshold": config.leads.threshold,
    }
    for key, value in thresholds.items():
        if not 0 <= value <= 100:
            raise UserError(f"{source}: '{key}' must be between 0 and 100")
    if not 0 <= config.occasions.days_ahead <= 366:
        raise UserError(f"{source}: 'occasions.days_ahead' must be between 0 and 366")
    matching = config.matching
    factors = {
        "not_relevant_factor": matching.not_relevant_factor,
        "related_weight": matching.related_weight,
        "role_weight": matching.role_weight,
        "dismiss_factor": matching.dismiss_factor,
        "queue_bonus": matching.queue_bonus,
    }
    for key, value in factors.items():
        if not 0 <= value <= 1:
            raise UserError(f"{source}: 'matching.{key}' must be between 0 and 1")
    template = config.local.search_url_template
    if template and "{place}" not in template:
        raise UserError(f"{source}: 'local.search_url_template' must contain {{place}}")


_PERSON = frozenset({"first_name", "name", "my_name"})
_INTRO_COMMON = frozenset({"a_name", "a_first_name", "my_name", "signature"})
TEMPLATE_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "compose.subject": _PERSON,
    "compose.subject_one": _PERSON,
    "compose.check_in_subject": _PERSON,
    "compose.greeting": _PERSON,
    "compose.intro_line": _PERSON,
    "compose.intro_line_one": _PERSON,
    "compose.check_in": _PERSON,
    "compose.signature": frozenset({"my_name"}),
    "intros.ask_a_subject": _INTRO_COMMON | {"reason_for_a"},
    "intros.ask_a_body": _INTRO_COMMON | {"reason_for_a"},
    "intros.ask_b_subject": _INTRO_COMMON | {"b_name", "b_first_name", "a_blurb", "reason_for_b"},
    "intros.ask_b_body": _INTRO_COMMON | {"b_name", "b_first_name", "a_blurb", "reason_for_b"},
    "intros.introduce_subject": _INTRO_COMMON
    | {"b_name", "b_first_name", "a_blurb", "b_blurb", "reason"},
    "intros.introduce_body": _INTRO_COMMON
    | {"b_name", "b_first_name", "a_blurb", "b_blurb", "reason"},
}
"""The {placeholders} each message template may use. The first person of an introduction
is asked before the other has agreed, so that note has no placeholder naming the other."""
PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")
"""A {name} in a template; other braces are kept as written."""


def _check_templates(config: Config, source: Path) -> None:
    """A misspelt placeholder would otherwise reach a sent message as literal braces."""
    for key, allowed in TEMPLATE_PLACEHOLDERS.items():
        section, name = key.split(".")
        template: str = getattr(getattr(config, section), name)
        for found in PLACEHOLDER.finditer(template):
            if found.group(1) not in allowed:
                known = ", ".join(f"{{{word}}}" for word in sorted(allowed))
                raise UserError(
                    f"{source}: '{key}' has an unknown placeholder {found.group(0)} "
                    f"(known here: {known})"
                )


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
