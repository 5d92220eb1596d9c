"""JUnit XML: one test case per applicable obligation, a failure per finding, read by junitparser."""

from __future__ import annotations

import pytest
from junitparser import Failure, JUnitXml, Skipped

from csea.evaluation.files import AssessedService
from csea.models import Catalog, FindingLevel, Force, Status
from csea.render.junit import (
    CaseResult,
    JunitGaps,
    JunitSuite,
    outcomes,
    render_junit,
    render_junit_suites,
)
from csea.report.build import build_report
from csea.report.document import FindingEntry, ObligationEntry


def _entry(
    status: Status, force: Force | None, *findings: tuple[FindingLevel, str]
) -> ObligationEntry:
    return ObligationEntry(
        id="BLOCK-01",
        title="t",
        pillar="block",
        force=force,
        binding_sources=[],
        status=status,
        credit=0.0,
        findings=[
            FindingEntry(level=lv, code=code, message=f"{code} here") for lv, code in findings
        ],
    )


ERROR = (FindingLevel.ERROR, "overdue")
WARNING = (FindingLevel.WARNING, "stale-evidence")
INFO = (FindingLevel.INFO, "does-not-apply")


@pytest.mark.parametrize(
    ("entry", "gaps", "expected"),
    [
        (_entry(Status.IMPLEMENTED, Force.LEGAL_DUTY), JunitGaps.SKIPPED, []),
        (
            _entry(Status.PARTIAL, Force.LEGAL_DUTY),
            JunitGaps.SKIPPED,
            [CaseResult("failure", "legal-duty-unmet", "legal duty not met: partial")],
        ),
        (
            _entry(Status.PARTIAL, Force.LEGAL_DUTY, ERROR),
            JunitGaps.SKIPPED,
            [
                CaseResult("failure", "overdue", "error: overdue here"),
                CaseResult("failure", "legal-duty-unmet", "legal duty not met: partial"),
            ],
        ),
        (
            _entry(Status.IMPLEMENTED, Force.REGULATORY_CODE, WARNING),
            JunitGaps.SKIPPED,
            [CaseResult("failure", "stale-evidence", "warning: stale-evidence here")],
        ),
        (
            _entry(Status.PLANNED, Force.VOLUNTARY_PRINCIPLE),
            JunitGaps.SKIPPED,
            [CaseResult("skipped", "", "planned (voluntary principle)")],
        ),
        (
            _entry(Status.PLANNED, Force.VOLUNTARY_PRINCIPLE),
            JunitGaps.FAILURE,
            [CaseResult("failure", "gap", "planned (voluntary principle)")],
        ),
        (
            _entry(Status.NOT_APPLICABLE, Force.GUIDANCE),
            JunitGaps.FAILURE,
            [CaseResult("skipped", "", "not applicable (guidance)")],
        ),
        (
            _entry(Status.IMPLEMENTED, Force.GUIDANCE, INFO),
            JunitGaps.SKIPPED,
            [CaseResult("skipped", "does-not-apply", "info: does-not-apply here")],
        ),
    ],
    ids=[
        "implemented",
        "legal-duty-partial",
        "legal-duty-with-error",
        "warning-is-a-failure",
        "gap-skipped",
        "gap-failure",
        "not-applicable",
        "info-only",
    ],
)
def test_outcomes(entry: ObligationEntry, gaps: JunitGaps, expected: list[CaseResult]) -> None:
    assert outcomes(entry, gaps) == expected


def test_a_report_reads_back_with_junitparser(catalog: Catalog, pebble: AssessedService) -> None:
    document = build_report(catalog, [pebble])
    xml = JUnitXml.fromstring(render_junit(document).encode())
    [suite] = list(xml)
    cases = {
        case.name.split()[0]: [(type(r).__name__, r.type) for r in case.result] for case in suite
    }
    findings = {
        e.id: [f.code for f in e.findings if f.level is not FindingLevel.INFO]
        for e in document.reports[0].obligations
    }
    failed_codes = {
        i: [t for k, t in r if k == "Failure" and t != "legal-duty-unmet"] for i, r in cases.items()
    }
    assert any(findings.values())
    assert failed_codes == findings


def test_the_counts_are_the_cases(catalog: Catalog, pebble: AssessedService) -> None:
    xml = JUnitXml.fromstring(render_junit(build_report(catalog, [pebble])).encode())
    [suite] = list(xml)
    results = [case.result for case in suite]
    counted = (
        len(results),
        sum(any(isinstance(r, Failure) for r in rs) for rs in results),
        sum(bool(rs) and all(isinstance(r, Skipped) for r in rs) for rs in results),
    )
    assert counted == (suite.tests, suite.failures, suite.skipped)


def test_text_that_xml_cannot_hold_is_shown_escaped() -> None:
    entry = _entry(Status.IMPLEMENTED, Force.GUIDANCE, (FindingLevel.WARNING, "stale-evidence"))
    entry = entry.model_copy(update={"title": "bell\x07 and <tag>"})
    text = render_junit_suites([JunitSuite("Org: Svc", [], [entry], [], "a.yaml")])
    [suite] = list(JUnitXml.fromstring(text.encode()))
    assert [case.name for case in suite] == ["BLOCK-01 bell\\x07 and <tag>"]
