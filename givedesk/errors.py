"""Errors that mean "the user asked for something we cannot do", as opposed to bugs.

The CLI prints a `UserError` as one line and exits 2; anything else is a bug and
keeps its traceback.
"""


from pathlib import Path


class UserError(Exception):
    """A mistake in the user's input: a bad argument, file, row or config value."""


class StoreError(UserError):
    """A data file cannot be used as it is (unreadable, or written by a newer givedesk)."""


def read_user_file(path: Path, *, max_bytes: int | None = None, what: str = "file") -> bytes:
    """A file the user named, or one line saying why it cannot be read."""
    try:
        with path.open("rb") as stream:
            raw = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror}") from None
    if max_bytes is not None and len(raw) > max_bytes:
        raise UserError(f"{path}: larger than {max_bytes // 2**20} MB; not a {what}")
    return raw
