"""The snapshot an exported workbook keeps of what it wrote in the cells a person may edit.

The import compares every such cell with it: a cell that still holds what was exported
changes nothing. ``import --force`` also merges against it (see [csea.workbook.merge][]).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Sensitivity, Status
from csea.workbook.cells import Read
from csea.workbook.columns import ANSWERS, EVIDENCE, Column, Kind, MetaKey
from csea.workbook.read import WorkbookCells

__all__ = ["Base", "base_of"]


@dataclass(frozen=True)
class Base:
    """What the export wrote in the cells a person may edit (the snapshot)."""

    answers: dict[str, dict[str, Read]]
    """Each exported answer's editable values, by obligation id, in export order."""
    evidence: dict[str, dict[str, Read]]
    """Each exported piece of evidence's values (with its obligation), by row key."""


def base_of(cells: WorkbookCells) -> Base:
    """The snapshot the workbook keeps of what it exported.

    Raises:
        InputError: The snapshot is missing or damaged.
    """
    try:
        data = json.loads(cells.meta[MetaKey.SNAPSHOT])
        answers = {
            str(oid): {c.key: _typed(values[c.key], c) for c in ANSWERS.editable}
            for oid, values in data["answers"].items()
        }
        evidence = {
            str(row["ref"]): {c.key: _typed(row[c.key], c) for c in EVIDENCE.columns}
            for row in data["evidence"]
        }
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        message = f"the csea sheet's snapshot is damaged ({error}); export the workbook again"
        problem = Problem(code=ProblemCode.NOT_A_WORKBOOK, message=message, file=cells.file)
        raise InputError([problem], f"{cells.file}: {message}") from None
    return Base(answers, evidence)


def _typed(value: object, column: Column) -> Read:
    if value is None:
        return None
    if column.kind is Kind.DATE:
        return dt.date.fromisoformat(str(value))
    if column.kind is Kind.STATUS:
        return Status(str(value))
    if column.kind is Kind.SENSITIVITY:
        return Sensitivity(str(value))
    return str(value)
