"""``csea import``: a filled-in workbook merged back into the assessment file it came from.

[preview_import][csea.workbook.imports.preview_import] reads the workbook safely
([csea.workbook.read][]), refuses one exported with ``--redact``, from another catalogue
version, or from another service's assessment, and one whose assessment (or profile)
changed since the export unless forced; plans the edits cell by cell
([csea.workbook.plan][]), merges them ([csea.workbook.merge][]), and says what changed in
the words of ``csea diff``. Every bad cell is reported at once and nothing is written.
[import_workbook][csea.workbook.imports.import_workbook] then sets the changed fields in
place through the rewrite engine and writes the file, verified.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from csea.assessment.diff import AssessmentDiff, DiffKind, diff_assessments
from csea.assessment.load import LoadedAssessment, load_assessment
from csea.assessment.rewrite import AssessmentEditor
from csea.codes import ProblemCode
from csea.errors import InputError, Problem, WriteRefusedError
from csea.models import Catalog
from csea.workbook.cells import CellReader
from csea.workbook.columns import FORMAT, MetaKey
from csea.workbook.content import digest
from csea.workbook.merge import Merged, merge_plan
from csea.workbook.plan import plan_import
from csea.workbook.read import WorkbookCells, read_workbook
from csea.workbook.snapshot import base_of

__all__ = ["ImportPreview", "ImportResult", "import_workbook", "preview_import"]


@dataclass(frozen=True)
class ImportPreview:
    """What importing a workbook changes in an assessment (nothing is written yet)."""

    workbook: str
    """The workbook, as the user named it."""
    loaded: LoadedAssessment
    """The assessment as it is now."""
    merged: Merged
    """The answers after the import, and the conflicts resolved on the way."""
    diff: AssessmentDiff
    """What the import changes, in the words of ``csea diff`` (evidence that has expired is
    not a change the import makes, so it is left out)."""
    warnings: list[Problem] = field(default_factory=list)
    """Rows deleted from the workbook (what they held is kept)."""
    stale: bool = False
    """Whether the assessment changed since the export (only imported with ``force``)."""


def preview_import(
    catalog: Catalog,
    workbook: Path,
    into: Path | None = None,
    *,
    as_of: dt.date,
    force: bool = False,
    day_first: bool | None = None,
    display: str | None = None,
) -> ImportPreview:
    """Read a workbook, check it belongs to the assessment, and work out what it changes.

    Args:
        catalog: The catalogue in use.
        workbook: The filled-in workbook.
        into: The assessment to import into (default: the one it was exported from).
        as_of: The day evidence expiry is judged on, in the list of changes.
        force: Import even when the assessment changed since the export, field by field.
        day_first: How to read dates such as ``01/12/2026``: day first, month first
            (False), or only when they can be read one way (None).
        display: The workbook's name in messages (default: the path).

    Raises:
        InputError: The workbook is unsafe, damaged, redacted, from another catalogue
            version or service, stale (without ``force``), or has cells that cannot be
            used (each with its cell); or the assessment cannot be read.
    """
    name = display or str(workbook)
    cells = read_workbook(workbook, name)
    _check_meta(cells, catalog)
    loaded = load_assessment(into or Path(cells.meta[MetaKey.ASSESSMENT]))
    _same_service(cells, loaded)
    stale = digest(loaded) != cells.meta[MetaKey.DIGEST]
    if stale and not force:
        raise _refused(
            name,
            ProblemCode.WORKBOOK_STALE,
            f"{loaded.path} (or its profile) changed since this workbook was exported; export "
            "it again and redo the changes, or import with --force to merge field by field",
        )
    base = base_of(cells)
    as_of_export = dt.date.fromisoformat(cells.meta[MetaKey.AS_OF])
    plan = plan_import(
        cells, base, CellReader(name, day_first), (catalog, loaded.profile, as_of_export)
    )
    merged = merge_plan(loaded.assessment.answers, base, plan, name)
    after = replace(
        loaded, assessment=loaded.assessment.model_copy(update={"answers": merged.answers})
    )
    diff = diff_assessments(loaded, after, catalog, as_of)
    made = [c for c in diff.changes if c.kind is not DiffKind.EVIDENCE_EXPIRED]
    diff = diff.model_copy(update={"changes": made, "new_file": name})
    return ImportPreview(name, loaded, merged, diff, plan.warnings, stale)


def _check_meta(cells: WorkbookCells, catalog: Catalog) -> None:
    meta = cells.meta
    wanted = [MetaKey.FORMAT, MetaKey.ASSESSMENT, MetaKey.DIGEST, MetaKey.AS_OF]
    if meta.get(MetaKey.FORMAT) != FORMAT or any(k not in meta for k in wanted):
        raise _refused(
            cells.file,
            ProblemCode.NOT_A_WORKBOOK,
            f"not a workbook csea exported ({FORMAT}); export it with 'csea export'",
        )
    if meta.get(MetaKey.REDACTED) == "yes":
        raise _refused(
            cells.file,
            ProblemCode.WORKBOOK_REDACTED,
            "it was exported with --redact (for readers outside the organisation), so owners, "
            "notes and evidence are missing from it; fill in a workbook exported without --redact",
        )
    made = (meta.get(MetaKey.CATALOG_ID), meta.get(MetaKey.CATALOG_VERSION))
    if made != (catalog.header.id, catalog.version):
        raise _refused(
            cells.file,
            ProblemCode.WORKBOOK_MISMATCH,
            f"exported against catalogue {made[0]} {made[1]}, but the catalogue in use is "
            f"{catalog.header.id} {catalog.version}; export the workbook again",
        )


def _same_service(cells: WorkbookCells, loaded: LoadedAssessment) -> None:
    exported = (cells.meta.get(MetaKey.ORGANISATION), cells.meta.get(MetaKey.SERVICE))
    profile = loaded.profile
    if exported != (profile.organisation, profile.service):
        raise _refused(
            cells.file,
            ProblemCode.WORKBOOK_MISMATCH,
            f"exported from the assessment of {exported[1]} ({exported[0]}) "
            f"({cells.meta[MetaKey.ASSESSMENT]}), not of {profile.service} "
            f"({profile.organisation}) in {loaded.path}",
        )


def _refused(file: str, code: ProblemCode, message: str) -> InputError:
    problem = Problem(code=code, message=message, file=file)
    return InputError([problem], f"{file}: {message}")


@dataclass(frozen=True)
class ImportResult:
    """What ``csea import`` did."""

    preview: ImportPreview
    """What the workbook changes, and the conflicts and warnings on the way."""
    text: str
    """The assessment file's new text (the same as before when nothing changed)."""
    written: bool
    """Whether the file was written (not with ``dry_run``, nor when nothing changed)."""


def import_workbook(
    catalog: Catalog,
    workbook: Path,
    into: Path | None = None,
    *,
    as_of: dt.date,
    force: bool = False,
    dry_run: bool = False,
    day_first: bool | None = None,
    display: str | None = None,
) -> ImportResult:
    """Merge a filled-in workbook into its assessment file, keeping every other byte.

    The same arguments as [preview_import][csea.workbook.imports.preview_import], and
    ``dry_run`` to work out and verify the new text without writing it. The fields are set
    in place through the rewrite engine (``AssessmentEditor``): order, comments and
    untouched answers keep every byte, and the new text must read back as exactly the
    merged answers before anything is written.

    Raises:
        InputError: As ``preview_import``; nothing is written.
        WriteRefusedError: The file changed while it was being imported, or could not be
            written; it is left as it was.
    """
    preview = preview_import(
        catalog,
        workbook,
        into,
        as_of=as_of,
        force=force,
        day_first=day_first,
        display=display,
    )
    editor = AssessmentEditor.open(preview.loaded.path)
    _apply(editor, preview.merged, [o.id for o in catalog.obligations])
    if editor.assessment.answers != preview.merged.answers:
        raise WriteRefusedError(
            f"could not import {preview.workbook} into {preview.loaded.path} without changing "
            "other answers; nothing was written; please report this as a csea bug"
        )
    written = editor.changed and not dry_run
    if written:
        editor.write()
    return ImportResult(preview, editor.content(), written)


def _apply(editor: AssessmentEditor, merged: Merged, order: list[str]) -> None:
    """Make the merged changes with the editor: fields set in place, evidence added at the end."""
    for oid in merged.changed:
        operations = [op for op in merged.operations if op.path[0] == oid]
        answer = merged.answers[oid]
        if editor.answer(oid) is None:
            editor.add_answer(oid, answer, order=order)
            continue
        fields = {
            str(op.path[1]): op.value for op in operations if len(op.path) == 2 and not op.append
        }
        if any(len(op.path) == 4 for op in operations):
            fields["evidence"] = answer.evidence
        if fields:
            editor.set_fields(oid, **fields)
        added = [op.value for op in operations if op.append]
        if added and "evidence" not in fields:
            editor.add_items(oid, "evidence", *added)
