"""Apply a workbook's edits to the assessment's answers, field by field, and say where they clash.

The edits are made against what was exported. When the assessment is the same as at the
export (the usual case), they apply as they are. With ``import --force`` on an assessment
that changed since, each field is merged on its own: a field the workbook did not change
keeps the assessment's value; a field only the workbook changed takes the workbook's; a
field both changed takes the workbook's, and that is reported as a conflict with all three
values (unless both made the same change). A piece of evidence the workbook edited is
found again by its values or its location; one removed from the assessment since is a
conflict and is not brought back. Evidence the workbook adds that the assessment already
holds is not added twice, so importing the same workbook again with ``--force`` changes
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from csea.codes import ProblemCode
from csea.errors import Problem
from csea.models import Answer, EvidenceRef
from csea.workbook.cells import Read
from csea.workbook.content import evidence_values
from csea.workbook.plan import Edit, ImportPlan
from csea.workbook.snapshot import Base

__all__ = ["Merged", "Operation", "merge_plan"]


@dataclass(frozen=True)
class Operation:
    """One change to make to the assessment file's text, in the file's own terms."""

    path: tuple[str | int, ...]
    """Where, under ``answers``: ``(id, field)``, or ``(id, "evidence", index, field)`` for a
    piece of evidence as it stands in the file now, or ``(id, "evidence")`` to add one."""
    value: object
    """The new value as plain data (None: remove the field), or the evidence to add."""
    append: bool = False
    """Whether ``value`` is added at the end of the list at ``path``."""


@dataclass(frozen=True)
class Merged:
    """The answers after the workbook's edits, and the conflicts resolved on the way."""

    answers: dict[str, Answer]
    """Every answer, in the assessment's order (new answers at the end)."""
    changed: list[str] = field(default_factory=list)
    """The ids of the answers that changed, in order."""
    conflicts: list[Problem] = field(default_factory=list)
    """Fields changed both in the workbook and in the assessment since the export."""
    operations: list[Operation] = field(default_factory=list)
    """The changes to make to the file's text, in order."""


def merge_plan(ours: Mapping[str, Answer], base: Base, plan: ImportPlan, file: str) -> Merged:
    """The answers with the plan applied (see the module's docstring)."""
    data = {oid: answer.model_dump() for oid, answer in ours.items()}
    conflicts: list[Problem] = []
    operations: list[Operation] = []
    for edit in plan.edits:
        found = _target(data, edit, base, conflicts, file)
        if found is None:
            continue
        target, where = found
        current = target.get(edit.field)
        if current == edit.value:
            continue
        if current != edit.old:
            conflicts.append(_conflict(edit, current, file))
        target[edit.field] = edit.value
        operations.append(Operation((*where, edit.field), _plain(edit.value)))
    for addition in plan.additions:
        answer = data.setdefault(addition.obligation_id, Answer().model_dump())
        if addition.evidence.model_dump() in answer["evidence"]:
            continue
        answer["evidence"].append(addition.evidence.model_dump())
        item = addition.evidence.model_dump(mode="json", exclude_none=True)
        item["collected"] = addition.evidence.collected
        if addition.evidence.expires is not None:
            item["expires"] = addition.evidence.expires
        operations.append(Operation((addition.obligation_id, "evidence"), item, append=True))
    answers = {oid: Answer.model_validate(values) for oid, values in data.items()}
    changed = list(dict.fromkeys(str(op.path[0]) for op in operations))
    return Merged(answers, changed, conflicts, operations)


def _target(
    data: dict[str, dict[str, object]],
    edit: Edit,
    base: Base,
    conflicts: list[Problem],
    file: str,
) -> tuple[dict[str, object], tuple[str | int, ...]] | None:
    """The mapping an edit changes, and where it is in the file."""
    answer = data.setdefault(edit.obligation_id, Answer().model_dump())
    if edit.evidence is None:
        return answer, (edit.obligation_id,)
    items = answer["evidence"]
    assert isinstance(items, list)
    exported = base.evidence[edit.evidence]
    index = _find(items, exported)
    if index is None:
        conflicts.append(
            Problem(
                code=ProblemCode.MERGE_CONFLICT,
                message=f"{edit.obligation_id}: the evidence '{exported['title']}' was removed "
                "from the assessment since the export; the workbook's change to it is not "
                "applied",
                file=file,
                cell=edit.cell,
                severity=ProblemCode.MERGE_CONFLICT.severity,
            )
        )
        return None
    found = items[index]
    assert isinstance(found, dict)
    return found, (edit.obligation_id, "evidence", index)


def _find(items: list[object], exported: dict[str, Read]) -> int | None:
    """Where the exported piece of evidence is now: the same values, else the same location."""
    wanted = {k: v for k, v in exported.items() if k not in ("ref", "obligation")}
    shown = [evidence_values(EvidenceRef.model_validate(item)) for item in items]
    same = [i for i, values in enumerate(shown) if values == wanted]
    where = [i for i, values in enumerate(shown) if values["location"] == wanted["location"]]
    found = same or where
    return found[0] if found else None


def _conflict(edit: Edit, current: object, file: str) -> Problem:
    name = edit.field if edit.evidence is None else f"evidence {edit.evidence} {edit.field}"
    message = (
        f"{edit.obligation_id} {name}: changed in the workbook ({_shown(edit.old)} -> "
        f"{_shown(edit.value)}) and in the assessment since the export (now "
        f"{_shown(current)}); the workbook's value is kept"
    )
    return Problem(
        code=ProblemCode.MERGE_CONFLICT,
        message=message,
        file=file,
        cell=edit.cell,
        severity=ProblemCode.MERGE_CONFLICT.severity,
    )


def _plain(value: object) -> object:
    """A value as the YAML file holds it: a status or label as its text, a date as a date."""
    return value.value if isinstance(value, StrEnum) else value


def _shown(value: object) -> str:
    if value is None:
        return "empty"
    text = getattr(value, "value", value)
    return f"'{getattr(text, 'isoformat', lambda: text)()}'"
