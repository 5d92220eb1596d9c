"""Findings as JUnit XML, so CI systems show the assessment as test results.

``csea check --format junit`` and ``csea report --format junit`` write the same thing from
the same findings. Each service is a test suite; each applicable obligation is a test case
(class ``csea.<pillar>``), and each finding that is about no applicable obligation (an
answer for an unknown id, a catalogue version) is a test case of its own (class
``csea.file``). A test case gets:

- one **failure** per error or warning finding about it (``type`` is the finding code, the
  message starts with the level), so the failures of finding codes are the findings the
  ``check`` table lists, one for one;
- one **failure** ``legal-duty-unmet`` when it is a legal duty for the service and not
  implemented (the "legal duty(ies) unmet" count);
- when it has no failure and is a gap (partial, planned, not_implemented, not_assessed):
  **skipped** by default, or a **failure** ``gap`` with ``--junit-gaps failure``;
- otherwise **skipped** when it is not applicable or has only info findings (whose code is
  the ``type``), and **passed** when it is implemented.

Properties on each case carry the force, status, owner and due date.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from csea.models import FindingLevel, Force, Portfolio, Status
from csea.render.escape import xml
from csea.render.view import JunitGaps
from csea.render.wording import force_text, label, score_text
from csea.report.document import ReportDocument

__all__ = [
    "CaseResult",
    "JunitGaps",
    "JunitSuite",
    "check_suites",
    "outcomes",
    "render_junit",
    "render_junit_suites",
    "report_suites",
]

_GAPS = {Status.PARTIAL, Status.PLANNED, Status.NOT_IMPLEMENTED, Status.NOT_ASSESSED}
LEGAL_DUTY_UNMET = "legal-duty-unmet"
"""The failure type of a legal duty for the service that is not implemented."""
GAP = "gap"
"""The failure type of a gap with no finding, with ``--junit-gaps failure``."""


class FindingLike(Protocol):
    """A finding as the check (``Finding``) or the report (``FindingEntry``) holds it."""

    @property
    def level(self) -> FindingLevel: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def obligation_id(self) -> str | None: ...


class ObligationLike(Protocol):
    """An applicable obligation as the check or the report holds it."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def pillar(self) -> str: ...
    @property
    def force(self) -> Force | None: ...
    @property
    def assumed(self) -> bool: ...
    @property
    def undeclared(self) -> list[str]: ...
    @property
    def status(self) -> Status: ...
    @property
    def owner(self) -> str | None: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def binding_sources(self) -> list[str]: ...
    @property
    def findings(self) -> Sequence[FindingLike]: ...


@dataclass(frozen=True)
class JunitSuite:
    """One service: its name, properties, applicable obligations and other findings."""

    name: str
    """``Organisation: Service``."""
    properties: list[tuple[str, str]]
    """Suite properties (catalogue, as-of date, score...)."""
    obligations: Sequence[ObligationLike]
    """Every applicable obligation, in catalogue order."""
    others: Sequence[FindingLike]
    """Findings about no applicable obligation."""
    file: str | None = None
    """The assessment file, for finding locations."""


@dataclass(frozen=True)
class CaseResult:
    """One result element of a test case: ``failure`` or ``skipped``, its type and message."""

    kind: str
    type: str
    message: str


def outcomes(entry: ObligationLike, gaps: JunitGaps = JunitGaps.SKIPPED) -> list[CaseResult]:
    """The results of one obligation's test case (empty: passed)."""
    results = [
        CaseResult("failure", f.code, f"{f.level.value}: {f.message}")
        for f in entry.findings
        if f.level is not FindingLevel.INFO
    ]
    status = label(entry.status).lower()
    if entry.force is Force.LEGAL_DUTY and entry.status is not Status.IMPLEMENTED:
        results.append(CaseResult("failure", LEGAL_DUTY_UNMET, f"legal duty not met: {status}"))
    if results:
        return results
    why = f"{status} ({force_text(entry.force, entry.assumed).lower()})"
    if entry.status in _GAPS:
        kind = "failure" if gaps is JunitGaps.FAILURE else "skipped"
        return [CaseResult(kind, GAP if kind == "failure" else "", why)]
    infos = [CaseResult("skipped", f.code, f"info: {f.message}") for f in entry.findings]
    if infos or entry.status is Status.NOT_APPLICABLE:
        return infos[:1] or [CaseResult("skipped", "", why)]
    return []


def _text(value: str) -> str:
    return xml(value)


def _properties(parent: ET.Element, values: list[tuple[str, str]]) -> None:
    properties = ET.SubElement(parent, "properties")
    for name, value in values:
        ET.SubElement(properties, "property", name=name, value=_text(value))


def _results(case: ET.Element, results: list[CaseResult], where: str) -> None:
    for result in results:
        attributes = {"message": _text(result.message)}
        if result.type:
            attributes["type"] = result.type
        element = ET.SubElement(case, result.kind, attributes)
        if result.kind == "failure":
            element.text = _text(f"{where}\n{result.message}" if where else result.message)


def _case(suite: ET.Element, entry: ObligationLike, gaps: JunitGaps, file: str | None) -> str:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"csea.{entry.pillar}",
        name=_text(f"{entry.id} {entry.title}"),
        file=_text(file or ""),
        time="0",
    )
    _properties(
        case,
        [
            ("force", entry.force.value if entry.force else ""),
            ("assumed", ", ".join(entry.undeclared) if entry.assumed else ""),
            ("status", entry.status.value),
            ("binding_sources", " ".join(entry.binding_sources)),
            ("owner", entry.owner or ""),
            ("due", entry.due.isoformat() if entry.due else ""),
        ],
    )
    results = outcomes(entry, gaps)
    lines = sorted({f.line for f in entry.findings if f.line is not None})
    where = f"{file}:{lines[0]}" if file and lines else ""
    _results(case, results, where)
    return _kind(results)


def _other(suite: ET.Element, finding: FindingLike, file: str | None) -> str:
    subject = finding.obligation_id or "file"
    case = ET.SubElement(
        suite,
        "testcase",
        classname="csea.file",
        name=_text(f"{subject} {finding.code}"),
        file=_text(file or ""),
        time="0",
    )
    kind = "skipped" if finding.level is FindingLevel.INFO else "failure"
    results = [CaseResult(kind, finding.code, f"{finding.level.value}: {finding.message}")]
    where = f"{file}:{finding.line}" if file and finding.line else ""
    _results(case, results, where)
    return kind


def _kind(results: list[CaseResult]) -> str:
    kinds = {r.kind for r in results}
    return "failure" if "failure" in kinds else "skipped" if kinds else "passed"


def _suite(root: ET.Element, given: JunitSuite, gaps: JunitGaps) -> dict[str, int]:
    suite = ET.SubElement(root, "testsuite", name=_text(given.name))
    _properties(suite, given.properties)
    kinds = [_case(suite, entry, gaps, given.file) for entry in given.obligations]
    kinds += [_other(suite, finding, given.file) for finding in given.others]
    counts = {k: kinds.count(k) for k in ("failure", "skipped")}
    _set_counts(suite, len(kinds), counts)
    return {"tests": len(kinds), **counts}


def _set_counts(element: ET.Element, tests: int, counts: dict[str, int]) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(counts["failure"]))
    element.set("errors", "0")
    element.set("skipped", str(counts["skipped"]))
    element.set("time", "0")


def render_junit_suites(
    suites: Sequence[JunitSuite], gaps: JunitGaps = JunitGaps.SKIPPED, timestamp: str | None = None
) -> str:
    """A JUnit XML document: one test suite per service (see the module docstring)."""
    root = ET.Element("testsuites", name="csea")
    if timestamp:
        root.set("timestamp", timestamp)
    totals = [_suite(root, suite, gaps) for suite in suites]
    _set_counts(
        root,
        sum(t["tests"] for t in totals),
        {k: sum(t[k] for t in totals) for k in ("failure", "skipped")},
    )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def check_suites(portfolio: Portfolio) -> list[JunitSuite]:
    """The suites of ``csea check``: every service of the portfolio, every finding it has."""
    suites: list[JunitSuite] = []
    for e in portfolio.evaluations:
        applicable = {r.id for r in e.obligations}
        props = [
            ("catalog", f"{e.catalog_id} {e.catalog_version}"),
            ("as_of", e.as_of.isoformat()),
            ("score", score_text(e.total.score)),
            ("legal_duties_unmet", str(e.total.legal_duties_unmet)),
        ]
        others = [f for f in e.findings if f.obligation_id not in applicable]
        name = f"{e.profile.organisation}: {e.profile.service}"
        suites.append(JunitSuite(name, props, e.obligations, others, e.assessment_file))
    return suites


def report_suites(document: ReportDocument) -> list[JunitSuite]:
    """The suites of ``csea report --format junit``: the obligations the report shows.

    Findings about no applicable obligation are listed in the whole-catalogue view
    (``--view pillar``) only, where every applicable obligation is shown.
    """
    suites: list[JunitSuite] = []
    for report in document.reports:
        summary = report.summary
        props = [
            ("catalog", f"{document.catalog.id} {document.catalog.version}"),
            ("as_of", summary.as_of.isoformat()),
            ("view", document.view),
            ("score", score_text(report.headline.score)),
            ("legal_duties_unmet", str(report.headline.legal_duties_unmet)),
        ]
        shown = {entry.id for entry in report.obligations}
        others = [f for f in report.findings if f.obligation_id not in shown]
        name = f"{summary.organisation}: {summary.service}"
        suites.append(
            JunitSuite(
                name,
                props,
                report.obligations,
                others if document.view == "pillar" else [],
                summary.assessment_file,
            )
        )
    return suites


def render_junit(document: ReportDocument) -> str:
    """The report as a JUnit XML document (gaps with no finding are skipped)."""
    return render_junit_suites(report_suites(document), timestamp=document.generated_at)
