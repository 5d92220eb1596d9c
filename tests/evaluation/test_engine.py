"""evaluate(): per-obligation results, as-of dates, gaps, progress (csea.evaluation.engine)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from csea.catalog.loader import load_catalog
from csea.evaluation.engine import evaluate, progress
from csea.models import Assessment, Harm, RiskBasis, RiskLevel, ServiceProfile, Status
from csea.models.evaluation import (
    Finding,
    FindingLevel,
    Gap,
    IndicatorResult,
    ObligationResult,
    Progress,
    StatusMove,
)
from csea.models.vocabulary import Direction, Force
from tests.conftest import CatalogFactory
from tests.evaluation.factories import (
    AS_OF,
    PROFILE,
    assessment,
    catalog_dir,
    clean_answers,
    done,
    evidence,
    load,
    mini_catalog,
    run,
    write_service,
)


def test_obligation_result_whole_value(make_catalog: CatalogFactory) -> None:
    answers = clean_answers() | {"BLOCK-01": done(due="2027-01-01", status="partial")}
    result = run(mini_catalog(make_catalog), answers).obligations[0]
    assert result == ObligationResult(
        id="BLOCK-01",
        title="Hash-match known images",
        pillar="block",
        force=Force.LEGAL_DUTY,
        binding_sources=["uk.osa2023", "vol.vp2020"],
        reasons=[
            "the service is offered in GB",
            "the service has image upload",
            "asked for by: uk.osa2023 s10, vol.vp2020 p1",
        ],
        status=Status.PARTIAL,
        answered=True,
        credit=0.5,
        owner="T&S",
        due=dt.date(2027, 1, 1),
        evidence_count=1,
        findings=[],
    )


def test_evaluation_header(make_catalog: CatalogFactory) -> None:
    given = assessment(clean_answers(), assessed_by="Ana (T&S)", assessed_on="2026-11-02")
    evaluation = evaluate(mini_catalog(make_catalog), given, as_of=AS_OF)
    assert (
        evaluation.catalog_id,
        evaluation.catalog_version,
        evaluation.catalog_date,
        evaluation.as_of,
        evaluation.assessed_by,
        evaluation.assessed_on,
        evaluation.assessment_file,
        evaluation.profile.service,
    ) == (
        "mini",
        "2026.11",
        dt.date(2026, 11, 1),
        AS_OF,
        "Ana (T&S)",
        dt.date(2026, 11, 2),
        None,
        "Pics",
    )


def test_secondary_citations_count_binding_ones(make_catalog: CatalogFactory) -> None:
    # BLOCK-01 binds through uk.osa2023 s10 (secondary); BLOCK-02 through s66 (unverified).
    assert run(mini_catalog(make_catalog), clean_answers()).secondary_citations == 2


@pytest.mark.parametrize(
    ("as_of", "forces", "findings"),
    [
        (
            dt.date(2026, 4, 6),
            {"BLOCK-01": Force.LEGAL_DUTY, "GROOM-01": Force.VOLUNTARY_PRINCIPLE},
            [("does-not-apply", "BLOCK-02")],
        ),
        (
            dt.date(2026, 4, 7),
            {
                "BLOCK-01": Force.LEGAL_DUTY,
                "BLOCK-02": Force.LEGAL_DUTY,
                "GROOM-01": Force.VOLUNTARY_PRINCIPLE,
            },
            [],
        ),
    ],
    ids=["day-before-in-force", "in-force-day"],
)
def test_provision_with_future_in_force_date(
    make_catalog: CatalogFactory,
    as_of: dt.date,
    forces: dict[str, Force],
    findings: list[tuple[str, str]],
) -> None:
    fresh = done(evidence=[evidence("2026-04-01")])
    answers = {"BLOCK-01": fresh, "BLOCK-02": fresh, "GROOM-01": fresh}
    evaluation = run(mini_catalog(make_catalog), answers, as_of=as_of)
    assert {r.id: r.force for r in evaluation.obligations} == forces
    assert [(f.code, f.obligation_id) for f in evaluation.findings] == findings


@pytest.mark.parametrize(
    ("as_of", "applicable", "sources"),
    [
        (
            dt.date(2024, 4, 2),
            ["BLOCK-01", "GROOM-01", "GROOM-02"],
            ["uk.osa2023", "vol.vp2020", "uk.interim2021"],
        ),
        (dt.date(2024, 4, 3), ["BLOCK-01", "GROOM-01"], ["uk.osa2023", "vol.vp2020"]),
    ],
    ids=["before-lapse", "lapsed"],
)
def test_lapsed_source(
    make_catalog: CatalogFactory, as_of: dt.date, applicable: list[str], sources: list[str]
) -> None:
    evaluation = run(mini_catalog(make_catalog), {}, as_of=as_of)
    assert [r.id for r in evaluation.obligations] == applicable
    assert [s.id for s in evaluation.sources] == sources


def test_gaps_ranked_and_keep_owner_and_due(make_catalog: CatalogFactory) -> None:
    answers = {
        "BLOCK-01": done(status="partial", due="2026-01-31", owner="Trust eng"),
        "BLOCK-02": {"status": "planned", "due": "2026-12-15", "owner": "Legal ops"},
        "GROOM-01": {"status": "not_implemented", "owner": "Youth safety"},
    }
    assert run(mini_catalog(make_catalog), answers).gaps == [
        Gap(
            rank=1,
            obligation_id="BLOCK-02",
            title="Report detected material",
            pillar="block",
            force=Force.LEGAL_DUTY,
            status=Status.PLANNED,
            owner="Legal ops",
            due=dt.date(2026, 12, 15),
            worst_finding=None,
            reason="legal duty · planned, nothing in place yet · due 2026-12-15",
        ),
        Gap(
            rank=2,
            obligation_id="BLOCK-01",
            title="Hash-match known images",
            pillar="block",
            force=Force.LEGAL_DUTY,
            status=Status.PARTIAL,
            owner="Trust eng",
            due=dt.date(2026, 1, 31),
            worst_finding=FindingLevel.ERROR,
            reason="legal duty · partly in place · overdue since 2026-01-31",
        ),
        Gap(
            rank=3,
            obligation_id="GROOM-01",
            title="Safe defaults for children",
            pillar="grooming",
            force=Force.VOLUNTARY_PRINCIPLE,
            status=Status.NOT_IMPLEMENTED,
            owner="Youth safety",
            worst_finding=FindingLevel.WARNING,
            reason="voluntary principle · nothing in place · no due date",
        ),
    ]


def test_justified_na_and_implemented_are_not_gaps(make_catalog: CatalogFactory) -> None:
    answers = clean_answers() | {
        "GROOM-01": {"status": "not_applicable", "justification": "Adults only, verified."}
    }
    assert run(mini_catalog(make_catalog), answers).gaps == []


def test_progress_since_a_previous_assessment(make_catalog: CatalogFactory) -> None:
    catalog = mini_catalog(make_catalog)
    earlier = assessment(
        {"BLOCK-01": {"status": "planned", "due": "2024-01-01"}, "GROOM-02": done()},
        assessed_on="2023-06-01",
    )
    previous = evaluate(catalog, earlier, as_of=dt.date(2023, 6, 1))
    current = run(catalog, clean_answers(), previous=previous)
    assert current.progress == Progress(
        previous_assessed_on=dt.date(2023, 6, 1),
        previous_score=33.3,
        score=100.0,
        changes=[
            StatusMove(obligation_id="BLOCK-01", before=Status.PLANNED, after=Status.IMPLEMENTED),
            StatusMove(obligation_id="BLOCK-02", before=None, after=Status.IMPLEMENTED),
            StatusMove(
                obligation_id="GROOM-01", before=Status.NOT_ASSESSED, after=Status.IMPLEMENTED
            ),
            StatusMove(obligation_id="GROOM-02", before=Status.IMPLEMENTED, after=None),
        ],
    )
    assert progress(current, current).changes == []


def test_loaded_assessment_gives_profile_file_and_lines(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    path = write_service(tmp_path, "BLOCK-01:\n  status: implemented\n")
    evaluation = evaluate(mini_catalog(make_catalog), load(path), as_of=AS_OF)
    assert (evaluation.profile.service, evaluation.assessment_file) == ("Pics", str(path))
    assert [(f.code, f.line) for f in evaluation.findings] == [
        ("missing-evidence", 5),
        ("unanswered", 3),
        ("unanswered", 3),
    ]


def test_bare_assessment_with_profile_path_needs_the_profile(
    make_catalog: CatalogFactory,
) -> None:
    bare = Assessment.model_validate(
        {"catalog": {"id": "mini", "version": "2026.11"}, "profile": "profile.yaml"}
    )
    catalog = mini_catalog(make_catalog)
    with pytest.raises(ValueError, match="names its profile by path") as caught:
        evaluate(catalog, bare, as_of=AS_OF)
    assert str(caught.value) == (
        "the assessment names its profile by path; load it with csea.load_assessment "
        "or pass the profile"
    )
    given = evaluate(catalog, bare, ServiceProfile.model_validate(PROFILE), as_of=AS_OF)
    assert given.profile.organisation == PROFILE["organisation"]


def test_same_input_same_output(make_catalog: CatalogFactory) -> None:
    catalog = mini_catalog(make_catalog)
    answers = clean_answers() | {"GROOM-01": {"status": "planned"}, "BLOCK-77": done()}
    first = run(catalog, answers).model_dump_json()
    assert run(catalog, answers).model_dump_json() == first


def test_results_keep_what_was_assumed_their_risk_and_their_indicators(
    make_catalog: CatalogFactory,
) -> None:
    root = catalog_dir(make_catalog)
    header = root / "catalog.yaml"
    pillar = "    title: Stop grooming\n"
    header.write_text(header.read_text().replace(pillar, pillar + "    harms: [grooming]\n"))
    profile = PROFILE | {"features": ["video_calls"], "risk": {"grooming": "medium"}}
    measured = {"id": "hours-to-report", "value": 12, "period": "2026-Q3"}
    given = assessment({"BLOCK-02": done(indicators=[measured])}, profile)
    unanswered = "applies to this service but has no answer; run 'csea init' on the assessment "
    assert evaluate(load_catalog(root), given, as_of=AS_OF).obligations == [
        ObligationResult(
            id="BLOCK-01",
            title="Hash-match known images",
            pillar="block",
            force=Force.LEGAL_DUTY,
            binding_sources=["uk.osa2023", "vol.vp2020"],
            reasons=[
                "the profile does not say whether the service has image upload",
                "asked for by: uk.osa2023 s10, vol.vp2020 p1",
            ],
            assumed=True,
            undeclared=["features: image_upload"],
            status=Status.NOT_ASSESSED,
            answered=False,
            credit=0.0,
            findings=[
                Finding(
                    code="unanswered",
                    level=FindingLevel.ERROR,
                    message=f"BLOCK-01 (a legal duty for this service) {unanswered}"
                    "to add it, then fill it in",
                    obligation_id="BLOCK-01",
                )
            ],
        ),
        ObligationResult(
            id="BLOCK-02",
            title="Report detected material",
            pillar="block",
            force=Force.LEGAL_DUTY,
            binding_sources=["uk.osa2023"],
            reasons=["applies to every service", "asked for by: uk.osa2023 s66"],
            status=Status.IMPLEMENTED,
            answered=True,
            credit=1.0,
            owner="T&S",
            evidence_count=1,
            indicators=[
                IndicatorResult(
                    id="hours-to-report",
                    name="Hours from detection to report",
                    unit="hours",
                    direction=Direction.LOWER_IS_BETTER,
                    value=12.0,
                    period="2026-Q3",
                    target=24.0,
                    target_source="uk.osa2023 s66",
                    met=True,
                    percent_of_target=200.0,
                )
            ],
        ),
        ObligationResult(
            id="GROOM-01",
            title="Safe defaults for children",
            pillar="grooming",
            force=Force.VOLUNTARY_PRINCIPLE,
            binding_sources=["vol.vp2020"],
            reasons=["applies to every service", "asked for by: vol.vp2020 p3"],
            status=Status.NOT_ASSESSED,
            answered=False,
            credit=0.0,
            evidence_count=0,
            findings=[
                Finding(
                    code="unanswered",
                    level=FindingLevel.WARNING,
                    message=f"GROOM-01 {unanswered}to add it, then fill it in",
                    obligation_id="GROOM-01",
                )
            ],
            risk=RiskBasis(
                harms=[Harm.GROOMING], harm=Harm.GROOMING, level=RiskLevel.MEDIUM, declared=True
            ),
        ),
    ]


@pytest.mark.parametrize(
    ("as_of", "secondary"),
    [(dt.date(2026, 4, 6), 1), (dt.date(2026, 4, 7), 2)],
    ids=["s66-not-yet-in-force", "s66-in-force"],
)
def test_secondary_citations_count_only_the_binding_unverified_ones(
    make_catalog: CatalogFactory, as_of: dt.date, secondary: int
) -> None:
    # uk.osa2023 s10 (secondary) binds BLOCK-01; s66 (unverified) binds BLOCK-02 once in force;
    # the verified vol.vp2020 citations of BLOCK-01 and GROOM-01 are not counted.
    assert run(mini_catalog(make_catalog), {}, as_of=as_of).secondary_citations == secondary


def test_an_assessment_of_another_version_is_told_where_it_says_so(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    path = write_service(tmp_path, "  BLOCK-01:\n    status: implemented\n")
    text = path.read_text(encoding="utf-8").replace(
        'catalog: {id: mini, version: "2026.11"}\n', 'catalog:\n  id: mini\n  version: "2026.10"\n'
    )
    path.write_text(text, encoding="utf-8")
    evaluation = evaluate(mini_catalog(make_catalog), load(path), as_of=AS_OF)
    assert evaluation.findings[0] == Finding(
        code="catalog-version",
        level=FindingLevel.ERROR,
        message="the assessment was made against catalogue mini 2026.10, not mini 2026.11; "
        "run 'csea migrate' to carry it forward",
        file=str(path),
        line=3,
    )
