"""Reading YAML safely, with the position of every value.

Input files are written by people and may be hostile. This module:

- reads at most ``max_bytes`` and refuses larger files before parsing them;
- decodes strict UTF-8 (a leading byte-order mark is accepted) and says where a bad byte is;
- builds plain Python values itself from the parser's event stream, so no tag can
  construct an object: only the YAML 1.2 core types (mappings, sequences, strings,
  integers, floats, booleans, null) are accepted, dates stay strings for the models to parse;
- refuses duplicate keys, merge keys and any explicit tag outside the core schema;
- bounds alias expansion and nesting depth while streaming, so a "billion laughs" file or
  a file nested thousands of levels deep is refused at once, without recursion;
- records the 1-based line and column of every key and item, so model errors can point
  at the exact place in the file.

Parsing uses libyaml (through PyYAML's C parser) when it is available, and PyYAML's pure
Python parser otherwise; both feed the same event builder, so they accept and refuse the
same documents. Plain scalars are resolved with YAML 1.2 core-schema rules (``NO`` and
``yes`` stay text), quoted scalars are always text. An alias shares the value of its anchor,
and its position is where the alias is written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.yamlio.events import EventBuilder, PathKey, too_deep_message
from csea.yamlio.lines import real_position

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "YamlDocument",
    "loader",
    "parse_yaml",
    "parse_yaml_bytes",
    "read_yaml",
    "read_yaml_bytes",
]

LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
"""Whether the fast C parser (libyaml) is in use."""
_LOADER: Any = yaml.CSafeLoader if LIBYAML else yaml.SafeLoader
_LIBYAML_MAX_NESTING = 1000
"""The nesting depth libyaml 0.2.5 and later refuse on their own (``MAX_NESTING_LEVEL``)."""


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile file from exhausting time or memory."""

    max_bytes: int = 16 * 1024 * 1024
    """Largest file read, in bytes."""
    max_nodes: int = 2_000_000
    """Most values a document may hold once every alias is expanded."""
    max_depth: int = 64
    """Deepest nesting of mappings and sequences."""


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class YamlDocument:
    """Plain data read from one YAML file, with where each value is in that file."""

    file: str
    """The file name shown in messages."""
    data: Any
    """The document as plain Python values."""
    positions: dict[PathKey, tuple[int, int]] = field(repr=False)
    """1-based (line, column) of each key or item, by its path from the root."""

    def locate(self, loc: Sequence[str | int]) -> tuple[int | None, int | None]:
        """Line and column of the deepest part of ``loc`` that exists in the document.

        ``loc`` is a pydantic error location; segments that are not in the data (such
        as the tag of a discriminated union) are skipped.
        """
        path = self._existing(loc)
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (None, None)

    def field_path(self, loc: Sequence[str | int]) -> str:
        """The parts of ``loc`` that exist in the document, joined with dots."""
        return ".".join(str(segment) for segment in self._existing(loc))

    def value_at(self, path: Sequence[str | int]) -> Any:
        """The value at ``path``, or ``None`` when the path does not exist."""
        node: Any = self.data
        for segment in path:
            if not _has(node, segment):
                return None
            node = node[segment]
        return node

    def _existing(self, loc: Sequence[str | int]) -> PathKey:
        """The segments of ``loc`` that lead through the data, skipping the others."""
        node: Any = self.data
        path: list[str | int] = []
        for segment in loc:
            if _has(node, segment):
                node = node[segment]
                path.append(segment)
        return tuple(path)


def _has(node: Any, segment: str | int) -> bool:
    if isinstance(node, dict):
        return segment in node
    return isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node)


def loader() -> Any:
    """The PyYAML loader class in use: libyaml's when available, else the pure Python one."""
    return _LOADER


def read_yaml(
    path: Path,
    *,
    display: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    within: Path | None = None,
) -> YamlDocument:
    """Read one YAML file safely.

    Args:
        path: The file to read.
        display: The name to use in messages (defaults to ``path``).
        limits: Size, alias-expansion and depth bounds.
        within: When given, refuse a file that is (through symbolic links) outside this
            directory, so a catalogue cannot pull in a file nobody reviewed with it.

    Raises:
        InputError: The file is missing, outside ``within``, too large, not UTF-8 or not
            valid YAML.
    """
    name = display or str(path)
    if within is not None:
        _refuse_outside(path, within, name)
    return read_yaml_bytes(path, display=name, limits=limits)[1]


def read_yaml_bytes(
    path: Path, *, display: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[bytes, YamlDocument]:
    """Read one YAML file safely, and the exact bytes it was read from (read once).

    A command that rewrites the file compares these bytes with the file's just before it
    replaces it, so a change made meanwhile is never lost.

    Raises:
        InputError: As [read_yaml][csea.yamlio.reader.read_yaml].
    """
    name = display or str(path)
    raw = _read_bytes(path, name, limits)
    return raw, parse_yaml_bytes(raw, name, limits=limits)


def _refuse_outside(path: Path, within: Path, name: str) -> None:
    real, root = os.path.realpath(path), os.path.realpath(within)
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        raise _error(
            name,
            ProblemCode.OUTSIDE_DIRECTORY,
            f"is a link to {real}, outside {within}; copy the file into {within} instead",
        )


def _read_bytes(path: Path, name: str, limits: Limits) -> bytes:
    """At most ``max_bytes + 1`` bytes of a regular file, or a located error.

    The file is opened without blocking and checked to be a regular file before it is
    read, so a named pipe or a device (``/dev/zero``) is refused instead of hanging.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise _error(name, ProblemCode.FILE_NOT_FOUND, "file not found") from None
    except OSError as exc:
        raise _unreadable(name, exc) from None
    kind = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(kind):
        os.close(descriptor)
        if stat.S_ISDIR(kind):
            raise _error(name, ProblemCode.NOT_A_FILE, "is a directory; expected a YAML file")
        raise _error(
            name, ProblemCode.NOT_A_FILE, "is not a regular file (a pipe, socket or device)"
        )
    with os.fdopen(descriptor, "rb") as handle:
        try:
            raw = handle.read(limits.max_bytes + 1)
        except OSError as exc:
            raise _unreadable(name, exc) from None
    if len(raw) > limits.max_bytes:
        raise _error(
            name,
            ProblemCode.FILE_TOO_LARGE,
            f"is larger than {limits.max_bytes:,} bytes; refusing to read it",
        )
    return raw


def _unreadable(name: str, exc: OSError) -> InputError:
    if isinstance(exc, IsADirectoryError):
        return _error(name, ProblemCode.NOT_A_FILE, "is a directory; expected a YAML file")
    if isinstance(exc, PermissionError):
        return _error(name, ProblemCode.FILE_UNREADABLE, "permission denied")
    return _error(name, ProblemCode.FILE_UNREADABLE, f"cannot read: {exc.strerror or exc}")


def parse_yaml_bytes(raw: bytes, file: str, *, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse the bytes of a file read some other way (from git), as ``read_yaml`` would.

    Raises:
        InputError: The bytes are not UTF-8, not valid YAML, or break a limit.
    """
    return parse_yaml(_decode(raw, file), file, limits=limits)


def parse_yaml(text: str, file: str, *, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text safely (see the module docstring for what is refused).

    Raises:
        InputError: The text is not valid YAML or breaks a limit.
    """
    return _parse(text, file, limits, _LOADER)


def _parse(text: str, file: str, limits: Limits, loader_class: Any) -> YamlDocument:
    """Parse ``text`` with the given PyYAML loader class (C or pure Python)."""
    if len(text) > limits.max_bytes:
        raise _error(
            file, ProblemCode.FILE_TOO_LARGE, f"is larger than {limits.max_bytes:,} characters"
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _error(
            file, ProblemCode.BINARY_FILE, "contains NUL bytes; expected a YAML text file", line
        )
    builder = EventBuilder(file, limits.max_nodes, limits.max_depth)
    real = real_position(text)
    try:
        _build(builder, loader_class, text, limits)
    except InputError as error:
        raise InputError([_moved(p, real) for p in error.problems], error.summary) from None
    if builder.problems:
        problems = [_moved(p, real) for p in builder.problems]
        raise InputError(problems, f"{file}: not usable YAML")
    positions = {path: real(*where) for path, where in builder.positions.items()}
    return YamlDocument(file, builder.root, positions)


def _build(builder: EventBuilder, loader_class: Any, text: str, limits: Limits) -> None:
    """Run the parser into the builder, turning parser errors into located problems."""
    try:
        _run(builder, loader_class, text)
    except UnicodeEncodeError as exc:
        raise _unencodable(text, builder.file, exc) from None
    except yaml.MarkedYAMLError as exc:
        raise builder.fail(*_syntax(exc, limits)) from None
    except yaml.reader.ReaderError as exc:
        raise builder.fail(*_reader_problem(exc, text, loader_class)) from None
    except yaml.YAMLError as exc:
        raise builder.fail(None, None, ProblemCode.YAML_SYNTAX, f"invalid YAML: {exc}") from None


def _moved(problem: Problem, real: Any) -> Problem:
    """The problem at the line and column people see (see [csea.yamlio.lines][])."""
    line, column = real(problem.line, problem.column)
    if (line, column) == (problem.line, problem.column):
        return problem
    return problem.model_copy(update={"line": line, "column": column})


def _run(builder: EventBuilder, loader_class: Any, text: str) -> None:
    """Feed the parser's events to the builder, always releasing the parser."""
    loader = loader_class(text)
    try:
        builder.run(loader.get_event)
    finally:
        loader.dispose()


def _syntax(
    exc: yaml.MarkedYAMLError, limits: Limits
) -> tuple[int | None, int | None, ProblemCode, str]:
    """The located problem for a parser error.

    libyaml 0.2.5 and later refuse very deep nesting themselves ("exceeded maximum nesting
    depth"), before the event builder sees the depth; that is reported as ``yaml-too-deep``
    like the builder's own refusal, whichever PyYAML and libyaml are installed.
    """
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    if "nesting depth" in (exc.problem or ""):
        depth = min(limits.max_depth, _LIBYAML_MAX_NESTING)
        return line, column, ProblemCode.YAML_TOO_DEEP, too_deep_message(depth)
    message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
    return line, column, ProblemCode.YAML_SYNTAX, f"invalid YAML: {message}"


def _reader_problem(
    exc: yaml.reader.ReaderError, text: str, loader_class: Any
) -> tuple[int | None, int | None, ProblemCode, str]:
    """Where a character the YAML reader refuses is (libyaml counts bytes, Python characters)."""
    if loader_class is yaml.SafeLoader:
        before = text[: exc.position]
    else:
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    code = exc.character
    what = f"character U+{code:04X}" if isinstance(code, int) else "character"
    return (
        line,
        column,
        ProblemCode.YAML_SYNTAX,
        f"invalid YAML: {what} is not allowed in YAML text",
    )


def _unencodable(text: str, file: str, exc: UnicodeEncodeError) -> InputError:
    line = text.count("\n", 0, exc.start) + 1
    return _error(
        file, ProblemCode.NOT_UTF8, "contains characters that cannot be encoded as UTF-8", line
    )


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise _error(name, ProblemCode.NOT_UTF8, "is UTF-16 encoded; save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(
            name,
            ProblemCode.NOT_UTF8,
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            line,
            column,
        ) from None


def _error(
    file: str, code: ProblemCode, message: str, line: int | None = None, column: int | None = None
) -> InputError:
    problem = Problem(code=code, message=message, file=file, line=line, column=column)
    return InputError([problem], f"{file}: {message}")
