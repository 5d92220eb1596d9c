"""The committed JSON Schemas in schema/ match the models, and validate real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from csea.schemas import SCHEMAS, json_schema, schema_text

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


@pytest.mark.parametrize("name", list(SCHEMAS), ids=list(SCHEMAS))
def test_committed_schema_is_fresh(name: str) -> None:
    committed = SCHEMA_DIR / f"{name}.schema.json"
    assert committed.exists(), f"{committed} is missing; run 'make schemas'"
    assert committed.read_text(encoding="utf-8") == schema_text(name), (
        f"{committed} is stale; run 'make schemas' and commit the result"
    )


def test_no_stray_schema_files() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(
        f"{n}.schema.json" for n in SCHEMAS
    )


def test_obligation_schema_forbids_unknown_fields() -> None:
    schema = json_schema("obligation")
    assert schema["additionalProperties"] is False
    assert "statement" in schema["required"]
