"""Enter on a Today row: the whole article and every reason it was suggested."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from givedesk.desk import AgendaItem


def preview_text(item: AgendaItem) -> Text:
    text = Text()
    text.append(f"{item.label} · {item.contact.name}", style="bold")
    if item.local:
        text.append("  LOCAL", style="bold green")
    text.append("\n\n")
    text.append(item.title, style="bold")
    text.append("\n")
    if item.when:
        undated = item.match is not None and not item.match.article.dated
        seen = "undated; first seen " if undated else ""
        text.append(f"{seen}{item.when:%A %d %B %Y, %H:%M} UTC\n", style="dim")
    if item.link:
        text.append(item.link, style="underline")
        text.append("\n")
    if item.match is not None:
        if item.match.article.summary:
            text.append("\n")
            text.append(item.match.article.summary)
            text.append("\n")
        text.append(f"\nWhy (score {item.match.score:.0f})\n", style="bold")
        for reason in item.match.reasons:
            text.append(f"• {reason.explanation or f'{reason.field} “{reason.term}”'}: ")
            evidence = Text(reason.evidence)
            evidence.stylize("bold reverse", reason.evidence_start, reason.evidence_end)
            text.append_text(evidence)
            if reason.note:
                text.append(f" ({reason.note})", style="italic")
            text.append("\n")
        for learned in item.match.feedback:
            text.append(f"• {learned}\n", style="dim")
    else:
        text.append("\n")
        text.append(item.why)
    return text


class PreviewDialog(ModalScreen[str | None]):
    """Returns the action chosen from the preview ('queue', 'open'), or None."""

    BINDINGS = [
        Binding("escape,enter", "close", "Close", id="preview.close", tooltip="Back to Today"),
        Binding("q", "choose('queue')", "Queue", id="preview.queue", tooltip="Queue it for them"),
        Binding("o", "choose('open')", "Open link", id="preview.open", tooltip="Open the link"),
    ]

    def __init__(self, item: AgendaItem) -> None:
        super().__init__()
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog preview"):
            with VerticalScroll():
                yield Static(preview_text(self.item), id="preview-text")
            yield Label("q queue · o open link · Escape close", classes="dialog-hint")
        yield Footer(show_command_palette=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
