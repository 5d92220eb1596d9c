"""Plain values from a YAML event stream, fast, for documents that need no judgement.

Most files csea reads are ordinary: no anchors, no tags, no duplicate keys, numbers that
are numbers. [plain_values][csea.yamlio.plain.plain_values] builds such a document's values
with one short step per event, without the positions and the bookkeeping
[EventBuilder][csea.yamlio.events.EventBuilder] keeps for locating problems. At the first
event that could need a judgement (an anchor, an alias, a tag, a complex or duplicate key,
a merge key, a number it cannot read, a limit reached, a second document) it gives up with
[Unusual][csea.yamlio.plain.Unusual], and the reader builds the document with the
[EventBuilder][csea.yamlio.events.EventBuilder] instead, which judges it and says where.
So both give the same values for every document this one accepts, and only the
[EventBuilder][csea.yamlio.events.EventBuilder] ever reports a problem.
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

from csea.yamlio.events import PathKey
from csea.yamlio.scalars import MERGE, NUMBER_START, WORDS, resolve_plain

__all__ = ["Unusual", "plain_values"]

_NO_KEY: Any = object()
"""A mapping waiting for its next key."""


class Unusual(Exception):
    """The document needs the full builder (it may be fine: an anchor, say, or a tag)."""


def plain_values(
    next_event: Callable[[], Any],
    max_nodes: int,
    max_depth: int,
    positions: dict[PathKey, tuple[int, int]] | None = None,
) -> Any:
    """The values of the document ``next_event`` streams.

    Args:
        next_event: The parser's ``get_event``.
        max_nodes: The most values the document may hold.
        max_depth: The deepest nesting allowed.
        positions: When given, filled as [EventBuilder][csea.yamlio.events.EventBuilder]
            fills its positions: the parser's 1-based line and column of the root, of every
            key and of every item, by path.

    Raises:
        Unusual: Something only the full builder may judge.
        yaml.YAMLError: The parser found invalid YAML.
    """
    builder = _Plain(max_nodes, max_depth, positions)
    scalar, start, end = builder.scalar, builder.start, builder.end
    documents = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is ScalarEvent:
            scalar(event)
        elif kind is MappingStartEvent:
            start(event, {})
        elif kind is SequenceStartEvent:
            start(event, [])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            end()
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unusual
        elif kind is AliasEvent:
            raise Unusual
        elif kind is StreamEndEvent or event is None:
            return builder.root


class _Plain:
    """The open mappings and sequences, and what to do with each event."""

    __slots__ = ("count", "keys", "max_depth", "max_nodes", "paths", "positions", "root", "stack")

    def __init__(
        self, max_nodes: int, max_depth: int, positions: dict[PathKey, tuple[int, int]] | None
    ) -> None:
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.positions = positions
        self.root: Any = None
        self.stack: list[Any] = []
        """The open collections."""
        self.keys: list[Any] = []
        """For each open collection, the key its next value goes under (``_NO_KEY`` before it)."""
        self.paths: list[PathKey] = []
        """For each open collection, its path (kept only when positions are noted)."""
        self.count = 0

    def scalar(self, event: Any) -> None:
        """Place a scalar's value, or take it as the next key; note where keys and items start."""
        self.count += 1
        stack = self.stack
        if event.anchor is not None or event.tag is not None:
            raise Unusual
        if self.count > self.max_nodes or len(stack) >= self.max_depth:
            raise Unusual
        text = event.value
        if not event.implicit[0]:
            value: Any = text
        elif text[:1] in NUMBER_START:
            value = _number(text)
        else:
            value = WORDS.get(text, text)
            if value is MERGE:
                raise Unusual
        if not stack:
            self.root = value
            where: PathKey = ()
        elif type(stack[-1]) is list:
            stack[-1].append(value)
            where = (len(stack[-1]) - 1,)
        elif self.keys[-1] is not _NO_KEY:
            stack[-1][self.keys[-1]] = value
            self.keys[-1] = _NO_KEY
            return
        else:
            key = value if isinstance(value, str | int) and not isinstance(value, bool) else text
            if key in stack[-1]:
                raise Unusual
            self.keys[-1] = key
            where = (key,)
        if self.positions is not None:
            mark = event.start_mark
            place = (*self.paths[-1], *where) if stack else ()
            self.positions[place] = (mark.line + 1, mark.column + 1)

    def start(self, event: Any, made: dict[Any, Any] | list[Any]) -> None:
        """Open a mapping or sequence in its place (noting where an item or the root starts)."""
        self.count += 1
        stack = self.stack
        if event.anchor is not None or event.tag is not None:
            raise Unusual
        if self.count > self.max_nodes or len(stack) >= self.max_depth:
            raise Unusual
        if not stack:
            self.root = made
            where: PathKey | None = ()
        elif type(stack[-1]) is list:
            stack[-1].append(made)
            where = (len(stack[-1]) - 1,)
        elif self.keys[-1] is _NO_KEY:
            raise Unusual
        else:
            stack[-1][self.keys[-1]] = made
            where = None
        if self.positions is not None:
            path = (*self.paths[-1], *(where or (self.keys[-1],))) if stack else ()
            if where is not None:
                mark = event.start_mark
                self.positions[path] = (mark.line + 1, mark.column + 1)
            self.paths.append(path)
        if stack and type(stack[-1]) is dict:
            self.keys[-1] = _NO_KEY
        stack.append(made)
        self.keys.append(_NO_KEY)

    def end(self) -> None:
        """Close the innermost mapping or sequence."""
        self.stack.pop()
        self.keys.pop()
        if self.positions is not None:
            self.paths.pop()


def _number(text: str) -> Any:
    """An untagged plain scalar that may be a number (core schema).

    Raises:
        Unusual: A number that cannot be read.
    """
    try:
        return resolve_plain(text)
    except ValueError:
        raise Unusual from None
