"""YAML text as nodes with character offsets: what the comment-keeping edits work from.

The parser reports positions as (line, column); [Lines][csea.yamlio.lines.Lines] turns them
into offsets in the text, so an edit can replace exactly the characters of one value.
[compose][csea.yamlio.nodes.compose] gives the node tree (libyaml when available, as the
reader uses), [content_end][csea.yamlio.nodes.content_end] where a value's own text ends
(trailing comments and blank lines excluded, but the kept lines of a ``|+`` block scalar
included), and [node_data][csea.yamlio.nodes.node_data] what a node means, with the same
rules as the reader (YAML 1.2 core schema; ``YYYY-MM-DD`` as a date, so it is written back
without quotes).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from csea.yamlio import reader
from csea.yamlio.lines import BREAK, Lines
from csea.yamlio.scalars import resolve_plain

__all__ = [
    "AliasNode",
    "compose",
    "content_end",
    "ends_kept",
    "has_aliases",
    "lookup",
    "node_data",
]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class AliasNode(ScalarNode):  # type: ignore[misc]
    """Where an alias (``*name``) is written; ``target`` is the node it refers to."""

    def __init__(self, target: Node, start_mark: Any, end_mark: Any) -> None:
        super().__init__("tag:yaml.org,2002:alias", "", start_mark, end_mark, style="*")
        self.target = target


def has_aliases(text: str) -> bool:
    """Whether a YAML text uses any alias (``*name``).

    Raises:
        yaml.YAMLError: The text is not valid YAML.
    """
    return any(isinstance(e, AliasEvent) for e in yaml.parse(text, Loader=reader.loader()))


def compose(text: str) -> Node | None:
    """The node tree of a YAML text (``None`` for an empty document).

    Each alias is an [AliasNode][csea.yamlio.nodes.AliasNode] at the place it is written
    (PyYAML's own composer gives the anchored node, with the anchor's position). An
    anchor defined twice is allowed, as YAML 1.2 and csea's reader allow it.

    Raises:
        yaml.YAMLError: The text is not valid YAML.
    """
    if "&" in text and has_aliases(text):
        return yaml.compose(text, Loader=_EditLoader)
    try:
        return yaml.compose(text, Loader=reader.loader())
    except yaml.composer.ComposerError as error:
        if "duplicate anchor" not in str(error):
            raise
    return yaml.compose(text, Loader=_EditLoader)


class _EditLoader(yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader, composing aliases as ``AliasNode`` and allowing redefinitions."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.get_event()
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark
                )
            return AliasNode(self.anchors[event.anchor], event.start_mark, event.end_mark)
        anchor = getattr(self.peek_event(), "anchor", None)
        if anchor is not None:
            self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


def lookup(node: Node | None, key: str) -> tuple[Node, Node] | None:
    """The (key, value) nodes of ``key`` in a mapping node, or ``None``."""
    if not isinstance(node, MappingNode):
        return None
    return next(((k, v) for k, v in node.value if str(k.value) == key), None)


def content_end(node: Node, lines: Lines) -> int:
    """The offset where a value's own text ends.

    For a block collection, the end of its last item (not the comments after it); for a
    block scalar, the end of its content including the blank lines it keeps.
    """
    node = _last_value(node)
    end = lines.index(node.end_mark)
    if isinstance(node, ScalarNode) and node.style in ("|", ">") and not _keeps(node, lines):
        end = _before_blank_lines(lines.text, end, lines.index(node.start_mark))
    return end


def ends_kept(node: Node, lines: Lines) -> bool:
    """Whether a value's text ends in a block scalar that keeps its line breaks (``|+``).

    A blank line written right after such a value becomes part of its text.
    """
    last = _last_value(node)
    return isinstance(last, ScalarNode) and last.style in ("|", ">") and _keeps(last, lines)


def _last_value(node: Node) -> Node:
    """The innermost last value of a block collection (the node itself otherwise)."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _keeps(node: ScalarNode, lines: Lines) -> bool:
    """Whether a block scalar keeps its final line breaks (``|+``)."""
    start = lines.index(node.start_mark)
    header = BREAK.split(lines.text[start:], maxsplit=1)[0]
    return "+" in header.split("#", 1)[0]


def _before_blank_lines(text: str, end: int, floor: int) -> int:
    """The offset just after the last line of ``text[floor:end]`` that is not blank."""
    region = text[floor:end]
    kept = region.rstrip(" \t\r\n\x85\u2028\u2029")
    if len(kept) == len(region):
        return end
    match = BREAK.search(region, len(kept))
    return floor + (match.end() if match else len(region))


def node_data(node: Node | None) -> Any:
    """What a node means, as plain values (aliases resolved; dates as ``datetime.date``)."""
    if node is None:
        return None
    if isinstance(node, AliasNode):
        return node_data(node.target)
    if isinstance(node, MappingNode):
        return {node_data(k): node_data(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [node_data(item) for item in node.value]
    text: str = node.value
    return _plain(text) if not node.style else text


def _plain(text: str) -> Any:
    """A plain scalar under the core schema, a ``YYYY-MM-DD`` one as a date."""
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return resolve_plain(text)
