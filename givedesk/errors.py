"""Errors that mean "the user asked for something we cannot do", as opposed to bugs.

The CLI prints a `UserError` as one line and exits 2; anything else is a bug and
keeps its traceback.
"""

import errno
import stat
from pathlib import Path


class UserError(Exception):
    """A mistake in the user's input: a bad argument, file, row or config value."""


class StoreError(UserError):
    """A data file cannot be used as it is (unreadable, or written by a newer givedesk)."""


_PLAIN_WORDS = {
    errno.ENOSPC: "the disk is full",
    errno.EFBIG: "the file is too large for this disk or user (file size limit)",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is on a read-only file system",
}


def describe_os_error(error: OSError) -> str:
    """An OSError in words a user can act on, without Python's repr."""
    return _PLAIN_WORDS.get(error.errno or 0) or error.strerror or str(error)


def read_user_file(path: Path, *, max_bytes: int | None = None, what: str = "file") -> bytes:
    """A file the user named, or one line saying why it cannot be read.

    With `max_bytes`, only a regular file is read, and its size is checked before
    reading: a link to /dev/zero or a pipe would otherwise be read forever (or block).
    """
    try:
        info = path.stat()
        if max_bytes is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            raise UserError(f"{path}: not a regular file; not a {what}")
        if max_bytes is not None and info.st_size > max_bytes:
            raise UserError(f"{path}: larger than {max_bytes // 2**20} MB; not a {what}")
        with path.open("rb") as stream:
            raw = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read: {describe_os_error(error)}") from None
    if max_bytes is not None and len(raw) > max_bytes:
        raise UserError(f"{path}: larger than {max_bytes // 2**20} MB; not a {what}")
    return raw
