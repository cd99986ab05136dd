"""The command-line contract: results, and one-line errors that change nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PYTHON, subprocess_env


def test_add_and_list_contacts(run_cli) -> None:  # type: ignore[no-untyped-def]
    added = run_cli("contacts", "add", "Priya Raman", "--email", "priya@example.com",
                    "--company", "St. Vincent Medical", "--interest", "running",
                    "--need", "architects for the new wing", "--key", "--met-on", "2026-11-20")
    assert added.code == 0 and added.out.startswith("Added Priya Raman")
    listed = json.loads(run_cli("contacts", "list", "--json").out)
    assert listed[0]["needs"] == ["architects for the new wing"]
    assert listed[0]["key"] is True and listed[0]["met_on"] == "2026-11-20"
    table = run_cli("contacts", "list").out
    assert "Priya Raman" in table and "★" in table


def test_markup_in_names_prints_literally(run_cli) -> None:  # type: ignore[no-untyped-def]
    run_cli("contacts", "add", "[bold red]Mallory[/]")
    assert "[bold red]Mallory[/]" in run_cli("contacts", "list").out


def test_home_from_environment(run_cli, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GIVEDESK_HOME", str(home))
    run_cli("contacts", "add", "Env Person", with_home=False)
    assert (home / "desk.json").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["contacts", "add"], "Missing argument 'NAME'"),
        (["contacts", "add", "X", "--met-on", "yesterday"], "--met-on"),
        (["contacts", "list", "--bogus"], "No such option"),
        (["contacts", "import", "missing.csv"], "missing.csv: no such file"),
        (["feeds", "add", "ftp://example.com/feed"], "only http(s) URLs and local files"),
        (["feeds", "add", "not/a/file.xml"], "neither an http(s) URL nor an existing file"),
        (["feeds", "remove", "nope"], "no feed 'nope'"),
        (["frobnicate"], "No such command"),
    ],
)
def test_user_mistakes_are_one_line_exit_2_and_change_nothing(
    run_cli, home: Path, args: list[str], expected: str  # type: ignore[no-untyped-def]
) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert expected in result.err
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err
    assert not (home / "desk.json").exists()


def test_a_bad_config_stops_before_any_file_is_written(run_cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text("[fetch]\nconcurrency = 'many'\n")
    result = run_cli("contacts", "add", "Nobody")
    assert result.code == 2
    assert str(home / "config.toml") in result.err and "fetch.concurrency" in result.err
    assert not (home / "desk.json").exists()


def test_feeds_add_and_list(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed_file = tmp_path / "local.xml"
    feed_file.write_text("<rss/>")
    assert run_cli("feeds", "add", str(feed_file), "--name", "Gazette", "--local").code == 0
    assert run_cli("feeds", "add", "https://news.example.com/rss").code == 0
    duplicate = run_cli("feeds", "add", "https://news.example.com/rss")
    assert duplicate.code == 2 and "already a feed" in duplicate.err
    feeds = json.loads(run_cli("feeds", "list", "--json").out)
    assert [(f["name"], f["local"]) for f in feeds] == [("Gazette", True), ("", False)]


def test_console_script_module_runs_as_a_real_process(home: Path) -> None:
    result = subprocess.run(
        [PYTHON, "-m", "givedesk", "contacts", "list", "--home", str(home)],
        capture_output=True, text=True, env=subprocess_env(), timeout=60,
    )
    assert result.returncode == 0
    assert "No contacts yet" in result.stdout
    broken = subprocess.run(
        [PYTHON, "-m", "givedesk", "contacts", "import", str(home / "nope.vcf"), "--home", str(home)],
        capture_output=True, text=True, env=subprocess_env(), timeout=60,
    )
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
