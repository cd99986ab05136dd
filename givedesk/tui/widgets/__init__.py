"""Widgets shared by several screens."""

from givedesk.tui.widgets.chrome import DeskStatus, ScreenTabs
from givedesk.tui.widgets.safe import plain, plain_cell

__all__ = ["DeskStatus", "ScreenTabs", "plain", "plain_cell"]
