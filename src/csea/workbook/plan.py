"""What a filled-in workbook changes: every cell read against what was exported, into edits.

[plan_import][csea.workbook.plan.plan_import] compares each cell a person may edit with
the value the export wrote there (the snapshot kept in the workbook). A cell that still
holds exactly what was exported changes nothing, so an untouched workbook changes
nothing. Every other cell is read and checked; each problem is reported with its cell,
all of them at once.

Defined outcomes for what people do to a workbook:

- a row for an obligation that does not apply to the service, or one the catalogue does
  not have: refused, with the cell (and the closest id);
- two rows for the same obligation, or the same evidence row key twice: refused;
- a row deleted: what it held is kept as it is (never deleted), with a warning;
- rows sorted or moved: nothing, rows are matched by their ID or row key;
- a formula: refused, with the cell (never evaluated);
- a date typed as text: read (``2026-12-01``; ``01/12/2026`` as the import is told);
- a cell of only spaces: empty, so the field is removed if it had a value;
- a new evidence row (no row key): added to its obligation's evidence;
- an evidence row moved to another obligation: refused (add a new row instead);
- an evidence row's title, location or collected date emptied: refused (csea import
  never deletes evidence; remove it in the assessment file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Catalog, EvidenceRef, ServiceProfile
from csea.workbook.cells import CellReader, Read, bad_url, location_fields
from csea.workbook.columns import ANSWERS, EVIDENCE, Column
from csea.workbook.read import SheetRow, WorkbookCells
from csea.workbook.snapshot import Base

__all__ = ["Addition", "Edit", "ImportPlan", "plan_import"]


@dataclass(frozen=True)
class Edit:
    """One field changed in the workbook."""

    obligation_id: str
    """The answer."""
    field: str
    """The answer's field, or the evidence field when ``evidence`` is set."""
    value: Read
    """The new value (None: the field is removed)."""
    old: Read
    """The value at the export."""
    cell: str
    """Where it was read (``Answers!F7``)."""
    evidence: str | None = None
    """The row key of the piece of evidence, for an evidence field."""


@dataclass(frozen=True)
class Addition:
    """A piece of evidence added on a new Evidence row."""

    obligation_id: str
    """The answer it is added to."""
    evidence: EvidenceRef
    """The evidence."""
    row: str
    """Where it was read (``Evidence!9``)."""


@dataclass(frozen=True)
class ImportPlan:
    """Everything a workbook changes, and what it left alone."""

    edits: list[Edit] = field(default_factory=list)
    """Fields changed, in row order."""
    additions: list[Addition] = field(default_factory=list)
    """Evidence added, in row order."""
    warnings: list[Problem] = field(default_factory=list)
    """Rows that were deleted (what they held is kept)."""


def plan_import(
    cells: WorkbookCells,
    base: Base,
    reader: CellReader,
    subject: tuple[Catalog, ServiceProfile, dt.date],
) -> ImportPlan:
    """The edits and additions a workbook makes to what was exported.

    Args:
        cells: The workbook's cells.
        base: What the export wrote.
        reader: Reads the cells (and how to read ``01/12/2026``).
        subject: The catalogue, the service's profile and the day applicability was judged
            on at the export (to say why a row's obligation does not apply).

    Raises:
        InputError: A cell cannot be used; every problem is listed with its cell.
    """
    problems: list[Problem] = []
    planner = _Planner(base, reader, subject, problems)
    plan = ImportPlan(
        edits=[*planner.answers(cells.answers), *planner.evidence_edits(cells.evidence)],
        additions=list(planner.additions(cells.evidence)),
        warnings=planner.missing(cells),
    )
    if problems:
        raise InputError(problems, f"{cells.file}: {len(problems)} cell(s) cannot be used")
    return plan


@dataclass
class _Planner:
    base: Base
    reader: CellReader
    subject: tuple[Catalog, ServiceProfile, dt.date]
    problems: list[Problem]

    def answers(self, rows: list[SheetRow]) -> Iterator[Edit]:
        seen: dict[str, str] = {}
        for row in rows:
            oid = self._key(row, ANSWERS.column("id"), seen)
            if oid is None:
                continue
            if oid not in self.base.answers:
                self._not_exported(oid, row.cells["id"].ref)
                continue
            yield from self._edits(row, ANSWERS.editable, self.base.answers[oid], oid, None)

    def evidence_edits(self, rows: list[SheetRow]) -> Iterator[Edit]:
        seen: dict[str, str] = {}
        for row in rows:
            if _blank(row.cells["ref"].value):
                continue
            ref = self._key(row, EVIDENCE.column("ref"), seen)
            if ref is None:
                continue
            old = self.base.evidence.get(ref)
            if old is None:
                self._problem(
                    row.cells["ref"].ref,
                    ProblemCode.INVALID_VALUE,
                    f"'{ref}' is not a row key csea wrote; leave the row key of a new row empty",
                )
                continue
            yield from self._evidence_row(row, ref, old)

    def additions(self, rows: list[SheetRow]) -> Iterator[Addition]:
        for row in rows:
            if not _blank(row.cells["ref"].value):
                continue
            added = self._new_evidence(row)
            if added is not None:
                yield added

    def missing(self, cells: WorkbookCells) -> list[Problem]:
        ids = {str(r.cells["id"].value).strip().upper() for r in cells.answers}
        refs = {str(r.cells["ref"].value).strip().upper() for r in cells.evidence}
        gone = [oid for oid in self.base.answers if oid not in ids]
        lost = [ref for ref in self.base.evidence if ref.upper() not in refs]
        warnings = []
        if gone:
            warnings.append(
                self._warning(
                    ANSWERS.title,
                    f"the rows of {', '.join(gone)} are gone; their answers are kept as they are",
                )
            )
        if lost:
            warnings.append(
                self._warning(
                    EVIDENCE.title,
                    f"the rows {', '.join(lost)} are gone; "
                    "csea import never deletes evidence: remove it in the "
                    "assessment file",
                )
            )
        return warnings

    def _evidence_row(self, row: SheetRow, ref: str, old: dict[str, Read]) -> Iterator[Edit]:
        oid = str(old["obligation"])
        values = self._values(row, EVIDENCE.editable)
        moved = values.get("obligation", oid)
        if "obligation" in values and moved != oid:
            self._problem(
                row.cells["obligation"].ref,
                ProblemCode.INVALID_VALUE,
                f"this evidence belongs to {oid}; to show it for {moved} too, add a new "
                "row (with an empty row key)",
            )
            return
        for column in EVIDENCE.editable:
            if column.key == "obligation" or column.key not in values:
                continue
            new, cell = values[column.key], row.cells[column.key]
            if _same(new, old[column.key]):
                continue
            new = _cleaned(new)
            if column.key == "location" and isinstance(new, str) and bad_url(new):
                self._problem(cell.ref, ProblemCode.BAD_FORMAT, bad_url(new))
            elif new is None and column.key in ("title", "location", "collected"):
                self._problem(
                    cell.ref,
                    ProblemCode.MISSING_FIELD,
                    f"{column.header} is empty; csea import never deletes evidence: "
                    "remove it in the assessment file, or give the value",
                )
            elif new != old[column.key]:
                yield from _evidence_edits(oid, ref, column, new, old[column.key], cell.ref)

    def _new_evidence(self, row: SheetRow) -> Addition | None:
        values = self._values(row, EVIDENCE.editable)
        if len(values) < len(EVIDENCE.editable):
            return None
        oid = values["obligation"]
        where = f"{EVIDENCE.title}!{row.number}:{row.number}"
        if oid is None:
            self._problem(
                row.cells["obligation"].ref,
                ProblemCode.MISSING_FIELD,
                "a new evidence row needs its obligation ID",
            )
            return None
        if oid not in self.base.answers:
            self._not_exported(str(oid), row.cells["obligation"].ref)
            return None
        return self._evidence_model(row, str(oid), values, where)

    def _evidence_model(
        self, row: SheetRow, oid: str, values: dict[str, Read], where: str
    ) -> Addition | None:
        needed = [
            key for key in ("title", "location", "collected") if _cleaned(values[key]) is None
        ]
        for key in needed:
            self._problem(
                row.cells[key].ref,
                ProblemCode.MISSING_FIELD,
                f"a new evidence row needs its {EVIDENCE.column(key).header}",
            )
        if needed:
            return None
        location = str(_cleaned(values["location"]))
        if bad_url(location):
            self._problem(row.cells["location"].ref, ProblemCode.BAD_FORMAT, bad_url(location))
            return None
        evidence = EvidenceRef.model_validate(
            {
                "title": _cleaned(values["title"]),
                **location_fields(location),
                "collected": values["collected"],
                "expires": values["expires"],
                "sensitivity": values["sensitivity"],
            }
        )
        return Addition(oid, evidence, where)

    def _edits(
        self,
        row: SheetRow,
        columns: tuple[Column, ...],
        old: dict[str, Read],
        oid: str,
        ref: str | None,
    ) -> Iterator[Edit]:
        for key, new in self._values(row, columns).items():
            if _same(new, old[key]):
                continue
            cleaned = _cleaned(new)
            if cleaned != old[key]:
                yield Edit(oid, key, cleaned, old[key], row.cells[key].ref, ref)

    def _values(self, row: SheetRow, columns: tuple[Column, ...]) -> dict[str, Read]:
        """The cells' values; a cell with a problem is left out (the problem recorded)."""
        values: dict[str, Read] = {}
        for column in columns:
            value, problem = self.reader.read(row.cells[column.key], column)
            if problem is None:
                values[column.key] = value
            else:
                self.problems.append(problem)
        return values

    def _key(self, row: SheetRow, column: Column, seen: dict[str, str]) -> str | None:
        cell = row.cells[column.key]
        value, problem = self.reader.read(cell, column)
        if problem is not None:
            self.problems.append(problem)
            return None
        if value is None:
            self._problem(
                cell.ref,
                ProblemCode.MISSING_FIELD,
                f"a row with answers but no {column.header}; fill it in or clear the row",
            )
            return None
        key = str(value)
        if key in seen:
            self._problem(
                cell.ref,
                ProblemCode.DUPLICATE_ROW,
                f"{key} is also on {seen[key]}; keep one row for it",
            )
            return None
        seen[key] = cell.ref
        return key

    def _not_exported(self, oid: str, ref: str) -> None:
        catalog, profile, as_of = self.subject
        obligation = catalog.obligation(oid)
        if obligation is None:
            prefix = oid.split("-", maxsplit=1)[0]
            close = [i for i in self.base.answers if i.startswith(prefix + "-")][:3]
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            self._problem(
                ref,
                ProblemCode.UNKNOWN_OBLIGATION,
                f"'{oid}' is not an obligation of catalogue {catalog.header.id} "
                f"{catalog.version}{hint}",
            )
            return
        self._problem(
            ref,
            ProblemCode.ROW_DOES_NOT_APPLY,
            f"{oid} does not apply to {profile.service} on {as_of.isoformat()} (see "
            f"'csea applicable --explain {oid}'); answers are only for the obligations that "
            "apply: remove the row",
        )

    def _problem(self, ref: str, code: ProblemCode, message: str) -> None:
        self.problems.append(self.reader.problem(ref, code, message))

    def _warning(self, sheet: str, message: str) -> Problem:
        return Problem(
            code=ProblemCode.ROW_MISSING,
            message=message,
            file=self.reader.file,
            cell=sheet,
            severity=ProblemCode.ROW_MISSING.severity,
        )


def _evidence_edits(
    oid: str, ref: str, column: Column, new: Read, old: Read, cell: str
) -> Iterator[Edit]:
    if column.key != "location":
        yield Edit(oid, column.key, new, old, cell, ref)
        return
    before = location_fields(str(old))
    for key, value in location_fields(str(new)).items():
        if value != before[key]:
            yield Edit(oid, key, value, before[key], cell, ref)


def _same(new: Read, old: Read) -> bool:
    return new == old


def _cleaned(value: Read) -> Read:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
