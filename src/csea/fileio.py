"""Writing files safely (atomically, never over a file csea could not read), and JSON text.

Commands that rewrite a user's file (``init``, ``migrate``) or write a report (``report -o``)
go through [write_atomic][csea.fileio.write_atomic]: the new text goes to a temporary file
in the same directory, is flushed to disk, and then replaces the target in one step. A crash
or a full disk leaves either the old file or the new one, never half of either. The
original file's permissions are kept; a symlink is written through, not replaced.

[refuse_unreadable][csea.fileio.refuse_unreadable] guards a rewrite: when the target exists
but cannot be parsed, csea refuses to write over it, so nothing the user wrote is lost.

Every JSON text csea writes (outputs, schemas) has one layout:
[dumps_json][csea.fileio.dumps_json].
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from csea.errors import InputError, WriteRefusedError

__all__ = ["display_path", "dumps_json", "refuse_unreadable", "write_atomic"]

T = TypeVar("T")


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8), or bytes, to ``path`` atomically, keeping the file's permissions.

    Raises:
        WriteRefusedError: The file could not be written; the original, if any, is unchanged
            and no temporary file is left behind.
    """
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise _refused(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise _refused(path, error) from None
    _sync_directory(target.parent)


def refuse_unreadable(path: Path, read: Callable[[Path], T]) -> T | None:
    """Read ``path`` before it is rewritten; refuse when it exists but cannot be parsed.

    Args:
        path: The file about to be rewritten.
        read: The reader for this kind of file; it raises ``InputError`` on bad input.

    Returns:
        What ``read`` returned, or ``None`` when the file does not exist.

    Raises:
        WriteRefusedError: The file exists and could not be read; the message lists every
            problem with file and line, and the file is left untouched.
    """
    if not path.exists():
        return None
    try:
        return read(path)
    except InputError as error:
        details = "\n".join(str(problem) for problem in error.problems)
        raise WriteRefusedError(
            f"refusing to write over {path}: it exists but could not be read; fix it or "
            f"choose another output file\n{details}"
        ) from None


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when inside it, else as given (for messages)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def dumps_json(value: Any) -> str:
    """Stable, readable JSON (two-space indent, UTF-8 kept, trailing newline)."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _mode_for(target: Path) -> int:
    """The permission bits the new file gets: the old file's, or the umask default."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_directory(directory: Path) -> None:
    """Flush the directory entry so the rename survives a crash (where the OS allows it)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(descriptor)
    os.close(descriptor)


def _refused(path: Path, error: OSError) -> WriteRefusedError:
    reason = error.strerror or str(error)
    return WriteRefusedError(f"could not write {path}: {reason}; nothing was changed")
