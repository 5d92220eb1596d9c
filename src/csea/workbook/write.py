"""Write the assessment workbook (``.xlsx``) with openpyxl, the same bytes for the same content.

Sheets, in order: *Answers* (one row per applicable obligation; the columns a person fills
in are white and unlocked, csea's columns are grey and locked), *Evidence* (one row per
piece of evidence, and empty rows below to add more), *Summary* (how to fill it in, and
the scores per pillar and per source as values), and two sheets a person does not see:
*Lists* (the drop-downs' values, hidden) and *csea* (what the import checks, very hidden).
Every sheet is protected without a password (nobody is locked out; it keeps accidental
edits off csea's columns). Headers are frozen, filters on, widths and wrapping set, and
pages are A4 landscape, one page wide, with the header row repeated.

Text is always written as text: an answer that starts with ``=`` is never a formula.
openpyxl stamps the time into the document properties and the zip entries; both are
fixed here (the day applicability was judged on, and 1980-01-01 for the zip), so the same
assessment on the same day gives byte-identical workbooks.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import zipfile
from collections.abc import Iterator

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import PatternFill, Protection
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.fileio import repeatable_zip
from csea.models import Sensitivity, Status
from csea.workbook.columns import (
    ANSWERS,
    EVIDENCE,
    FORMAT,
    LISTS,
    META,
    Column,
    Kind,
    MetaKey,
    Sheet,
    Value,
)
from csea.workbook.content import Row, WorkbookContent
from csea.workbook.style import HEADER_FILL, HEADER_FONT, LOCKED_FILL, TOP, WRAPPED, printable
from csea.workbook.summary import write_summary

__all__ = ["MAX_CELL_TEXT", "SPARE_EVIDENCE_ROWS", "write_workbook"]

MAX_CELL_TEXT = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit)."""

SPARE_EVIDENCE_ROWS = 200
"""Empty, unlocked Evidence rows below the last one, with their drop-downs, to add evidence."""

_SNAPSHOT_CHUNK = 30_000
_CHARS_PER_WIDTH = 1.15
_LINE_HEIGHT = 12.75
_MAX_HEIGHT = 409.0
_DATE_FORMAT = "yyyy-mm-dd"
_FORMULA_START = ("=", "+", "-", "@")
_STATUS_FILLS = {
    Status.IMPLEMENTED: "C6EFCE",
    Status.PARTIAL: "FFEB9C",
    Status.PLANNED: "DDEBF7",
    Status.NOT_IMPLEMENTED: "FFC7CE",
    Status.NOT_APPLICABLE: "E7E6E6",
    Status.NOT_ASSESSED: "FCE4D6",
}
_LIST_NAMES = {
    Kind.STATUS: "csea_statuses",
    Kind.SENSITIVITY: "csea_sensitivities",
    Kind.OBLIGATION: "csea_obligations",
}


def write_workbook(content: WorkbookContent) -> bytes:
    """The workbook as ``.xlsx`` bytes.

    Raises:
        InputError: A text cannot be held by a spreadsheet cell (a control character, or
            more than 32,767 characters); every such text is listed with its obligation.
    """
    _check_texts(content)
    book = Workbook()
    answers = book.active
    assert isinstance(answers, Worksheet)
    answers.title = ANSWERS.title
    _lists(book, content)
    _table(answers, ANSWERS, content.answers, spare=0)
    _status_colours(answers, len(content.answers))
    _table(book.create_sheet(EVIDENCE.title), EVIDENCE, content.evidence, SPARE_EVIDENCE_ROWS)
    write_summary(book.create_sheet(), content)
    _meta(book, content)
    book.move_sheet(LISTS, offset=len(book.sheetnames))
    book.move_sheet(META, offset=len(book.sheetnames))
    return _saved(book, content)


def _table(sheet: Worksheet, layout: Sheet, rows: list[Row], spare: int) -> None:
    """A header row and one row per item, laid out, validated and protected."""
    for index, column in enumerate(layout.columns, start=1):
        _header(sheet.cell(1, index, column.header))
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    last = len(rows) + spare + 1
    for number in range(2, last + 1):
        row = rows[number - 2] if number - 2 < len(rows) else None
        for index, column in enumerate(layout.columns, start=1):
            cell = sheet.cell(number, index)
            assert isinstance(cell, Cell), "no cell of these sheets is merged"
            _put(cell, row[column.key] if row else None, column)
    for number, row in enumerate(rows, start=2):
        sheet.row_dimensions[number].height = _height(row, layout)
    sheet.row_dimensions[1].height = _height({c.key: c.header for c in layout.columns}, layout)
    _validations(sheet, layout, last)
    sheet.freeze_panes = "D2" if layout is ANSWERS else "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(layout.columns))}{max(last, 2)}"
    _protect(sheet, rows_may_change=spare > 0)
    printable(sheet, title_columns="A:C" if layout is ANSWERS else None)


def _height(row: Row, layout: Sheet) -> float:
    """A row height (points) that shows every line of its wrapped text.

    An estimate from the text's length and the column's width: a spreadsheet program does
    not size rows to their text when it opens a file.
    """
    lines = [
        sum(max(1, math.ceil(len(part) / (column.width * _CHARS_PER_WIDTH))) for part in text)
        for column in layout.columns
        if column.wrap and isinstance(row.get(column.key), str)
        for text in [str(row[column.key]).split("\n")]
    ]
    return min(_MAX_HEIGHT, _LINE_HEIGHT * max([1, *lines]) + 2)


def _header(cell: Cell) -> None:
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = WRAPPED


def _put(cell: Cell, value: Value, column: Column) -> None:
    """A value, as text or a date (never a formula), styled for its column."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = value.startswith(_FORMULA_START)
    _style(cell, column)


def _style(cell: Cell, column: Column) -> None:
    cell.alignment = WRAPPED if column.wrap else TOP
    if column.kind is Kind.DATE:
        cell.number_format = _DATE_FORMAT
    if column.editable:
        cell.protection = Protection(locked=False)
    else:
        cell.fill = LOCKED_FILL


def _validations(sheet: Worksheet, layout: Sheet, last: int) -> None:
    for index, column in enumerate(layout.columns, start=1):
        if not column.editable or last < 2:
            continue
        letter = get_column_letter(index)
        validation = _validation(column)
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)


def _validation(column: Column) -> DataValidation:
    """A drop-down for a closed list, a date check for a date, a length check for text."""
    if column.kind in _LIST_NAMES:
        check = DataValidation(type="list", formula1=_LIST_NAMES[column.kind])
        check.error = f"Pick a value from the list for {column.header}."
    elif column.kind is Kind.DATE:
        check = DataValidation(
            type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2099,12,31)"
        )
        check.error = "Type a date, for example 2026-12-01."
    else:
        check = DataValidation(
            type="textLength", operator="lessThanOrEqual", formula1=str(MAX_CELL_TEXT)
        )
        check.error = f"At most {MAX_CELL_TEXT} characters."
    check.allow_blank = True
    check.showErrorMessage = True
    check.errorTitle = column.header
    if column.prompt:
        check.showInputMessage = True
        check.promptTitle = column.header
        check.prompt = column.prompt
    return check


def _status_colours(sheet: Worksheet, count: int) -> None:
    """Each status its own colour, following the cell as a person changes it."""
    letter = get_column_letter(ANSWERS.columns.index(ANSWERS.column("status")) + 1)
    cells = f"{letter}2:{letter}{max(count + 1, 2)}"
    for status, colour in _STATUS_FILLS.items():
        fill = PatternFill("solid", fgColor=colour, bgColor=colour)
        rule = Rule(
            type="cellIs",
            operator="equal",
            formula=[f'"{status.value}"'],
            dxf=DifferentialStyle(fill=fill),
        )
        sheet.conditional_formatting.add(cells, rule)


def _protect(sheet: Worksheet, *, rows_may_change: bool) -> None:
    """Protected without a password: filters, sorting and widths allowed, csea's cells locked."""
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.insertRows = not rows_may_change
    protection.deleteRows = not rows_may_change


def _lists(book: Workbook, content: WorkbookContent) -> None:
    """The drop-downs' values on a hidden sheet, each under a workbook-wide name."""
    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    values = {
        Kind.STATUS: [s.value for s in Status],
        Kind.SENSITIVITY: [s.value for s in Sensitivity],
        Kind.OBLIGATION: content.obligation_ids or [""],
    }
    for index, (kind, items) in enumerate(values.items(), start=1):
        for number, item in enumerate(items, start=1):
            sheet.cell(number, index).value = item
            sheet.cell(number, index).data_type = "s"
        letter = get_column_letter(index)
        where = f"{LISTS}!${letter}$1:${letter}${len(items)}"
        book.defined_names[_LIST_NAMES[kind]] = DefinedName(_LIST_NAMES[kind], attr_text=where)
    sheet.protection.sheet = True


def _meta(book: Workbook, content: WorkbookContent) -> None:
    """What the import checks, one key per row, on a sheet nobody sees."""
    sheet = book.create_sheet(META)
    sheet.sheet_state = "veryHidden"
    for number, (key, value) in enumerate(_meta_rows(content), start=1):
        sheet.cell(number, 1).value = key.value
        sheet.cell(number, 2).value = value
        sheet.cell(number, 2).data_type = "s"
    sheet.protection.sheet = True


def _meta_rows(content: WorkbookContent) -> Iterator[tuple[MetaKey, str]]:
    meta = content.meta
    yield MetaKey.FORMAT, FORMAT
    yield MetaKey.CATALOG_ID, meta.catalog_id
    yield MetaKey.CATALOG_VERSION, meta.catalog_version
    yield MetaKey.ASSESSMENT, meta.assessment
    yield MetaKey.ORGANISATION, meta.organisation
    yield MetaKey.SERVICE, meta.service
    yield MetaKey.AS_OF, meta.as_of.isoformat()
    yield MetaKey.DIGEST, meta.digest
    yield MetaKey.REDACTED, "yes" if meta.redacted else "no"
    if not meta.redacted:
        text = json.dumps(content.snapshot(), ensure_ascii=False, sort_keys=True)
        for start in range(0, len(text), _SNAPSHOT_CHUNK):
            yield MetaKey.SNAPSHOT, text[start : start + _SNAPSHOT_CHUNK]


def _saved(book: Workbook, content: WorkbookContent) -> bytes:
    """The workbook's bytes, with fixed timestamps (document properties and zip entries)."""
    moment = dt.datetime.combine(content.meta.as_of, dt.time())
    book.properties.creator = "csea"
    book.properties.title = f"{content.meta.service}: self-assessment answers"
    book.properties.created = moment
    book.properties.modified = moment
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return repeatable_zip(buffer.getvalue())


def _check_texts(content: WorkbookContent) -> None:
    problems = [
        *_bad_texts(content.answers, ANSWERS, "id", content.meta.assessment),
        *_bad_texts(content.evidence, EVIDENCE, "obligation", content.meta.assessment),
    ]
    if problems:
        raise InputError(problems, f"{content.meta.assessment}: text a spreadsheet cannot hold")


def _bad_texts(rows: list[Row], layout: Sheet, id_key: str, file: str) -> Iterator[Problem]:
    for row in rows:
        for column in layout.columns:
            value = row[column.key]
            if not isinstance(value, str):
                continue
            reason = _unwritable(value)
            if reason:
                yield Problem(
                    code=ProblemCode.SPREADSHEET_TEXT,
                    message=f"{column.header}: {reason}",
                    file=file,
                    object_id=str(row[id_key]),
                    field=column.key,
                )


def _unwritable(text: str) -> str:
    """Why a spreadsheet cell cannot hold ``text`` (empty when it can)."""
    bad = ILLEGAL_CHARACTERS_RE.search(text)
    if bad:
        return f"contains the control character U+{ord(bad.group()):04X}; remove it"
    if len(text) > MAX_CELL_TEXT:
        return f"{len(text)} characters; a spreadsheet cell holds at most {MAX_CELL_TEXT}"
    return ""
