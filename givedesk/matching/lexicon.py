"""The related-terms lexicon: what else an article may call a person's topic, which
words mean two things, and which words beside a name say it is somebody else.

The data is `lexicon.toml` beside this module (documented there); a user may point
`matching.lexicon` at an edited copy and add aliases in `config.toml`
(`[matching.aliases]`) or per contact (the contact form's "Aliases"). Everything is
compared in a *key* form (the stems of a phrase's content words), so "Information
Security", "information-security" and "informations security" find the same entry.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from givedesk.config import MatchingConfig
from givedesk.errors import UserError
from givedesk.matching.words import STOP_WORDS, normalize_word, stem, tokens

BUNDLED = Path(__file__).with_name("lexicon.toml")
MAX_TERM_WORDS = 4
"""Longest term, in content words, looked for in a role or company name."""


@functools.lru_cache(maxsize=65_536)
def phrase_key(phrase: str) -> str:
    """The form phrases are compared in: the stems of their content words. (Cached:
    ranking asks for the key of every hit's term.)"""
    words = (normalize_word(word) for word in tokens(phrase))
    return " ".join(stem(word) for word in words if word not in STOP_WORDS)


def _telling(key: str) -> bool:
    """Whether a key has a word that is not a stop word once stemmed ("wills" is
    "will": it would be found in every "will")."""
    return any(word not in STOP_WORDS for word in key.split())


def word_stems(texts: Iterable[str]) -> frozenset[str]:
    """The stems of every content word of `texts`."""
    return frozenset(
        stem(word)
        for text in texts
        for word in map(normalize_word, tokens(text))
        if word not in STOP_WORDS
    )


@dataclass(frozen=True)
class Lexicon:
    topics: Mapping[str, tuple[str, ...]]
    """Topic as written -> the related terms an article may use for it."""
    groups: Mapping[str, tuple[str, ...]]
    """Key of a topic or of one of its terms -> the topics it belongs to."""
    senses: Mapping[str, Mapping[str, frozenset[str]]]
    """Key of an ambiguous word or phrase -> sense name -> stems that show that sense."""
    contradicting: frozenset[str]
    """Stems that, beside a person's name, describe someone else (see `namesake`)."""
    employer_verbs: frozenset[str]
    """Stems of verbs that tie a name to an employer ("leaves Osteria Luna")."""
    roles: Mapping[str, tuple[str, ...]]
    """Key of an occupation or trade word -> the topics it works in ("dentist")."""
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    """Results worth keeping for this lexicon's lifetime (`context.expansions`)."""

    def related(self, term: str) -> list[tuple[str, str]]:
        """(related term, topic) pairs for `term`: the terms of the topic it names;
        when it names none, of the topics it is a term of (not for an ambiguous word:
        "Go" the language is not one of the board games). Itself left out."""
        key = phrase_key(term)
        named = [topic for topic in self.groups.get(key, ()) if phrase_key(topic) == key]
        topics = named if named or key in self.senses else list(self.groups.get(key, ()))
        found: dict[str, tuple[str, str]] = {}
        for topic in topics:
            for other in (topic, *self.topics[topic]):
                other_key = phrase_key(other)
                if _telling(other_key) and other_key != key and other_key not in found:
                    found[other_key] = (other, topic)
        return list(found.values())

    def topics_in(self, text: str) -> list[str]:
        """The topics a role or company name points to: through the [roles] table
        ("dentist": dentistry) or by naming a topic ("Fire safety engineer")."""
        stems = phrase_key(text).split()
        found: list[str] = []
        for size in range(min(MAX_TERM_WORDS, len(stems)), 0, -1):
            for start in range(len(stems) - size + 1):
                key = " ".join(stems[start : start + size])
                named = [topic for topic in self.groups.get(key, ()) if phrase_key(topic) == key]
                for topic in (*self.roles.get(key, ()), *named):
                    if topic not in found:
                        found.append(topic)
        return found

    def ambiguous(self, key: str) -> Mapping[str, frozenset[str]] | None:
        """The senses of an ambiguous word or phrase (by key), or None."""
        return self.senses.get(key)


def _string_list(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UserError(f"{where} must be a list of strings")
    return value


def _parse(data: Mapping[str, object], source: str) -> tuple[
    dict[str, list[str]], dict[str, dict[str, frozenset[str]]], list[str], list[str],
    dict[str, list[str]],
]:
    roles_raw = data.get("roles", {})
    if not isinstance(roles_raw, dict):
        raise UserError(f"{source}: [roles] must be a table")
    roles: dict[str, list[str]] = {}
    for word, topics_of in roles_raw.items():
        roles.setdefault(phrase_key(word), []).extend(
            _string_list(topics_of, f"{source}: roles.{word}")
        )
        known = data.get("topics", {})
        unknown = [t for t in topics_of if not isinstance(known, dict) or t not in known]
        if unknown:
            raise UserError(f"{source}: roles.{word} names '{unknown[0]}', which is not in [topics]")
    topics_raw = data.get("topics", {})
    senses_raw = data.get("ambiguous", {})
    names_raw = data.get("namesakes", {})
    if not isinstance(topics_raw, dict) or not isinstance(senses_raw, dict):
        raise UserError(f"{source}: [topics] and [ambiguous] must be tables")
    if not isinstance(names_raw, dict):
        raise UserError(f"{source}: [namesakes] must be a table")
    topics = {
        topic: _string_list(terms, f"{source}: topics.{topic}")
        for topic, terms in topics_raw.items()
    }
    senses: dict[str, dict[str, frozenset[str]]] = {}
    for word, table in senses_raw.items():
        if not isinstance(table, dict):
            raise UserError(f"{source}: ambiguous.{word} must be a table of senses")
        senses[phrase_key(word)] = {
            sense: word_stems(_string_list(words, f"{source}: ambiguous.{word}.{sense}"))
            for sense, words in table.items()
        }
    contradicting = _string_list(names_raw.get("contradicting", []), f"{source}: namesakes")
    verbs = _string_list(names_raw.get("employer_verbs", []), f"{source}: namesakes")
    return topics, senses, contradicting, verbs, roles


def build_lexicon(
    data: Mapping[str, object],
    aliases: Mapping[str, Sequence[str]] | None = None,
    source: str = "lexicon",
) -> Lexicon:
    """A lexicon from parsed TOML `data`, with `aliases` (topic -> terms) added."""
    topics, senses, contradicting, verbs, roles = _parse(data, source)
    for topic, terms in (aliases or {}).items():
        topics[topic] = [*topics.get(topic, []), *terms]
    groups: dict[str, list[str]] = {}
    for topic, terms in topics.items():
        for term in (topic, *terms):
            members = groups.setdefault(phrase_key(term), [])
            if topic not in members:
                members.append(topic)
    return Lexicon(
        topics={topic: tuple(terms) for topic, terms in topics.items()},
        groups={key: tuple(members) for key, members in groups.items() if key},
        senses=senses,
        contradicting=word_stems(contradicting),
        employer_verbs=word_stems(verbs),
        roles={key: tuple(topics_of) for key, topics_of in roles.items()},
    )


@functools.lru_cache(maxsize=8)
def load_lexicon(
    path: str = "", aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> Lexicon:
    """The lexicon at `path` (the bundled one when empty) with `aliases` added.

    Cached: a desk loads it once per settings, however often it matches.
    """
    file = Path(path).expanduser() if path else BUNDLED
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise UserError(f"cannot read the lexicon {file}: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{file}: {error}") from error
    return build_lexicon(data, dict(aliases), str(file))


def default_lexicon() -> Lexicon:
    return load_lexicon()


def lexicon_for(config: MatchingConfig) -> Lexicon:
    """The lexicon the user's settings ask for: `matching.lexicon` (or the bundled
    file) with `[matching.aliases]` added."""
    aliases = tuple(sorted((topic, tuple(terms)) for topic, terms in config.aliases.items()))
    return load_lexicon(config.lexicon, aliases)
