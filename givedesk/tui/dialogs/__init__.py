"""Modal dialogs: each returns its answer through `dismiss`."""

from givedesk.tui.dialogs.choice import ChoiceDialog
from givedesk.tui.dialogs.confirm import ConfirmDialog
from givedesk.tui.dialogs.pick_people import PickPeopleDialog
from givedesk.tui.dialogs.prompt import TextPrompt
from givedesk.tui.dialogs.suggested_terms import offer_suggested_terms

__all__ = ["ChoiceDialog", "ConfirmDialog", "PickPeopleDialog", "TextPrompt", "offer_suggested_terms"]
