"""OSCAL as compliance-trestle reads it: its models, its validators, ``trestle validate``, and our own
cross-reference checks (trestle does not follow references between objects)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Import the validator factory before anything else of trestle's (a circular import otherwise).
from trestle.core import validator_factory
from trestle.oscal.assessment_plan import AssessmentPlan
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog as OscalCatalog
from trestle.oscal.poam import PlanOfActionAndMilestones

from csea.catalog.loader import load_catalog
from csea.evaluation.files import assess_files
from csea.fileio import dumps_json
from csea.models import Catalog
from csea.render.oscal import oscal_assessment, oscal_catalog
from csea.report.build import ReportOptions, build_report
from tests.report.filings import ANSWERS, assess

ROOT = Path(__file__).resolve().parents[2]
MODELS: dict[str, Any] = {
    "catalog": OscalCatalog,
    "assessment-plan": AssessmentPlan,
    "assessment-results": AssessmentResults,
    "plan-of-action-and-milestones": PlanOfActionAndMilestones,
}
ZONED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
TIME_KEYS = {"last-modified", "start", "end", "collected", "expires"}


@pytest.fixture(scope="module")
def vidora() -> tuple[Catalog, dict[str, dict[str, Any]]]:
    catalog = load_catalog(ROOT / "obligations")
    services = assess_files(
        catalog, [ROOT / "examples/vidora/assessment.yaml"], as_of=dt.date(2026, 11, 20)
    )
    documents = oscal_assessment(catalog, build_report(catalog, services))
    return catalog, {"catalog.json": oscal_catalog(catalog), **documents}


def documents_of(tmp_path: Path, **options: Any) -> dict[str, dict[str, Any]]:
    catalog, service = assess(tmp_path, answers=options.pop("answers", None))
    report = build_report(catalog, [service], ReportOptions(**options))
    generated = options.get("generated_at")
    return {"catalog.json": oscal_catalog(catalog, generated), **oscal_assessment(catalog, report)}


def trestle_model(document: dict[str, Any]) -> Any:
    [(kind, body)] = document.items()
    return MODELS[kind].model_validate(body)


def test_vidora_gives_every_document(vidora: tuple[Catalog, dict[str, Any]]) -> None:
    assert sorted(vidora[1]) == [
        "assessment-plan.json",
        "assessment-results.json",
        "catalog.json",
        "plan-of-action-and-milestones.json",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "catalog.json",
        "assessment-plan.json",
        "assessment-results.json",
        "plan-of-action-and-milestones.json",
    ],
    ids=str,
)
def test_trestle_models_load_it_and_its_validators_pass(
    vidora: tuple[Catalog, dict[str, Any]], name: str
) -> None:
    validator = validator_factory.validator_factory.get(argparse.Namespace(mode="all"))
    assert validator.model_is_valid(trestle_model(vidora[1][name]), True, None) is True


def test_trestle_imports_them_and_validate_passes(
    tmp_path: Path, vidora: tuple[Catalog, dict[str, Any]]
) -> None:
    trestle = str(Path(sys.executable).parent / "trestle")
    workspace, folder = tmp_path / "workspace", tmp_path / "oscal"
    workspace.mkdir()
    folder.mkdir()
    subprocess.run([trestle, "init"], cwd=workspace, check=True, capture_output=True)
    for name, document in vidora[1].items():
        (folder / name).write_text(dumps_json(document), encoding="utf-8")
        imported = [trestle, "import", "-f", str(folder / name), "-o", "vidora"]
        subprocess.run(imported, cwd=workspace, check=True, capture_output=True)
    done = subprocess.run(
        [trestle, "validate", "-a"], cwd=workspace, capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    placed = sorted(p.relative_to(workspace).as_posix() for p in workspace.glob("*/vidora/*.json"))
    assert (done.returncode, output.count("VALID: Model"), "not referenced" in output, placed) == (
        0,
        4,
        False,
        [
            "assessment-plans/vidora/assessment-plan.json",
            "assessment-results/vidora/assessment-results.json",
            "catalogs/vidora/catalog.json",
            "plan-of-action-and-milestones/vidora/plan-of-action-and-milestones.json",
        ],
    )


def walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair in a JSON document, depth first."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from walk(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, key)


def all_of(document: dict[str, Any], name: str) -> list[Any]:
    return [v for k, v in walk(document) if k == name]


def test_every_reference_resolves(vidora: tuple[Catalog, dict[str, Any]]) -> None:
    files = vidora[1]
    catalog = files["catalog.json"]["catalog"]
    plan = files["assessment-plan.json"]["assessment-plan"]
    results = files["assessment-results.json"]["assessment-results"]
    poam = files["plan-of-action-and-milestones.json"]["plan-of-action-and-milestones"]
    [result] = results["results"]
    part_ids = set(all_of(catalog, "id"))
    resources = {r["uuid"] for r in catalog["back-matter"]["resources"]}
    plan_resources = {r["uuid"] for r in plan["back-matter"]["resources"]}
    hrefs = [h for h in all_of(catalog, "href") if h.startswith("#")]
    broken = {
        "catalogue links": [h for h in hrefs if h[1:] not in resources | part_ids],
        "finding targets": [
            f["target"]["target-id"]
            for f in result["findings"] + poam["findings"]
            if f["target"]["target-id"] not in part_ids
        ],
        "reviewed controls": [c for c in all_of(plan, "control-id") if c not in part_ids],
        "observations": [
            o["observation-uuid"]
            for f in result["findings"]
            for o in f.get("related-observations", [])
            if o["observation-uuid"] not in {x["uuid"] for x in result["observations"]}
        ],
        "poam findings": [
            r["finding-uuid"]
            for item in poam["poam-items"]
            for r in item["related-findings"]
            if r["finding-uuid"] not in {f["uuid"] for f in poam["findings"]}
        ],
        "poam observations": [
            o["observation-uuid"]
            for f in poam["findings"]
            for o in f.get("related-observations", [])
            if o["observation-uuid"] not in {x["uuid"] for x in poam["observations"]}
        ],
        "import-ap": [] if results["import-ap"]["href"] in files else [results["import-ap"]],
        "import-ssp": [] if plan["import-ssp"]["href"][1:] in plan_resources else ["ssp"],
        "system-id": [] if poam["system-id"]["id"] in plan_resources else ["system-id"],
    }
    assert broken == {key: [] for key in broken}


def test_every_applicable_obligation_has_a_finding(vidora: tuple[Catalog, dict[str, Any]]) -> None:
    result = vidora[1]["assessment-results.json"]["assessment-results"]["results"][0]
    targets = [f["target"]["target-id"] for f in result["findings"]]
    reviewed = all_of(result["reviewed-controls"], "control-id")
    assert targets == [f"{c}_smt" for c in reviewed]


def test_every_timestamp_has_a_zone(vidora: tuple[Catalog, dict[str, Any]]) -> None:
    stamps = [v for d in vidora[1].values() for k, v in walk(d) if k in TIME_KEYS]
    assert [s for s in stamps if not ZONED.match(s)] == []


def test_no_list_is_empty(vidora: tuple[Catalog, dict[str, Any]]) -> None:
    empty = [k for d in vidora[1].values() for k, v in walk(d) if v == []]
    assert empty == []


def test_same_input_same_bytes_and_uuids_follow_ids_not_answers(tmp_path: Path) -> None:
    first = documents_of(tmp_path / "a")
    again = documents_of(tmp_path / "b")
    changed = documents_of(tmp_path / "c", answers={**ANSWERS, "BLOCK-02": {"status": "planned"}})
    uuids = [sorted(all_of(first[n], "uuid")) for n in ("catalog.json", "assessment-results.json")]
    moved = [
        sorted(all_of(changed[n], "uuid")) for n in ("catalog.json", "assessment-results.json")
    ]
    assert (json.dumps(first) == json.dumps(again), uuids == moved) == (True, True)


def test_generated_at_sets_every_last_modified(tmp_path: Path) -> None:
    files = documents_of(tmp_path, generated_at="2026-11-20T10:00:00+01:00")
    stamps = {n: all_of(d, "last-modified") for n, d in files.items()}
    assert stamps == {n: ["2026-11-20T09:00:00Z"] for n in files}


def test_without_generated_at_the_dates_come_from_the_inputs(tmp_path: Path) -> None:
    files = documents_of(tmp_path)
    stamps = {n: all_of(d, "last-modified") for n, d in files.items()}
    assert stamps == {
        "catalog.json": ["2026-11-01T00:00:00Z"],
        "assessment-plan.json": ["2026-11-20T00:00:00Z"],
        "assessment-results.json": ["2026-11-20T00:00:00Z"],
        "plan-of-action-and-milestones.json": ["2026-11-20T00:00:00Z"],
    }


def test_no_gap_means_no_plan_of_action(tmp_path: Path) -> None:
    done = {oid: {**answer, "status": "implemented"} for oid, answer in ANSWERS.items()}
    done["GROOM-01"] = {"status": "implemented", "evidence": ANSWERS["BLOCK-01"]["evidence"][:1]}
    done["BLOCK-02"] = {"status": "implemented", "evidence": ANSWERS["BLOCK-01"]["evidence"][:1]}
    assert sorted(documents_of(tmp_path, answers=done)) == [
        "assessment-plan.json",
        "assessment-results.json",
        "catalog.json",
    ]


def test_statuses_map_to_implementation_states(tmp_path: Path) -> None:
    result = documents_of(tmp_path)["assessment-results.json"]["assessment-results"]["results"][0]
    states = [
        (
            f["title"].split(":")[0],
            f["target"]["implementation-status"]["state"],
            f["target"]["status"]["state"],
        )
        for f in result["findings"]
    ]
    assert states == [
        ("BLOCK-01", "implemented", "satisfied"),
        ("BLOCK-02", "implemented", "satisfied"),
        ("GROOM-01", "partial", "not-satisfied"),
        ("GROOM-02", "implemented", "satisfied"),
    ]


def test_evidence_is_observed_by_reference(tmp_path: Path) -> None:
    result = documents_of(tmp_path)["assessment-results.json"]["assessment-results"]["results"][0]
    evidence = [(o["collected"], o["relevant-evidence"]) for o in result["observations"]]
    assert evidence[:2] == [
        (
            "2026-04-02T00:00:00Z",
            [{"href": "https://wiki.example.invalid/hash", "description": "Hash matching design"}],
        ),
        (
            "2026-03-01T00:00:00Z",
            [
                {
                    "href": "legal/hash-licence.pdf",
                    "description": "Hash-list licence",
                    "props": [
                        {"name": "sensitivity", "ns": "urn:csea:oscal", "value": "confidential"}
                    ],
                }
            ],
        ),
    ]


def test_redaction_applies_to_every_oscal_document(tmp_path: Path) -> None:
    text = json.dumps(documents_of(tmp_path, redact=True))
    secrets = [
        "Assessor Zq7",
        "Integrity Engineering",
        "Youth Safety",
        "Covers images",
        "hash-licence",
    ]
    assert ([s for s in secrets if s in text], "wiki.example.invalid" in text) == ([], False)


def test_without_redaction_the_secrets_are_there(tmp_path: Path) -> None:
    text = json.dumps(documents_of(tmp_path))
    assert all(s in text for s in ["Integrity Engineering", "Covers images", "hash-licence"])
