"""The catalogue cache: a catalogue is read, validated and checked once per content.

Loading a catalogue (reading every file, validating it, running the cross-file checks) is
most of what a command costs. When a catalogue loads without errors, the loader keeps
the result (the catalogue and its warnings) in the user's cache directory, under the hash
of everything the result depends on ([csea.catalog.fingerprint][]); the next load with the
same hash skips reading, validating and checking. The same directory keeps a few signed
entries of bytes for other parts of csea (the HTML report's compiled templates), each under a
key that says everything it depends on.

Where: ``CSEA_CACHE_DIR`` when set, else the platform's cache directory for csea
(``~/.cache/csea`` on Linux, ``~/Library/Caches/csea`` on macOS, ``csea/Cache`` under
``%LOCALAPPDATA%`` on Windows). ``CSEA_NO_CACHE=1`` or ``csea --no-cache`` turns it off; ``csea cache clear``
empties it.

An entry is trusted only when everything about it is right; otherwise it is ignored, the
catalogue is loaded from its files, and the entry is written again:

- the directory and the entry belong to the user running csea and nobody else can write
  them (on POSIX systems), and the entry is a regular file, not a link;
- the entry is signed: it starts with an HMAC-SHA256 of its content under a random key kept
  in the same directory (``key``, readable only by the user), so an entry that is
  truncated, corrupted or written by anyone without that key is refused before it is read;
- it records the hash it was stored under, and that hash is the one asked for.

Only a signed entry is unpickled, and only the user's own csea can sign one. Entries are
written to a temporary file and renamed into place, so a reader never sees half an entry
and concurrent writers each leave a whole one. The most recently used entries are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from csea.catalog.fingerprint import catalog_key
from csea.errors import Problem
from csea.models import Catalog
from csea.models.compact import share_field_sets
from csea.yamlio.reader import Limits

__all__ = [
    "CACHE_DIR_VARIABLE",
    "NO_CACHE_VARIABLE",
    "CatalogCache",
    "Checked",
    "active_cache",
    "use_cache",
]

CACHE_DIR_VARIABLE = "CSEA_CACHE_DIR"
"""The environment variable naming the cache directory (instead of the platform's)."""
NO_CACHE_VARIABLE = "CSEA_NO_CACHE"
"""The environment variable that turns the cache off (any value but empty or ``0``)."""

_MAGIC = b"csea catalogue cache 1\n"
_SIGNATURE = hashlib.sha256().digest_size
_SECRET = 32
_CHUNK = 1 << 20
_SUFFIX = ".catalog"
_KEPT = 8
"""How many entries are kept (the most recently used)."""
_BYTES_MAGIC = b"csea cached bytes 1\n"
_BYTES_SUFFIX = ".bytes"
_BYTES_KEPT = 32
"""How many entries of bytes are kept (a few per version of csea: compiled templates)."""
_UNREADABLE = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    TypeError,
    ValueError,
)
"""What unpickling an entry made by another version of csea's classes can raise (a miss)."""
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Checked:
    """A catalogue directory as the loader found it: its problems, and the catalogue."""

    problems: list[Problem]
    """Every problem (errors and warnings), in file order."""
    catalog: Catalog | None
    """The catalogue, or ``None`` when there are errors."""


class CatalogCache:
    """Checked catalogues kept in a directory, each under the hash of what it was loaded from."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        """Where the entries are."""

    @classmethod
    def for_user(cls) -> CatalogCache | None:
        """The user's cache (``CSEA_CACHE_DIR`` or the platform's), or ``None`` when turned off."""
        if os.environ.get(NO_CACHE_VARIABLE, "").strip() not in ("", "0"):
            return None
        return cls(user_cache_dir())

    def load(self, root: Path, limits: Limits) -> tuple[bytes | None, Checked | None]:
        """The key of the catalogue at ``root``, and its checked catalogue when cached.

        The key is ``None`` when the catalogue cannot be cached (see
        [catalog_key][csea.catalog.fingerprint.catalog_key]) or the cache cannot be used.
        """
        secret = self._secret()
        key = catalog_key(root, limits) if secret is not None else None
        if secret is None or key is None:
            return None, None
        return key, self._read(key, secret)

    def store(self, key: bytes, root: Path, limits: Limits, checked: Checked) -> None:
        """Keep ``checked`` under ``key``, unless the files changed while they were loaded."""
        secret = self._secret()
        if secret is None or catalog_key(root, limits) != key:
            return
        if checked.catalog is not None:
            share_field_sets(checked.catalog)

        def write(stream: _Signing) -> None:
            pickle.dump((key, checked), stream, protocol=pickle.HIGHEST_PROTOCOL)

        with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
            self._write(self._entry(key), _signed(secret, _MAGIC, write))
            self._prune(_SUFFIX, _KEPT)

    def load_bytes(self, key: bytes) -> bytes | None:
        """The bytes [store_bytes][csea.catalog.cache.CatalogCache.store_bytes] kept under ``key``.

        ``None`` when there are none, or they are not whole and signed by this user's csea.
        """
        secret = self._secret()
        entry = self._bytes_entry(key)
        handle = _open_signed(entry, secret, _BYTES_MAGIC) if secret else None
        if handle is None:
            return None
        with handle:
            stored = handle.read()
        if not stored.startswith(key):  # signed, but kept under another key
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)
        return stored[len(key) :]

    def store_bytes(self, key: bytes, data: bytes) -> None:
        """Keep ``data`` under ``key`` (``key`` must say everything ``data`` depends on)."""
        secret = self._secret()
        if secret is None:
            return
        with contextlib.suppress(OSError):
            self._write(self._bytes_entry(key), _signed(secret, _BYTES_MAGIC, key + data))
            self._prune(_BYTES_SUFFIX, _BYTES_KEPT)

    def clear(self) -> list[Path]:
        """Remove every entry and the signing key; the files removed."""
        if not self.directory.is_dir():
            return []
        removed = []
        for path in sorted(self.directory.iterdir()):
            if path.suffix in (_SUFFIX, _BYTES_SUFFIX, ".tmp") or path.name == "key":
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path)
        return removed

    def _entry(self, key: bytes) -> Path:
        return self.directory / f"{key.hex()}{_SUFFIX}"

    def _bytes_entry(self, key: bytes) -> Path:
        return self.directory / f"{key.hex()}{_BYTES_SUFFIX}"

    def _read(self, key: bytes, secret: bytes) -> Checked | None:
        """The entry stored under ``key``, if it is whole, signed with ``secret`` and for ``key``."""
        handle = _open_signed(self._entry(key), secret, _MAGIC)
        if handle is None:
            return None
        with handle:
            try:
                stored, checked = pickle.load(handle)  # signed with this user's key: csea wrote it
            except _UNREADABLE:
                return None
        if stored != key or not isinstance(checked, Checked):
            return None
        with contextlib.suppress(OSError):
            os.utime(self._entry(key))
        return checked

    def _secret(self) -> bytes | None:
        """The signing key, made on first use; ``None`` when the directory or key is not safe."""
        path = self.directory / "key"
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _private(os.stat(self.directory), directory=True):
                return None
            secret = _read_own(path, private=True)
            if secret is None or len(secret) != _SECRET:
                # Missing: the first process to make one wins. Untrusted: replaced, so every
                # entry signed with it is refused from now on.
                untrusted = os.path.lexists(path)
                self._write(path, secrets.token_bytes(_SECRET), replace=untrusted)
                secret = _read_own(path, private=True)
        except OSError:
            return None
        return secret if secret is not None and len(secret) == _SECRET else None

    def _write(
        self, path: Path, data: bytes | Callable[[BinaryIO], None], *, replace: bool = True
    ) -> None:
        """Write ``data`` (or what it writes) to ``path`` through a temporary file of the user's.

        With ``replace=False`` an existing file is kept (another process made it first).
        """
        handle, temp = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                if callable(data):
                    data(stream)
                else:
                    stream.write(data)
            if replace:
                os.replace(temp, path)
            else:
                with contextlib.suppress(FileExistsError):
                    os.link(temp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)

    def _prune(self, suffix: str, kept: int) -> None:
        """Keep the ``kept`` most recently used entries ending in ``suffix`` only."""
        entries = sorted(
            self.directory.glob(f"*{suffix}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[kept:]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()


class _Signing:
    """A writer that signs what passes through it (for ``pickle.dump``)."""

    def __init__(self, stream: BinaryIO, mac: hmac.HMAC) -> None:
        self.stream = stream
        self.mac = mac

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.stream.write(data)


def _signed(
    secret: bytes, magic: bytes, content: bytes | Callable[[_Signing], None]
) -> Callable[[BinaryIO], None]:
    """What writes an entry: the magic line, room for the signature, the content, the signature."""

    def write(stream: BinaryIO) -> None:
        stream.write(magic + bytes(_SIGNATURE))
        signing = _Signing(stream, hmac.new(secret, magic, hashlib.sha256))
        if callable(content):
            content(signing)
        else:
            signing.write(content)
        stream.seek(len(magic))
        stream.write(signing.mac.digest())

    return write


def _open_signed(path: Path, secret: bytes, magic: bytes) -> BinaryIO | None:
    """The entry at ``path``, opened past its signature, if it is whole and signed with ``secret``.

    The signature is checked over the whole file before anything is read from it; the file
    is read twice rather than held in memory (an open file cannot be swapped under us:
    entries are only ever replaced, never rewritten in place).
    """
    handle = _open_own(path)
    if handle is None:
        return None
    if handle.read(len(magic)) == magic:
        signature = handle.read(_SIGNATURE)
        mac = hmac.new(secret, magic, hashlib.sha256)
        while chunk := handle.read(_CHUNK):
            mac.update(chunk)
        if hmac.compare_digest(signature, mac.digest()):
            handle.seek(len(magic) + _SIGNATURE)
            return handle
    handle.close()
    return None


def _read_own(path: Path, *, private: bool = False) -> bytes | None:
    """The bytes of a file [_open_own][csea.catalog.cache._open_own] trusts, else ``None``."""
    handle = _open_own(path, private=private)
    if handle is None:
        return None
    with handle:
        return handle.read()


def _open_own(path: Path, *, private: bool = False) -> BinaryIO | None:
    """A regular file the user owns and nobody else can write (or read, if private), opened.

    ``None`` when it is missing, a link, someone else's or open to others.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    handle = os.fdopen(descriptor, "rb")
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or not _private(info, readable=not private):
        handle.close()
        return None
    return handle


def _private(info: os.stat_result, *, directory: bool = False, readable: bool = True) -> bool:
    """Whether a file or directory is the user's own and closed to others.

    Others may read what ``readable`` allows; nobody else may write. Ownership and
    permission bits are POSIX; elsewhere the platform's per-user folder is trusted.
    """
    if not hasattr(os, "geteuid"):
        return not directory or stat.S_ISDIR(info.st_mode)
    closed = 0o022 if readable else 0o077
    kind_ok = stat.S_ISDIR(info.st_mode) if directory else stat.S_ISREG(info.st_mode)
    return kind_ok and info.st_uid == os.geteuid() and not info.st_mode & closed


def user_cache_dir() -> Path:
    """``CSEA_CACHE_DIR``, or the platform's cache directory for csea."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_path  # noqa: PLC0415 - only when the cache is used

    return user_cache_path("csea", appauthor=False)


_active: CatalogCache | None = None


def use_cache(cache: CatalogCache | None) -> None:
    """Make ``load_catalog`` and ``validate_catalog`` use ``cache`` (``None``: no cache).

    The command line turns the user's cache on for each command; a program using the
    library can do the same with ``use_cache(CatalogCache.for_user())``.
    """
    global _active  # noqa: PLW0603 - one setting for the process, like the consoles
    _active = cache


def active_cache() -> CatalogCache | None:
    """The cache ``load_catalog`` uses, if any."""
    return _active
