"""The look shared by the workbook's sheets: header, locked cells, wrapping, printing."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "BOLD",
    "HEADER_FILL",
    "HEADER_FONT",
    "LOCKED_FILL",
    "TITLE",
    "TOP",
    "WRAPPED",
    "printable",
]

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
TOP = Alignment(vertical="top")
WRAPPED = Alignment(vertical="top", wrap_text=True)


def printable(
    sheet: Worksheet, *, header_row: bool = True, title_columns: str | None = None
) -> None:
    """A4 landscape with the header row on every page.

    A sheet whose first columns say what a row is (``title_columns``) prints at 70 %
    across as many pages as it needs, those columns repeated on each; others print one
    page wide.
    """
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if title_columns:
        sheet.page_setup.scale = 70
        sheet.print_title_cols = title_columns
        sheet.page_setup.pageOrder = "overThenDown"
    else:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header_row:
        sheet.print_title_rows = "1:1"
