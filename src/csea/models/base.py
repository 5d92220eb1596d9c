"""The base model and the constrained types every csea model shares, and how versions compare.

Each constrained type is declared once here and reused, so a rule such as "an
obligation id looks like ``BLOCK-01``" lives in exactly one place. Other packages build
their own models (the report document, for instance) on [CseaModel][csea.models.base.CseaModel].
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = [
    "CseaModel",
    "JurisdictionCode",
    "NonEmptyStr",
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


NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
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

JurisdictionCode = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{2}|INT)$")]
"""ISO 3166-1 alpha-2 country code (``GB``, ``US``, ``AU``), ``EU``, or ``INT`` for
international and industry-wide sources that bind no single country."""

Version = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}\.[0-9]{2}(?:\.[0-9]+)?$")]
"""A calendar version: ``YYYY.MM`` with an optional ``.N`` patch number (``2026.11``)."""


def version_key(text: str) -> tuple[int, ...]:
    """A catalogue version (``2027.06``) as numbers, for comparing versions."""
    return tuple(int(part) for part in text.split("."))


Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2048)]
"""An absolute http(s) URL."""
