"""An assessment as OSCAL: the assessment plan, the assessment results and the POA&M.

```
applicable obligation  finding: target = the control's statement (OBL_smt); status
                       satisfied (implemented, or justified not applicable) or
                       not-satisfied; implementation-status = the csea status (implemented,
                       partial, planned, not-applicable; not-implemented and not-assessed
                       as tokens of csea's own); csea's findings as properties and remarks
piece of evidence      observation: method EXAMINE, collected and expires from the answer,
                       relevant-evidence by reference (its URL or path; none when redacted)
gap                    POA&M item with its rank, status and due date
```

OSCAL assessment results must import an assessment plan (``import-ap``). csea writes a
small, honest one beside them: it lists the controls reviewed (the applicable obligations)
and, as there is no OSCAL system security plan, imports the service profile, described in
its back-matter, in place of one. A POA&M needs at least one item: when the assessment has
no gap, none is written.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from csea.models import Catalog, Status
from csea.render.oscal.catalog import OSCAL_CATALOG_FILE
from csea.render.oscal.parts import Ids, compact, metadata, prop, text, timestamp
from csea.render.oscal.poam import POAM_FILE, oscal_poam
from csea.render.wording import label
from csea.report.document import (
    EvidenceItem,
    ObligationEntry,
    ReportDocument,
    ServiceReport,
)

__all__ = ["PLAN_FILE", "RESULTS_FILE", "oscal_assessment"]

PLAN_FILE = "assessment-plan.json"
"""The assessment plan's file name (trestle's alias)."""
RESULTS_FILE = "assessment-results.json"
"""The assessment results' file name (trestle's alias)."""

_URI_SAFE = ":/?#@!$&'*+,;=%-._~"


def oscal_assessment(catalog: Catalog, document: ReportDocument) -> dict[str, dict[str, Any]]:
    """The OSCAL documents of one assessed service, by file name.

    Args:
        catalog: The catalogue (the controls the findings target).
        document: The report of one service (redacted or not, with its ``generated_at``).

    Returns:
        ``assessment-plan.json``, ``assessment-results.json`` and, when there are gaps,
        ``plan-of-action-and-milestones.json``, each as a document to write as JSON.
    """
    report = document.reports[0]
    ids = Ids(report)
    stamp = timestamp(report.summary.as_of, document.generated_at)
    findings = [_finding(ids, entry) for entry in report.obligations]
    observations = [o for entry in report.obligations for o in _observations(ids, entry)]
    files = {
        PLAN_FILE: _plan(catalog, document, ids, stamp),
        RESULTS_FILE: _results(catalog, document, ids, stamp, findings, observations),
    }
    if report.gaps:
        files[POAM_FILE] = oscal_poam(report, ids, stamp, findings, observations)
    return files


def _version(report: ServiceReport) -> str:
    return (report.summary.assessed_on or report.summary.as_of).isoformat()


def _reviewed(report: ServiceReport) -> dict[str, Any]:
    if not report.obligations:
        selection: dict[str, Any] = {
            "description": "No obligation of the catalogue applies to the service.",
            "include-all": {},
        }
    else:
        selection = {"include-controls": [{"control-id": e.id} for e in report.obligations]}
    return {
        "description": text("The obligations of the catalogue that apply to the service."),
        "control-selections": [selection],
    }


def _plan(catalog: Catalog, document: ReportDocument, ids: Ids, stamp: str) -> dict[str, Any]:
    report = document.reports[0]
    summary = report.summary
    profile_uuid = ids.of("profile")
    catalog_uuid = ids.of("catalog", catalog.header.id, catalog.version)
    profile = {
        "uuid": profile_uuid,
        "title": text(f"Service profile: {summary.service} ({summary.organisation})"),
        "description": text(
            "The csea service profile of the service assessed. csea keeps no OSCAL system "
            "security plan; this resource stands in for one, with the profile's facts as "
            "properties."
        ),
        "props": [
            prop("organisation", summary.organisation),
            prop("service", summary.service),
            *(prop("kind", k) for k in summary.kinds),
            *(prop("feature", f) for f in summary.features),
            *(prop("users", str(n), class_=j) for j, n in summary.users.items()),
            prop("children-likely", "yes" if summary.children_likely else "no"),
        ],
    }
    catalogue = {
        "uuid": catalog_uuid,
        "title": text(f"{catalog.header.title} {catalog.version}"),
        "rlinks": [{"href": OSCAL_CATALOG_FILE, "media-type": "application/oscal.catalog+json"}],
    }
    body = {
        "uuid": ids.of("assessment-plan"),
        "metadata": metadata(
            f"csea self-assessment plan: {summary.service} ({summary.organisation})",
            stamp,
            _version(report),
            links=[{"href": f"#{catalog_uuid}", "rel": "reference", "text": "The catalogue"}],
        ),
        "import-ssp": {
            "href": f"#{profile_uuid}",
            "remarks": text("The service profile, in place of a system security plan."),
        },
        "reviewed-controls": _reviewed(report),
        "back-matter": {"resources": [compact(profile), catalogue]},
    }
    return {"assessment-plan": compact(body)}


def _results(
    catalog: Catalog,
    document: ReportDocument,
    ids: Ids,
    stamp: str,
    findings: list[dict[str, Any]],
    observations: list[dict[str, Any]],
) -> dict[str, Any]:
    report = document.reports[0]
    summary = report.summary
    started = summary.assessed_on or summary.as_of
    headline = report.headline
    file_findings = [f for f in report.findings if f.obligation_id is None]
    result = {
        "uuid": ids.of("result", started.isoformat()),
        "title": text(f"Self-assessment of {summary.service} against {catalog.header.title}"),
        "description": text(
            f"{headline.applicable} obligations apply; score "
            f"{'n/a' if headline.score is None else f'{headline.score:.1f}%'}; "
            f"{headline.legal_duties_unmet} legal duties not met; {headline.gaps} gaps."
        ),
        "start": timestamp(started),
        "end": timestamp(summary.as_of) if summary.as_of >= started else None,
        "props": [
            prop("catalogue-version", catalog.version),
            prop("as-of", summary.as_of.isoformat()),
            *([prop("score", f"{headline.score:.1f}")] if headline.score is not None else []),
            prop("redacted", "yes" if document.redacted else "no"),
        ],
        "reviewed-controls": _reviewed(report),
        "observations": observations,
        "findings": findings,
        "remarks": "\n".join(f"- {f.code}: {text(f.message)}" for f in file_findings) or None,
    }
    body = {
        "uuid": ids.of("assessment-results"),
        "metadata": metadata(
            f"csea self-assessment: {summary.service} ({summary.organisation})",
            stamp,
            _version(report),
        ),
        "import-ap": {
            "href": PLAN_FILE,
            "remarks": text("The assessment plan csea writes beside these results."),
        },
        "results": [compact(result)],
    }
    return {"assessment-results": compact(body)}


def _finding(ids: Ids, entry: ObligationEntry) -> dict[str, Any]:
    satisfied = entry.status is Status.IMPLEMENTED or (
        entry.status is Status.NOT_APPLICABLE and entry.credit is None
    )
    target: dict[str, Any] = {
        "type": "statement-id",
        "target-id": f"{entry.id}_smt",
        "implementation-status": {"state": entry.status.value.replace("_", "-")},
    }
    if entry.status is not Status.NOT_ASSESSED:
        target["status"] = {"state": "satisfied" if satisfied else "not-satisfied"}
    props = [
        prop("status", entry.status.value),
        *([prop("force", entry.force.value)] if entry.force else []),
        *(prop("binding-source", s) for s in entry.binding_sources),
        *([prop("due", entry.due.isoformat())] if entry.due else []),
        *([prop("owner", entry.owner)] if entry.owner else []),
        *([prop("gap-rank", str(entry.gap_rank))] if entry.gap_rank else []),
        *(
            [prop("evidence-withheld", str(entry.evidence_withheld))]
            if entry.evidence_withheld
            else []
        ),
        *(prop("csea-finding", f.code, class_=f.level.value) for f in entry.findings),
    ]
    remarks = [f"- {label(f.level)}: {text(f.message)}" for f in entry.findings]
    for name, words in (("Notes", entry.notes), ("Justification", entry.justification)):
        if words:
            remarks.append(f"- {name}: {text(words)}")
    return compact(
        {
            "uuid": ids.finding(entry.id),
            "title": text(f"{entry.id}: {entry.title}"),
            "description": text(f"Status: {label(entry.status)}."),
            "props": props,
            "target": target,
            "related-observations": [
                {"observation-uuid": ids.observation(entry.id, i)}
                for i in range(len(entry.evidence))
            ],
            "remarks": "\n".join(remarks) or None,
        }
    )


def _observations(ids: Ids, entry: ObligationEntry) -> list[dict[str, Any]]:
    return [_observation(ids, entry.id, i, item) for i, item in enumerate(entry.evidence)]


def _observation(ids: Ids, obligation_id: str, index: int, item: EvidenceItem) -> dict[str, Any]:
    href = quote(item.location, safe=_URI_SAFE) if item.location else None
    evidence = compact({"href": href, "description": text(item.title)})
    if item.sensitivity is not None:
        evidence["props"] = [prop("sensitivity", item.sensitivity.value)]
    return compact(
        {
            "uuid": ids.observation(obligation_id, index),
            "title": text(item.title),
            "description": text(f"Evidence for {obligation_id}: {item.title}"),
            "methods": ["EXAMINE"],
            "types": ["control-objective"],
            "collected": timestamp(item.collected),
            "expires": timestamp(item.expires) if item.expires else None,
            "relevant-evidence": [evidence],
        }
    )
