"""``csea init``: the assessment skeleton for a service, and bringing it up to date.

A fresh skeleton lists every obligation that applies to the profile, in catalogue
order, each with ``status: not_assessed`` and, as comments above it, its title, why it
applies and how binding it is for this service, its statement, the questions to ask
and the evidence that would show it is met.

Run again on an existing assessment (after the catalogue or the profile changed), it
adds the obligations that now apply, in catalogue order, and flags for review the
answers whose obligation no longer applies. Every other byte of the file is kept.

A new file starts with ``# yaml-language-server: $schema=schemas/assessment.schema.json``
([SCHEMA_LINE][csea.assessment.skeleton.SCHEMA_LINE]): editors with a YAML language server
validate and complete the file against the schema ``csea schema --output-dir schemas``
writes beside it. A path, not a URL: csea reads no network and the schema then matches
the csea version in use. An existing file keeps its own first line.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from csea.assessment.load import load_profile
from csea.assessment.rewrite import (
    AssessmentEditor,
    ExistingAssessment,
    flag_over,
    read_existing,
)
from csea.catalog.applicability import applicable_obligations
from csea.codes import ProblemCode
from csea.fileio import refuse_unreadable
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
from csea.yamlio.writer import comment_line, dump_yaml

__all__ = ["SCHEMA_LINE", "InitResult", "init_assessment", "obligation_comments", "plan_init"]

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


SCHEMA_LINE = "yaml-language-server: $schema=schemas/assessment.schema.json"
"""The first line of a new assessment (after ``# ``): where editors find its JSON Schema."""


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
    result, editor = _plan(catalog, profile_path, output, as_of)
    if result.changed:
        editor.write(output, expect=None)
    return result


def plan_init(catalog: Catalog, profile_path: Path, output: Path, as_of: dt.date) -> InitResult:
    """What ``init_assessment`` would write, without writing it (same errors)."""
    return _plan(catalog, profile_path, output, as_of)[0]


def _plan(
    catalog: Catalog, profile_path: Path, output: Path, as_of: dt.date
) -> tuple[InitResult, AssessmentEditor]:
    profile = load_profile(profile_path)
    existing = refuse_unreadable(output, read_existing)
    every = applicable_obligations(catalog, profile, as_of)
    if existing is None:
        applying = [a for a in every if a.applies]
        editor = _fresh(catalog, profile, _relative(profile_path, output), applying, str(output))
        added = [a.obligation_id for a in applying]
        return InitResult(output, editor.content(), True, True, added, [], []), editor
    _check_same(existing, catalog, profile, profile_path, output)
    editor = AssessmentEditor(existing, output)
    return _update(editor, catalog, every, output, as_of), editor


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
) -> AssessmentEditor:
    header = _HEADER.format(
        service=comment_line(profile.service),
        organisation=comment_line(profile.organisation),
        title=comment_line(catalog.header.title),
        version=comment_line(catalog.version),
    )
    ref = CatalogRef(id=catalog.header.id, version=catalog.version)
    top = dump_yaml({"catalog": ref.model_dump(), "profile": profile_ref}) + _PLACEHOLDERS
    base = Assessment(catalog=ref, profile=profile_ref)
    editor = AssessmentEditor.from_text(f"{header}{top}answers: {{}}\n", file, base)
    editor.set_first_line(SCHEMA_LINE, replacing="yaml-language-server:")
    order = [a.obligation_id for a in applying]
    for why in applying:
        _add(editor, catalog, why, order)
    return editor


def _add(editor: AssessmentEditor, catalog: Catalog, why: Applicability, order: list[str]) -> None:
    obligation = catalog.obligation(why.obligation_id)
    assert obligation is not None, "applicability is computed from the catalogue"
    notes = obligation_comments(obligation, why)
    editor.add_answer(obligation.id, Answer(), notes=notes, order=order)


def _update(
    editor: AssessmentEditor,
    catalog: Catalog,
    every: list[Applicability],
    output: Path,
    as_of: dt.date,
) -> InitResult:
    answered = list(editor.assessment.answers)
    order = [o.id for o in catalog.obligations]
    added = [a for a in every if a.applies and a.obligation_id not in answered]
    for why in added:
        _add(editor, catalog, why, order)
    gone = {a.obligation_id: a for a in every if not a.applies}
    stale = [oid for oid in editor.ids() if _no_longer_applies(editor.answer(oid), oid, gone)]
    for oid in stale:
        earlier = editor.assessment.answers[oid].review
        editor.flag(oid, flag_over(earlier, _stale_flag(gone[oid], as_of)))
    unknown = [oid for oid in answered if catalog.obligation(oid) is None]
    added_ids = [a.obligation_id for a in added]
    content = editor.content()
    return InitResult(output, content, False, editor.changed, added_ids, stale, unknown)


def _no_longer_applies(answer: Answer | None, oid: str, gone: dict[str, Applicability]) -> bool:
    """An answer to flag: its obligation does not apply, and nobody said so yet."""
    review = answer.review if answer else None
    return (
        answer is not None
        and oid in gone
        and answer.status is not Status.NOT_APPLICABLE
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
