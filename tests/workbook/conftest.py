"""Workbook fixtures: the report-test catalogue and Pebble Video's assessment, in a work folder.

``exported`` runs ``csea export`` on a copy of the assessment (its profile beside it) and
returns the workbook's path; ``open_book`` opens a workbook with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from csea.catalog.loader import load_catalog
from csea.export.run import export_assessment
from csea.models import Catalog
from tests.report.conftest import CATALOG_DIR, FIXTURES

AS_OF = dt.date(2026, 12, 1)

Exporter = Callable[..., Path]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The report-test catalogue."""
    return load_catalog(CATALOG_DIR)


def pebble(folder: Path) -> Path:
    """``folder`` (made) with a copy of Pebble Video's assessment and profile."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("assessment.yaml", "profile.yaml"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A work folder holding a copy of Pebble Video's assessment and profile."""
    return pebble(tmp_path / "work")


@pytest.fixture
def export(catalog: Catalog, work: Path) -> Exporter:
    """Export the work folder's assessment (or ``text`` written to it first) to a workbook."""

    def run(text: str | None = None, *, redact: bool = False, name: str = "answers.xlsx") -> Path:
        if text is not None:
            (work / "assessment.yaml").write_text(text, encoding="utf-8")
        output = work / name
        export_assessment(catalog, work / "assessment.yaml", output, as_of=AS_OF, redact=redact)
        return output

    return run


def open_book(path: Path) -> Workbook:
    """A workbook opened with openpyxl (formulas as written, not values)."""
    return load_workbook(path)


def edited(
    path: Path, cells: dict[str, object], *, name: str = "edited.xlsx", as_text: bool = False
) -> Path:
    """A copy of a workbook with cells set (``{"Answers!F2": "partial"}``), saved by openpyxl.

    With ``as_text``, text is stored as text even when it starts with ``=``, as a spreadsheet
    stores what a person types after an apostrophe; otherwise such text becomes a formula.
    """
    book = load_workbook(path)
    for where, value in cells.items():
        sheet, cell = where.split("!")
        book[sheet][cell].value = value
        if as_text and isinstance(value, str):
            book[sheet][cell].data_type = "s"
    target = path.with_name(name)
    book.save(target)
    return target


def repacked(path: Path, parts: dict[str, bytes | None], *, name: str = "repacked.xlsx") -> Path:
    """A copy of a workbook's zip package with parts replaced, added, or removed (None)."""
    target = path.with_name(name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename not in parts:
                out.writestr(item, source.read(item))
        for part, data in parts.items():
            if data is not None:
                out.writestr(part, data)
    return target
