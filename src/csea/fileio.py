r"""Writing files safely (atomically, never over a file csea could not read), and JSON text.

Commands that rewrite a user's file (``init``, ``migrate``) or write a report (``report -o``)
go through [write_atomic][csea.fileio.write_atomic]: the new text goes to a temporary file
in the same directory, is flushed to disk, and then replaces the target in one step. A crash
or a full disk leaves either the old file or the new one, never half of either. The
original file's permissions are kept; a symlink is written through, not replaced.

A rewrite passes the bytes it read (``expect``): just before the rename, under a lock on the
directory that every csea writer takes, the file is read again, and when someone else
changed it meanwhile (another ``csea init`` or ``migrate``, an editor) the write is refused,
so the other change is not lost. Writing what the file already holds always succeeds.

[refuse_unreadable][csea.fileio.refuse_unreadable] guards a rewrite: when the target exists
but cannot be parsed, csea refuses to write over it, so nothing the user wrote is lost.

Every output csea produces from its inputs (a report, an export, a schema) is written by
[write_output][csea.fileio.write_output]: it knows the inputs and refuses an output that is
one of them (the assessment, its profile, a catalogue file: through a link or not), or that
exists and is not a regular file (``/dev/null``, a named pipe, a folder: csea often runs as
root in CI, where replacing a device would break the machine). The command line writes to
standard output instead when the output is ``-``.

Every JSON text csea writes (outputs, schemas) has one layout:
[dumps_json][csea.fileio.dumps_json]. Characters that act rather than show (controls,
bidirectional controls, line separators: [csea.safetext.INVISIBLE][]) are written as
``\uXXXX`` escapes, so the JSON means the same but cannot reorder or hide text where it is
shown; [json_text][csea.fileio.json_text] is the same on one line. Zip-based files
(workbooks, Word documents) go through [repeatable_zip][csea.fileio.repeatable_zip], so the
same content gives the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the re-check alone
    fcntl = None  # type: ignore[assignment]

from csea.errors import InputError, WriteRefusedError
from csea.safetext import INVISIBLE

__all__ = [
    "UNCHECKED",
    "ZIP_EPOCH",
    "check_output",
    "display_path",
    "dumps_json",
    "json_text",
    "refuse_unreadable",
    "repeatable_zip",
    "write_atomic",
    "write_output",
]

T = TypeVar("T")


class _Unchecked:
    """The file is replaced whatever it holds (a report, not a file csea read)."""


UNCHECKED: Final = _Unchecked()
"""``expect`` for [write_atomic][csea.fileio.write_atomic] when nothing is re-checked."""


def write_atomic(
    path: Path, content: str | bytes, *, expect: bytes | _Unchecked | None = UNCHECKED
) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` atomically, keeping its permissions.

    Args:
        path: The file to write.
        content: What it will hold.
        expect: The bytes the file held when it was read (``None``: it did not exist).
            The write is refused when it holds something else by then, unless that is
            ``content`` already.

    Raises:
        WriteRefusedError: The file could not be written, or it changed since it was read;
            the file is unchanged and no temporary file is left behind.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
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
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        with _locked(target.parent):
            _check_unchanged(path, target, expect, data)
            os.replace(temp_name, target)
    except (OSError, WriteRefusedError) as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, WriteRefusedError):
            raise
        raise _refused(path, error) from None
    _sync_directory(target.parent)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold the lock every csea writer takes on a directory (where the OS offers one)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _check_unchanged(
    path: Path, target: Path, expect: bytes | _Unchecked | None, data: bytes
) -> None:
    """Refuse to replace a file someone changed since csea read it."""
    if isinstance(expect, _Unchecked):
        return
    try:
        current: bytes | None = target.read_bytes()
    except FileNotFoundError:
        current = None
    if current in (expect, data):
        return
    raise WriteRefusedError(
        f"{path} changed while csea was working on it (another csea command or an editor "
        "wrote it); nothing was written, so that change is kept; run the command again"
    )


def write_output(path: Path, content: str | bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write an output file atomically (its folder made), never over an input or a special file.

    Args:
        path: The file to write.
        content: What it will hold (text as UTF-8).
        inputs: The files (or folders, such as the catalogue) the output was made from; an
            existing file in such a folder counts as an input.

    Raises:
        WriteRefusedError: See [check_output][csea.fileio.check_output]; or the file or its
            folder could not be written. Nothing is changed then.
    """
    check_output(path, inputs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise WriteRefusedError(
            f"could not write {path}: cannot create the folder {path.parent} ({reason}); "
            "nothing was changed"
        ) from None
    write_atomic(path, content)


def check_output(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output path that is one of the inputs, or an existing file that is not regular.

    Raises:
        WriteRefusedError: ``path`` is (through links or not) one of ``inputs`` or an existing
            file inside one of them, or it exists and is a device, a named pipe, a socket or
            a folder.
    """
    try:
        kind = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as error:
        raise _refused(path, error) from None
    for given in inputs:
        if _same_or_inside(path, given):
            raise WriteRefusedError(
                f"refusing to write over {path}: it is one of this command's inputs; choose "
                "another output file"
            )
    if not stat.S_ISREG(kind):
        what = "a folder" if stat.S_ISDIR(kind) else "not a regular file (a device or a pipe)"
        raise WriteRefusedError(
            f"refusing to write {path}: it is {what}; choose a file, or '-' for standard output"
        )


def _same_or_inside(path: Path, given: Path) -> bool:
    """Whether the existing ``path`` is ``given``, or a file inside the folder ``given``."""
    try:
        if os.path.samefile(path, given):
            return True
    except OSError:
        return False
    real, folder = os.path.realpath(path), os.path.realpath(given)
    return os.path.isdir(folder) and real.startswith(folder.rstrip(os.sep) + os.sep)


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


def display_path(path: Path, *, resolved: str | None = None, cwd: Path | None = None) -> str:
    """``path`` relative to the working directory when inside it, else as given (for messages).

    Args:
        path: The path, as named.
        resolved: ``path`` already resolved (``os.path.realpath``), when the caller has it.
        cwd: The working directory already resolved, for a caller naming many files.
    """
    real = Path(resolved) if resolved is not None else path.resolve()
    try:
        return str(real.relative_to(cwd or Path.cwd().resolve()))
    except ValueError:
        return str(path)


def dumps_json(value: Any) -> str:
    """Stable, readable JSON (two-space indent, UTF-8 kept, trailing newline)."""
    return json_text(value, indent=2) + "\n"


def json_text(value: Any, *, indent: int | None = None) -> str:
    r"""JSON with UTF-8 kept but every invisible or control character escaped (``\u202e``)."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip entry can carry: what zip-based files carry when no date is asked for."""


def repeatable_zip(
    data: bytes, date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH
) -> bytes:
    """The same zip, its entries in the same order, with one date and fixed attributes.

    A zip records each entry's date and the system that wrote it; a file written from the
    same content on another day or machine would otherwise differ.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(item))
    return out.getvalue()


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
