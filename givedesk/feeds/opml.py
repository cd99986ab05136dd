"""OPML in and out: the usual way to move a list of feeds between readers.

Reading uses expat directly and refuses any DOCTYPE: OPML never needs one, and a
document type is where entity expansion attacks ("billion laughs") and external
entities live. Feed lists shared on the web are often not quite XML (80 of 118 of a
popular collection have a bare `&` in a title), and other readers import them, so the
common breakage is repaired first (`_repair`): bare ampersands, HTML entities such as
`&nbsp;`, control characters, blank lines before the XML declaration, Latin-1 in a
file that says UTF-8. What is left is still parsed strictly. The outline tree is
walked as it is read, so nested folders become categories ("Tech/AI") without
building a tree first. Writing uses ElementTree, which
escapes every attribute.
"""

from __future__ import annotations

import html.entities
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from givedesk.errors import UserError
from givedesk.feeds.registry import add_feeds, is_local_file, normalise_source
from givedesk.models import Feed
from givedesk.store import Store
from givedesk.text import clean_text

__all__ = ["ImportReport", "export_opml", "import_opml", "read_opml"]

LOCAL_ATTRIBUTE = "local"
"""givedesk's own outline attribute; OPML allows arbitrary attributes on an outline."""
TRUE_VALUES = frozenset({"true", "1", "yes"})
MAX_OPML_BYTES = 20_000_000
FEED_TYPES = frozenset({"rss", "atom", "feed", "rdf"})
"""Outline types that promise a feed: one without a feed address is reported."""
XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_AMPERSAND = re.compile(rb"&(#[0-9]+;|#[xX][0-9A-Fa-f]+;|([A-Za-z][A-Za-z0-9]*);)?")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    name: str
    category: str
    local: bool
    line: int


@dataclass
class ImportReport:
    added: list[Feed] = field(default_factory=list)
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    """One line per outline that could not be used."""


def _entity(match: re.Match[bytes]) -> bytes:
    """A bare `&` escaped, an HTML entity made a character reference (XML knows five)."""
    whole, name = match.group(1), match.group(2)
    if whole is None:
        return b"&amp;"
    if name is None or name.decode() in XML_ENTITIES:
        return match.group(0)
    codepoint = html.entities.name2codepoint.get(name.decode())
    return f"&#{codepoint};".encode() if codepoint else b"&amp;" + whole


def _repair(data: bytes) -> bytes:
    """The usual breakage of hand-made feed lists mended; DOCTYPEs are left to refuse."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    body = data.lstrip()
    if body.startswith(b"<?xml") and len(body) < len(data):  # blank lines moved after it
        end = body.find(b"?>") + 2
        data = body[:end] + data[: len(data) - len(body)] + body[end:]
    declared = _DECLARED_ENCODING.match(data)
    encoding = declared.group(1).decode().casefold() if declared else "utf-8"
    if encoding.replace("-", "").replace("_", "") == "utf8":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data = data.decode("cp1252", errors="replace").encode("utf-8")
    return _CONTROL.sub(b"", _AMPERSAND.sub(_entity, data))


class _OutlineReader:
    """expat handlers collecting feed outlines, with their folders as the category."""

    def __init__(self, parser: expat.XMLParserType, path: Path) -> None:
        self.parser = parser
        self.path = path
        self.feeds: list[OpmlFeed] = []
        self.problems: list[str] = []
        self.root: str | None = None
        self._folders: list[str] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.root is None:
            self.root = name
        if name != "outline":
            return
        by_key = {key.casefold(): value for key, value in attributes.items()}
        label = clean_text(by_key.get("text") or by_key.get("title") or "", max_length=200)
        kind = by_key.get("type", "").strip().casefold()
        url = by_key.get("xmlurl", "").strip()
        if not url and kind in FEED_TYPES:
            url = by_key.get("url", "").strip()
        if not url and (kind in FEED_TYPES or "xmlurl" in by_key or "htmlurl" in by_key):
            self.problems.append(
                f"{self.path}: line {self.parser.CurrentLineNumber}: outline "
                f"'{label or '(untitled)'}' has no feed address (xmlUrl); skipped"
            )
        if url:
            category = "/".join(folder for folder in self._folders if folder)
            if not category:
                category = by_key.get("category", "").split(",")[0].strip().strip("/")
            self.feeds.append(
                OpmlFeed(
                    url=url, name=label, category=clean_text(category, max_length=200),
                    local=by_key.get(LOCAL_ATTRIBUTE, "").strip().casefold() in TRUE_VALUES,
                    line=self.parser.CurrentLineNumber,
                )
            )
        self._folders.append(label)

    def end(self, name: str) -> None:
        if name == "outline":
            self._folders.pop()

    def refuse_doctype(self, *_: object) -> NoReturn:
        raise UserError("has a DOCTYPE, which OPML never needs; refused")


def read_opml(path: Path) -> tuple[list[OpmlFeed], list[str]]:
    """The feed outlines of an OPML file, and one line per outline that has no feed
    address; a file that is not OPML even once repaired is a UserError."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_OPML_BYTES:
        raise UserError(f"{path}: larger than {MAX_OPML_BYTES // 1_000_000} MB; not a feed list")
    parser = expat.ParserCreate()
    reader = _OutlineReader(parser, path)
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.StartDoctypeDeclHandler = reader.refuse_doctype
    try:
        parser.Parse(_repair(data), True)
    except expat.ExpatError as error:
        message = expat.errors.messages[error.code] if error.code else str(error)
        raise UserError(
            f"{path}: not valid XML at line {error.lineno}, column {error.offset + 1} ({message})"
        ) from None
    except UserError as error:
        raise UserError(f"{path}: line {parser.CurrentLineNumber}: {error}") from None
    if reader.root != "opml":
        raise UserError(f"{path}: not an OPML file (its root element is <{reader.root}>)")
    return reader.feeds, reader.problems


def import_opml(store: Store, path: Path) -> ImportReport:
    """Add the feeds of an OPML file in one write; feeds already on the desk are skipped.

    A relative file path in the OPML is taken relative to the OPML file's folder.
    """
    outlines, problems = read_opml(path)
    report = ImportReport(problems=problems)
    candidates = []
    for outline in outlines:
        try:
            url = normalise_source(outline.url, base=path.parent)
        except UserError as error:
            report.problems.append(f"{path}: line {outline.line}: {error}")
            continue
        candidates.append(
            Feed(url=url, name=outline.name, category=outline.category, local=outline.local)
        )
    report.added = add_feeds(store, candidates)
    report.duplicates = len(candidates) - len(report.added)
    return report


def _outline(parent: ET.Element, feed: Feed) -> None:
    url = Path(feed.url).as_uri() if is_local_file(feed.url) else feed.url
    attributes = {"text": feed.name or feed.url, "title": feed.name or feed.url, "type": "rss",
                  "xmlUrl": url}
    if feed.local:
        attributes[LOCAL_ATTRIBUTE] = "true"
    ET.SubElement(parent, "outline", attributes)


def export_opml(feeds: list[Feed], now: datetime) -> str:
    """The feeds as an OPML 2.0 document, one folder outline per category."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "givedesk feeds"
    ET.SubElement(head, "dateCreated").text = format_datetime(now, usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in sorted(feeds, key=lambda f: (f.category.casefold(), (f.name or f.url).casefold())):
        parent = body
        if feed.category:
            if feed.category not in folders:
                folders[feed.category] = ET.SubElement(
                    body, "outline", text=feed.category, title=feed.category
                )
            parent = folders[feed.category]
        _outline(parent, feed)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
