"""What the assessment workbook holds, built from an evaluated assessment (no file I/O).

[workbook_content][csea.workbook.content.workbook_content] gathers, for every obligation
that applies to the service (in catalogue order), the read-only facts a policy lead needs
to answer it (statement, force for this service, why it applies, the questions, the
evidence that would show it, today's findings) and the answer's editable fields, exactly
as the assessment file holds them; one row per piece of evidence; the scores per pillar
and per source as csea computes them; and what the import needs to be safe (catalogue
version, assessment, a digest of the files, a snapshot of the exported answers).

With ``redact`` the workbook removes what a redacted report removes (owners, names, notes,
justifications, evidence locations, evidence with a sensitivity label), field by field, and
shows finding messages as a redacted report does
([finding_text][csea.report.redaction.finding_text]).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from csea.assessment.load import LoadedAssessment
from csea.evaluation.files import AssessedService
from csea.models import (
    Answer,
    Applicability,
    Catalog,
    EvidenceRef,
    ObligationResult,
    Rollup,
    Status,
)
from csea.render.wording import label
from csea.report.redaction import finding_text
from csea.workbook.columns import ANSWERS, EVIDENCE, Sheet, Value

__all__ = [
    "Meta",
    "Row",
    "ScoreLine",
    "WorkbookContent",
    "answer_values",
    "digest",
    "evidence_ref",
    "evidence_values",
    "workbook_content",
]

Row = dict[str, Value]
"""A row of a sheet: the value of each column, by column key."""


@dataclass(frozen=True)
class Meta:
    """What the import checks before it reads a single answer."""

    catalog_id: str
    """The catalogue id."""
    catalog_version: str
    """The catalogue version."""
    assessment: str
    """The assessment file, as named to ``csea export``."""
    organisation: str
    """The provider."""
    service: str
    """The service."""
    as_of: dt.date
    """The day applicability was judged on."""
    digest: str
    """A digest of the assessment file and its profile file (``sha256:...``)."""
    redacted: bool
    """Whether it was exported with ``--redact``."""


@dataclass(frozen=True)
class ScoreLine:
    """One line of the summary: a pillar, a source, or every applicable obligation."""

    id: str
    """Pillar or source id (``all`` for the total)."""
    title: str
    """Its title."""
    force: str
    """For a source: how binding it is; empty otherwise."""
    applicable: int
    """How many obligations it counts."""
    counts: dict[Status, int]
    """How many have each status."""
    score: float | None
    """Score out of 100 (None when nothing is counted)."""
    legal_duties_unmet: int
    """Legal duties among them that are not implemented."""


@dataclass(frozen=True)
class WorkbookContent:
    """Everything the workbook shows, sheet by sheet."""

    meta: Meta
    """What the import checks."""
    answers: list[Row]
    """One row per applicable obligation (keys: the Answers sheet's columns)."""
    evidence: list[Row]
    """One row per piece of evidence (keys: the Evidence sheet's columns)."""
    total: ScoreLine
    """Every applicable obligation."""
    pillars: list[ScoreLine]
    """Per pillar, in catalogue order."""
    sources: list[ScoreLine]
    """Per source that binds the service, in catalogue order."""
    assessed_by: str | None
    """Who made the assessment (None when redacted)."""
    assessed_on: dt.date | None
    """When."""

    @property
    def obligation_ids(self) -> list[str]:
        """The ids of the applicable obligations, in order (the Evidence sheet's drop-down)."""
        return [str(row["id"]) for row in self.answers]

    def snapshot(self) -> dict[str, object]:
        """The exported editable values, as JSON data: what ``import --force`` merges against."""
        editable = [c.key for c in ANSWERS.editable]
        return {
            "answers": {str(r["id"]): {k: _json(r[k]) for k in editable} for r in self.answers},
            "evidence": [{k: _json(v) for k, v in r.items()} for r in self.evidence],
        }


def workbook_content(
    catalog: Catalog, service: AssessedService, assessment: str, *, redact: bool = False
) -> WorkbookContent:
    """The workbook of one evaluated assessment.

    Args:
        catalog: The catalogue it was evaluated against.
        service: The evaluated assessment; its ``source`` (the file it was read from)
            gives the digest the import checks.
        assessment: The assessment file as the user named it (kept for the import).
        redact: Remove owners, names, notes, justifications, evidence locations and
            labelled evidence, field by field (finding messages as a redacted report shows
            them).
    """
    evaluation = service.evaluation
    verdicts = {v.obligation_id: v for v in evaluation.verdicts}
    results = evaluation.obligations
    content = WorkbookContent(
        meta=Meta(
            catalog_id=evaluation.catalog_id,
            catalog_version=evaluation.catalog_version,
            assessment=Path(assessment).as_posix(),
            organisation=evaluation.profile.organisation,
            service=evaluation.profile.service,
            as_of=evaluation.as_of,
            digest=digest(service.source),
            redacted=redact,
        ),
        answers=[
            _answer_row(catalog, r, verdicts.get(r.id), service.answers.get(r.id), redact)
            for r in results
        ],
        evidence=[row for r in results for row in _evidence_rows(r.id, service.answers.get(r.id))],
        total=_score(evaluation.total, "", "All applicable obligations"),
        pillars=[_score(p, "", p.title) for p in evaluation.pillars],
        sources=[_source_score(catalog, s) for s in evaluation.sources],
        assessed_by=evaluation.assessed_by,
        assessed_on=evaluation.assessed_on,
    )
    return _redacted(content) if redact else content


def digest(source: LoadedAssessment | None) -> str:
    """``sha256:`` of the assessment file's bytes and its profile file's bytes (if separate)."""
    hashed = hashlib.sha256()
    if source is not None:
        for part in (source.path, source.profile_path):
            if part is not None:
                data = part.read_bytes()
                hashed.update(len(data).to_bytes(8, "big") + data)
    return f"sha256:{hashed.hexdigest()}"


def answer_values(answer: Answer | None) -> Row:
    """An answer's editable fields as the Answers sheet shows them (no answer: the defaults)."""
    answer = answer or Answer()
    return {
        "status": answer.status.value,
        "owner": answer.owner,
        "due": answer.due,
        "notes": answer.notes,
        "justification": answer.justification,
        "accepted_by": answer.accepted_by,
        "accepted_on": answer.accepted_on,
    }


def evidence_ref(obligation_id: str, index: int) -> str:
    """The row key of the ``index``-th (from 0) piece of evidence of an answer."""
    return f"{obligation_id}#{index + 1}"


def evidence_values(evidence: EvidenceRef) -> Row:
    """A piece of evidence as the Evidence sheet shows it (without its key and obligation)."""
    return {
        "title": evidence.title,
        "location": evidence.url or evidence.path,
        "collected": evidence.collected,
        "expires": evidence.expires,
        "sensitivity": evidence.sensitivity.value if evidence.sensitivity else None,
    }


def _answer_row(
    catalog: Catalog,
    result: ObligationResult,
    verdict: Applicability | None,
    answer: Answer | None,
    redact: bool,
) -> Row:
    obligation = catalog.obligation(result.id)
    findings = [f"{f.level.value}: {finding_text(f, redacted=redact)}" for f in result.findings]
    pillar = catalog.pillar(result.pillar)
    assert obligation is not None, "the evaluation is made from the catalogue"
    return {
        "id": result.id,
        "pillar": pillar.title if pillar else result.pillar,
        "title": result.title,
        "force": label(result.force),
        "applies": _applies(verdict),
        **answer_values(answer),
        "statement": " ".join(obligation.statement.split()),
        "why": "\n".join(verdict.reasons) if verdict else "",
        "questions": _listed(q.text for q in obligation.questions),
        "expected": _listed(e.description for e in obligation.evidence),
        "findings": "\n".join(findings) or None,
    }


def _applies(verdict: Applicability | None) -> str:
    """Whether it applies: ``yes`` when the profile decides it.

    Where the profile leaves a fact open, csea treats the obligation as applying and marks
    it assumed; this column is where that mark is shown.
    """
    return "yes" if verdict is None or verdict.applies else "no"


def _listed(texts: Iterable[str]) -> str | None:
    lines = [f"- {' '.join(text.split())}" for text in texts]
    return "\n".join(lines) or None


def _evidence_rows(obligation_id: str, answer: Answer | None) -> list[Row]:
    return [
        {"ref": evidence_ref(obligation_id, i), "obligation": obligation_id, **evidence_values(e)}
        for i, e in enumerate(answer.evidence if answer else [])
    ]


def _score(rollup: Rollup, force: str, title: str) -> ScoreLine:
    return ScoreLine(
        id=rollup.id,
        title=title,
        force=force,
        applicable=len(rollup.obligation_ids),
        counts={status: rollup.counts.get(status, 0) for status in Status},
        score=rollup.score,
        legal_duties_unmet=rollup.legal_duties_unmet,
    )


def _source_score(catalog: Catalog, rollup: Rollup) -> ScoreLine:
    source = catalog.source(rollup.id)
    return _score(rollup, label(source.force) if source else "", rollup.title)


def _json(value: Value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _redacted(content: WorkbookContent) -> WorkbookContent:
    """The content without what ``--redact`` removes (the findings were shown redacted)."""
    kept = [r for r in content.evidence if r["sensitivity"] is None]
    return replace(
        content,
        answers=[_stripped(r, ANSWERS) for r in content.answers],
        evidence=[_stripped(r, EVIDENCE) for r in kept],
        assessed_by=None,
    )


def _stripped(row: Row, sheet: Sheet) -> Row:
    return {c.key: None if c.secret else row[c.key] for c in sheet.columns}
