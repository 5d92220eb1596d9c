"""The Ofcom record: every code measure with the answers behind it, and what s.23 still asks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from csea.catalog.loader import load_catalog
from csea.evaluation.files import assess_files
from csea.models import CitationState, Status
from csea.report.ofcom import OfcomRecord, build_ofcom_record, is_ofcom_code
from csea.report.provisions import ProvisionRecord
from csea.report.rows import Standing
from tests.report.filings import SOURCES, assess

ROOT = Path(__file__).resolve().parents[2]


def measure(record: OfcomRecord, source: str, code: str) -> ProvisionRecord:
    return next(m for c in record.codes if c.source == source for m in c.measures if m.id == code)


def test_each_measure_carries_its_standing_dates_and_the_answers_behind_it(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    record = build_ofcom_record(catalog, service)
    rows = [
        (m.id, m.standing, [a.obligation_id for a in m.answered_by], m.in_place_by, m.due)
        for m in record.codes[0].measures
    ]
    assert rows == [
        ("C9", Standing.MET, ["BLOCK-01"], dt.date(2026, 3, 1), None),
        ("C10", Standing.NOT_APPLICABLE, [], None, None),
        ("C15", Standing.NOT_COVERED, [], None, None),
        ("F1", Standing.PARTLY_MET, ["GROOM-01"], None, dt.date(2027, 2, 28)),
        ("F1.4", Standing.PARTLY_MET, ["GROOM-01"], None, dt.date(2027, 2, 28)),
        ("X1", Standing.UPCOMING, [], None, None),
    ]


def test_only_ofcom_codes_are_in_the_record_not_its_proposals(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    record = build_ofcom_record(catalog, service)
    assert [c.source for c in record.codes] == ["uk.ofcom.icu"]


def test_a_code_added_to_the_catalogue_appears_without_a_change_in_csea(tmp_path: Path) -> None:
    new_code = """\
  - id: uk.ofcom.new
    title: A new Ofcom code
    short_title: New code
    issuer: Ofcom
    jurisdictions: [GB]
    kind: regulatory_code
    force: regulatory_code
    status: in_force
    verification: secondary
    provisions:
      - {id: N1, title: A new measure, verification: secondary}
"""
    catalog, service = assess(tmp_path, catalog_files={"sources.yaml": SOURCES + new_code})
    record = build_ofcom_record(catalog, service)
    assert [(c.source, [m.id for m in c.measures]) for c in record.codes][1:] == [
        ("uk.ofcom.new", ["N1"])
    ]


def test_why_a_measure_does_not_apply_is_the_failed_condition(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    c10 = measure(build_ofcom_record(catalog, service), "uk.ofcom.icu", "C10")
    assert (c10.why_not, c10.not_applicable_here) == (
        ["the service has 1,200,000 monthly users in GB, not at least 7,000,000"],
        ["BLOCK-02"],
    )


def test_a_measure_answered_only_by_overlapping_obligations_says_so(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    record = build_ofcom_record(catalog, service)
    assert [m.id for m in record.codes[0].measures if m.only_overlapping] == ["F1.4"]


def test_the_duties_a_measure_answers_are_the_acts_sections_its_obligations_cite(
    tmp_path: Path,
) -> None:
    catalog, service = assess(tmp_path)
    c9 = measure(build_ofcom_record(catalog, service), "uk.ofcom.icu", "C9")
    assert [(d.source, d.provision) for d in c9.duties] == [("uk.osa2023", "s10.2")]


def test_measures_not_taken_in_full_need_an_alternative_measures_record(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    code = build_ofcom_record(catalog, service).codes[0]
    assert [m.id for m in code.alternatives_needed] == ["F1", "F1.4"]


@pytest.mark.parametrize(
    ("children", "applies"),
    [(True, True), (False, False), (None, None)],
    ids=["yes", "no", "not-declared"],
)
def test_the_childrens_risk_assessment_applies_when_children_are_likely(
    tmp_path: Path, children: bool | None, applies: bool | None
) -> None:
    catalog, service = assess(tmp_path, children_likely=children)
    record = build_ofcom_record(catalog, service)
    assert [(r.kind, r.applies) for r in record.risk_assessments] == [
        ("illegal_content", True),
        ("children", applies),
    ]


@pytest.mark.parametrize(
    ("profile", "uk_users"),
    [
        ({"users": {"GB": 1000}}, True),
        ({"users": {"AU": 1000}}, None),
        ({"users": {"AU": 1000}, "not_offered_in": "all others"}, False),
    ],
    ids=["gb-users", "uk-not-declared", "uk-ruled-out"],
)
def test_uk_users_are_yes_no_or_not_declared(
    tmp_path: Path, profile: dict[str, Any], uk_users: bool | None
) -> None:
    assert build_ofcom_record(*assess(tmp_path, **profile)).uk_users is uk_users


def test_the_risk_assessments_show_the_obligations_cited_to_ss9_and_11(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    record = build_ofcom_record(catalog, service)
    answered = [[a.obligation_id for a in r.answered_by] for r in record.risk_assessments]
    assert (answered, record.review_by) == ([["GROOM-02"], ["GROOM-02"]], dt.date(2027, 11, 16))


def test_redaction_removes_what_a_redacted_report_removes(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    text = build_ofcom_record(catalog, service, redact=True).model_dump_json()
    leaked = [
        s
        for s in ("Assessor Zq7", "Integrity Engineering", "Covers images", "hash-licence", "wiki")
        if s in text
    ]
    assert leaked == []


def test_without_redaction_the_same_strings_are_there(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    text = build_ofcom_record(catalog, service).model_dump_json()
    assert all(s in text for s in ("Assessor Zq7", "Covers images", "hash-licence", "wiki"))


def test_is_ofcom_code_reads_the_issuer_and_kind() -> None:
    catalog = load_catalog(ROOT / "obligations")
    assert [s.id for s in catalog.sources if is_ofcom_code(s)] == [
        "uk.ofcom.icu",
        "uk.ofcom.ics",
        "uk.ofcom.pcu",
    ]


def test_vidora_lists_every_ofcom_measure_that_applies_with_status_date_and_evidence() -> None:
    """The issue's acceptance test, against the shipped catalogue and example."""
    catalog = load_catalog(ROOT / "obligations")
    [service] = assess_files(
        catalog, [ROOT / "examples/vidora/assessment.yaml"], as_of=dt.date(2026, 11, 20)
    )
    expected = {
        (b.source, b.provision)
        for v in service.evaluation.verdicts
        if v.applies
        for b in v.bindings
        if b.state is CitationState.BINDS and b.source.startswith("uk.ofcom.")
    }
    record = build_ofcom_record(catalog, service)
    applying = [(c.source, m) for c in record.codes for m in c.applying]
    incomplete = [
        m.id
        for _, m in applying
        if m.standing is Standing.NOT_ASSESSED
        or (m.in_place_by or m.due) is None
        or (
            m.standing is Standing.MET
            and not any(a.evidence or a.evidence_withheld for a in m.answered_by)
        )
    ]
    statuses = {a.status for _, m in applying for a in m.answered_by}
    assert ({(s, m.id) for s, m in applying}, incomplete) == (expected, [])
    assert Status.NOT_ASSESSED not in statuses
