"""Drafting messages: one per person for the Outbox, and the steps of an introduction.

Templates come from the config ([compose] and [intros]); the config already refused
any {placeholder} a template may not use (`config.TEMPLATE_PLACEHOLDERS`). Values are
filled in one pass, so a contact's own text that happens to contain "{name}" is
printed as written, never expanded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from givedesk.config import PLACEHOLDER, ComposeConfig, Config
from givedesk.models import Contact, QueueItem
from givedesk.outbox import is_check_in

MENTION_TITLES_IN_MESSAGES: dict[str, str] = {
    "congratulate": "Congratulations on the news! {title}",
    "mention": "You are in the news: {title}",
    "headsup": "In case you haven't seen it: {title}",
}
"""How a queued article about the person reads in the message: good news is congratulated,
a plain mention is pointed out, bad news is passed on as a heads-up, never cheerfully (a
lead is forwarded like any lead)."""


@dataclass(frozen=True)
class Draft:
    """A message ready to copy or to open in the mail client."""

    subject: str
    body: str
    to: str
    """Addresses separated by ", "; empty when nobody has an email on the desk."""


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each known {placeholder} replaced; anything else kept as written."""
    return PLACEHOLDER.sub(lambda found: values.get(found.group(1), found.group(0)), template)


def signature(config: Config) -> str:
    return fill(config.compose.signature, {"my_name": config.desk.name}).rstrip()


def _person_values(contact: Contact, config: Config) -> dict[str, str]:
    return {"first_name": contact.first_name, "name": contact.name, "my_name": config.desk.name}


def _item_lines(item: QueueItem) -> list[str]:
    lines = [f"- {item.title}"]
    lines += [f"  {text}" for text in (item.note, item.link or "") if text]
    return lines


def draft_outbox_message(
    contact: Contact, items: Sequence[QueueItem], config: Config, note: str = ""
) -> Draft:
    """One message for `contact` with everything queued for them, and your own note.

    The personal note comes first: it is what makes the message yours rather than a
    digest. An occasion ("Happy birthday! (Friday 2 January)") comes before even that,
    and names the message when nothing else is in it. A check-in is not a thing to
    list ("- Checking in" read oddly under "I came across these"): its note is a
    paragraph of its own. One item is written of as one, not as "a few things".
    """
    compose: ComposeConfig = config.compose
    values = _person_values(contact, config)
    occasions = [item for item in items if item.occasion]
    check_ins = [item for item in items if is_check_in(item)]
    shared = [item for item in items if not item.occasion and not is_check_in(item)]
    paragraphs = [fill(compose.greeting, values)]
    paragraphs += ["\n".join(filter(None, (item.title, item.note))) for item in occasions]
    if note.strip():
        paragraphs.append(note.strip())
    paragraphs += [item.note.strip() or fill(compose.check_in, values) for item in check_ins]
    if shared:
        one = len(shared) == 1
        listing = [fill(compose.intro_line_one if one else compose.intro_line, values)]
        for item in shared:
            listing += _item_lines(item)
        paragraphs.append("\n".join(listing))
    paragraphs.append(signature(config))
    if occasions and not shared:
        subject = occasions[0].title.split(" (")[0]
    elif shared:
        one = len(shared) == 1 and not occasions
        subject = fill(compose.subject_one if one else compose.subject, values)
    else:
        subject = fill(compose.check_in_subject if check_ins else compose.subject, values)
    return Draft(
        subject=subject,
        body="\n\n".join(paragraph for paragraph in paragraphs if paragraph),
        to=contact.email,
    )


def blurb(contact: Contact) -> str:
    """A few lines about a person that the other side of an introduction can forward."""
    first = ", ".join(part for part in (contact.name, contact.position) if part)
    if contact.location:
        first += f" ({contact.location})"
    lines = [first]
    if contact.offers:
        lines.append("Can help with: " + "; ".join(contact.offers))
    if contact.needs:
        lines.append("Looking for: " + "; ".join(contact.needs))
    if contact.email:
        lines.append(contact.email)
    return "\n".join(lines)


def _single_line(value: str) -> str:
    """Line breaks (CR, LF and their Unicode kin) removed: in a mail header they would
    start a header of their own."""
    return " ".join(part.strip() for part in value.splitlines() if part.strip())


def mailto_url(draft: Draft) -> str:
    """A mailto: URL that opens `draft` in the mail client (RFC 6068).

    Every part is percent-encoded, so "?", "&" or a line break in an address, subject
    or body can never add a header (a Bcc:) of its own; line breaks in the body are
    sent as CRLF, as the RFC asks.
    """
    addresses = [part.strip() for part in _single_line(draft.to).split(",") if part.strip()]
    to = ",".join(quote(address, safe="@") for address in addresses)
    body = "\r\n".join(draft.body.replace("\r\n", "\n").split("\n"))
    query = urlencode({"subject": _single_line(draft.subject), "body": body}, quote_via=quote)
    return f"mailto:{to}?{query}"
