"""The plan of action and milestones: one item per gap, most urgent first.

Each item points at the finding about its obligation; the findings and observations of the
gaps are repeated in the POA&M, as OSCAL expects, with the same UUIDs as in the results.
The system is identified by the UUID of the service's profile (the one the assessment plan
imports).
"""

from __future__ import annotations

from typing import Any

from csea.render.oscal.parts import Ids, compact, metadata, prop, text
from csea.render.wording import label
from csea.report.document import GapEntry, ServiceReport

__all__ = ["POAM_FILE", "oscal_poam"]

POAM_FILE = "plan-of-action-and-milestones.json"
"""The POA&M's file name (trestle's alias)."""

_UUID_IDENTIFIER = "https://ietf.org/rfc/rfc4122"
"""OSCAL's identifier type for a UUID."""


def oscal_poam(
    report: ServiceReport,
    ids: Ids,
    stamp: str,
    findings: list[dict[str, Any]],
    observations: list[dict[str, Any]],
) -> dict[str, Any]:
    """The POA&M document (``{"plan-of-action-and-milestones": ...}``) of a service with gaps."""
    gaps = {gap.obligation_id for gap in report.gaps}
    kept = [f for f in findings if f["uuid"] in {ids.finding(g) for g in gaps}]
    used = {o["observation-uuid"] for f in kept for o in f.get("related-observations", [])}
    summary = report.summary
    body = {
        "uuid": ids.of("poam"),
        "metadata": metadata(
            f"csea plan of action and milestones: {summary.service} ({summary.organisation})",
            stamp,
            (summary.assessed_on or summary.as_of).isoformat(),
        ),
        "system-id": {"identifier-type": _UUID_IDENTIFIER, "id": ids.of("profile")},
        "observations": [o for o in observations if o["uuid"] in used],
        "findings": kept,
        "poam-items": [_item(ids, gap) for gap in report.gaps],
    }
    return {"plan-of-action-and-milestones": compact(body)}


def _item(ids: Ids, gap: GapEntry) -> dict[str, Any]:
    due = f"; due {gap.due.isoformat()}" + (" (overdue)" if gap.overdue else "") if gap.due else ""
    props = [
        prop("gap-rank", str(gap.rank)),
        prop("status", gap.status.value),
        *([prop("force", gap.force.value)] if gap.force else []),
        *([prop("planned-completion", gap.due.isoformat())] if gap.due else []),
        *([prop("owner", gap.owner)] if gap.owner else []),
    ]
    return compact(
        {
            "uuid": ids.of("poam-item", gap.obligation_id),
            "title": text(f"{gap.obligation_id}: {gap.title}"),
            "description": text(
                f"Rank {gap.rank} in csea's gap list. Status: {label(gap.status)}{due}."
            ),
            "props": props,
            "related-findings": [{"finding-uuid": ids.finding(gap.obligation_id)}],
        }
    )
