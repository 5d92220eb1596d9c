"""The rows of a report built from one evaluation: the service, gaps, findings, changes, obligations.

[build_report][csea.report.build.build_report] assembles them into a
[ServiceReport][csea.report.document.ServiceReport].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from csea.evaluation.scoring import weight, weight_parts
from csea.models import (
    Answer,
    Catalog,
    Evaluation,
    Finding,
    Gap,
    ObligationResult,
)
from csea.report.document import (
    ChangeEntry,
    Changes,
    EvidenceItem,
    FindingEntry,
    GapEntry,
    ObligationEntry,
    ServiceSummary,
)
from csea.report.regulators import measured, regulator_names

__all__ = [
    "changes_of",
    "finding_entries",
    "finding_entry",
    "gap_entry",
    "obligation_entry",
    "summary_of",
]


def summary_of(evaluation: Evaluation) -> ServiceSummary:
    """The service, its profile, and who assessed it when."""
    profile = evaluation.profile
    return ServiceSummary(
        organisation=profile.organisation,
        service=profile.service,
        description=profile.description,
        kinds=profile.present("kinds"),
        features=profile.present("features"),
        users=dict(sorted(profile.users.items())),
        users_worldwide=profile.total_users,
        established_in=profile.established_in,
        children_likely=profile.children_likely,
        minimum_age=profile.minimum_age,
        designations=profile.present("designations"),
        risk={harm.value: level.value for harm, level in profile.risk.items()},
        assessment_file=evaluation.assessment_file,
        assessed_by=evaluation.assessed_by,
        assessed_on=evaluation.assessed_on,
        as_of=evaluation.as_of,
    )


def gap_entry(catalog: Catalog, gap: Gap, asking: Iterable[str], as_of: dt.date) -> GapEntry:
    """One ranked gap, with its reason and the regulators whose sources give it its force."""
    pillar = catalog.pillar(gap.pillar)
    return GapEntry(
        rank=gap.rank,
        obligation_id=gap.obligation_id,
        title=gap.title,
        pillar=pillar.title if pillar else gap.pillar,
        force=gap.force,
        status=gap.status,
        owner=gap.owner,
        due=gap.due,
        overdue=gap.due is not None and gap.due < as_of,
        worst_finding=gap.worst_finding,
        reason=gap.reason,
        regulators=regulator_names(catalog, asking),
    )


def finding_entry(finding: Finding) -> FindingEntry:
    """A finding as the report shows it."""
    return FindingEntry(
        level=finding.level,
        code=finding.code,
        message=finding.message,
        obligation_id=finding.obligation_id,
        line=finding.line,
    )


def finding_entries(findings: Sequence[Finding]) -> list[FindingEntry]:
    """Most serious first; within a level, in the evaluation's order."""
    return [finding_entry(f) for f in sorted(findings, key=lambda f: f.level.rank)]


def changes_of(
    catalog: Catalog, evaluation: Evaluation, previous: Evaluation | None
) -> Changes | None:
    """What changed since the previous assessment (None when none was given).

    The scores are measured ones (None where nothing counted was assessed) when the
    previous evaluation is at hand, else the progress's own.
    """
    progress = evaluation.progress
    if progress is None:
        return None
    before, now = progress.previous_score, progress.score
    if previous is not None:
        before, now = measured(previous.obligations)[0], measured(evaluation.obligations)[0]
    return Changes(
        previous_assessed_on=progress.previous_assessed_on,
        previous_score=before,
        score=now,
        moves=[
            ChangeEntry(
                obligation_id=move.obligation_id,
                title=_title(catalog, move.obligation_id),
                before=move.before,
                after=move.after,
            )
            for move in progress.changes
        ],
    )


def _title(catalog: Catalog, obligation_id: str) -> str:
    obligation = catalog.obligation(obligation_id)
    return obligation.title if obligation else obligation_id


def obligation_entry(
    result: ObligationResult, answer: Answer | None, gap_rank: int | None
) -> ObligationEntry:
    """One applicable obligation with the team's answer and its weight in the score."""
    return ObligationEntry(
        id=result.id,
        title=result.title,
        pillar=result.pillar,
        force=result.force,
        assumed=result.assumed,
        undeclared=result.undeclared,
        binding_sources=result.binding_sources,
        status=result.status,
        credit=result.credit,
        owner=result.owner,
        due=result.due,
        accepted_by=answer.accepted_by if answer else None,
        justification=answer.justification if answer else None,
        notes=answer.notes if answer else None,
        evidence=[
            EvidenceItem(
                title=e.title,
                location=e.url or e.path,
                collected=e.collected,
                expires=e.expires,
                sensitivity=e.sensitivity,
            )
            for e in (answer.evidence if answer else [])
        ],
        indicators=result.indicators,
        findings=[finding_entry(f) for f in result.findings],
        gap_rank=gap_rank,
        weight=None if result.credit is None else weight(result),
        weight_parts=weight_parts(result),
    )
