r"""Editing YAML text in place without losing a comment.

Each function takes a YAML text and a path of mapping keys, and returns the text with one
change made; every other character is kept. What the change replaces is only the text of
one value, and every comment inside that text is written again, as a full-line comment at
the key's indentation (above the key, or below an entry that starts a list item), with its
text unchanged:

| function | what it does |
|---|---|
| [set_value][csea.yamlio.edit.set_value] | sets a key (added at the end of its mapping, or before a given sibling) |
| [append_item][csea.yamlio.edit.append_item] | adds an item at the end of a list (made when missing) |
| [remove_key][csea.yamlio.edit.remove_key] | removes a key and its value, keeping their comments |
| [rename_key][csea.yamlio.edit.rename_key] | renames a key, nothing else |

A mapping or list written in flow style (``{status: planned,  # note``) that must change is
rewritten in block style, its end-of-line comment kept on the key's line and the comments
inside it written below the key. A scalar replaced by another on its own line keeps its
quoting and the rest of the line (``version: "2027.01"   # pinned``). New text is written with
``newline`` as its line break, so a file keeps its line endings.

```python
text = "answers:\n  A-01: {status: planned,  # see roadmap\n    due: 2027-03-31}\n"
set_value(text, ["answers", "A-01", "owner"], "T&S")
# answers:
#   A-01:
#     # see roadmap
#     status: planned
#     due: 2027-03-31
#     owner: T&S
```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from csea.fileio import json_text
from csea.yamlio.comments import Comment, comments
from csea.yamlio.lines import Lines
from csea.yamlio.nodes import compose, content_end, lookup, node_data
from csea.yamlio.writer import dump_yaml

__all__ = ["append_item", "remove_key", "rename_key", "set_value"]

Pair = tuple[Node, Node]


@dataclass
class _Doc:
    """A text with its nodes, offsets and comments."""

    text: str
    step: int
    newline: str
    lines: Lines = field(init=False)
    root: Node | None = field(init=False)
    _comments: list[Comment] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.lines = Lines(self.text)
        self.root = compose(self.text)

    def start(self, node: Node) -> int:
        return self.lines.index(node.start_mark)

    def end(self, node: Node) -> int:
        return self.lines.index(node.end_mark)

    def column(self, node: Node) -> int:
        return int(node.start_mark.column)

    def comments_in(self, start: int, end: int) -> list[str]:
        if self._comments is None:
            self._comments = comments(self.text)
        return [c.text for c in self._comments if start <= c.start < end]

    def splice(self, start: int, end: int, new: str) -> str:
        if self.newline != "\n":
            new = new.replace("\n", self.newline)
        if start == len(self.text) and self.text and not self.text.endswith(("\n", "\r")):
            new = self.newline + new
        return self.text[:start] + new + self.text[end:]

    def walk(self, path: Sequence[str]) -> list[Pair]:
        """The (key, value) pairs along ``path``, as far as it exists."""
        pairs: list[Pair] = []
        node = self.root
        for name in path:
            pair = lookup(node, name)
            if pair is None:
                break
            pairs.append(pair)
            node = pair[1]
        return pairs


def set_value(
    text: str,
    path: Sequence[str],
    value: Any,
    *,
    before: str | None = None,
    step: int = 2,
    newline: str = "\n",
) -> str:
    """The text with the value at ``path`` set to ``value`` (plain data).

    Missing mappings on the way are made. A new key goes at the end of its mapping, or
    just above ``before`` (and the comments above it) when that sibling exists.

    Raises:
        ValueError: The document is not a mapping.
    """
    doc = _Doc(text, step, newline)
    pairs = doc.walk(path)
    if len(pairs) == len(path) and (inline := _inline_scalar(doc, pairs[-1][1], value)):
        return inline
    flow = _flow_ancestor(pairs[:-1] if len(pairs) == len(path) else pairs)
    if flow is not None:
        return _rewrite_flow(doc, pairs[flow], path[flow + 1 :], lambda d, p: _put(d, p, value))
    if len(pairs) == len(path):
        return _replace(doc, *pairs[-1], value)
    parent = pairs[-1][1] if pairs else doc.root
    nested = _nest(path[len(pairs) + 1 :], value)
    if not isinstance(parent, MappingNode):
        if not pairs:
            raise ValueError("the document is not a mapping")
        return _replace(doc, *pairs[-1], {path[len(pairs)]: nested})
    return _insert(doc, parent, path[len(pairs)], nested, before)


def append_item(
    text: str, path: Sequence[str], item: Any, *, step: int = 2, newline: str = "\n"
) -> str:
    """The text with ``item`` added at the end of the list at ``path`` (made when missing)."""
    doc = _Doc(text, step, newline)
    pairs = doc.walk(path)
    flow = _flow_ancestor(pairs)
    if flow is not None:
        return _rewrite_flow(doc, pairs[flow], path[flow + 1 :], lambda d, p: _add(d, p, item))
    if len(pairs) < len(path) or not isinstance(pairs[-1][1], SequenceNode):
        return set_value(text, path, [item], step=step, newline=newline)
    sequence = pairs[-1][1]
    pad = " " * doc.column(sequence)
    lines = [pad + line[2:] if line.strip() else line for line in _lines({"k": [item]})[1:]]
    at = doc.lines.next_line(content_end(sequence, doc.lines))
    return doc.splice(at, at, "".join(lines))


def remove_key(text: str, path: Sequence[str], *, step: int = 2, newline: str = "\n") -> str:
    """The text without the key at ``path``; the comments in it stay where it was.

    Raises:
        ValueError: The key starts a list item (``- key: ...``); remove the item instead.
    """
    doc = _Doc(text, step, newline)
    pairs = doc.walk(path)
    if len(pairs) < len(path):
        return text
    flow = _flow_ancestor(pairs[:-1])
    if flow is not None:
        return _rewrite_flow(doc, pairs[flow], path[flow + 1 :], _drop)
    key, value = pairs[-1]
    start = doc.start(key)
    if doc.lines.prefix(start).strip():
        raise ValueError(f"'{path[-1]}' starts a list item")
    end = doc.lines.next_line(content_end(value, doc.lines))
    pad = " " * doc.column(key)
    kept = "".join(f"{pad}{c}\n" for c in doc.comments_in(start, end))
    return doc.splice(doc.lines.line_start(start), end, kept)


def rename_key(text: str, path: Sequence[str], new_name: str) -> str:
    """The text with the last key of ``path`` renamed (its value, comments and spacing kept)."""
    doc = _Doc(text, 2, "\n")
    pairs = doc.walk(path)
    if len(pairs) < len(path):
        raise KeyError(".".join(path))
    key = pairs[-1][0]
    rendered = dump_yaml({new_name: None}).rpartition(":")[0]
    return doc.splice(doc.start(key), doc.end(key), rendered)


def _flow_ancestor(pairs: Sequence[Pair]) -> int | None:
    """The index of the first pair whose value is written in flow style."""
    return next(
        (
            i
            for i, (_, value) in enumerate(pairs)
            if isinstance(value, MappingNode | SequenceNode) and value.flow_style
        ),
        None,
    )


def _inline_scalar(doc: _Doc, old: Node, value: Any) -> str | None:
    """The text with a one-line scalar replaced by another in its place, when both fit."""
    entry = _lines({"k": value})
    same_line = old.start_mark.line == old.end_mark.line
    one_line = isinstance(old, ScalarNode) and old.style not in ("|", ">") and same_line
    if not one_line or len(entry) != 1:
        return None
    start, end = doc.start(old), doc.end(old)
    space = " " if start == end and not doc.text[start - 1 : start].isspace() else ""
    return doc.splice(start, end, space + _inline(old, value, entry[0]))


def _replace(doc: _Doc, key: Node, old: Node, value: Any) -> str:
    """Replace a key's value and its comments (written again above the key)."""
    entry = _lines({"k": value})
    start = doc.start(key)
    end = doc.lines.next_line(content_end(old, doc.lines))
    key_text = doc.text[start : doc.end(key)]
    column = doc.column(key)
    body = _entry(key_text, entry, column, doc.step)
    carried = [f"{' ' * column}{c}\n" for c in doc.comments_in(start, end)]
    if doc.lines.prefix(start).strip():
        return doc.splice(start, end, body + "".join(carried))
    above = "".join(carried).lstrip(" ") + (" " * column if carried else "")
    return doc.splice(start, end, above + body)


def _insert(doc: _Doc, mapping: MappingNode, name: str, value: Any, before: str | None) -> str:
    """Add ``name: value`` to a block mapping, at its end or above ``before``."""
    column = doc.column(mapping.value[0][0])
    sibling = lookup(mapping, before) if before is not None else None
    if sibling is not None:
        at = _above_comments(doc, doc.start(sibling[0]))
    else:
        at = doc.lines.next_line(content_end(mapping, doc.lines))
    key_text = dump_yaml({name: None}).rpartition(":")[0]
    entry = _entry(key_text, _lines({"k": value}), column, doc.step)
    return doc.splice(at, at, " " * column + entry)


def _above_comments(doc: _Doc, key_start: int) -> int:
    """The start of the full-line comments right above a key (or of its line)."""
    line = doc.lines.line_of(key_start)
    while line > 0:
        above = doc.lines.starts[line - 1]
        if not doc.text[above : doc.lines.starts[line]].lstrip(" \t").startswith("#"):
            break
        line -= 1
    return doc.lines.starts[line]


def _rewrite_flow(
    doc: _Doc, pair: Pair, inner: Sequence[str], change: Callable[[Any, Sequence[str]], None]
) -> str:
    """Rewrite a flow-style value in block style, with ``change`` made to its data.

    Its end-of-line comment stays on the key's line; comments inside it go below the key.
    """
    key, node = pair
    data = node_data(node)
    change(data, inner)
    colon = doc.text.index(":", doc.end(key)) + 1
    node_end = doc.end(node)
    end = doc.lines.next_line(node_end)
    after = doc.comments_in(node_end, end)
    column = doc.column(key) + doc.step
    pad = " " * column
    inside = [f"{pad}{c}\n" for c in doc.comments_in(colon, node_end)]
    head = (f"  {after[0]}" if after else "") + "\n"
    if not data:
        return doc.splice(colon, end, " " + json_text(data) + head + "".join(inside))
    body = [pad + line[2:] if line.strip() else line for line in _lines({"k": data})[1:]]
    return doc.splice(colon, end, head + "".join(inside) + "".join(body))


def _entry(key_text: str, entry: list[str], column: int, step: int) -> str:
    """``key: value`` from a dump of ``{"k": value}``, nested lines at ``column + step``."""
    pad = " " * (column + step)
    rest = [pad + line[2:] if line.strip() else line for line in entry[1:]]
    return key_text + entry[0].removeprefix("k") + "".join(rest)


def _inline(old: ScalarNode, value: Any, rendered: str) -> str:
    """A scalar to put where ``old`` was, quoted as ``old`` was when the value is text.

    Text that would read differently inside a flow collection (``a, b``) is double-quoted.
    """
    plain = rendered.removeprefix("k:").strip()
    if isinstance(value, str) and old.style == '"':
        return json_text(value)
    if isinstance(value, str) and old.style == "'" and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, str) and plain[:1] not in ("'", '"') and any(c in plain for c in ",[]{}"):
        return json_text(value)
    return plain


def _lines(data: Any) -> list[str]:
    return dump_yaml(data).splitlines(keepends=True)


def _nest(path: Sequence[str], value: Any) -> Any:
    for name in reversed(path):
        value = {name: value}
    return value


def _put(data: Any, path: Sequence[str], value: Any) -> None:
    for name in path[:-1]:
        data = data.setdefault(name, {})
    data[path[-1]] = value


def _add(data: Any, path: Sequence[str], item: Any) -> None:
    for name in path[:-1]:
        data = data.setdefault(name, {})
    existing = data.get(path[-1]) if path else data
    if path and not isinstance(existing, list):
        data[path[-1]] = existing = []
    existing.append(item)


def _drop(data: Any, path: Sequence[str]) -> None:
    for name in path[:-1]:
        data = data[name]
    del data[path[-1]]
