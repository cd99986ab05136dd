"""Drive givedesk as installed by `pip install .`, from a folder outside the clone.

An editable install reads data files from the source tree and hid a file missing from
the wheel (the matching lexicon): the demo opened on an empty Today and every `matches`
failed. `.ci/run` installs the wheel into a fresh venv and runs this with `python -I`
from a temporary folder, so nothing of the clone is on the path. It opens the demo desk
headless until Today has rows, then runs every command once on a fresh home. Any
failure exits non-zero with the command and what it printed.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import givedesk

GIVEDESK = Path(sys.executable).with_name("givedesk")
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Smoke Gazette</title><link>https://example.org/</link>
<description>local news</description>
<item><title>Okafor Coffee Roasters opens a second cafe</title>
<link>https://example.org/okafor-cafe</link><guid>https://example.org/okafor-cafe</guid>
<description>The roaster Okafor Coffee Roasters opens downtown, with cold brew on tap.</description>
<pubDate>Mon, 07 Dec 2026 06:00:00 GMT</pubDate></item>
<item><title>New bike lanes approved on Main Street</title>
<link>https://example.org/bike-lanes</link><guid>https://example.org/bike-lanes</guid>
<description>The council approved protected bike lanes for cyclists.</description>
<pubDate>Mon, 07 Dec 2026 07:00:00 GMT</pubDate></item>
</channel></rss>
"""
CONTACTS_CSV = (
    "name,email,company,role,location,interests,needs,offers,notes,key\n"
    "Ben Adeyemi,ben@example.org,Ledger & Co,Bookkeeper,Harborview,small business,clients,"
    "monthly bookkeeping,,no\n"
    "Mara Lind,mara@example.org,City of Harborview,Transport planner,Harborview,bike lanes;transit,"
    "a bookkeeper,,,yes\n"
)


def fail(message: str) -> None:
    print(f"installed smoke: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check_installed_copy() -> None:
    location = Path(givedesk.__file__).resolve()
    if "site-packages" not in location.parts:
        fail(f"givedesk was imported from {location}, not from the installed wheel")


async def demo_shows_rows(home: Path) -> None:
    """The demo desk, as `givedesk --demo` builds it, until Today lists suggestions."""
    from textual.widgets import DataTable

    from givedesk.tui.app import make_app

    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 60
        table = app.screen.query_one("#today-table", DataTable)
        while table.row_count == 0:
            if time.monotonic() > deadline:
                fail("the demo's Today showed no rows within 60 s")
            await pilot.pause(0.2)
        rows = table.row_count
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        if not app.screen.query_one("#contacts-table", DataTable).row_count:
            fail("key 3 did not show the demo's contacts")
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    print(f"installed smoke: demo Today showed {rows} rows")


def run(home: Path, *args: str) -> str:
    """One command as a user types it; its output, or the run ends here."""
    command = [str(GIVEDESK), "--home", str(home), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        fail(f"`givedesk {' '.join(args)}` exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def every_command_once(folder: Path) -> None:
    home = folder / "home"
    feed = folder / "gazette.xml"
    feed.write_text(FEED, encoding="utf-8")
    contacts = folder / "contacts.csv"
    contacts.write_text(CONTACTS_CSV, encoding="utf-8")
    run(home, "--help")
    run(home, "contacts", "add", "Zoe Okafor", "--company", "Okafor Coffee Roasters",
        "--interest", "coffee", "--key")
    run(home, "contacts", "import", str(contacts))
    if len(json.loads(run(home, "contacts", "list", "--json"))) != 3:
        fail("contacts list --json does not hold the three people added")
    run(home, "contacts", "show", "Zoe Okafor")
    run(home, "feeds", "add", str(feed), "--name", "Gazette", "--local")
    run(home, "feeds", "list", "--json")
    run(home, "feeds", "export")
    run(home, "fetch", "--json")
    matches = json.loads(run(home, "matches", "--json"))
    if not matches:
        fail("matches --json found nothing on a desk made to match (is the lexicon installed?)")
    run(home, "matches")
    run(home, "intros", "--json")
    run(home, "intros")
    run(home, "leads", "add", "Cafe chain looking for a bookkeeper", "--source", "Zoe Okafor")
    run(home, "leads", "--json")
    run(home, "followups", "--json")
    run(home, "gives", "add", "Mara Lind", "--kind", "info", "--note", "Sent the bike lane plan")
    run(home, "gives", "--json")
    run(home, "gives", "--csv")
    run(home, "gives", "stats", "--json")
    run(home, "asks", "add", "Ben Adeyemi", "A quote for my books")
    run(home, "asks", "--json")
    run(home, "contacts", "export", "--csv")
    run(home, "contacts", "export", "--vcf")
    backup = folder / "backup.json"
    run(home, "export", str(backup))
    run(home, "restore", str(backup), "--replace")
    print(f"installed smoke: every command ran; {len(matches)} matches")


def main() -> None:
    check_installed_copy()
    from givedesk.demo import demo_home

    with demo_home() as home:  # filled outside the app's event loop, as the CLI does
        asyncio.run(demo_shows_rows(home))
    with tempfile.TemporaryDirectory(prefix="givedesk-smoke-") as folder:
        every_command_once(Path(folder))


if __name__ == "__main__":
    main()
