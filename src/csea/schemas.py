"""JSON Schemas for every file a person writes, generated from the models.

The generated files in ``schema/`` are committed so editors (VS Code's YAML
extension, check-jsonschema) can validate while people type; a test fails when
they are stale. Regenerate with ``csea schema --write schema/``.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from csea.errors import InputError, Problem
from csea.render.tabular import dumps_json

__all__ = ["SCHEMAS", "json_schema", "schema_model", "schema_text", "write_schemas"]

SCHEMAS: dict[str, tuple[str, str]] = {
    "catalog": ("csea.models:CatalogHeader", "The catalogue header, obligations/catalog.yaml"),
    "sources": (
        "csea.models:SourcesFile",
        "Sources and their provisions, obligations/sources.yaml",
    ),
    "obligation": ("csea.models:Obligation", "One obligation, obligations/<pillar>/<ID>.yaml"),
    "uncited": (
        "csea.models:UncitedFile",
        "Provisions deliberately not cited, obligations/uncited.yaml",
    ),
    "profile": ("csea.models:ServiceProfile", "A service profile, profile.yaml"),
    "assessment": ("csea.models:Assessment", "A service's assessment, assessment.yaml"),
    "report": (
        "csea.render.report.document:ReportDocument",
        "A report as data, csea report --format json",
    ),
}
"""Schema name -> (``module:Model``, what file it describes). Models are imported only when
a schema is asked for, so listing the names costs nothing."""


def schema_model(name: str) -> type[BaseModel]:
    """The model behind one schema name.

    Raises:
        InputError: An unknown schema name.
    """
    if name not in SCHEMAS:
        message = f"unknown schema '{name}'; expected one of: {', '.join(SCHEMAS)}"
        raise InputError([Problem(code="unknown-schema", message=message)], message)
    module, _, attribute = SCHEMAS[name][0].partition(":")
    model: type[BaseModel] = getattr(import_module(module), attribute)
    return model


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for one kind of file.

    Raises:
        InputError: An unknown schema name.
    """
    model = schema_model(name)
    description = SCHEMAS[name][1]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": schema.pop("title", name),
        "description": description,
        **schema,
    }


def schema_text(name: str) -> str:
    """The schema as the exact text written to ``schema/<name>.schema.json``."""
    return dumps_json(json_schema(name))


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = directory / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written
