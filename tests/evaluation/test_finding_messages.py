"""The words of findings about missing, stray, retired and unknown answers, in full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from csea import load_catalog
from csea.evaluation.engine import evaluate
from csea.evaluation.findings import FindingContext, stray_findings
from csea.models import Applicability, Catalog
from csea.models.catalog import Change
from tests.conftest import CatalogFactory
from tests.evaluation.factories import AS_OF, done, load, mini_catalog, run, write_service

CTX = FindingContext(as_of=AS_OF, max_evidence_age_days=365)


@pytest.mark.parametrize(
    ("answers", "messages"),
    [
        (
            {"BLOCK-02": done(), "GROOM-01": {"status": "not_assessed"}},
            [
                "BLOCK-01 (a legal duty for this service) applies to this service but has no "
                "answer; run 'csea init' on the assessment to add it, then fill it in",
                "GROOM-01 is not assessed yet; it gets no credit until it is",
            ],
        ),
        (
            {"BLOCK-01": done(), "BLOCK-02": done()},
            [
                "GROOM-01 applies to this service but has no answer; run 'csea init' on the "
                "assessment to add it, then fill it in",
            ],
        ),
    ],
    ids=["legal-duty-unanswered", "voluntary-unanswered"],
)
def test_missing_and_unassessed_answers_say_so(
    make_catalog: CatalogFactory, answers: dict[str, Any], messages: list[str]
) -> None:
    evaluation = run(mini_catalog(make_catalog), answers)
    assert [f.message for f in evaluation.findings] == messages


def with_changes(catalog: Catalog, *changes: dict[str, Any]) -> Catalog:
    header = catalog.header.model_copy(
        update={"changes": [Change.model_validate(c) for c in changes]}
    )
    return catalog.model_copy(update={"header": header})


def messages(
    catalog: Catalog, answered: list[str], verdicts: dict[str, Applicability]
) -> list[str]:
    return [f.message for f in stray_findings(CTX, catalog, answered, verdicts)]


def test_retired_and_unknown_answers(make_catalog: CatalogFactory) -> None:
    catalog = with_changes(
        mini_catalog(make_catalog),
        {"version": "2026.11", "kind": "retired", "ids": ["BLOCK-08"], "reason": "Folded in."},
        {"version": "2026.11", "kind": "changed", "ids": ["BLOCK-03"], "reason": "Reworded."},
    )
    assert messages(catalog, ["BLOCK-08", "BLOCK-03", "ZZZZ-99"], {}) == [
        "BLOCK-08 was retired in catalogue 2026.11 (Folded in.); run 'csea migrate "
        "ASSESSMENT' to carry the answer forward",
        "BLOCK-03 is not an obligation in catalogue 2026.11; did you mean BLOCK-02, BLOCK-01?",
        "ZZZZ-99 is not an obligation in catalogue 2026.11",
    ]


def test_at_most_three_obligations_are_suggested() -> None:
    catalog = load_catalog()
    [message] = messages(catalog, ["BLOCK-0"], {})
    suggested = message.split("; did you mean ")[1].removesuffix("?").split(", ")
    assert len(suggested) == 3


@pytest.mark.parametrize(
    ("reasons", "said"),
    [
        (
            ["has users in GB", "has feature 'image_upload'"],
            "has users in GB; has feature 'image_upload'",
        ),
        ([], "its conditions do not hold"),
    ],
    ids=["every-reason", "no-reason-given"],
)
def test_an_answer_for_an_obligation_that_does_not_apply(
    make_catalog: CatalogFactory, reasons: list[str], said: str
) -> None:
    verdict = Applicability(
        obligation_id="GROOM-02", applies=False, reasons=reasons, force=None, bindings=[]
    )
    assert messages(mini_catalog(make_catalog), ["GROOM-02"], {"GROOM-02": verdict}) == [
        f"GROOM-02 does not apply to this service ({said}); its answer is kept but not scored"
    ]


def test_a_finding_about_the_whole_file_points_at_its_own_line(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    path = write_service(tmp_path / "svc", "BLOCK-01:\n  status: planned\n", version="2026.05")
    evaluation = evaluate(mini_catalog(make_catalog), load(path), as_of=AS_OF)
    assert [(f.code, f.line) for f in evaluation.findings if f.obligation_id is None] == [
        ("catalog-version", 1)
    ]
