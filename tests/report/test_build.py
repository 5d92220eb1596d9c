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
from csea.report.document import (
    ChangeEntry,
    DecisionItem,
    GapEntry,
    Headline,
    Standing,
    VerificationNote,
)
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
        weighted_score=47.5,
        weighted_credit=9.5,
        weight=20.0,
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
        (3, "GROOM-02", False),
        (4, "TRANS-02", False),
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
        reason="legal duty · abuse images risk high (highest of 2 harms) · planned, nothing "
        "in place yet · overdue since 2026-10-31",
        regulators=["Fixture Regulator"],
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
    assert report.verification == VerificationNote(citations=13, secondary=7)


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
        1,
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


def test_the_briefing_says_what_leadership_must_decide(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [report] = build_report(catalog, [pebble]).reports
    brief = report.briefing
    assert (
        [i.obligation_id for i in brief.legal_duties_unmet],
        [i.obligation_id for i in brief.overdue_plans],
        [(i.obligation_id, i.accepted_by, i.due) for i in brief.accepted_risks],
        brief.undecided,
        brief.assumed,
        brief.not_binding,
    ) == (
        ["BLOCK-03", "TRANS-01"],
        ["BLOCK-03"],
        [("GROOM-02", "Chief Product Officer", None)],
        [],
        [],
        [],
    )
    assert brief.overdue_plans[0] == DecisionItem(
        obligation_id="BLOCK-03",
        title="Report detected material to the authorities",
        force=Force.LEGAL_DUTY,
        status=Status.PLANNED,
        regulators=["Fixture Regulator"],
        owner="Legal & Law Enforcement Response",
        due=dt.date(2026, 10, 31),
        overdue=True,
    )


def test_a_not_implemented_answer_nobody_accepted_is_a_missing_decision(
    catalog: Catalog, make_evaluation: EvaluationFactory
) -> None:
    results = [make_result("GROOM-02", Status.NOT_IMPLEMENTED, credit=0.0)]
    [report] = build_report(catalog, [AssessedService(make_evaluation(results))]).reports
    assert (
        [i.obligation_id for i in report.briefing.undecided],
        report.briefing.accepted_risks,
    ) == (
        ["GROOM-02"],
        [],
    )


def test_the_trend_runs_over_every_earlier_assessment(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [report] = build_report(catalog, [pebble]).reports
    assert [
        (p.assessed_on, p.current, p.score, p.weighted_score, p.legal_duties_unmet, p.gaps)
        for p in report.briefing.trend
    ] == [
        (dt.date(2026, 5, 14), False, 21.4, 19.6, 3, 6),
        (dt.date(2026, 11, 20), True, 41.7, 47.5, 2, 4),
    ]


def test_nothing_assessed_has_no_score_not_zero(
    catalog: Catalog, make_evaluation: EvaluationFactory
) -> None:
    results = [make_result("BLOCK-01", Status.NOT_ASSESSED, credit=0.0, answered=False)]
    [report] = build_report(catalog, [AssessedService(make_evaluation(results))]).reports
    assert (report.headline.score, report.headline.weighted_score, report.pillars[0].score) == (
        None,
        None,
        None,
    )


def test_regulators_count_only_the_legal_duties_their_own_law_lays(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [report] = build_report(catalog, [pebble]).reports
    assert [
        (c.id, c.kind.value, c.sources, c.applicable, c.legal_duties, c.legal_duties_unmet)
        for c in report.regulators
    ] == [
        ("fixture-regulator", "authority", ["fx.act", "fx.code"], 3, 2, 1),
        ("fixture-union", "authority", ["fx.dsa"], 2, 1, 1),
        ("fixture-governments", "governments", ["fx.vp"], 6, None, None),
        ("fixture-tools", "industry", ["fx.tool"], 1, None, None),
    ]
    assert {s.id: s.legal_duties_unmet for s in report.sources} == {
        "fx.act": 1,
        "fx.code": None,
        "fx.dsa": 1,
        "fx.vp": None,
        "fx.tool": None,
    }


def test_the_heat_map_cells_and_the_legal_duty_lights(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [report] = build_report(catalog, [pebble]).reports
    regulator = report.regulators[0]
    assert [(c.pillar, c.applicable, c.implemented, c.standing) for c in regulator.pillars] == [
        ("block", 3, 1, Standing.PARTLY_MET),
        ("grooming", 0, 0, Standing.NOT_APPLICABLE),
        ("livestream", 0, 0, Standing.NOT_APPLICABLE),
        ("transparency", 0, 0, Standing.NOT_APPLICABLE),
    ]
    assert [(d.obligation_id, d.regulators) for d in report.duty_lights] == [
        ("BLOCK-03", ["fixture-regulator"]),
        ("BLOCK-01", ["fixture-regulator"]),
        ("TRANS-01", ["fixture-union"]),
    ]


def test_the_regulator_view_shows_every_source_of_the_regulator(
    catalog: Catalog, pebble: AssessedService
) -> None:
    options = ReportOptions(view="regulator:fixture-regulator")
    [report] = build_report(catalog, [pebble], options).reports
    assert report.regulator_view is not None
    assert (
        [s.id for s in report.regulator_view.sources],
        [o.id for o in report.obligations],
        report.headline.title,
    ) == (
        ["fx.act", "fx.code"],
        ["BLOCK-01", "BLOCK-02", "BLOCK-03"],
        "Standing against Fixture Regulator",
    )


@pytest.mark.parametrize(
    "value", ["", "  ", "two\nlines", "x" * 61], ids=["empty", "blank", "lines", "long"]
)
def test_a_bad_classification_is_refused(
    catalog: Catalog, pebble: AssessedService, value: str
) -> None:
    with pytest.raises(InputError) as raised:
        build_report(catalog, [pebble], ReportOptions(classification=value))
    assert [p.code for p in raised.value.problems] == ["bad-classification"]


def test_the_classification_is_kept_trimmed(catalog: Catalog, pebble: AssessedService) -> None:
    options = ReportOptions(classification=" OFFICIAL-SENSITIVE ")
    assert build_report(catalog, [pebble], options).classification == "OFFICIAL-SENSITIVE"
