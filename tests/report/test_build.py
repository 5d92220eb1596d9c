"""build_report: what every format shows, computed once from evaluations."""

from __future__ import annotations

import datetime as dt

import pytest

from csea.errors import InputError
from csea.evaluation.files import AssessedService
from csea.models import Catalog, Status
from csea.models.evaluation import FindingLevel, Gap, Progress, StatusMove
from csea.models.vocabulary import Force
from csea.report.build import ReportOptions, build_report
from csea.report.document import ChangeEntry, GapEntry, Headline, VerificationNote
from tests.report.conftest import EvaluationFactory, finding, make_profile, make_result


def test_headline_of_the_fixture(catalog: Catalog, pebble: AssessedService) -> None:
    [report] = build_report(catalog, [pebble]).reports
    assert report.headline == Headline(
        title="All applicable obligations",
        applicable=7,
        counts={
            Status.IMPLEMENTED: 2,
            Status.PARTIAL: 1,
            Status.PLANNED: 1,
            Status.NOT_IMPLEMENTED: 1,
            Status.NOT_APPLICABLE: 1,
            Status.NOT_ASSESSED: 1,
        },
        score=41.7,
        legal_duties_unmet=2,
        gaps=4,
        findings={FindingLevel.ERROR: 2, FindingLevel.WARNING: 2, FindingLevel.INFO: 0},
    )


def test_gaps_keep_the_evaluation_ranking_and_flag_overdue(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [report] = build_report(catalog, [pebble]).reports
    assert [(g.rank, g.obligation_id, g.overdue) for g in report.gaps] == [
        (1, "BLOCK-03", True),
        (2, "BLOCK-02", False),
        (3, "TRANS-02", False),
        (4, "GROOM-02", False),
    ]
    assert report.gaps[0] == GapEntry(
        rank=1,
        obligation_id="BLOCK-03",
        title="Report detected material to the authorities",
        pillar="Block on detection",
        force=Force.LEGAL_DUTY,
        status=Status.PLANNED,
        owner="Legal & Law Enforcement Response",
        due=dt.date(2026, 10, 31),
        overdue=True,
        worst_finding=FindingLevel.ERROR,
    )


def test_changes_name_each_obligation(catalog: Catalog, pebble: AssessedService) -> None:
    [report] = build_report(catalog, [pebble]).reports
    assert report.changes is not None
    assert (report.changes.previous_score, report.changes.score) == (21.4, 41.7)
    assert report.changes.moves[0] == ChangeEntry(
        obligation_id="BLOCK-01",
        title="Hash-match uploaded images against known material",
        before=Status.PARTIAL,
        after=Status.IMPLEMENTED,
    )


def test_verification_counts_binding_citations(catalog: Catalog, pebble: AssessedService) -> None:
    [report] = build_report(catalog, [pebble]).reports
    assert report.verification == VerificationNote(citations=12, secondary=6)


def test_evidence_and_notes_come_from_the_answers(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [report] = build_report(catalog, [pebble]).reports
    block = report.obligations[0]
    assert (block.id, block.notes, [e.location for e in block.evidence]) == (
        "BLOCK-01",
        "Matching covers images and video keyframes; audio is out of scope.",
        [
            "https://wiki.example.invalid/integrity/hash-matching",
            "legal/contracts/hash-vendor-2026.pdf",
        ],
    )


def test_findings_most_serious_first(catalog: Catalog, make_evaluation: EvaluationFactory) -> None:
    results = [
        make_result("BLOCK-01", findings=[finding("a", FindingLevel.INFO, "info", "BLOCK-01")]),
        make_result("BLOCK-02", findings=[finding("b", FindingLevel.ERROR, "err", "BLOCK-02")]),
    ]
    evaluation = make_evaluation(results)
    [report] = build_report(catalog, [AssessedService(evaluation)]).reports
    assert [f.code for f in report.findings] == ["b", "a"]


def test_source_view_keeps_only_what_the_source_binds(
    catalog: Catalog, make_evaluation: EvaluationFactory
) -> None:
    results = [
        make_result("BLOCK-01", Status.PLANNED, credit=0.0, binding_sources=["fx.act"]),
        make_result("GROOM-01", force=Force.VOLUNTARY_PRINCIPLE, binding_sources=["fx.vp"]),
    ]
    gaps = [
        Gap(
            rank=1,
            obligation_id="BLOCK-01",
            title="Title of BLOCK-01",
            pillar="block",
            force=Force.LEGAL_DUTY,
            status=Status.PLANNED,
        )
    ]
    evaluation = make_evaluation(results, gaps=gaps)
    options = ReportOptions(view="source:fx.vp")
    [report] = build_report(catalog, [AssessedService(evaluation)], options).reports
    assert ([o.id for o in report.obligations], report.gaps, report.headline.applicable) == (
        ["GROOM-01"],
        [],
        0,
    )


def test_several_services_get_an_organisation_rollup(
    catalog: Catalog, make_evaluation: EvaluationFactory
) -> None:
    first = make_evaluation([make_result("BLOCK-01")])
    second = make_evaluation(
        [make_result("BLOCK-01", Status.PARTIAL, credit=0.5)],
        profile=make_profile(service="Second Service"),
    )
    document = build_report(catalog, [AssessedService(first), AssessedService(second)])
    [org] = document.organisations
    assert (org.organisation, org.services, org.applicable, org.score) == (
        "Example Org",
        ["Example Service", "Second Service"],
        2,
        75.0,
    )


def test_one_service_has_no_organisation_rollup(catalog: Catalog, pebble: AssessedService) -> None:
    assert build_report(catalog, [pebble]).organisations == []


def test_the_same_service_twice_is_refused(
    catalog: Catalog, make_evaluation: EvaluationFactory
) -> None:
    twice = [AssessedService(make_evaluation()), AssessedService(make_evaluation())]
    with pytest.raises(InputError, match="more than once"):
        build_report(catalog, twice)


def test_progress_without_moves(catalog: Catalog, make_evaluation: EvaluationFactory) -> None:
    progress = Progress(previous_assessed_on=None, previous_score=None, score=100.0, changes=[])
    evaluation = make_evaluation(progress=progress)
    [report] = build_report(catalog, [AssessedService(evaluation)]).reports
    assert report.changes is not None
    assert report.changes.moves == []


def test_a_move_for_an_obligation_gone_from_the_catalogue_keeps_its_id(
    catalog: Catalog, make_evaluation: EvaluationFactory
) -> None:
    move = StatusMove(obligation_id="OLD-01", before=Status.IMPLEMENTED, after=None)
    progress = Progress(previous_assessed_on=None, previous_score=None, score=None, changes=[move])
    [report] = build_report(catalog, [AssessedService(make_evaluation(progress=progress))]).reports
    assert report.changes is not None
    assert report.changes.moves == [
        ChangeEntry(obligation_id="OLD-01", title="OLD-01", before=Status.IMPLEMENTED, after=None)
    ]
