"""Turning what a feed says into plain text and safe links.

Everything in a feed is untrusted. Titles and summaries arrive as HTML (feedparser only
sanitises HTML-typed fields, and RSS titles are HTML); they are stored as plain text so
that no screen or command ever has to escape them again. Links are kept only when they
are http(s), because the TUI opens them and a `javascript:` or `file:` link must never
reach a browser. Tracking parameters are dropped so that the same story linked from
two feeds is recognised as one, and so that what the user forwards does not track the
person it is forwarded to.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit

from givedesk.text import clean_text

__all__ = ["clean_link", "html_to_text", "link_key", "looks_like_html", "plain_text"]

TITLE_MAX_LENGTH = 300
SUMMARY_MAX_LENGTH = 2000
LINK_MAX_LENGTH = 2048
"""Longer links are dropped: browsers and mail clients truncate them anyway."""

TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "vero_id", "ref_src", "__s",
    }
)
"""Query parameters that identify a campaign or a reader, never the page."""
TRACKING_PREFIXES = ("utm_",)
REFERRAL_PARAMETERS = frozenset({"ref", "source", "src", "via", "from", "cmp", "share", "s_cid"})
"""Query parameters that say who sent the reader: kept in the stored link (a site may
need them), ignored when deciding whether two links are the same story."""
_HOST_PREFIXES = ("www.", "m.", "amp.")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_MARKUP = re.compile(rf"<[A-Za-z/!?]|{_ENTITY.pattern}")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr",
        "ul",
    }
)
"""Tags that separate words: "<p>one</p><p>two</p>" is "one two", not "onetwo"."""
_INVISIBLE_TAGS = frozenset({"script", "style", "template", "noscript"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment; entities are decoded by HTMLParser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE_TAGS:
            self._hidden_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)

    def close(self) -> None:
        """Markup never terminated ("<!-- ...", "<![CDATA[...") is dropped, not shown as text."""
        if self.rawdata.startswith("<"):
            self.rawdata = ""
        super().close()


def looks_like_html(value: str) -> bool:
    """A tag or an entity: what makes a field HTML whatever its feed declared."""
    return _MARKUP.search(value) is not None


def html_to_text(value: str, *, max_length: int) -> str:
    """The words of an HTML fragment as one clean line.

    A CDATA section inside the text (a feed that wrapped its HTML twice) is unwrapped
    and read as HTML too: publishers put markup there, never literal angle brackets.
    Entities escaped twice ("&amp;nbsp;") are decoded twice: no reader wants to see
    "&nbsp;".
    """
    extractor = _TextExtractor()
    extractor.feed(_CDATA.sub(r"\1", value))
    extractor.close()
    text = "".join(extractor.parts)
    if _ENTITY.search(text):
        text = html.unescape(text)
    return clean_text(text, max_length=max_length)


def plain_text(value: str, content_type: str, *, max_length: int, literal: bool = False) -> str:
    """A feed field as clean text.

    HTML-typed fields are HTML. A field typed plain text is HTML too when it contains a
    tag or an entity, unless `literal`: feedparser only guesses "plain" for RSS titles
    (PITFALLS.md), while an Atom `type="text"` or a JSON Feed title is a promise, so
    "x <y> z" there keeps its angle brackets.
    """
    declared_html = content_type.split(";")[0].strip().casefold() in HTML_TYPES
    if declared_html or (not literal and looks_like_html(value)):
        return html_to_text(value, max_length=max_length)
    return clean_text(value, max_length=max_length)


def _is_tracking(parameter: str) -> bool:
    name = parameter.split("=", 1)[0].casefold()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def clean_link(value: str | None) -> str | None:
    """An http(s) link without tracking parameters or credentials, or None.

    The scheme and host are lower-cased and a default port dropped; the rest of the
    query keeps its own spelling (re-encoding it could change what the server sees).
    """
    if not value:
        return None
    text = clean_text(value).replace(" ", "%20")
    if len(text) > LINK_MAX_LENGTH:
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.casefold()
    host = parts.hostname
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return urlunsplit((scheme, netloc, parts.path or "/", query, parts.fragment))


def _is_referral(parameter: str) -> bool:
    return parameter.split("=", 1)[0].casefold() in REFERRAL_PARAMETERS or _is_tracking(parameter)


def link_key(link: str) -> str:
    """What two links to the same story have in common.

    The same page is reached over http or https, with or without "www." (or a mobile
    "m."), with or without a trailing slash, and with referral parameters (`?ref=`,
    `?source=`, `utm_*`) added by whoever shared it; none of that makes another story.
    The fragment and the case of the host do not either.
    """
    parts = urlsplit(link)
    host = (parts.hostname or "").casefold()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host.removeprefix(prefix)
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port not in _DEFAULT_PORTS.values():
        host = f"{host}:{port}"
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not _is_referral(p)))
    path = parts.path.rstrip("/")
    return f"//{host}{path}?{query}" if query else f"//{host}{path}"
