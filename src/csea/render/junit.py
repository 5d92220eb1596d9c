"""The report as JUnit XML, so CI systems show the assessment as test results.

Each applicable obligation is a test case (class ``csea.<pillar>``):

- **failure** ``legal-duty-unmet``: a legal duty for the service that is not implemented;
- **failure** ``finding``: any other obligation with an error-level finding;
- **passed**: implemented, with no error finding;
- **skipped**: everything else (a gap or a not-applicable answer where no legal duty is
  at stake), with the status and force as the message.

Properties on each case carry the force, status, owner and due date.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from csea.models import Status
from csea.models.evaluation import FindingLevel
from csea.models.vocabulary import Force
from csea.render.escape import xml
from csea.render.wording import force_text, label, score_text
from csea.report.document import ObligationEntry, ReportDocument, ServiceReport

__all__ = ["Outcome", "outcome", "render_junit"]

Outcome = tuple[str, str, str]
"""(kind, type, message): kind is ``failure``, ``skipped`` or ``passed``."""


def outcome(entry: ObligationEntry) -> Outcome:
    """How one obligation shows in CI, and why."""
    status = label(entry.status).lower()
    if entry.force is Force.LEGAL_DUTY and entry.status is not Status.IMPLEMENTED:
        due = f", due {entry.due.isoformat()}" if entry.due else ""
        return ("failure", "legal-duty-unmet", f"legal duty not met: {status}{due}")
    errors = [f for f in entry.findings if f.level is FindingLevel.ERROR]
    if errors:
        return ("failure", "finding", f"{len(errors)} error finding(s): {errors[0].message}")
    if entry.status is Status.IMPLEMENTED:
        return ("passed", "", "")
    return ("skipped", "", f"{status} ({force_text(entry.force, entry.assumed).lower()})")


def _text(value: str) -> str:
    return xml(value)


def _properties(parent: ET.Element, values: list[tuple[str, str]]) -> None:
    properties = ET.SubElement(parent, "properties")
    for name, value in values:
        ET.SubElement(properties, "property", name=name, value=_text(value))


def _case(suite: ET.Element, entry: ObligationEntry) -> str:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"csea.{entry.pillar}",
        name=_text(f"{entry.id} {entry.title}"),
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
    kind, kind_type, message = outcome(entry)
    if kind == "failure":
        failure = ET.SubElement(case, "failure", type=kind_type, message=_text(message))
        failure.text = _text("\n".join(f"{f.level.value}: {f.message}" for f in entry.findings))
    elif kind == "skipped":
        ET.SubElement(case, "skipped", message=_text(message))
    return kind


def _suite(root: ET.Element, report: ServiceReport, document: ReportDocument) -> dict[str, int]:
    summary = report.summary
    suite = ET.SubElement(
        root, "testsuite", name=_text(f"{summary.organisation}: {summary.service}")
    )
    props = [
        ("catalog", f"{document.catalog.id} {document.catalog.version}"),
        ("as_of", summary.as_of.isoformat()),
        ("view", document.view),
        ("score", score_text(report.headline.score)),
        ("legal_duties_unmet", str(report.headline.legal_duties_unmet)),
    ]
    _properties(suite, props)
    kinds = [_case(suite, entry) for entry in report.obligations]
    counts = {k: kinds.count(k) for k in ("failure", "skipped")}
    _set_counts(suite, len(kinds), counts)
    return {"tests": len(kinds), **counts}


def _set_counts(element: ET.Element, tests: int, counts: dict[str, int]) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(counts["failure"]))
    element.set("errors", "0")
    element.set("skipped", str(counts["skipped"]))
    element.set("time", "0")


def render_junit(document: ReportDocument) -> str:
    """The report as a JUnit XML document: one test suite per service."""
    root = ET.Element("testsuites", name="csea")
    if document.generated_at:
        root.set("timestamp", document.generated_at)
    totals = [_suite(root, report, document) for report in document.reports]
    _set_counts(
        root,
        sum(t["tests"] for t in totals),
        {k: sum(t[k] for t in totals) for k in ("failure", "skipped")},
    )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
