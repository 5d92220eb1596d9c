"""The Summary sheet: how to fill in the workbook, and the scores as csea computes them.

The scores are values, not spreadsheet formulas: the numbers come from csea's tested
scoring ([csea.evaluation.scoring][]), as of the export.
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from csea.models import Status
from csea.render.wording import REDACTION_NOTICE, SCORE_METHOD, label
from csea.workbook.columns import ANSWERS, EVIDENCE, SUMMARY
from csea.workbook.content import ScoreLine, WorkbookContent
from csea.workbook.style import BOLD, TITLE, WRAPPED, printable

__all__ = ["write_summary"]

_COUNTED = [
    Status.IMPLEMENTED,
    Status.PARTIAL,
    Status.PLANNED,
    Status.NOT_IMPLEMENTED,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
]
_WIDTHS = [44, 16, 12, 13, 10, 10, 16, 15, 14, 10, 14]


def write_summary(sheet: Worksheet, content: WorkbookContent) -> None:
    """Lay out the Summary sheet: the service, how to fill in, scores per pillar and source."""
    sheet.title = SUMMARY
    rows = list(_lines(content))
    for number, (kind, values) in enumerate(rows, start=1):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(number, index)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
            cell.font = TITLE if kind == "title" else BOLD if kind == "head" else Font()
        if kind == "text":
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=11)
            sheet.cell(number, 1).alignment = WRAPPED
            sheet.row_dimensions[number].height = 30
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.protection.sheet = True
    printable(sheet, header_row=False)


Line = tuple[str, list[str | int | float | None]]


def _lines(content: WorkbookContent) -> Iterator[Line]:
    meta = content.meta
    yield "title", [f"{meta.service} ({meta.organisation}): self-assessment answers"]
    yield (
        "text",
        [
            f"Catalogue {meta.catalog_id} {meta.catalog_version}; what applies was judged on "
            f"{meta.as_of.isoformat()}; exported from {meta.assessment}." + _assessed(content)
        ],
    )
    if meta.redacted:
        yield "text", [REDACTION_NOTICE + " This workbook cannot be imported back."]
    yield "blank", []
    yield "head", ["How to fill in this workbook"]
    for step in _how_to(content):
        yield "text", [step]
    yield "blank", []
    yield "head", ["Scores per pillar", *_HEADINGS]
    yield from (("row", _cells(line)) for line in content.pillars)
    yield "head", _cells(content.total)
    yield "blank", []
    yield "head", ["Scores per source (the regulator's view)", "Force", *_HEADINGS]
    for source in content.sources:
        yield "row", [source.title, source.force, *_cells(source)[1:]]
    yield "blank", []
    yield (
        "text",
        [
            SCORE_METHOD + " The scores are as of the export: csea computes them again "
            "when the answers are imported."
        ],
    )


_HEADINGS = ["Applicable", *(label(s) for s in _COUNTED), "Score", "Legal duties unmet"]


def _cells(line: ScoreLine) -> list[str | int | float | None]:
    counts: list[str | int | float | None] = [line.counts[s] for s in _COUNTED]
    return [line.title, line.applicable, *counts, line.score, line.legal_duties_unmet]


def _assessed(content: WorkbookContent) -> str:
    who = f" by {content.assessed_by}" if content.assessed_by else ""
    when = f" on {content.assessed_on.isoformat()}" if content.assessed_on else ""
    return f" Assessed{who}{when}." if who or when else ""


def _how_to(content: WorkbookContent) -> list[str]:
    editable = ", ".join(c.header for c in ANSWERS.editable)
    return [
        f"1. {ANSWERS.title}: one row per obligation that applies to {content.meta.service}. "
        f"Fill in the white columns ({editable}); the grey columns are csea's and are locked.",
        "2. Status: pick from the list. implemented and partial need evidence; planned and "
        "partial need a due date; not_applicable needs a justification; not_implemented needs "
        "who accepted the risk.",
        f"3. {EVIDENCE.title}: one row per document, dashboard or record. To add one, fill in an "
        "empty row at the bottom (obligation ID, title, URL or path, date collected) and leave "
        "its row key empty. References only: never attach or link abuse material.",
        "4. Dates: type them as YYYY-MM-DD (for example 2026-12-01). Type values, not formulas.",
        "5. Save as .xlsx and send the file back: 'csea import' reads it into the assessment "
        "and shows what changed; a cell it cannot read is named with what it expected.",
    ]
