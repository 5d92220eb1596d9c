"""``csea init``: the assessment skeleton for a service, and bringing it up to date.

A fresh skeleton lists every obligation that applies to the profile, in catalogue
order, each with ``status: not_assessed`` and, as comments above it, its title, why it
applies and how binding it is for this service, its statement, the questions to ask
and the evidence that would show it is met.

Run again on an existing assessment (after the catalogue or the profile changed), it
adds the obligations that now apply, in catalogue order, and flags for review the
answers whose obligation no longer applies. Every other byte of the file is kept.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from csea.assessment.load import load_profile
from csea.assessment.rewrite import (
    ExistingAssessment,
    flag_over,
    insert_in_order,
    read_existing,
    verified_text,
)
from csea.assessment.text import AnswerBlock, AssessmentText
from csea.assessment.text import parse_assessment_text as cut_text
from csea.catalog.applicability import applicable_obligations
from csea.codes import ProblemCode
from csea.fileio import refuse_unreadable, write_atomic
from csea.models import (
    Answer,
    Applicability,
    Assessment,
    Catalog,
    CatalogRef,
    Obligation,
    ReviewFlag,
    ReviewReason,
    ServiceProfile,
    Status,
)
from csea.yamlio.writer import dump_yaml

__all__ = ["InitResult", "init_assessment", "obligation_comments", "plan_init"]

_WIDTH = 96
_HEADER = """\
# Self-assessment of {service} ({organisation}) against {title} {version}.
# Written by 'csea init'. For each obligation below, set 'status' to one of:
#   implemented, partial, planned, not_implemented, not_applicable, not_assessed
# and add what applies: evidence (title, url or path, collected: YYYY-MM-DD; by reference only),
# owner, due (planned, partial), accepted_by (an accepted not_implemented risk),
# justification (not_applicable), notes.
# Run 'csea init' again after the catalogue or the profile changes: new obligations are
# added and your answers and comments are kept as they are.
"""
_PLACEHOLDERS = """\
# assessed_by: the person or team who made the assessment
# assessed_on: YYYY-MM-DD
"""


@dataclass(frozen=True)
class InitResult:
    """What ``csea init`` wrote (or would write)."""

    path: Path
    """The assessment file."""
    text: str
    """Its new text."""
    created: bool
    """Whether the file is new."""
    changed: bool
    """Whether the text differs from the file on disk."""
    added: list[str]
    """Obligations added, in catalogue order."""
    flagged: list[str]
    """Answers newly flagged because their obligation no longer applies."""
    unknown: list[str]
    """Answers for ids the catalogue does not know (left as they are)."""


def init_assessment(
    catalog: Catalog, profile_path: Path, output: Path, as_of: dt.date
) -> InitResult:
    """Write the skeleton to ``output``, or bring the assessment there up to date.

    Raises:
        InputError: The profile is unusable, or the existing assessment was made against
            another catalogue version or another profile.
        WriteRefusedError: ``output`` exists but could not be read, or could not be written.
    """
    result = plan_init(catalog, profile_path, output, as_of)
    if result.changed:
        write_atomic(output, result.text)
    return result


def plan_init(catalog: Catalog, profile_path: Path, output: Path, as_of: dt.date) -> InitResult:
    """What ``init_assessment`` would write, without writing it (same errors)."""
    profile = load_profile(profile_path)
    existing = refuse_unreadable(output, read_existing)
    every = applicable_obligations(catalog, profile, as_of)
    if existing is None:
        applying = [a for a in every if a.applies]
        text = _fresh(catalog, profile, _relative(profile_path, output), applying, str(output))
        added = [a.obligation_id for a in applying]
        return InitResult(output, text, True, True, added, [], [])
    _check_same(existing, catalog, profile, profile_path, output)
    return _update(existing, catalog, every, output, as_of)


def obligation_comments(obligation: Obligation, why: Applicability) -> list[str]:
    """The comment lines written above an obligation's answer (without the ``#``)."""
    force = why.force.value.replace("_", " ") if why.force else "no source applies"
    if why.force_assumed:
        force += ", assumed"
    lines = [f"{obligation.id}: {obligation.title}"]
    if why.applies and why.assumed:
        lines.append(f"Assumed to apply ({force}): {'; '.join(why.reasons)}")
    elif why.applies:
        lines.append(f"Applies ({force}): {'; '.join(why.reasons)}")
    else:
        lines.append(f"Does not apply to this service: {'; '.join(why.reasons)}")
    if why.undeclared:
        lines.append(f"To settle it, declare in the profile: {', '.join(map(str, why.undeclared))}")
    lines += _wrapped("Statement: ", obligation.statement)
    if obligation.questions:
        lines.append("Questions:")
        lines += [line for q in obligation.questions for line in _wrapped("- ", q.text)]
    if obligation.evidence:
        lines.append("Evidence that would show it:")
        lines += [line for e in obligation.evidence for line in _wrapped("- ", e.description)]
    return lines


def _wrapped(label: str, text: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent=label,
        subsequent_indent=" " * len(label),
        break_on_hyphens=False,
    )


def _fresh(
    catalog: Catalog,
    profile: ServiceProfile,
    profile_ref: str,
    applying: list[Applicability],
    file: str,
) -> str:
    header = _HEADER.format(
        service=profile.service,
        organisation=profile.organisation,
        title=catalog.header.title,
        version=catalog.version,
    )
    ref = CatalogRef(id=catalog.header.id, version=catalog.version)
    top = dump_yaml({"catalog": ref.model_dump(), "profile": profile_ref}) + _PLACEHOLDERS
    base = AssessmentText([header, top], ["answers:\n"], [], [], empty_header=["answers: {}\n"])
    blocks = [_new_block(base, catalog, a) for a in applying]
    expected = Assessment(
        catalog=ref, profile=profile_ref, answers={b.id: b.answer for b in blocks}
    )
    return verified_text(base.with_blocks(blocks).render(), file, expected)


def _new_block(text: AssessmentText, catalog: Catalog, why: Applicability) -> AnswerBlock:
    obligation = catalog.obligation(why.obligation_id)
    assert obligation is not None, "applicability is computed from the catalogue"
    return text.new_block(obligation.id, obligation_comments(obligation, why), Answer())


def _update(
    existing: ExistingAssessment,
    catalog: Catalog,
    every: list[Applicability],
    output: Path,
    as_of: dt.date,
) -> InitResult:
    answers = existing.assessment.answers
    text = cut_text(existing.text, str(output), dict(answers))
    blocks = list(text.blocks)
    order = [o.id for o in catalog.obligations]
    added = [a for a in every if a.applies and a.obligation_id not in answers]
    for why in added:
        blocks = insert_in_order(blocks, _new_block(text, catalog, why), order)
    gone = {a.obligation_id: a for a in every if not a.applies}
    stale = [b.id for b in blocks if _no_longer_applies(b, gone)]
    blocks = [
        text.flagged(b, flag_over(b, _stale_flag(gone[b.id], as_of))) if b.id in stale else b
        for b in blocks
    ]
    expected = existing.assessment.model_copy(update={"answers": {b.id: b.answer for b in blocks}})
    body = verified_text(text.with_blocks(blocks).render(), str(output), expected)
    unknown = [oid for oid in answers if catalog.obligation(oid) is None]
    added_ids = [a.obligation_id for a in added]
    rendered = ("\ufeff" if existing.bom else "") + body
    changed = body != existing.text
    return InitResult(output, rendered, False, changed, added_ids, stale, unknown)


def _no_longer_applies(block: AnswerBlock, gone: dict[str, Applicability]) -> bool:
    """An answer to flag: its obligation does not apply, and nobody said so yet."""
    review = block.answer.review
    return (
        block.id in gone
        and block.answer.status is not Status.NOT_APPLICABLE
        and (review is None or review.reason is not ReviewReason.NO_LONGER_APPLIES)
    )


def _stale_flag(why: Applicability, as_of: dt.date) -> ReviewFlag:
    note = f"does not apply to the service on {as_of.isoformat()}: {'; '.join(why.reasons)}"
    return ReviewFlag(reason=ReviewReason.NO_LONGER_APPLIES, note=note, raised=as_of)


def _check_same(
    existing: ExistingAssessment,
    catalog: Catalog,
    profile: ServiceProfile,
    profile_path: Path,
    output: Path,
) -> None:
    """Refuse an assessment made against another catalogue version or another profile."""
    ref = existing.assessment.catalog
    if (ref.id, ref.version) != (catalog.header.id, catalog.version):
        message = (
            f"made against catalogue {ref.id} {ref.version}, but the catalogue in use is "
            f"{catalog.header.id} {catalog.version}; run 'csea migrate {output}' first"
        )
        raise existing.error(["catalog", "version"], ProblemCode.CATALOG_VERSION, message)
    named = existing.assessment.profile
    if isinstance(named, ServiceProfile):
        if named != profile:
            message = (
                f"this assessment keeps its profile inline and it differs from {profile_path}; "
                "make them the same before running init"
            )
            raise existing.error(["profile"], ProblemCode.PROFILE_MISMATCH, message)
    elif (output.parent / named).resolve() != profile_path.resolve():
        message = (
            f"this assessment is for the profile '{named}', not {profile_path}; give that "
            "profile, or change 'profile' in the assessment"
        )
        raise existing.error(["profile"], ProblemCode.PROFILE_MISMATCH, message)


def _relative(profile_path: Path, output: Path) -> str:
    """The profile's path relative to the assessment's directory, with forward slashes."""
    target = profile_path.resolve()
    try:
        return Path(os.path.relpath(target, output.resolve().parent)).as_posix()
    except ValueError:
        return target.as_posix()
