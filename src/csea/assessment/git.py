"""Reading files as they were in a git commit: the one place csea runs ``git``.

``git`` runs as a subprocess, read-only, with a fixed environment so that nothing around
it changes what it prints or lets it reach the network:

- no pager, no colour, no terminal prompt, English messages (``LC_ALL=C``);
- the caller's ``GIT_*`` variables are dropped (a git hook sets ``GIT_DIR`` and
  ``GIT_INDEX_FILE``, which would point the commands elsewhere), and output-changing
  settings (``log.showSignature``, ``core.quotePath``, ``log.follow``, ...) are fixed
  with ``-c``; the user's own configuration is otherwise read, so ``safe.directory``
  still works;
- objects missing from a partial clone are never fetched (``GIT_NO_LAZY_FETCH``) and no
  transport is allowed (``GIT_ALLOW_PROTOCOL``), so a read never goes to the network.

Every failure is an [InputError][csea.errors.InputError] that names the file and the
revision and says what to do: git missing, not a repository, an unknown revision (with a
hint when the clone is shallow, as CI checkouts often are), a file not in that commit.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from csea.codes import ProblemCode
from csea.errors import InputError, Problem

__all__ = [
    "GitFile",
    "Revision",
    "commits_of",
    "is_ancestor",
    "locate_in_git",
    "read_at",
    "resolve_revision",
]

_FIXED_SETTINGS = (
    "core.quotePath=false",
    "core.pager=cat",
    "color.ui=false",
    "log.showSignature=false",
    "log.follow=false",
    "log.decorate=false",
    "log.mailmap=false",
    "i18n.logOutputEncoding=UTF-8",
)
_TIMEOUT_SECONDS = 120
_FIELDS = "%H%x00%cI%x00%an%x00%s"
"""Commit hash, committer date (ISO 8601), author name, subject: separated by NUL bytes."""


@dataclass(frozen=True)
class Revision:
    """A commit, as git names it and as the user asked for it."""

    ref: str
    """The revision as the user wrote it (``HEAD~2``, ``main``, a hash), or the hash."""
    commit: str
    """The full commit hash."""
    committed: dt.datetime
    """When it was committed (with the committer's time zone)."""
    author: str
    """Who wrote it (the author's name)."""
    subject: str
    """The first line of its message."""


@dataclass(frozen=True)
class GitFile:
    """A file of a working tree, placed in its git repository."""

    root: Path
    """The repository's top folder."""
    path: str
    """The file's path from the top folder, with ``/`` separators."""
    name: str
    """How messages name the file (as the user named it)."""

    def at(self, ref: str) -> str:
        """How messages name the file in a revision: ``REF:path`` (as ``git show`` takes it)."""
        return f"{ref}:{self.path}"

    def sibling(self, relative: str) -> str | None:
        """The repository path of ``relative`` taken from this file's folder (None: outside it)."""
        joined = os.path.normpath(PurePosixPath(self.path).parent / relative)
        parts = PurePosixPath(joined).parts
        return None if not parts or parts[0] == ".." or joined.startswith("/") else joined


def locate_in_git(path: str | os.PathLike[str]) -> GitFile:
    """Where a file (existing or not) sits in the git repository that holds its folder.

    Raises:
        InputError: git cannot be run, or the folder is not in a git work tree.
    """
    name = str(path)
    folder = Path(path).parent
    if not folder.is_dir():
        raise _error(ProblemCode.NOT_A_REPOSITORY, name, f"its folder {folder} does not exist")
    lines = _git(folder, ["rev-parse", "--show-toplevel", "--show-prefix"], name).split("\n")
    if not lines[0]:
        message = "is not in a git work tree (a bare repository?)"
        raise _error(ProblemCode.NOT_A_REPOSITORY, name, message)
    prefix = lines[1] if len(lines) > 1 else ""
    return GitFile(Path(lines[0]), f"{prefix}{Path(path).name}", name)


def resolve_revision(file: GitFile, ref: str) -> Revision:
    """The commit ``ref`` names in ``file``'s repository.

    Raises:
        InputError: No commit has that name; a shallow clone is said so, with how to deepen it.
    """
    if not ref or ref.startswith("-"):
        raise _error(ProblemCode.UNKNOWN_REVISION, file.name, f"'{ref}' is not a revision")
    args = ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"]
    found = _git(file.root, args, file.name, ok_codes=(0, 1))
    if not found:
        raise _error(ProblemCode.UNKNOWN_REVISION, file.name, _unknown(file, ref))
    return _described(file, found, ref)


def read_at(file: GitFile, revision: Revision, path: str, max_bytes: int) -> bytes:
    """The bytes of ``path`` (from the repository's top) in a commit.

    Raises:
        InputError: The commit has no such file, or it is larger than ``max_bytes``.
    """
    spec = f"{revision.commit}:{path}"
    kind = _git(file.root, ["cat-file", "-t", spec], file.name, ok_codes=(0, 128))
    name = f"{revision.ref}:{path}"
    if kind != "blob":
        message = (
            f"no such file in commit {revision.commit[:12]} (if it was renamed or moved "
            "since, name it as it was then)"
        )
        raise _error(ProblemCode.NOT_IN_REVISION, name, message)
    size = int(_git(file.root, ["cat-file", "-s", spec], file.name))
    if size > max_bytes:
        message = f"is larger than {max_bytes:,} bytes; refusing to read it"
        raise _error(ProblemCode.FILE_TOO_LARGE, name, message)
    return _run(file.root, ["cat-file", "blob", spec], file.name).stdout


def commits_of(file: GitFile, ref: str, limit: int | None) -> list[tuple[Revision, str]]:
    """The commits up to ``ref`` that changed the file, newest first, with its path in each.

    Renames are followed; history stops where the file was added or copied from another
    (a copy's history is the other file's, not this one's); a commit that deleted the
    file is left out. A revision's ``ref`` is its abbreviated hash.
    """
    start = resolve_revision(file, ref)
    args = ["log", "--follow", "--diff-filter=d", "--name-status", f"--format=%x00{_FIELDS}%x00"]
    args += [f"-n{limit}"] if limit is not None else []
    text = _git(file.root, [*args, start.commit, "--", file.path], file.name)
    words = text.split("\0")[1:]
    found: list[tuple[Revision, str]] = []
    for at in range(0, len(words) - 4, 5):
        change = [line.split("\t") for line in words[at + 4].splitlines() if line]
        if not change:  # a merge commit lists no change: its changes are in the commits it merged
            continue
        found.append((_revision(words[at : at + 4], words[at][:12]), change[-1][-1]))
        if change[-1][0][:1] in ("A", "C") or len(found) == limit:
            break
    return found


def is_ancestor(file: GitFile, older: str, newer: str) -> bool:
    """Whether commit ``older`` is ``newer`` or one of its ancestors."""
    args = ["merge-base", "--is-ancestor", older, newer]
    return _run(file.root, args, file.name, ok_codes=(0, 1)).returncode == 0


def _described(file: GitFile, commit: str, ref: str) -> Revision:
    args = ["log", "-1", "--no-walk", f"--format={_FIELDS}", commit]
    return _revision(_git(file.root, args, file.name).split("\0"), ref)


def _revision(fields: list[str], ref: str) -> Revision:
    commit, committed, author, subject = fields[:4]
    return Revision(ref, commit, dt.datetime.fromisoformat(committed), author, subject)


def _unknown(file: GitFile, ref: str) -> str:
    message = f"no commit is named '{ref}' in the repository at {file.root}"
    shallow = _git(file.root, ["rev-parse", "--is-shallow-repository"], file.name)
    if shallow == "true":
        message += (
            "; this clone is shallow (CI checkouts often are): fetch more history, e.g. "
            "'git fetch --unshallow', 'fetch-depth: 0' with actions/checkout, or "
            "'GIT_DEPTH: 0' in GitLab CI"
        )
    return message


def _git(cwd: Path, args: list[str], name: str, ok_codes: tuple[int, ...] = (0,)) -> str:
    result = _run(cwd, args, name, ok_codes)
    return result.stdout.decode("utf-8", errors="replace").strip()


def _run(
    cwd: Path, args: list[str], name: str, ok_codes: tuple[int, ...] = (0,)
) -> subprocess.CompletedProcess[bytes]:
    program = shutil.which("git")
    if program is None:
        raise _error(ProblemCode.GIT_UNAVAILABLE, name, "git is not installed (or not on PATH)")
    settings = [word for setting in _FIXED_SETTINGS for word in ("-c", setting)]
    try:
        result = subprocess.run(
            [program, "--no-pager", *settings, *args],
            cwd=cwd,
            env=_environment(),
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _error(ProblemCode.GIT_UNAVAILABLE, name, f"git could not be run: {error}") from None
    if result.returncode not in ok_codes:
        raise _failed(result, name)
    return result


def _failed(result: subprocess.CompletedProcess[bytes], name: str) -> InputError:
    said = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
    first = said[0].removeprefix("fatal: ") if said else f"git exited {result.returncode}"
    if "not a git repository" in first or "dubious ownership" in first:
        message = f"is not in a usable git repository ({first})"
        return _error(ProblemCode.NOT_A_REPOSITORY, name, message)
    return _error(ProblemCode.GIT_FAILED, name, f"git failed: {first}")


def _environment() -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {
        **kept,
        "LC_ALL": "C",
        "LANGUAGE": "C",
        "PAGER": "cat",
        "GIT_PAGER": "cat",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_NO_LAZY_FETCH": "1",
        "GIT_ALLOW_PROTOCOL": "none",
        "GIT_NO_REPLACE_OBJECTS": "1",
    }


def _error(code: ProblemCode, name: str, message: str) -> InputError:
    problem = Problem(code=code, message=message, file=name)
    return InputError([problem], f"{name}: {message}")
