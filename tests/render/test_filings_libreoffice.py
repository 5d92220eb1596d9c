"""The Word documents as their readers open them: LibreOffice prints them, poppler reads the PDF."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from csea.catalog.loader import load_catalog
from csea.evaluation.files import AssessedService, assess_files
from csea.models import Catalog
from csea.render.esafety_notice import render_esafety_notice
from csea.render.filing import FilingFormat
from csea.render.ofcom_record import render_ofcom_record
from csea.report.esafety import build_notice_response
from csea.report.ofcom import build_ofcom_record
from tests.workbook.libreoffice import convert

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def vidora() -> tuple[Catalog, AssessedService]:
    catalog = load_catalog(ROOT / "obligations")
    [service] = assess_files(
        catalog, [ROOT / "examples/vidora/assessment.yaml"], as_of=dt.date(2026, 11, 20)
    )
    return catalog, service


def printed(tmp_path: Path, name: str, data: bytes) -> tuple[str, str]:
    """The PDF LibreOffice prints from a Word file: its text (one space between words) and info."""
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    pdf = convert(source, "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return " ".join(text.stdout.split()), info.stdout


def test_the_ofcom_record_prints_with_its_headings_and_every_measure_code(
    tmp_path: Path, vidora: tuple[Catalog, AssessedService]
) -> None:
    record = build_ofcom_record(*vidora)
    text, info = printed(tmp_path, "record", render_ofcom_record(record, FilingFormat.DOCX))
    headings = [
        "1. About this record",
        "3. Risk assessments (s.23(2))",
        "4. Measures in Ofcom's codes of practice (s.23(3))",
        "5. Alternative measures (s.23(4) and (5))",
        "6. Review",
        *(code.title for code in record.codes),
    ]
    rows = [f"{m.id} {m.title.split()[0]}" for code in record.codes for m in code.applying]
    missing = [h for h in [*headings, *rows] if h not in text]
    title = re.search(r"^Title:\s+(.*)$", info, re.MULTILINE)
    assert (missing, title and title.group(1)) == (
        [],
        "Record of risk assessments and measures: Vidora",
    )


def test_the_esafety_skeleton_prints_every_section(
    tmp_path: Path, vidora: tuple[Catalog, AssessedService]
) -> None:
    response = build_notice_response(*vidora)
    text, _ = printed(tmp_path, "notice", render_esafety_notice(response, FilingFormat.DOCX))
    expected = [
        f"Section {s.provision.id[1:]}: " if s.confirmed else f"({s.provision.id})"
        for part in response.parts
        for s in part.sections
    ]
    assert [e for e in expected if e not in text] == []
