"""Errors that mean "the user asked for something we cannot do", as opposed to bugs.

The CLI prints a `UserError` as one line and exits 2; anything else is a bug and
keeps its traceback.
"""


class UserError(Exception):
    """A mistake in the user's input: a bad argument, file, row or config value."""


class StoreError(UserError):
    """A data file cannot be used as it is (unreadable, or written by a newer givedesk)."""
