"""The committed JSON Schemas in schema/ match the models, and validate real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from csea.schemas import SCHEMAS, json_schema, schema_text
from tests.readers import check_jsonschema

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


def test_every_schema_names_itself_with_a_stable_id() -> None:
    assert {name: json_schema(name)["$id"] for name in SCHEMAS} == {
        name: f"urn:csea:schema:{name}" for name in SCHEMAS
    }


def test_the_review_cycles_file_validates_against_its_schema(tmp_path: Path) -> None:
    cycles = Path(__file__).resolve().parent.parent / "obligations" / "review-cycles.yaml"
    assert check_jsonschema(json_schema("review-cycles"), cycles, tmp_path) == (
        0,
        "ok -- validation done\n",
    )


def test_a_new_assessment_names_the_schema_editors_find_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CSEA_TODAY", "2026-11-20")
    examples = Path(__file__).resolve().parent.parent / "examples" / "vidora"
    (tmp_path / "profile.yaml").write_text((examples / "profile.yaml").read_text("utf-8"), "utf-8")
    runner = CliRunner()
    runner.invoke(app, ["init", "profile.yaml", "-o", "assessment.yaml"])
    runner.invoke(app, ["schema", "--output-dir", "schemas"])
    first = (tmp_path / "assessment.yaml").read_text("utf-8").splitlines()[0]
    named = tmp_path / first.removeprefix("# yaml-language-server: $schema=")
    schema = json.loads(named.read_text("utf-8"))
    assert (first.startswith("# yaml-language-server: $schema="), schema["$id"]) == (
        True,
        "urn:csea:schema:assessment",
    )
    assert check_jsonschema(schema, tmp_path / "assessment.yaml", tmp_path)[0] == 0
