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
    assert plain_text("x <y> z", "text/plain", max_length=100) == "x <y> z"
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
