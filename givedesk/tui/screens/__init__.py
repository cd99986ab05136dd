"""The six screens of the desk, in the order of their keys."""

from givedesk.tui.screens.contacts import ContactsScreen
from givedesk.tui.screens.feeds import FeedsScreen
from givedesk.tui.screens.intros import IntrosScreen
from givedesk.tui.screens.outbox import OutboxScreen
from givedesk.tui.screens.review import ReviewScreen
from givedesk.tui.screens.today import TodayScreen

SCREEN_CLASSES = (TodayScreen, OutboxScreen, ContactsScreen, IntrosScreen, ReviewScreen, FeedsScreen)

__all__ = [
    "SCREEN_CLASSES",
    "ContactsScreen",
    "FeedsScreen",
    "IntrosScreen",
    "OutboxScreen",
    "ReviewScreen",
    "TodayScreen",
]
