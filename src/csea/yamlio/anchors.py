"""Making one part of a YAML text share no anchor with the rest, so it can be edited alone.

An anchor (``&team``) defined in one answer and used by an alias (``*team``) in another
ties the two together: removing or changing the first would change (or break) the second.
Before csea edits a part of a file, [isolate][csea.yamlio.anchors.isolate] cuts those ties
without changing what any value means:

an alias inside the part that refers to an anchor outside it, and an alias outside the part
that refers to an anchor inside it, are replaced by the value itself, written in flow style
(``{"title": "Runbook", ...}``). The anchors stay where they are.

A text without aliases is returned as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, SequenceNode

from csea.fileio import json_text
from csea.yamlio import reader
from csea.yamlio.lines import Lines
from csea.yamlio.nodes import AliasNode, compose, node_data

__all__ = ["isolate"]

_QUOTED_DATE = re.compile(r'"(\d{4}-\d{2}-\d{2})"')


@dataclass(frozen=True)
class _Anchor:
    start: int
    node: Node | None


def isolate(text: str, start: int, end: int) -> str:
    """The text with ``text[start:end]`` sharing no anchor with the rest (same meaning)."""
    lines = Lines(text)
    nodes = _nodes_by_position(compose(text))
    current: dict[str, _Anchor] = {}
    edits: list[tuple[int, int, str]] = []
    for event in yaml.parse(text, Loader=reader.loader()):
        where = lines.index(event.start_mark)
        if isinstance(event, AliasEvent):
            edit = _cut(event.anchor, current, where, lines.index(event.end_mark), (start, end))
            if edit is not None:
                edits.append(edit)
        elif isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor:
            mark = event.start_mark
            current[event.anchor] = _Anchor(where, nodes.get((mark.line, mark.column)))
    for at, until, new in reversed(edits):
        text = text[:at] + new + text[until:]
    return text


def _cut(
    name: str, current: dict[str, _Anchor], at: int, until: int, part: tuple[int, int]
) -> tuple[int, int, str] | None:
    """The edit an alias needs (its value instead), if it ties the part to the rest."""
    anchor = current[name]
    alias_inside = part[0] <= at < part[1]
    anchor_inside = part[0] <= anchor.start < part[1]
    if anchor.node is None or alias_inside == anchor_inside:
        return None
    return (at, until, _flow(anchor.node))


def _flow(node: Node) -> str:
    """The node's value in flow style; dates unquoted, as people write them."""
    return _QUOTED_DATE.sub(r"\1", json_text(_jsonable(node_data(node))))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _nodes_by_position(root: Node | None) -> dict[tuple[int, int], Node]:
    """Every node by the (line, column) where it starts (the first one there)."""
    found: dict[tuple[int, int], Node] = {}
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, AliasNode):
            continue
        found.setdefault((node.start_mark.line, node.start_mark.column), node)
        if isinstance(node, MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, SequenceNode):
            stack += node.value
    return found
