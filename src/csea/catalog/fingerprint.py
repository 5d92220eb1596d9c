"""What a loaded catalogue depends on, summed up in one hash: the key of the catalogue cache.

A catalogue directory loads to the same catalogue and the same problems as long as
nothing it depends on changes. [catalog_key][csea.catalog.fingerprint.catalog_key] hashes
all of it:

- every file under the directory, whatever its name or kind (its path, and a hash of its
  bytes), and every folder, so a file edited, added, removed or renamed changes the key
  (only version-control folders, ``.git``, ``.hg`` and ``.svn``, are left out);
- the directory as it was named, where it really is, and how messages name its files (they
  are relative to the working directory when the catalogue is inside it);
- the limits the files are read with;
- csea's version and code (every file of the installed package: its path, size and
  modification time), and the versions of Python, pydantic, pydantic-core and PyYAML
  (and whether libyaml is used).

Loading reads nothing else: no clock, no environment variable, no network. A check that
came to depend on anything else would have to add it here.

A directory that holds a symbolic link, a file that is not a regular file, a file larger
than the limits allow, or anything that cannot be read has no key: it is loaded every time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Protocol

import pydantic
import pydantic_core
import yaml

from csea.__about__ import __version__
from csea.fileio import display_path
from csea.yamlio.reader import LIBYAML, Limits

__all__ = ["catalog_key", "code_key"]

_SKIPPED = frozenset({".git", ".hg", ".svn"})
"""Version-control folders: never catalogue data."""
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE_SKIPPED = frozenset({"obligations", "__pycache__"})
"""Not code: the shipped catalogue (keyed as a catalogue when it is the one loaded)."""


class _Uncacheable(Exception):
    """The directory holds something that keeps it out of the cache."""


class _Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def catalog_key(root: Path, limits: Limits) -> bytes | None:
    """The hash of everything the catalogue at ``root`` loads from, or ``None`` (not cacheable).

    Args:
        root: The catalogue directory, as it was named.
        limits: The limits its files are read with.
    """
    digest = hashlib.sha256()
    try:
        real = os.path.realpath(root)
        for part in (
            _environment(),
            _code(),
            str(root),
            real,
            display_path(root),
            repr(dataclasses.astuple(limits)),
        ):
            _feed(digest, part.encode("utf-8", "surrogateescape"))
        _tree(digest, Path(real), limits.max_bytes)
    except (_Uncacheable, OSError):
        return None
    return digest.digest()


def code_key(*parts: str) -> bytes:
    """The hash of csea's version and code, the versions it runs with, and ``parts``.

    What csea derives from its own files alone (a compiled template) is kept under this key
    plus what names it: a new version, or any file of the package changed, gives a new key.
    """
    digest = hashlib.sha256()
    for part in (_environment(), _code(), *parts):
        _feed(digest, part.encode("utf-8", "surrogateescape"))
    return digest.digest()


def _feed(digest: _Digest, data: bytes) -> None:
    """Add one length-prefixed part (so no two sequences of parts feed the same bytes)."""
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)


def _tree(digest: _Digest, root: Path, max_bytes: int) -> None:
    """Feed every folder and file under ``root``, in a fixed order, with each file's content hash.

    Raises:
        _Uncacheable: A symbolic link, a special file or a file over the size limit.
        OSError: Something could not be listed or read.
    """
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        subfolders = []
        for entry in entries:
            if entry.name in _SKIPPED and entry.is_dir(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            name = os.path.relpath(entry.path, root).encode("utf-8", "surrogateescape")
            if stat.S_ISDIR(info.st_mode):
                _feed(digest, b"d" + name)
                subfolders.append(Path(entry.path))
            elif stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes:
                _feed(digest, b"f" + name)
                _feed(digest, _file_hash(entry.path))
            else:
                raise _Uncacheable(entry.path)
        folders.extend(reversed(subfolders))


def _file_hash(path: str) -> bytes:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).digest()


@cache
def _environment() -> str:
    """The versions of csea and of what shapes a loaded catalogue."""
    return "\n".join(
        (
            f"csea {__version__}",
            f"python {sys.version} {sys.implementation.cache_tag}",
            f"pydantic {pydantic.VERSION} core {pydantic_core.__version__}",
            f"pyyaml {yaml.__version__} libyaml {LIBYAML}",
        )
    )


@cache
def _code() -> str:
    """Every file of the csea package (not the shipped catalogue): path, size, modification time."""
    lines = []
    for folder, subfolders, files in os.walk(_PACKAGE):
        subfolders[:] = sorted(d for d in subfolders if d not in _CODE_SKIPPED)
        for name in sorted(files):
            info = os.stat(os.path.join(folder, name))
            where = os.path.relpath(os.path.join(folder, name), _PACKAGE)
            lines.append(f"{where} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(lines)
