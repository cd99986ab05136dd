"""The note to A, proposed from the Intros screen, never names B's company (issue 10)."""

from __future__ import annotations

from pathlib import Path

from givedesk.models import Contact
from givedesk.paths import Paths
from givedesk.store import Store
from tests.tui.conftest import AppFactory
from tests.tui.helpers import propose_first_intro, static_text


async def test_proposing_from_the_intros_screen_keeps_b_anonymous(home: Path,
                                                                  make_app: AppFactory) -> None:
    store = Store(Paths.for_home(home))
    store.contacts.insert(Contact(name="Zoë Okafor", needs=["a bookkeeper"], tags=["coffee"],
                                  email="zoe@example.com"))
    store.contacts.insert(Contact(name="Hana Kobayashi", company="Ledgerlight Bookkeeping",
                                  tags=["finance"], email="hana@example.com"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await propose_first_intro(pilot)
        [intro] = app.store.intros.all()
        note_to_a = static_text(app, "#intro-detail").split("\n", 1)[1]
        assert note_to_a.startswith("To zoe@example.com · An introduction?")
        assert "You're looking for a bookkeeper, and I know someone who works in accounting." \
            in note_to_a
        assert "Ledgerlight" not in note_to_a and "Hana" not in note_to_a
        assert "Ledgerlight" not in intro.reason
