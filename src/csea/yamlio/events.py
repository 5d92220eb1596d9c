"""Building plain values and positions from a YAML event stream, without recursion.

[EventBuilder][csea.yamlio.events.EventBuilder] is the engine behind
[parse_yaml][csea.yamlio.reader.parse_yaml]. It consumes PyYAML parser events (from libyaml or
the pure Python parser) one at a time, keeps an explicit stack of open mappings and
sequences, and checks every rule as the events arrive: nesting depth and alias expansion
are measured before any value is built, so hostile input is refused at the first event
that breaks a limit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.yamlio.scalars import (
    CONVERT,
    CORE,
    KINDS,
    MERGE,
    NUMBER_START,
    WORDS,
    short_tag,
)

__all__ = ["EventBuilder", "PathKey", "too_deep_message"]

PathKey = tuple[str | int, ...]
_NO_KEY: Any = object()
"""A mapping frame waiting for a key."""
_SKIP: Any = object()
"""A mapping frame whose next value is dropped (its key was refused)."""


def too_deep_message(max_depth: int) -> str:
    """The message for a document nested deeper than ``max_depth`` levels."""
    return f"is nested more than {max_depth} levels deep"


class _Frame:
    """One open mapping or sequence."""

    __slots__ = (
        "anchor",
        "deepest",
        "depth",
        "first_line",
        "is_map",
        "key",
        "path",
        "start",
        "value",
    )

    def __init__(
        self, value: Any, path: PathKey | None, depth: int, anchor: str | None, start: int
    ):
        self.value = value
        self.is_map = isinstance(value, dict)
        self.path = path
        """Where this collection is; ``None`` when it is dropped (under a refused key)."""
        self.depth = depth
        self.deepest = depth + 1
        """The deepest level below (counted as if every collection held a scalar)."""
        self.anchor = anchor
        self.start = start
        """The node count before this collection began (for its expanded size)."""
        self.key: Any = _NO_KEY
        self.first_line: dict[Any, int] = {}


class _Anchor:
    """A completed anchored value, with its expanded size and height."""

    __slots__ = ("height", "is_scalar", "raw", "size", "value")

    def __init__(self, value: Any, size: int, height: int, raw: str | None):
        self.value = value
        self.size = size
        self.height = height
        self.is_scalar = raw is not None
        self.raw = raw


class EventBuilder:
    """Turns parser events into plain values, positions and problems."""

    def __init__(self, file: str, max_nodes: int, max_depth: int) -> None:
        self.file = file
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.root: Any = None
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._stack: list[_Frame] = []
        self._anchors: dict[str, _Anchor | _Frame] = {}
        self._count = 0
        self._documents = 0

    def run(self, next_event: Callable[[], Any]) -> None:
        """Consume every event ``next_event`` returns, up to the end of the stream.

        Raises:
            InputError: A limit was broken or the stream holds more than one document.
            yaml.YAMLError: The parser found invalid YAML.
        """
        while True:
            event = next_event()
            kind = type(event)
            if kind is ScalarEvent:
                self._scalar(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self._start(event, {} if kind is MappingStartEvent else [])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self._end()
            elif kind is AliasEvent:
                self._alias(event)
            elif kind is DocumentStartEvent:
                self._document(event)
            elif kind is StreamEndEvent or event is None:
                return

    def fail(
        self, line: int | None, column: int | None, code: ProblemCode, message: str
    ) -> InputError:
        """Record a problem that stops reading, and the error carrying every problem so far."""
        self.problems.append(
            Problem(code=code, message=message, file=self.file, line=line, column=column)
        )
        return InputError(self.problems, f"{self.file}: {message}")

    def _fail_at(self, event: Any, code: ProblemCode, message: str) -> InputError:
        """``fail`` at the 1-based line and column where ``event`` starts."""
        mark = event.start_mark
        return self.fail(mark.line + 1, mark.column + 1, code, message)

    def _problem(self, event: Any, code: ProblemCode, message: str) -> None:
        mark = event.start_mark
        self.problems.append(
            Problem(
                code=code,
                message=message,
                file=self.file,
                line=mark.line + 1,
                column=mark.column + 1,
            )
        )

    def _document(self, event: Any) -> None:
        self._documents += 1
        if self._documents > 1:
            raise self._fail_at(
                event,
                ProblemCode.YAML_SYNTAX,
                "invalid YAML: expected a single document, but found another document",
            )

    def _node(self, event: Any, size: int = 1, height: int = 1) -> int:
        """Count a node (an alias counts what it expands to); return its depth."""
        depth = len(self._stack) + 1
        if depth + height - 1 > self.max_depth:
            raise self._fail_at(
                event,
                ProblemCode.YAML_TOO_DEEP,
                too_deep_message(self.max_depth),
            )
        self._count += size
        if self._count > self.max_nodes:
            alias = type(event) is AliasEvent
            what = (
                "expands to more than {:,} values through aliases"
                if alias
                else "holds more than {:,} values"
            )
            raise self._fail_at(
                event,
                ProblemCode.YAML_ALIAS_BOMB if alias else ProblemCode.YAML_TOO_MANY_VALUES,
                f"{what.format(self.max_nodes)}; refusing to read it",
            )
        if self._stack and height > 1:
            top = self._stack[-1]
            top.deepest = max(top.deepest, depth + height - 1)
        return depth

    def _scalar(self, event: Any) -> None:
        """A scalar: the hot path, kept short (most events are scalars)."""
        stack = self._stack
        self._count += 1
        if len(stack) >= self.max_depth or self._count > self.max_nodes:
            self._count -= 1
            self._node(event)
        top = stack[-1] if stack else None
        as_key = top is not None and top.is_map and top.key is _NO_KEY
        value = self._value(event, as_key=as_key)
        if top is None:
            self._place(value, event)
        elif as_key:
            self._key(top, event, value, event.value)
        elif top.is_map:
            key, top.key = top.key, _NO_KEY
            if key is not _SKIP and top.path is not None:
                top.value[key] = value
        else:
            self._place(value, event)
        if event.anchor is not None:
            kept = "<<" if value is MERGE else value
            self._anchors[event.anchor] = _Anchor(kept, 1, 1, event.value)

    def _start(self, event: Any, value: dict[Any, Any] | list[Any]) -> None:
        depth = self._node(event)
        top = self._stack[-1] if self._stack else None
        if top is not None and top.is_map and top.key is _NO_KEY:
            self._problem(event, ProblemCode.YAML_COMPLEX_KEY, "keys must be plain text")
            top.key = _SKIP
            path = None
        else:
            path = self._place(value, event)
        core = "map" if isinstance(value, dict) else "seq"
        if event.tag not in (None, "!", CORE + core):
            self._problem(
                event,
                ProblemCode.YAML_TAG,
                f"the tag '{short_tag(event.tag)}' is not allowed; use plain YAML",
            )
        frame = _Frame(value, path, depth, event.anchor, self._count - 1)
        if event.anchor is not None:
            self._anchors[event.anchor] = frame
        self._stack.append(frame)

    def _end(self) -> None:
        frame = self._stack.pop()
        if self._stack:
            top = self._stack[-1]
            top.deepest = max(top.deepest, frame.deepest)
        if frame.anchor is not None and self._anchors.get(frame.anchor) is frame:
            size = self._count - frame.start
            self._anchors[frame.anchor] = _Anchor(
                frame.value, size, frame.deepest - frame.depth + 1, None
            )

    def _alias(self, event: Any) -> None:
        anchor = self._anchors.get(event.anchor)
        if anchor is None:
            raise self._fail_at(
                event,
                ProblemCode.YAML_SYNTAX,
                f"invalid YAML: found undefined alias '{event.anchor}'",
            )
        if isinstance(anchor, _Frame):
            raise self._fail_at(
                event,
                ProblemCode.YAML_RECURSIVE_ALIAS,
                "an alias refers to a value that contains it",
            )
        self._node(event, anchor.size, anchor.height)
        top = self._stack[-1] if self._stack else None
        if top is not None and top.is_map and top.key is _NO_KEY:
            if anchor.is_scalar:
                self._key(top, event, anchor.value, anchor.raw or "")
            else:
                self._problem(event, ProblemCode.YAML_COMPLEX_KEY, "keys must be plain text")
                top.key = _SKIP
        else:
            self._place(anchor.value, event)

    def _key(self, top: _Frame, event: Any, value: Any, raw: str) -> None:
        """Take ``value`` as the next key of the mapping ``top``."""
        if value is MERGE:
            self._problem(event, ProblemCode.YAML_MERGE_KEY, "merge keys ('<<') are not supported")
            top.key = _SKIP
            return
        key = value if isinstance(value, str | int) and not isinstance(value, bool) else raw
        line = event.start_mark.line + 1
        if key in top.first_line:
            self._problem(
                event,
                ProblemCode.YAML_DUPLICATE_KEY,
                f"duplicate key '{key}' (first at line {top.first_line[key]}); each key may appear once",
            )
            top.key = _SKIP
            return
        top.first_line[key] = line
        top.key = key
        if top.path is not None:
            self.positions[(*top.path, key)] = (line, event.start_mark.column + 1)

    def _place(self, value: Any, event: Any) -> PathKey | None:
        """Put a value in the open collection (or at the root); return its path if kept."""
        if not self._stack:
            self.root = value
            mark = event.start_mark
            self.positions[()] = (mark.line + 1, mark.column + 1)
            return ()
        top = self._stack[-1]
        if top.is_map:
            key, top.key = top.key, _NO_KEY
            if key is _SKIP or top.path is None:
                return None
            top.value[key] = value
            return (*top.path, key)
        top.value.append(value)
        if top.path is None:
            return None
        path = (*top.path, len(top.value) - 1)
        mark = event.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        return path

    def _value(self, event: Any, *, as_key: bool) -> Any:
        """The plain value of a scalar event, recording a problem for a refused tag or number."""
        tag: str | None = event.tag
        text: str = event.value
        if tag is None:
            if not event.implicit[0]:
                return text
            if text[:1] not in NUMBER_START:
                value = WORDS.get(text, text)
                return "<<" if value is MERGE and not as_key else value
        kind = "plain" if tag is None else KINDS.get(tag.removeprefix(CORE), "")
        if not kind or (kind == "merge" and not as_key):
            self._problem(
                event,
                ProblemCode.YAML_TAG,
                f"the tag '{short_tag(tag or '')}' is not allowed; use plain YAML",
            )
            return text
        try:
            value = CONVERT[kind](text)
        except ValueError:
            self._problem(event, ProblemCode.YAML_NUMBER, f"'{text[:40]}' is not a usable number")
            return text
        return "<<" if value is MERGE and not as_key else value
