"""Report fixtures: a fixed catalogue and assessment under fixtures/, and Evaluation factories.

The fixture catalogue is not the shipped one, so golden files only move when a
renderer changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from csea.assessment.load import load_assessment
from csea.catalog.loader import load_catalog
from csea.evaluation.engine import evaluate
from csea.evaluation.files import AssessedService
from csea.models import Catalog, ServiceProfile, Status
from csea.models.evaluation import Evaluation, Finding, FindingLevel, ObligationResult, Rollup
from csea.models.vocabulary import Force

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOG_DIR = FIXTURES / "catalog"
AS_OF = dt.date(2026, 12, 1)
PILLAR_TITLES = ["Block on detection", "Stop grooming", "Live-streaming", "Transparency"]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The fixed report-test catalogue."""
    return load_catalog(CATALOG_DIR)


@pytest.fixture
def pebble(catalog: Catalog) -> AssessedService:
    """The fixture assessment of Pebble Video, evaluated with its previous assessment."""
    loaded = load_assessment(FIXTURES / "assessment.yaml")
    before = load_assessment(FIXTURES / "previous.yaml")
    previous = evaluate(catalog, before, as_of=dt.date(2026, 5, 14))
    evaluation = evaluate(catalog, loaded, as_of=AS_OF, previous=previous)
    return AssessedService(evaluation, loaded.assessment.answers, history=(previous,))


def make_profile(**changes: Any) -> ServiceProfile:
    """A small valid profile; keyword arguments replace fields."""
    fields: dict[str, Any] = {
        "organisation": "Example Org",
        "service": "Example Service",
        "kinds": ["user_to_user"],
        "users": {"GB": 1000},
        "established_in": ["GB"],
        "children_likely": True,
    }
    return ServiceProfile.model_validate({**fields, **changes})


def make_result(
    obligation_id: str,
    status: Status = Status.IMPLEMENTED,
    *,
    force: Force | None = Force.LEGAL_DUTY,
    credit: float | None = 1.0,
    **changes: Any,
) -> ObligationResult:
    """One evaluated obligation; keyword arguments replace fields."""
    fields: dict[str, Any] = {
        "id": obligation_id,
        "title": f"Title of {obligation_id}",
        "pillar": obligation_id.split("-", maxsplit=1)[0].lower(),
        "force": force,
        "binding_sources": ["fx.act"],
        "reasons": ["applies to every service"],
        "status": status,
        "answered": True,
        "credit": credit,
    }
    return ObligationResult.model_validate({**fields, **changes})


def make_rollup(rollup_id: str, results: list[ObligationResult], title: str = "") -> Rollup:
    """A roll-up over results, counted the simple way (no exclusions)."""
    credit = sum(r.credit or 0.0 for r in results)
    return Rollup(
        id=rollup_id,
        title=title or rollup_id,
        obligation_ids=[r.id for r in results],
        counts={s: sum(1 for r in results if r.status is s) for s in Status},
        excluded=0,
        credit=credit,
        denominator=len(results),
        score=round(100 * credit / len(results), 1) if results else None,
        legal_duties_unmet=sum(
            1 for r in results if r.force is Force.LEGAL_DUTY and r.status is not Status.IMPLEMENTED
        ),
    )


EvaluationFactory = Callable[..., Evaluation]


@pytest.fixture
def make_evaluation() -> EvaluationFactory:
    """Build an Evaluation by hand from results; keyword arguments replace fields."""

    def factory(results: list[ObligationResult] | None = None, **changes: Any) -> Evaluation:
        results = results if results is not None else [make_result("BLOCK-01")]
        findings = [f for r in results for f in r.findings]
        fields: dict[str, Any] = {
            "catalog_id": "fixture",
            "catalog_version": "2026.11",
            "catalog_date": dt.date(2026, 11, 1),
            "as_of": AS_OF,
            "profile": make_profile(),
            "obligations": results,
            "findings": findings,
            "total": make_rollup("all", results, "All applicable obligations"),
            "pillars": [make_rollup("block", results, "Block on detection")],
            "sources": [make_rollup("fx.act", results, "Fixture Online Safety Act")],
            "gaps": [],
        }
        return Evaluation.model_validate({**fields, **changes})

    return factory


def finding(code: str, level: FindingLevel, message: str, obligation_id: str | None) -> Finding:
    """A finding about one obligation (or the whole file when ``obligation_id`` is None)."""
    return Finding(code=code, level=level, message=message, obligation_id=obligation_id)
