"""`feeds import FILE.opml` and `feeds export`, through the CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import CliResult

NESTED = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Tech">
      <outline text="AI">
        <outline text="Model news" type="rss" xmlUrl="https://ai.example.com/rss"/>
      </outline>
      <outline text="Dev &amp; Ops" type="rss" xmlUrl="https://dev.example.com/feed"/>
    </outline>
    <outline text="Gazette" type="rss" xmlURL="https://gazette.example.com/rss" local="true"/>
    <outline text="Tagged" type="rss" xmlUrl="https://tagged.example.com/rss" category="/Sports/Sailing"/>
    <outline text="Again" type="rss" xmlUrl="https://ai.example.com/rss"/>
    <outline text="Bad" type="rss" xmlUrl="ftp://old.example.com/feed"/>
    <outline text="A folder with no feeds"/>
  </body>
</opml>
"""


def _write(tmp_path: Path, text: str, name: str = "feeds.opml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_reads_nested_outlines_categories_and_skips_duplicates(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("feeds", "import", str(_write(tmp_path, NESTED)))

    assert result.code == 0
    assert "4 added, 1 already there, 1 skipped" in result.out
    assert "line 14: 'ftp://old.example.com/feed': only http(s)" in result.err
    feeds = {f["url"]: f for f in json.loads(run_cli("feeds", "list", "--json").out)}
    assert {url: (f["name"], f["category"], f["local"]) for url, f in feeds.items()} == {
        "https://ai.example.com/rss": ("Model news", "Tech/AI", False),
        "https://dev.example.com/feed": ("Dev & Ops", "Tech", False),
        "https://gazette.example.com/rss": ("Gazette", "", True),
        "https://tagged.example.com/rss": ("Tagged", "Sports/Sailing", False),
    }
    again = run_cli("feeds", "import", str(_write(tmp_path, NESTED)))
    assert "0 added, 5 already there" in again.out


def test_export_is_opml_2_and_round_trips_the_local_flag(run_cli, tmp_path: Path, home: Path) -> None:  # type: ignore[no-untyped-def]
    local_file = tmp_path / "gazette.xml"
    local_file.write_text("<rss/>")
    run_cli("feeds", "import", str(_write(tmp_path, NESTED)))
    run_cli("feeds", "add", str(local_file), "--local", "--name", 'Quotes "&" <angles>')

    exported = run_cli("feeds", "export")

    assert exported.code == 0
    root = ET.fromstring(exported.out)
    assert (root.tag, root.get("version")) == ("opml", "2.0")
    assert root.find("head/title") is not None and root.find("head/dateCreated") is not None
    outlines = {o.get("xmlUrl"): o for o in root.iter("outline") if o.get("xmlUrl")}
    assert outlines[local_file.resolve().as_uri()].get("text") == 'Quotes "&" <angles>'
    assert outlines["https://gazette.example.com/rss"].get("local") == "true"
    assert outlines["https://ai.example.com/rss"].get("local") is None

    other = tmp_path / "other-desk"
    copy = _write(tmp_path, exported.out, "exported.opml")
    assert run_cli("feeds", "import", str(copy), "--home", str(other), with_home=False).code == 0
    before = json.loads(run_cli("feeds", "list", "--json").out)
    after = json.loads(run_cli("feeds", "list", "--json", "--home", str(other), with_home=False).out)

    def key(feed: dict[str, object]) -> tuple[object, ...]:
        return (feed["url"], feed["name"], feed["category"], feed["local"])

    assert sorted(map(key, after)) == sorted(map(key, before))


def test_export_of_an_empty_desk_is_still_valid_opml(run_cli) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(run_cli("feeds", "export").out)
    assert root.find("body") is not None and not list(root.iter("outline"))


def _error(result: CliResult) -> str:
    assert result.code == 2 and result.out == ""
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    return result.err


def test_bad_opml_files_are_one_line_errors(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.opml"
    assert f"{missing}: cannot read" in _error(run_cli("feeds", "import", str(missing)))
    broken = _write(tmp_path, "<opml><body><outline", "broken.opml")
    assert f"{broken}: not valid XML" in _error(run_cli("feeds", "import", str(broken)))
    rss = _write(tmp_path, "<rss version='2.0'/>", "rss.opml")
    assert "not an OPML file (its root element is <rss>)" in _error(run_cli("feeds", "import", str(rss)))
    assert json.loads(run_cli("feeds", "list", "--json").out) == []


def test_entity_expansion_is_refused(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    laughs = """<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<opml version="2.0"><body><outline text="&c;" xmlUrl="https://x.example.com/rss"/></body></opml>"""
    path = _write(tmp_path, laughs, "laughs.opml")
    assert "has a DOCTYPE" in _error(run_cli("feeds", "import", str(path)))


def test_opml_files_as_shared_on_the_web_are_repaired(run_cli) -> None:  # type: ignore[no-untyped-def]
    path = Path(__file__).parent / "files" / "broken_shared.opml"

    result = run_cli("feeds", "import", str(path))

    assert result.code == 0, result.err
    assert "4 added, 0 already there, 2 skipped" in result.out
    assert result.err.splitlines() == [
        f"givedesk: {path}: line 11: outline 'Only a website' has no feed address (xmlUrl); skipped",
        f"givedesk: {path}: line 12: outline 'Empty address' has no feed address (xmlUrl); skipped",
    ]
    feeds = {f["url"]: f["name"] for f in json.loads(run_cli("feeds", "list", "--json").out)}
    assert feeds == {
        "https://music.example/feed?a=1&b=2": "News, Reviews & Artists",
        "https://cafe.example/rss": "Café Culture été",
        "https://tj.example/rss": "Tom & Jerry",
        "https://rd.example/atom": "R&D weekly",
    }
