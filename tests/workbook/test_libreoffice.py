"""The exported workbook in a real spreadsheet program: LibreOffice opens it, converts it, keeps it.

LibreOffice reads the workbook and saves it again as .xlsx: the answers, the drop-downs
and date checks, the protection and the metadata sheet survive, and the workbook it saved
imports with no change. It prints it to PDF with the answers on it. (LibreOffice drops
frozen panes on a headless save, so those are checked on csea's own output, in
test_write.py.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from csea.models import Catalog
from csea.workbook.imports import preview_import
from tests.workbook.conftest import AS_OF, Exporter, open_book
from tests.workbook.libreoffice import convert


def test_libreoffice_keeps_answers_checks_and_metadata(export: Exporter, tmp_path: Path) -> None:
    original = open_book(export())
    book = open_book(convert(export(), "xlsx", tmp_path / "lo"))
    answers = book["Answers"]
    assert isinstance(answers, Worksheet)
    assert [row[:6] for row in answers.iter_rows(min_row=1, max_row=8, values_only=True)] == [
        row[:6] for row in original["Answers"].iter_rows(min_row=1, max_row=8, values_only=True)
    ]
    checks = {
        (str(v.sqref), v.type, v.formula1)
        for v in answers.data_validations.dataValidation
        if v.type in ("list", "date")
    }
    assert checks == {
        ("F2:F8", "list", "csea_statuses"),
        ("H2:H8", "date", "DATE(2000,1,1)"),
        ("L2:L8", "date", "DATE(2000,1,1)"),
    }
    assert book.defined_names["csea_statuses"].attr_text == "Lists!$A$1:$A$6"
    assert (answers.protection.sheet, answers.protection.password) == (True, None)
    assert [(s.title, s.sheet_state) for s in book.worksheets][3:] == [
        ("Lists", "hidden"),
        ("csea", "hidden"),
    ]
    assert list(book["csea"].iter_rows(values_only=True)) == list(
        original["csea"].iter_rows(values_only=True)
    )


def test_libreoffice_prints_it(export: Exporter, tmp_path: Path) -> None:
    pdf = convert(export(), "pdf", tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ["BLOCK-01" in text, "Status" in text, "Pebble Video" in text] == [True, True, True]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "A4" in info.stdout


def test_a_workbook_saved_by_libreoffice_imports_cleanly(
    catalog: Catalog, export: Exporter, tmp_path: Path
) -> None:
    saved = convert(export(), "xlsx", tmp_path / "lo")
    preview = preview_import(catalog, saved, as_of=AS_OF)
    assert (preview.diff.changes, preview.warnings, preview.stale) == ([], [], False)
