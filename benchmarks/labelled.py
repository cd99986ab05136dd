"""Labelled sets written as folders (`../shared/eval/match_eval_1` and its kind): a
desk made from one the way a user makes theirs, and the set's own scorer run on what
the desk suggests.

Such a folder holds `contacts.csv`, `feeds/`, `labels.json`, `intros.json` and
`score.py`. The desk is built through the commands a new user types (import the
contacts, add the feeds, fetch), with the daily caps lifted so the matcher is judged,
not the cap; `score.py` is the folder's own, run as a process, so a set from another
hand is scored exactly as its writer meant.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from givedesk.cli import main as givedesk_main

CONFIG = """[matching]
max_per_contact = 100
max_suggestions = 100000
max_age_days = 3650
[fetch]
retention_days = 3650
[intros]
max_suggestions = 20
"""
LOCAL_FEEDS = ("local",)
"""A feed whose file name starts so is added with --local (the set's local paper)."""


def _givedesk(home: Path, *args: str) -> str:
    """One command, in this process, its standard output."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            givedesk_main([*args, "--home", str(home)])
        except SystemExit as done:
            if done.code not in (0, None):
                raise RuntimeError(f"givedesk {' '.join(args)} exited {done.code}") from None
    return out.getvalue()


def build_desk(folder: Path, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(CONFIG, encoding="utf-8")
    _givedesk(home, "contacts", "import", str(folder / "contacts.csv"))
    for feed in sorted((folder / "feeds").iterdir()):
        local = ["--local"] if feed.name.startswith(LOCAL_FEEDS) else []
        _givedesk(home, "feeds", "add", str(feed), *local)
    _givedesk(home, "fetch", "--force")


@dataclass(frozen=True)
class FolderScores:
    precision: float
    recall: float
    f1: float
    hard_f1: float
    intros_good: int
    intros_good_total: int
    intros_wrong: int
    intros_wrong_in_top10: int
    suggested_intros: int

    def describe(self) -> str:
        return (f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (hard F1 "
                f"{self.hard_f1:.2f}); intros {self.intros_good}/{self.intros_good_total} good, "
                f"{self.intros_wrong} wrong ({self.intros_wrong_in_top10} in the top 10) of "
                f"{self.suggested_intros}")


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a.casefold(), b.casefold()))


def score_folder(folder: Path, matches: list[dict[str, Any]], intros: list[dict[str, Any]]) -> FolderScores:
    with tempfile.TemporaryDirectory() as scratch:
        matches_file, metrics_file = Path(scratch) / "m.json", Path(scratch) / "metrics.json"
        matches_file.write_text(json.dumps(matches), encoding="utf-8")
        subprocess.run([sys.executable, str(folder / "score.py"), str(matches_file),
                        "--json-out", str(metrics_file)], check=True, capture_output=True)
        metrics = json.loads(metrics_file.read_text(encoding="utf-8"))
    labels = json.loads((folder / "intros.json").read_text(encoding="utf-8"))
    good = {_pair(a, b) for a, b, *_ in labels["good"]}
    wrong = {_pair(a, b) for a, b, *_ in labels["wrong"]}
    suggested = [_pair(i["a"]["name"], i["b"]["name"]) for i in intros]
    hard = metrics.get("hard", {})
    return FolderScores(
        precision=metrics["precision"], recall=metrics["recall"], f1=metrics["f1"],
        hard_f1=hard.get("f1", 0.0),
        intros_good=len(good & set(suggested)), intros_good_total=len(good),
        intros_wrong=len(wrong & set(suggested)), intros_wrong_in_top10=len(wrong & set(suggested[:10])),
        suggested_intros=len(suggested),
    )


def run_folder(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What a new user's desk suggests for the set: matches and introductions, as JSON."""
    with tempfile.TemporaryDirectory(prefix="givedesk-eval-") as scratch:
        home = Path(scratch) / "home"
        build_desk(folder, home)
        matches = json.loads(_givedesk(home, "matches", "--json"))
        intros = json.loads(_givedesk(home, "intros", "--json"))
    return matches, intros


if __name__ == "__main__":
    for name in sys.argv[1:]:
        found = Path(name)
        print(found.name, score_folder(found, *run_folder(found)).describe())


def _folder_scorer(folder: Path) -> Any:
    """The folder's own score.py as a module: its way of resolving an article is the
    one its labels are read with."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"score_{folder.name}", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_folder_set(folder: Path) -> Any:
    """The set as an `EvalSet` (tests/matching/evaluation.py): the desk's own contacts
    and articles, as a new user's import and fetch made them, and the gold pairs by id."""
    from datetime import UTC, datetime

    from givedesk.paths import Paths
    from givedesk.store import Store
    from tests.matching.evaluation import EvalSet

    scorer = _folder_scorer(folder)
    labelled = scorer.parse_feeds(str(folder / "feeds"))
    _, rows = scorer.load_contacts(str(folder / "contacts.csv"))
    index = scorer.Index(labelled, rows)
    _, gold = scorer.load_labels(str(folder / "labels.json"))
    with tempfile.TemporaryDirectory(prefix="givedesk-eval-") as scratch:
        home = Path(scratch) / "home"
        build_desk(folder, home)
        store = Store(Paths.for_home(home))
        contacts = store.contacts.all()
        articles = store.articles.all()
    by_name = {contact.name.casefold(): contact.id for contact in contacts}
    guid_to_id = {}
    for article in articles:
        guid = index.article({"id": article.id, "link": article.link, "title": article.title})
        if guid is not None:
            guid_to_id[guid] = article.id
    pairs = {(guid_to_id[guid], by_name[name.casefold()]): kind
             for (guid, name), kind in gold.items()
             if guid in guid_to_id and name.casefold() in by_name}
    now = max((a.published for a in articles), default=datetime.now(UTC))
    return EvalSet(contacts, articles, pairs, now)
