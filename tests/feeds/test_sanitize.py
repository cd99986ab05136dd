"""Plain text and safe links from untrusted feed fields."""

from __future__ import annotations

import pytest

from givedesk.feeds.sanitize import clean_link, html_to_text, link_key, plain_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("A &amp; B <b>bold</b>", "A & B bold"),
        ("<p>one</p><p>two</p><br>three", "one two three"),
        ("<script>alert(1)</script>kept<style>p{}</style>", "kept"),
        ("caf&eacute; &#8220;q&#8221; &nbsp; x", "café “q” x"),
        ("\x1b]8;;http://evil\x07link\x1b]8;;\x07 \u202eabc", "link abc"),
        ("text <!-- unclosed comment", "text"),
        ("<![CDATA[<script></script>]]&gt;", ""),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html, max_length=100) == text


def test_plain_text_fields_keep_their_angle_brackets() -> None:
    assert plain_text("x <y> z", "text/plain", max_length=100, literal=True) == "x <y> z"
    assert plain_text("x <y> z", "text/html; charset=utf-8", max_length=100) == "x z"
    assert len(plain_text("word " * 100, "text/plain", max_length=20)) == 20


@pytest.mark.parametrize(
    ("link", "clean"),
    [
        ("https://Example.COM:443/a?utm_source=x&id=1&fbclid=y#frag", "https://example.com/a?id=1#frag"),
        ("HTTP://example.com", "http://example.com/"),
        ("http://example.com:8080/a?UTM_Medium=rss", "http://example.com:8080/a"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://[::1]:8443/a", "https://[::1]:8443/a"),
        (" https://example.com/a b ", "https://example.com/a%20b"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("file:///etc/passwd", None),
        ("mailto:a@example.com", None),
        ("/relative/path", None),
        ("https://", None),
        ("https://example.com:99999/", None),
        ("https://[broken/", None),
        ("https://example.com/" + "a" * 3000, None),
        ("", None),
        (None, None),
    ],
)
def test_clean_link(link: str | None, clean: str | None) -> None:
    assert clean_link(link) == clean


def test_link_key_ignores_the_fragment() -> None:
    assert link_key("https://example.com/a#x") == link_key("https://example.com/a")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("<![CDATA[Tom&apos;s &amp; Jerry&apos;s <b>diner</b>]]>", "Tom's & Jerry's diner"),
        ("<script>alert(1)</script>Storm &amp; flood warning", "Storm & flood warning"),
        ("Election <mark>results</mark> &amp; analysis", "Election results & analysis"),
        ("First line<br>second", "First line second"),
        ("Supercali<wbr>fragilistic", "Supercalifragilistic"),
        ("Caf&#233; &#x2014; open", "Café — open"),
        ("AT&T and 3 < 4", "AT&T and 3 < 4"),
    ],
)
def test_a_guessed_plain_field_with_markup_is_html(title: str, text: str) -> None:
    assert plain_text(title, "text/plain", max_length=100) == text


def test_a_declared_literal_field_keeps_its_entities_and_tags() -> None:
    assert plain_text("a &amp; <b>", "text/plain", max_length=100, literal=True) == "a &amp; <b>"


@pytest.mark.parametrize(
    "variant",
    [
        "http://www.example.com/story/",
        "https://example.com/story",
        "https://EXAMPLE.com/story?ref=feed",
        "https://example.com/story?source=rss&utm_medium=x",
        "https://www.example.com/story/#comments",
    ],
)
def test_link_key_is_one_story_across_spellings(variant: str) -> None:
    assert link_key(variant) == link_key("https://example.com/story")


@pytest.mark.parametrize(
    "other",
    ["https://example.com/story-2", "https://example.com/story?id=2", "https://example.org/story",
     "https://news.example.com/story"],
)
def test_link_key_keeps_stories_apart(other: str) -> None:
    assert link_key(other) != link_key("https://example.com/story?id=1")
