"""Writing YAML for people: block-style dumps, and comment lines csea writes.

csea writes YAML that people then edit and keep in git, so it is written in block
style, keys in the order given, dates unquoted, never wrapped; text of several lines as a
literal block (``|``), and text holding a character a YAML 1.1 reader would take for a line
break (NEL, U+2028, U+2029) double-quoted with that character escaped, so every value reads
back exactly. Comment lines csea writes go through
[comment_line][csea.yamlio.writer.comment_line], so no value can break out of its comment.
Editing values in place, comments kept, is [csea.yamlio.edit][].
"""

from __future__ import annotations

import io
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import SafeRepresenter

from csea.safetext import one_line
from csea.yamlio.lines import SEPARATORS

__all__ = ["comment_line", "dump_yaml", "plain_data"]


def dump_yaml(data: Any) -> str:
    """Plain data as block-style YAML (keys in the order given, dates unquoted)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.Representer = _Representer
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _text(representer: SafeRepresenter, text: str) -> ScalarNode:
    """Text in the style that reads back exactly and reads best."""
    style = '"' if any(s in text for s in SEPARATORS) else "|" if _literal(text) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


class _Representer(SafeRepresenter):
    """The safe representer, with text written in the styles above."""


_Representer.add_representer(str, _text)


def _literal(text: str) -> bool:
    """Whether text of several lines can be a plain literal block (``|`` or ``|-``)."""
    lines = text.split("\n")
    return (
        len(lines) > 1
        and not text.endswith("\n\n")
        and text[:1] not in (" ", "\n")
        and all(line.isprintable() and not line.endswith(" ") for line in lines)
    )


def comment_line(text: str) -> str:
    r"""A comment csea writes (without the ``#``), safe on one line of a YAML file.

    Line breaks, controls and bidirectional controls are shown escaped (``\n``,
    ``\x1b``), so a name or a title cannot end the comment or hide what follows.
    """
    return one_line(text)


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
