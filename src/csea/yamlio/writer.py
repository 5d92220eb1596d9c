"""Writing YAML for people: block-style dumps and in-place edits of one value.

csea writes YAML that people then edit and keep in git, so it is written in block
style, keys in the order given, dates unquoted, never wrapped. Editing one value
(``catalog.version`` during a migration) replaces only that value's characters; the
rest of the line, comments included, is kept.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node

__all__ = ["dump_yaml", "mapping_value", "plain_data", "with_scalar"]


def dump_yaml(data: Any) -> str:
    """Plain data as block-style YAML (keys in the order given, dates unquoted)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def mapping_value(node: Node | None, name: str) -> tuple[Node, Node] | None:
    """The (key, value) nodes of ``name`` in a mapping node, or ``None``."""
    if not isinstance(node, MappingNode):
        return None
    return next(((k, v) for k, v in node.value if str(k.value) == name), None)


def with_scalar(text: str, path: Sequence[str], value: str) -> str:
    """The text with the scalar at ``path`` (a chain of mapping keys) replaced by ``value``.

    ``value`` is written as a YAML scalar (quoted when needed); the rest of its line,
    comments included, is kept.

    Raises:
        KeyError: Nothing is at ``path``.
    """
    node: Node | None = YAML(typ="safe", pure=True).compose(text)
    for name in path:
        pair = mapping_value(node, name)
        if pair is None:
            raise KeyError(".".join(path))
        node = pair[1]
    assert node is not None
    start, end = node.start_mark.index, node.end_mark.index
    scalar = dump_yaml({"k": value}).removeprefix("k: ").rstrip("\n")
    if text[start] == '"':
        scalar = json.dumps(value, ensure_ascii=False)
    return text[:start] + scalar + text[end:]


def plain_data(model: BaseModel) -> dict[str, Any]:
    """A model as plain data for YAML: defaults left out (but a ``status``), dates kept as dates."""
    data = model.model_dump(mode="python", exclude_defaults=True)
    if "status" in type(model).model_fields:
        data = {"status": model.model_dump(include={"status"})["status"], **data}
    return _unenum(data)  # type: ignore[no-any-return]


def _unenum(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _unenum(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unenum(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value
