"""Scalars under the YAML 1.2 core schema: what a plain or tagged scalar's text means.

Used by [EventBuilder][csea.yamlio.events.EventBuilder]. Only the core types exist: ``null``,
booleans, integers, floats and text; dates and everything else stay text for the models.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

__all__ = ["CONVERT", "CORE", "KINDS", "MERGE", "NUMBER_START", "WORDS", "short_tag"]

CORE = "tag:yaml.org,2002:"
"""The prefix of the core schema's tags."""
MERGE: Any = object()
"""The resolved value of a plain ``<<``."""

_INT = re.compile(r"[-+]?(?:0b[0-1_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[0-9][0-9_]*[eE][-+]?[0-9]+"
    r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
    r"|\.(?:inf|Inf|INF))"
    r"|\.(?:nan|NaN|NAN)"
)
WORDS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "<<": MERGE,
}
NUMBER_START = frozenset("0123456789+-.")


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar under the YAML 1.2 core schema.

    ``true``/``false`` (three spellings each) are booleans, ``null``/``~``/empty is null,
    decimal, ``0x``, ``0o`` and ``0b`` integers and decimal floats are numbers (``_`` may
    group digits); everything else, including ``yes``, ``NO`` and dates, stays text.

    Raises:
        ValueError: The text looks like a number but is not a usable one.
    """
    if text[:1] in NUMBER_START:
        if _INT.fullmatch(text):
            return _to_int(text)
        if _FLOAT.fullmatch(text):
            return _to_float(text)
        return text
    return WORDS.get(text, text)


def short_tag(tag: str) -> str:
    """A core tag written the short way (``!!int``); other tags as they are."""
    return "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else tag


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


KINDS = {
    "!": "str",
    "str": "str",
    "timestamp": "str",
    "binary": "str",
    "null": "null",
    "bool": "bool",
    "int": "int",
    "float": "float",
    "merge": "merge",
}
"""What each allowed explicit scalar tag (without the core prefix) converts to."""
CONVERT: dict[str, Callable[[str], Any]] = {
    "plain": resolve_plain,
    "str": str,
    "null": lambda _text: None,
    "bool": lambda text: text.lower() == "true",
    "int": _to_int,
    "float": _to_float,
    "merge": lambda _text: MERGE,
}
