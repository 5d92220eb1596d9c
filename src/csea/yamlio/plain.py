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

_NODES = frozenset({ScalarEvent, MappingStartEvent, SequenceStartEvent})
"""The events that make a value: each counts towards the limits and may carry an anchor or tag."""
_NO_KEY: Any = object()
"""A mapping waiting for its next key."""


class Unusual(Exception):
    """The document needs the full builder (it may be fine: an anchor, say, or a tag)."""


def plain_values(  # noqa: PLR0912, PLR0915 - one loop on purpose (see the comment in it)
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
    # One loop with everything in local variables: this runs once per event of every file
    # csea reads, so a method call or an attribute lookup per event is most of its cost.
    root: Any = None
    stack: list[Any] = []  # the open collections
    keys: list[Any] = []  # for each, the key its next value goes under (_NO_KEY before it)
    paths: list[PathKey] = []  # for each, its path (kept only when positions are noted)
    noting = positions is not None
    table: dict[PathKey, tuple[int, int]] = positions if positions is not None else {}
    count = documents = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind in _NODES:
            count += 1
            if (
                event.anchor is not None
                or event.tag is not None
                or count > max_nodes
                or len(stack) >= max_depth
            ):
                raise Unusual
        if kind is ScalarEvent:
            text = event.value
            value: Any
            if not event.implicit[0]:
                value = text
            elif text[:1] in NUMBER_START:
                value = _number(text)
            else:
                value = WORDS.get(text, text)
                if value is MERGE:
                    raise Unusual
            if not stack:
                root = value
                where: PathKey = ()
            else:
                top = stack[-1]
                if type(top) is list:
                    top.append(value)
                    where = (*paths[-1], len(top) - 1) if noting else ()
                elif keys[-1] is not _NO_KEY:
                    top[keys[-1]] = value
                    keys[-1] = _NO_KEY
                    continue
                else:
                    kind_of = type(value)
                    key = value if kind_of is str or kind_of is int else text
                    if key in top:
                        raise Unusual
                    keys[-1] = key
                    where = (*paths[-1], key) if noting else ()
            if noting:
                mark = event.start_mark
                table[where] = (mark.line + 1, mark.column + 1)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            made: Any = {} if kind is MappingStartEvent else []
            if not stack:
                root = made
                path: PathKey = ()
                noted = True
            else:
                top = stack[-1]
                if type(top) is list:
                    top.append(made)
                    path = (*paths[-1], len(top) - 1) if noting else ()
                    noted = True
                elif keys[-1] is _NO_KEY:
                    raise Unusual
                else:
                    top[keys[-1]] = made
                    path = (*paths[-1], keys[-1]) if noting else ()
                    noted = False
                    keys[-1] = _NO_KEY
            if noting:
                if noted:
                    mark = event.start_mark
                    table[path] = (mark.line + 1, mark.column + 1)
                paths.append(path)
            stack.append(made)
            keys.append(_NO_KEY)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            keys.pop()
            if noting:
                paths.pop()
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unusual
        elif kind is AliasEvent:
            raise Unusual
        elif kind is StreamEndEvent or event is None:
            return root


def _number(text: str) -> Any:
    """An untagged plain scalar that may be a number (core schema).

    Raises:
        Unusual: A number that cannot be read.
    """
    try:
        return resolve_plain(text)
    except ValueError:
        raise Unusual from None
