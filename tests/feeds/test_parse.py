"""Every feed format the issue names parses into clean entries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from givedesk.feeds.parse import MAX_ENTRIES, NotAFeedError, parse_feed

RSS_091 = b"""<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old &amp; gold</title><link>https://x.example.com/</link>
<item><title>Item A</title><link>https://x.example.com/a</link>
<description>Text &lt;b&gt;bold&lt;/b&gt;</description></item></channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example.com/"><title>RDF feed</title></channel>
<item rdf:about="https://x.example.com/a"><title>Item A</title><link>https://x.example.com/a</link>
<description>Text</description><dc:date>2026-11-20T10:00:00+01:00</dc:date></item></rdf:RDF>"""

ATOM_03 = b"""<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom 0.3</title>
<entry><title>Item A</title><link rel="alternate" type="text/html" href="https://x.example.com/a"/>
<id>tag:x.example.com,2026:a</id><issued>2026-11-20T09:00:00Z</issued>
<summary>Text</summary></entry></feed>"""

ATOM_10 = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom 1.0</title>
<entry><title type="text">x &lt; y</title><link href="https://x.example.com/a"/>
<id>urn:uuid:1</id><updated>2026-11-20T09:00:00Z</updated>
<content type="html">&lt;p&gt;Text&lt;/p&gt;</content></entry></feed>"""


@pytest.mark.parametrize(
    ("body", "title", "feed_title"),
    [
        (RSS_091, "Item A", "Old & gold"),
        (RSS_10, "Item A", "RDF feed"),
        (ATOM_03, "Item A", "Atom 0.3"),
        (ATOM_10, "x < y", "Atom 1.0"),
    ],
    ids=["rss-0.91", "rss-1.0", "atom-0.3", "atom-1.0"],
)
def test_formats(body: bytes, title: str, feed_title: str) -> None:
    parsed = parse_feed(body, feed_id="f", headers={"content-type": "application/xml"})
    (entry,) = parsed.entries
    assert (parsed.title, entry.title, entry.link) == (feed_title, title, "https://x.example.com/a")
    assert entry.summary.startswith("Text")


def test_dates_are_utc() -> None:
    parsed = parse_feed(RSS_10, feed_id="f", headers={"content-type": "application/xml"})
    assert parsed.entries[0].published == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_guids_are_scoped_to_their_feed_and_links_are_not() -> None:
    one = parse_feed(ATOM_10, feed_id="one", headers={}).entries[0]
    two = parse_feed(ATOM_10, feed_id="two", headers={}).entries[0]
    linked_one = parse_feed(RSS_091, feed_id="one", headers={}).entries[0]
    linked_two = parse_feed(RSS_091, feed_id="two", headers={}).entries[0]
    assert one.id != two.id
    assert linked_one.id == linked_two.id


def test_empty_and_non_feed_bodies_raise() -> None:
    for body in (b"", b"just text", b"<html><body>page</body></html>"):
        with pytest.raises(NotAFeedError):
            parse_feed(body, feed_id="f", headers={"content-type": "text/html"})


def test_a_valid_feed_without_entries_is_fine() -> None:
    parsed = parse_feed(
        b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        feed_id="f",
        headers={"content-type": "application/rss+xml"},
    )
    assert (parsed.title, parsed.entries, parsed.problem) == ("Quiet", [], None)


def test_entries_are_capped() -> None:
    items = b"".join(b"<item><title>t%d</title></item>" % n for n in range(MAX_ENTRIES + 50))
    body = b'<rss version="2.0"><channel>' + items + b"</channel></rss>"
    assert len(parse_feed(body, feed_id="f", headers={}).entries) == MAX_ENTRIES
