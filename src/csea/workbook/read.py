"""Read the cells of an assessment workbook csea exported: bounded, values only, nothing run.

[read_workbook][csea.workbook.read.read_workbook] first checks the package
([csea.workbook.package][]), then reads with openpyxl in read-only mode: no macros, no
external links, formulas as text (never evaluated; a formula where csea reads a value is
refused by the import, with its cell). It reads the metadata sheet, and the Answers and
Evidence sheets' columns csea knows, found by their headers, at most ``MAX_ROWS`` rows
and ``MAX_COLUMNS`` columns each.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.workbook.columns import ANSWERS, EVIDENCE, META, MetaKey, Sheet
from csea.workbook.package import check_package

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "Cell", "SheetRow", "WorkbookCells", "read_workbook"]

MAX_ROWS = 5_000
"""The most rows csea reads from a sheet (the catalogue has about 70 obligations)."""
MAX_COLUMNS = 64
"""The most columns csea looks at in a sheet."""

_BROKEN = (
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    SyntaxError,
    zipfile.BadZipFile,
    InvalidFileException,
)
"""What openpyxl raises on a package whose parts are malformed (SyntaxError: bad XML)."""


@dataclass(frozen=True)
class Cell:
    """One cell csea reads."""

    ref: str
    """Its sheet and address (``Answers!F7``)."""
    value: object
    """What it holds, as openpyxl reads it (text, a number, a date, true/false, or None)."""
    formula: bool = False
    """Whether it holds a formula (``value`` is then its text; it is never evaluated)."""


@dataclass(frozen=True)
class SheetRow:
    """One row of a sheet, by column key (only the columns csea reads)."""

    number: int
    """The row number (1 is the header)."""
    cells: dict[str, Cell]
    """Its cells by column key."""

    @property
    def empty(self) -> bool:
        """Whether every cell csea reads is empty."""
        return all(_blank(c.value) for c in self.cells.values())


@dataclass(frozen=True)
class WorkbookCells:
    """What csea reads from a workbook."""

    file: str
    """The workbook, as the user named it."""
    meta: dict[str, str]
    """The metadata sheet's keys and values (the snapshot's rows joined)."""
    answers: list[SheetRow]
    """The Answers sheet's rows after the header, empty rows left out."""
    evidence: list[SheetRow]
    """The Evidence sheet's rows after the header, empty rows left out."""


def read_workbook(path: Path, display: str | None = None) -> WorkbookCells:
    """Read an exported workbook's metadata and the cells csea reads.

    Raises:
        InputError: The file is not a safe, bounded ``.xlsx`` package, not a workbook csea
            exported, has a sheet or header missing, or a sheet larger than the limits;
            every problem found is listed.
    """
    file = display or str(path)
    check_package(path, file)
    try:
        book = load_workbook(
            path, read_only=True, data_only=False, keep_links=False, keep_vba=False
        )
    except _BROKEN as error:
        raise _refused(
            file, ProblemCode.NOT_A_WORKBOOK, f"openpyxl cannot read it ({error})"
        ) from None
    try:
        return _cells(book, file)
    except _BROKEN as error:
        raise _refused(file, ProblemCode.NOT_A_WORKBOOK, f"a damaged sheet ({error})") from None
    finally:
        book.close()


def _cells(book: Workbook, file: str) -> WorkbookCells:
    sheets = {name: cast(Worksheet, book[name]) for name in book.sheetnames}
    if META not in sheets:
        raise _refused(
            file, ProblemCode.NOT_A_WORKBOOK, "not a workbook csea exported (it has no csea sheet)"
        )
    missing = [
        _problem(file, ProblemCode.WORKBOOK_LAYOUT, f"the sheet '{s.title}' is missing")
        for s in (ANSWERS, EVIDENCE)
        if s.title not in sheets
    ]
    if missing:
        raise InputError(missing, f"{file}: a sheet csea needs is missing")
    meta = _meta(sheets[META], file)
    problems: list[Problem] = []
    rows = {}
    for layout in (ANSWERS, EVIDENCE):
        try:
            rows[layout.title] = list(_rows(sheets[layout.title], layout, file))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems, f"{file}: {len(problems)} problem(s) in its layout")
    return WorkbookCells(file, meta, rows[ANSWERS.title], rows[EVIDENCE.title])


def _meta(sheet: Worksheet, file: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for number, row in enumerate(sheet.iter_rows(max_row=MAX_ROWS, max_col=2), start=1):
        key, value = (cell.value for cell in row)
        if isinstance(value, str) and isinstance(key, str):
            joined = key == MetaKey.SNAPSHOT and key in meta
            meta[key] = meta[key] + value if joined else value
        elif key is not None or value is not None:
            message = f"the csea sheet was changed (row {number}); export the workbook again"
            raise _refused(file, ProblemCode.NOT_A_WORKBOOK, message)
    return meta


def _rows(sheet: Worksheet, layout: Sheet, file: str) -> Iterator[SheetRow]:
    declared = sheet.max_row
    if isinstance(declared, int) and declared > MAX_ROWS + 1:
        raise _too_large(file, layout, declared - 1)
    rows = sheet.iter_rows(max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS)
    header = next(rows, ())
    columns = _columns(header, layout, file)
    for number, row in enumerate(rows, start=2):
        cells = {
            key: _cell(row[index] if index < len(row) else None, layout, number, index)
            for key, index in columns.items()
        }
        found = SheetRow(number, cells)
        if found.empty:
            continue
        if number > MAX_ROWS + 1:
            raise _too_large(file, layout, number - 1)
        yield found


def _columns(header: tuple[object, ...], layout: Sheet, file: str) -> dict[str, int]:
    """Each column csea reads (an editable one, or the row's id or key) by its header."""
    texts = {
        " ".join(str(getattr(cell, "value", "")).split()): index
        for index, cell in enumerate(header)
        if getattr(cell, "value", None) is not None
    }
    wanted = [c for c in layout.columns if c.editable or c is layout.columns[0]]
    missing = [c.header for c in wanted if c.header not in texts]
    if missing:
        problems = [
            _problem(
                file,
                ProblemCode.WORKBOOK_LAYOUT,
                f"{layout.title}: no column headed '{h}' in row 1",
            )
            for h in missing
        ]
        raise InputError(problems, f"{file}: a column csea needs is missing")
    return {c.key: texts[c.header] for c in wanted}


def _cell(cell: object, layout: Sheet, number: int, index: int) -> Cell:
    value = getattr(cell, "value", None)
    formula = getattr(cell, "data_type", None) == "f" or isinstance(
        value, ArrayFormula | DataTableFormula
    )
    ref = f"{layout.title}!{get_column_letter(index + 1)}{number}"
    return Cell(ref, str(getattr(value, "text", value)) if formula else value, formula)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _too_large(file: str, layout: Sheet, rows: int) -> InputError:
    message = f"{layout.title} has {rows} rows or more; csea reads at most {MAX_ROWS}"
    return _refused(file, ProblemCode.WORKBOOK_TOO_LARGE, message)


def _problem(file: str, code: ProblemCode, message: str) -> Problem:
    return Problem(code=code, message=message, file=file)


def _refused(file: str, code: ProblemCode, message: str) -> InputError:
    return InputError([_problem(file, code, message)], f"{file}: {message}")
