"""``csea approve``: sign an assessment off, through the comment-keeping rewrite engine.

The approval is refused while the assessment has error findings; what it records and
the findings that follow from it are described in [csea.evaluation.approval][].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from csea.assessment.load import load_assessments
from csea.assessment.record import content_hash
from csea.assessment.rewrite import AssessmentEditor
from csea.errors import WriteRefusedError
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS, evaluate
from csea.models import Approval, Catalog, CatalogRef, Finding, FindingLevel

__all__ = ["ApprovalResult", "approve"]


@dataclass(frozen=True)
class ApprovalResult:
    """What ``csea approve`` did: the approval written, or the errors that stopped it."""

    path: Path
    """The assessment file."""
    approval: Approval
    """The approval (written only when nothing blocks it)."""
    blocking: list[Finding]
    """Error findings that stop the approval; empty when it was written."""
    replaced: Approval | None = None
    """The approval it replaced, if any."""

    @property
    def written(self) -> bool:
        """Whether the approval was written."""
        return not self.blocking


def approve(
    catalog: Catalog,
    path: Path,
    *,
    by: str,
    role: str,
    as_of: dt.date,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
) -> ApprovalResult:
    """Sign an assessment off: write its ``approval``, unless error findings remain.

    The approval records ``by``, ``role``, ``as_of``, the catalogue version and the hash of
    the assessment and its profile. It is written through the comment-keeping rewrite
    engine: every other byte of the file is kept, and nothing is written if the file
    changed while csea read it.

    Raises:
        InputError: The file or its profile is unusable, or it was made against another
            catalogue version.
        WriteRefusedError: The file changed while it was read, or could not be written.
    """
    loaded = load_assessments([path], catalog)[0]
    editor = AssessmentEditor.open(path)
    if editor.assessment != loaded.assessment:
        raise WriteRefusedError(f"{path} changed while csea read it; nothing was written")
    evaluation = evaluate(catalog, loaded, as_of=as_of, max_evidence_age_days=max_evidence_age_days)
    approval = Approval(
        by=by,
        role=role,
        approved_on=as_of,
        catalog=CatalogRef(id=catalog.header.id, version=catalog.version),
        content_hash=content_hash(loaded.assessment, loaded.profile),
    )
    blocking = [f for f in evaluation.findings if f.level is FindingLevel.ERROR]
    if not blocking:
        editor.set_document(["approval"], approval)
        editor.write()
    return ApprovalResult(path, approval, blocking, loaded.assessment.approval)
