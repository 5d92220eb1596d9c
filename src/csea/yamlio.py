"""Reading YAML safely, with the position of every value.

Input files are written by people and may be hostile. This module:

- reads at most ``max_bytes`` and refuses larger files before parsing them;
- decodes strict UTF-8 (a leading byte-order mark is accepted) and says where a bad byte is;
- composes the YAML node graph and builds plain Python values itself, so no tag can
  construct an object: only the YAML 1.2 core types (mappings, sequences, strings,
  integers, floats, booleans, null) are accepted, dates stay strings for the models to parse;
- refuses duplicate keys, merge keys and any explicit tag outside the core schema;
- bounds alias expansion and nesting depth, so a "billion laughs" file is refused at once;
- records the 1-based line and column of every key and item, so model errors can point
  at the exact place in the file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from csea.errors import InputError, Problem

__all__ = ["Limits", "YamlDocument", "parse_yaml", "read_yaml"]

_CORE = "tag:yaml.org,2002:"
PathKey = tuple[str | int, ...]


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


def read_yaml(
    path: Path, *, display: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> YamlDocument:
    """Read one YAML file safely.

    Args:
        path: The file to read.
        display: The name to use in messages (defaults to ``path``).
        limits: Size, alias-expansion and depth bounds.

    Raises:
        InputError: The file is missing, too large, not UTF-8 or not valid YAML.
    """
    name = display or str(path)
    try:
        if path.is_dir():
            raise _error(name, "not-a-file", "is a directory; expected a YAML file")
        with path.open("rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise _error(name, "file-not-found", "file not found") from None
    except PermissionError:
        raise _error(name, "file-unreadable", "permission denied") from None
    except OSError as exc:
        raise _error(name, "file-unreadable", f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > limits.max_bytes:
        raise _error(
            name,
            "file-too-large",
            f"is larger than {limits.max_bytes:,} bytes; refusing to read it",
        )
    return parse_yaml(_decode(raw, name), name, limits=limits)


def parse_yaml(text: str, file: str, *, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text safely (see the module docstring for what is refused).

    Raises:
        InputError: The text is not valid YAML or breaks a limit.
    """
    if len(text) > limits.max_bytes:
        raise _error(file, "file-too-large", f"is larger than {limits.max_bytes:,} characters")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _error(file, "binary-file", "contains NUL bytes; expected a YAML text file", line)
    yaml = YAML(typ="safe", pure=True)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise _error(file, "yaml-syntax", f"invalid YAML: {message}", *where) from None
    except RecursionError:
        raise _error(file, "yaml-too-deep", "nesting is too deep to read") from None
    except YAMLError as exc:
        raise _error(file, "yaml-syntax", f"invalid YAML: {exc}") from None
    if root is None:
        return YamlDocument(file, None, {})
    builder = _Builder(file, limits)
    builder.measure(root)
    data = builder.build(root, (), 0)
    if builder.problems:
        raise InputError(builder.problems, f"{file}: not usable YAML")
    return YamlDocument(file, data, builder.positions)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise _error(name, "not-utf8", "is UTF-16 encoded; save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(
            name,
            "not-utf8",
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            line,
            column,
        ) from None


def _error(
    file: str, code: str, message: str, line: int | None = None, column: int | None = None
) -> InputError:
    problem = Problem(code=code, message=message, file=file, line=line, column=column)
    return InputError([problem], f"{file}: {message}")


class _Builder:
    """Turns a composed node graph into plain values, checking every rule on the way."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def _problem(self, node: Node, code: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(
                code=code,
                message=message,
                file=self.file,
                line=mark.line + 1,
                column=mark.column + 1,
            )
        )

    def measure(self, root: Node) -> None:
        """Refuse documents whose expanded size or depth breaks the limits, before building."""
        sizes: dict[int, int] = {}
        active: set[int] = set()
        stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
        while stack:
            node, depth, done = stack.pop()
            key = id(node)
            if done:
                active.discard(key)
                sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
                if sizes[key] > self.limits.max_nodes:
                    self._fail(
                        node,
                        "yaml-alias-bomb",
                        f"expands to more than {self.limits.max_nodes:,} values through aliases; "
                        "refusing to read it",
                    )
                continue
            if key in sizes:
                continue
            if key in active:
                self._fail(
                    node, "yaml-recursive-alias", "an alias refers to a value that contains it"
                )
            if depth > self.limits.max_depth:
                self._fail(
                    node,
                    "yaml-too-deep",
                    f"is nested more than {self.limits.max_depth} levels deep",
                )
            active.add(key)
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in _children(node))

    def _fail(self, node: Node, code: str, message: str) -> None:
        self._problem(node, code, message)
        raise InputError(self.problems, f"{self.file}: {message}")

    def build(self, node: Node, path: PathKey, depth: int) -> Any:
        """Build the plain value of ``node`` found at ``path``."""
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        tag = str(getattr(node.tag, "value", node.tag))
        if isinstance(node, MappingNode):
            return self._mapping(node, tag, path, depth)
        if isinstance(node, SequenceNode):
            if tag != _CORE + "seq":
                self._problem(
                    node, "yaml-tag", f"the tag '{_short(tag)}' is not allowed; use plain YAML"
                )
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, tag)

    def _mapping(self, node: MappingNode, tag: str, path: PathKey, depth: int) -> dict[Any, Any]:
        if tag != _CORE + "map":
            self._problem(
                node, "yaml-tag", f"the tag '{_short(tag)}' is not allowed; use plain YAML"
            )
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key_tag = str(getattr(key_node.tag, "value", key_node.tag))
            if key_tag == _CORE + "merge":
                self._problem(key_node, "yaml-merge-key", "merge keys ('<<') are not supported")
                continue
            if not isinstance(key_node, ScalarNode):
                self._problem(key_node, "yaml-complex-key", "keys must be plain text")
                continue
            key = self._scalar(key_node, key_tag)
            if not isinstance(key, str | int) or isinstance(key, bool):
                key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in result:
                self._problem(
                    key_node,
                    "yaml-duplicate-key",
                    f"duplicate key '{key}' (first at line {first_line[key]}); "
                    "each key may appear once",
                )
                continue
            first_line[key] = line
            self.positions[(*path, key)] = (line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*path, key), depth + 1)
            self.positions[(*path, key)] = (line, key_node.start_mark.column + 1)
        return result

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        value: str = node.value
        kind = tag.removeprefix(_CORE)
        try:
            match kind:
                case "str" | "timestamp" | "binary":
                    return value
                case "null":
                    return None
                case "bool":
                    return value.lower() == "true"
                case "int":
                    return _to_int(value)
                case "float":
                    return _to_float(value)
        except ValueError:
            self._problem(node, "yaml-number", f"'{value[:40]}' is not a usable number")
            return value
        self._problem(node, "yaml-tag", f"the tag '{_short(tag)}' is not allowed; use plain YAML")
        return value


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _to_int(text: str) -> int:
    cleaned = text.replace("_", "")
    if len(cleaned) > 64:
        raise ValueError(text)
    sign = -1 if cleaned.startswith("-") else 1
    digits = cleaned.lstrip("+-")
    if digits.startswith(("0o", "0x", "0b")):
        return sign * int(digits, 0)
    return sign * int(digits, 10)


def _to_float(text: str) -> float:
    cleaned = text.replace("_", "").lower()
    if cleaned.lstrip("+-") in (".inf", "inf"):
        return -math.inf if cleaned.startswith("-") else math.inf
    if cleaned in (".nan", "nan"):
        return math.nan
    return float(cleaned)
