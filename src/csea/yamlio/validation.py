"""Validating plain YAML data against a model and turning failures into located problems."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, Tag, ValidationError
from pydantic_core import ErrorDetails

from csea.codes import ProblemCode
from csea.errors import Problem
from csea.models.base import PATTERN_WORDS
from csea.yamlio.reader import YamlDocument

__all__ = ["validate_document", "validate_value"]

M = TypeVar("M", bound=BaseModel)


def validate_document(
    model: type[M], doc: YamlDocument, *, object_id: str | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate a whole document against ``model``.

    Returns:
        The model (or ``None`` when invalid) and the problems found, each with the
        file, line and column of the offending value.
    """
    return validate_value(model, doc, (), object_id=object_id)


def validate_value(
    model: type[M],
    doc: YamlDocument,
    path: tuple[str | int, ...],
    *,
    object_id: str | None = None,
) -> tuple[M | None, list[Problem]]:
    """Validate the value found at ``path`` in a document against ``model``.

    Validating the items of a list one by one keeps one bad item from hiding the rest.
    """
    data = doc.value_at(path)
    if not isinstance(data, dict):
        found = "nothing" if data is None else f"a {_kind(data)}"
        line, column = doc.locate(path) if path else (1, 1)
        problem = Problem(
            code=ProblemCode.WRONG_TYPE,
            message=f"expected a mapping of {model.__name__} fields, found {found}",
            file=doc.file,
            line=line or 1,
            column=column or 1,
            object_id=object_id,
            field=".".join(map(str, path)) or None,
        )
        return None, [problem]
    if object_id is None and isinstance(data.get("id"), str):
        object_id = data["id"]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [
            _problem(model, doc, error, path, object_id) for error in exc.errors(include_url=False)
        ]


def _problem(
    model: type[BaseModel],
    doc: YamlDocument,
    error: ErrorDetails,
    prefix: tuple[str | int, ...],
    object_id: str | None,
) -> Problem:
    loc = (*prefix, *error["loc"])
    line, column = doc.locate(loc)
    return Problem(
        code=_code(error["type"]),
        message=_message(model, error),
        file=doc.file,
        line=line,
        column=column,
        object_id=object_id,
        field=doc.field_path(loc) or None,
    )


_CODES: dict[str, ProblemCode] = {
    "extra_forbidden": ProblemCode.UNKNOWN_FIELD,
    "missing": ProblemCode.MISSING_FIELD,
    "enum": ProblemCode.UNKNOWN_VALUE,
    "literal_error": ProblemCode.UNKNOWN_VALUE,
    "string_pattern_mismatch": ProblemCode.BAD_FORMAT,
    "date_from_datetime_parsing": ProblemCode.BAD_DATE,
    "date_parsing": ProblemCode.BAD_DATE,
    "date_type": ProblemCode.BAD_DATE,
    "datetime_parsing": ProblemCode.BAD_DATE,
    "condition": ProblemCode.BAD_CONDITION,
}


def _code(kind: str) -> ProblemCode:
    if kind in _CODES:
        return _CODES[kind]
    return ProblemCode.WRONG_TYPE if kind.endswith("_type") else ProblemCode.INVALID_VALUE


def _message(model: type[BaseModel], error: ErrorDetails) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = f"; expected one of: {', '.join(allowed)}" if allowed else ""
        return f"unknown field '{loc[-1]}'{_did_you_mean(str(loc[-1]), allowed)}{hint}"
    if kind == "missing":
        return f"missing required field '{loc[-1]}'"
    message = error["msg"].removeprefix("Value error, ")
    if kind == "string_type" and isinstance(value, float | int) and not isinstance(value, bool):
        return f"{message}; found the number {value!r}: put it in quotes ('{value}')"
    if kind == "bool_type":
        return f"expected true or false, found {value!r}"
    if kind == "list_type":
        hint = f": write it as [{value}]" if isinstance(value, str | int) else ""
        return f"expected a list, found {_found(value)}{hint}"
    if kind == "greater_than_equal":
        limit = (error.get("ctx") or {}).get("ge")
        return f"expected a number of at least {limit}, found {value!r}"
    if kind in ("enum", "literal_error"):
        expected = str((error.get("ctx") or {}).get("expected", ""))
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        return (
            f"'{value}' is not an accepted value{_did_you_mean(str(value), choices)}; "
            f"expected one of: {expected}"
        )
    if kind == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        return f"'{value}' does not have the expected form; expected {_pattern_words(pattern)}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"'{value}' is not a date; expected YYYY-MM-DD"
    return message


def _found(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    return f"the text '{value}'" if isinstance(value, str) else repr(value)


def _pattern_words(pattern: str) -> str:
    """A pattern described in words (never the pattern itself)."""
    return PATTERN_WORDS.get(pattern, "text of another form (see the documentation)")


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``model`` (best effort)."""
    current: Any = model
    for segment in loc:
        current = _step(current, segment)
        if current is None:
            return []
    current = _strip(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _step(annotation: Any, segment: str | int) -> Any:
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            if segment in (name, field.alias):
                return field.annotation
        return None
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset) and isinstance(segment, int):
        args = typing.get_args(annotation)
        return args[0] if args else None
    if origin is dict:
        return typing.get_args(annotation)[1]
    if origin in (typing.Union, types.UnionType):
        for member in typing.get_args(annotation):
            if _tag_of(member) == segment or _name_of(member) == segment:
                return member
    return None


def _strip(annotation: Any) -> Any:
    """Remove Annotated and Optional wrappers."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _tag_of(member: Any) -> str | None:
    if typing.get_origin(member) is typing.Annotated:
        for meta in typing.get_args(member)[1:]:
            if isinstance(meta, Tag):
                return meta.tag
    return None


def _name_of(member: Any) -> str | None:
    inner = _strip(member)
    return getattr(inner, "__name__", None)


def _kind(value: Any) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
