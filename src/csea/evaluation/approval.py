"""The approval of an assessment: the findings about it, and ``csea approve``.

An approval ([Approval][csea.models.Approval]) records who signed the assessment off, in
what role, on which day, against which catalogue version, and the hash of what they
approved ([content_hash][csea.assessment.record.content_hash]). Two findings follow:

- ``changed-after-approval``: the assessment (any field but ``approval``) or its profile no
  longer has that hash; with git history, the message names the answers changed since;
- ``approval-overdue``: the approval is older than the shortest review cycle that applies to
  the service ([csea.catalog.cycles][]), for the UK twelve months, as Ofcom states it.

``csea approve`` writes an approval: [approve][csea.evaluation.signoff.approve].
"""

from __future__ import annotations

from csea.assessment.record import AnswerChanges, content_hash
from csea.catalog.cycles import cited, governing_cycle, next_review
from csea.codes import FindingCode
from csea.evaluation.findings import FindingContext
from csea.models import Approval, Assessment, Catalog, Finding, ServiceProfile

__all__ = ["approval_findings"]


def approval_findings(
    ctx: FindingContext, catalog: Catalog, assessment: Assessment, profile: ServiceProfile
) -> list[Finding]:
    """Findings about the assessment's approval (none when it has no approval)."""
    approval = assessment.approval
    if approval is None:
        return []
    found: list[Finding] = []
    if content_hash(assessment, profile) != approval.content_hash:
        found.append(_changed(ctx, approval, ctx.changes))
    cycle = governing_cycle(catalog, profile, ctx.as_of)
    if cycle is not None and next_review(approval.approved_on, cycle) < ctx.as_of:
        message = (
            f"approved on {approval.approved_on.isoformat()}, more than {cycle.period_months} months "
            f"before {ctx.as_of.isoformat()}; {cycle.title.lower()}: review it at least every "
            f"{cycle.period_months} months ({cited(cycle)}), then approve it again"
        )
        found.append(
            ctx.finding(FindingCode.APPROVAL_OVERDUE, message, None, "approval", "approved_on")
        )
    return found


def _changed(ctx: FindingContext, approval: Approval, changes: AnswerChanges | None) -> Finding:
    since = sorted(
        oid for oid, c in (changes.last.items() if changes else []) if c.on >= approval.approved_on
    )
    which = f" ({', '.join(since)} changed since)" if since else ""
    message = (
        f"the assessment or its profile changed after {approval.by} ({approval.role}) approved "
        f"it on {approval.approved_on.isoformat()}{which}; review the changes and approve it again"
    )
    return ctx.finding(
        FindingCode.CHANGED_AFTER_APPROVAL, message, None, "approval", "content_hash"
    )
