"""The preview says every reason in words, its cautions, and what past decisions did."""

from __future__ import annotations

from givedesk.desk import item_from_match
from givedesk.matching.engine import Match, Reason
from givedesk.models import Article, Contact
from givedesk.tui.dialogs.preview import preview_text


def test_preview_shows_explanations_cautions_and_learning() -> None:
    related = Reason(field="interests", term="information security", evidence="a ransomware attack",
                     evidence_start=2, evidence_end=12, similarity=100.0, in_title=False,
                     related="ransomware",
                     explanation="ransomware, related to Ines's interest information security")
    named = Reason(field="name", term="Ines Duarte", evidence="Ines Duarte, 17, won",
                   evidence_start=0, evidence_end=11, similarity=100.0, in_title=True,
                   note="possibly a namesake")
    match = Match(
        article=Article(id="a1", title="Ines Duarte on ransomware", feed_id="f"),
        contact=Contact(id="c1", name="Ines Duarte"), score=80.0, kind="interest",
        reasons=[related, named],
        feedback=["you dismissed 3 of 3 'sailing' suggestions for Ines"],
    )
    shown = preview_text(item_from_match(match)).plain
    assert "ransomware, related to Ines's interest information security: a ransomware attack" in shown
    assert "name “Ines Duarte”: Ines Duarte, 17, won (possibly a namesake)" in shown
    assert "you dismissed 3 of 3 'sailing' suggestions for Ines" in shown
