"""JSON Schemas for every file a person writes, generated from the models.

The generated files in ``schema/`` are committed so editors (VS Code's YAML
extension, check-jsonschema) can validate while people type; a test fails when
they are stale. Regenerate with ``make schemas`` (``csea schema --output-dir schema``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from csea.codes import ProblemCode
from csea.errors import InputError, Problem, WriteRefusedError
from csea.fileio import dumps_json, write_output
from csea.models.docstrings import document_models, field_docs

__all__ = ["SCHEMAS", "json_schema", "schema_id", "schema_model", "schema_text", "write_schemas"]

SCHEMAS: dict[str, str] = {
    "catalog": "The catalogue header, obligations/catalog.yaml",
    "sources": "Sources and their provisions, obligations/sources.yaml",
    "obligation": "One obligation, obligations/<pillar>/<ID>.yaml",
    "uncited": "Provisions deliberately not cited, obligations/uncited.yaml",
    "review-cycles": "How often sources ask for a review, obligations/review-cycles.yaml",
    "kinds": "Kinds of service the law makes sub-kinds of others, obligations/kinds.yaml",
    "regulators": "Regulators and the sources that belong to each, obligations/regulators.yaml",
    "profile": "A service profile, profile.yaml",
    "assessment": "A service's assessment, assessment.yaml",
    "report": "A report as data, csea report --format json",
}
"""Schema name -> what file it describes. Listing the names imports no model."""


def schema_model(name: str) -> type[BaseModel]:
    """The model behind one schema name.

    Raises:
        InputError: An unknown schema name.
    """
    if name not in SCHEMAS:
        message = f"unknown schema '{name}'; expected one of: {', '.join(SCHEMAS)}"
        raise InputError([Problem(code=ProblemCode.UNKNOWN_SCHEMA, message=message)], message)
    return _models()[name]


def _models() -> dict[str, type[BaseModel]]:
    """Schema name -> model, imported only when a schema is asked for (``csea`` starts faster)."""
    from csea.models import (  # noqa: PLC0415
        Assessment,
        CatalogHeader,
        KindsFile,
        Obligation,
        RegulatorsFile,
        ReviewCyclesFile,
        ServiceProfile,
        SourcesFile,
        UncitedFile,
    )
    from csea.report.document import ReportDocument  # noqa: PLC0415

    return {
        "catalog": CatalogHeader,
        "sources": SourcesFile,
        "obligation": Obligation,
        "uncited": UncitedFile,
        "review-cycles": ReviewCyclesFile,
        "kinds": KindsFile,
        "regulators": RegulatorsFile,
        "profile": ServiceProfile,
        "assessment": Assessment,
        "report": ReportDocument,
    }


def schema_id(name: str) -> str:
    """The stable ``$id`` of a schema (``urn:csea:schema:assessment``).

    A URN names the schema without pointing at a host: csea reads no network, and the
    schemas are found where ``csea schema --output-dir`` wrote them.
    """
    return f"urn:csea:schema:{name}"


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for one kind of file.

    Raises:
        InputError: An unknown schema name.
    """
    model = schema_model(name)
    document_models(model)
    description = SCHEMAS[name]
    schema = _closed(
        model.model_json_schema(by_alias=True, mode="validation", schema_generator=_Described)
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(name),
        "title": schema.pop("title", name),
        "description": description,
        **schema,
    }


class _Described(GenerateJsonSchema):
    """pydantic's generator, giving every model field the docstring under it as description.

    ``document_models`` gives the fields their descriptions, but a model built earlier in the
    process (a recursive condition, say) can keep a schema from before them; reading them here
    makes the schema the same whatever the process did before.
    """

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        properties = json_schema.get("properties", {})
        for name, doc in field_docs(schema["cls"]).items():
            info = schema["cls"].__pydantic_fields__[name]
            alias = info.validation_alias if isinstance(info.validation_alias, str) else None
            target = properties.get(alias or info.alias or name)
            if isinstance(target, dict) and "description" not in target:
                target["description"] = doc
        return json_schema


def _closed(schema: Any) -> Any:
    """Key patterns that csea enforces close their mapping (``answers: {block-1: ...}`` fails).

    pydantic writes a constrained key as ``patternProperties`` only, which lets other keys
    through; csea refuses them, so the schema says ``additionalProperties: false`` too.
    """
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if "patternProperties" in closed and "additionalProperties" not in closed:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(value) for value in schema]
    return schema


def schema_text(name: str) -> str:
    """The schema as the exact text written to ``schema/<name>.schema.json``."""
    return dumps_json(json_schema(name))


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory`` (made when missing); returns the files written.

    Raises:
        WriteRefusedError: ``directory`` is not a folder (a file is in the way), or a schema
            file there is not a regular file, or cannot be written.
    """
    if directory.exists() and not directory.is_dir():
        raise WriteRefusedError(f"could not write into {directory}: it is not a folder")
    written = []
    for name in SCHEMAS:
        path = directory / f"{name}.schema.json"
        write_output(path, schema_text(name))
        written.append(path)
    return written
