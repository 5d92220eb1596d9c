"""The base model and the constrained types every csea model shares, and how versions compare.

Each constrained type is declared once here and reused, so a rule such as "an
obligation id looks like ``BLOCK-01``" lives in exactly one place. Other packages build
their own models (the report document, for instance) on [CseaModel][csea.models.base.CseaModel].
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import datetime as dt
import re
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from csea.models.jurisdictions import check_jurisdiction, jurisdiction_codes

__all__ = [
    "PATTERN_WORDS",
    "Age",
    "Count",
    "CseaModel",
    "Day",
    "Flag",
    "JurisdictionCode",
    "NonEmptyStr",
    "Number",
    "ObligationId",
    "ProvisionId",
    "Slug",
    "SourceId",
    "Url",
    "Version",
    "version_key",
]


class CseaModel(BaseModel):
    """Base of every csea model: strict about unknown keys, immutable, documented fields.

    Each field is documented by the docstring under it. Those docstrings are not read
    when the class is built (reading source at run time would slow every command); the
    JSON Schemas get them as field descriptions when they are generated
    ([csea.schemas][]), and the API pages read them from the source.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        validate_default=True,
        defer_build=True,
    )


NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True, pattern=r"\S")]
"""Text that must not be empty or only white space."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=64)]
"""A lowercase identifier such as ``hash-matching`` or ``law_enforcement``."""

ObligationId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+-[0-9]{2,3}$")]
"""An obligation id: an upper-case pillar prefix, a hyphen and two or three digits (``BLOCK-01``)."""

SourceId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(?:[.\-_][a-z0-9]+)*$", max_length=64)
]
"""A source id: lowercase dotted key ``<scope>.<instrument>`` (``uk.ofcom.icu``)."""

ProvisionId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.()\-]*$", max_length=48)
]
"""A provision id, unique within its source (``s66``, ``art16.2.c``, ``C9``, ``p1``)."""

JurisdictionCode = Annotated[
    str,
    AfterValidator(check_jurisdiction),
    WithJsonSchema({"type": "string", "enum": jurisdiction_codes()}),
]
"""ISO 3166-1 alpha-2 country code (``GB``, ``US``, ``AU``), ``EU``, or ``INT`` for
international and industry-wide sources that bind no single country (see
[csea.models.jurisdictions][])."""

Version = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}\.[0-9]{2}(?:\.[0-9]+)?$")]
"""A calendar version: ``YYYY.MM`` with an optional ``.N`` patch number (``2026.11``)."""


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, str):
        return f"the text '{value}'"
    return f"{type(value).__name__} {value!r}"


def _whole_number(value: Any) -> Any:
    """Refuse what YAML or JSON would not call a number (true, '3'); 3.0 counts as 3."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a whole number such as 1200000, found {_found(value)}")
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number such as 12.5, found {_found(value)}")
    return value


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day(value: Any) -> Any:
    """Accept a date or text written YYYY-MM-DD; refuse numbers (``86400`` is not a date)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DAY.fullmatch(value):
        return value
    raise PydanticCustomError(
        "date_type", "expected a date written YYYY-MM-DD, found {found}", {"found": _found(value)}
    )


Flag = StrictBool
"""``true`` or ``false``, nothing else (``yes``, ``1`` and ``"true"`` are refused)."""

Count = Annotated[int, Ge(0), BeforeValidator(_whole_number)]
"""A whole number, 0 or more (``true`` and ``"3"`` are refused; ``3.0`` is 3)."""

Age = Annotated[int, Ge(0), Le(21), BeforeValidator(_whole_number)]
"""An age in whole years, 0 to 21."""

Number = Annotated[float, BeforeValidator(_number)]
"""A number (``true`` and ``"3.5"`` are refused)."""

Day = Annotated[dt.date, BeforeValidator(_day)]
"""A calendar date written ``YYYY-MM-DD`` (numbers such as ``86400`` are refused)."""


def version_key(text: str) -> tuple[int, ...]:
    """A catalogue version (``2027.06``) as numbers, for comparing versions."""
    return tuple(int(part) for part in text.split("."))


Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2048)]
"""An absolute http(s) URL."""

PATTERN_WORDS: dict[str, str] = {
    r"\S": "text that is not empty",
    r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$": "a lowercase identifier such as hash-matching",
    r"^[A-Z]+-[0-9]{2,3}$": "an obligation id such as BLOCK-01",
    r"^[a-z][a-z0-9]*(?:[.\-_][a-z0-9]+)*$": "a lowercase source id such as uk.osa2023",
    r"^[A-Za-z0-9][A-Za-z0-9.()\-]*$": "a provision id such as s66 or art16.2.c",
    r"^[0-9]{4}\.[0-9]{2}(?:\.[0-9]+)?$": "a calendar version such as 2026.11 (in quotes)",
    r"^https?://[^\s]+$": "a web address starting with https:// or http://",
    r"^[A-Z]+$": "capital letters such as BLOCK",
}
"""What each pattern of the shared types asks for, in words (error messages never show a pattern)."""
