"""Modal dialogs: each returns its answer through `dismiss`."""

from givedesk.tui.dialogs.choice import ChoiceDialog
from givedesk.tui.dialogs.confirm import ConfirmDialog
from givedesk.tui.dialogs.pick_people import PickPeopleDialog
from givedesk.tui.dialogs.prompt import TextPrompt

__all__ = ["ChoiceDialog", "ConfirmDialog", "PickPeopleDialog", "TextPrompt"]
