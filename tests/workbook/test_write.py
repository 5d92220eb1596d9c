"""The exported workbook, read back with openpyxl: sheets, rows, layout, metadata, same bytes."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from csea.errors import InputError
from csea.workbook.columns import ANSWERS, EVIDENCE, FORMAT
from tests.report.conftest import FIXTURES
from tests.workbook.conftest import Exporter, open_book

ASSESSMENT = (FIXTURES / "assessment.yaml").read_text(encoding="utf-8")


def _sheet(path: Path, title: str) -> Worksheet:
    sheet = open_book(path)[title]
    assert isinstance(sheet, Worksheet)
    return sheet


def _rows(sheet: Worksheet) -> list[dict[str, object]]:
    values = list(sheet.iter_rows(values_only=True))
    header = [str(h) for h in values[0]]
    return [dict(zip(header, row, strict=True)) for row in values[1:] if any(row)]


def test_the_sheets_and_who_sees_them(export: Exporter) -> None:
    book = open_book(export())
    assert [(s.title, s.sheet_state) for s in book.worksheets] == [
        ("Answers", "visible"),
        ("Evidence", "visible"),
        ("Summary", "visible"),
        ("Lists", "hidden"),
        ("csea", "veryHidden"),
    ]


def test_one_answer_row_per_applicable_obligation(export: Exporter) -> None:
    rows = _rows(_sheet(export(), "Answers"))
    assert [r["ID"] for r in rows] == [
        "BLOCK-01", "BLOCK-02", "BLOCK-03", "GROOM-01", "GROOM-02", "TRANS-01", "TRANS-02"
    ]  # fmt: skip
    block_02 = {k: v for k, v in rows[1].items() if k in [c.header for c in ANSWERS.editable]}
    assert block_02 == {
        "Status": "partial",
        "Owner": "Integrity Engineering",
        "Due": _datetime("2027-03-31"),
        "Notes": "Comments are covered; direct messages follow in Q1.",
        "Why not applicable": None,
        "Risk accepted by": None,
        "Risk accepted on": None,
    }
    assert (rows[0]["Force for this service"], rows[0]["Applies"]) == ("Legal duty", "yes")
    assert rows[2]["Findings today"] == (
        "error: BLOCK-03 (a legal duty for this service) was due on 2026-10-31 and is still "
        "planned; update the status or the plan"
    )


def test_one_evidence_row_per_piece_of_evidence(export: Exporter) -> None:
    rows = _rows(_sheet(export(), "Evidence"))
    assert [(r["Row key (leave empty on new rows)"], r["Obligation ID"], r["Sensitivity"]) for r in rows] == [
        ("BLOCK-01#1", "BLOCK-01", None),
        ("BLOCK-01#2", "BLOCK-01", "confidential"),
        ("BLOCK-02#1", "BLOCK-02", None),
        ("GROOM-01#1", "GROOM-01", None),
    ]  # fmt: skip
    assert rows[1]["URL or path"] == "legal/contracts/hash-vendor-2026.pdf"
    assert rows[1]["Collected"] == _datetime("2026-02-11")


def test_layout_frozen_filtered_protected_without_password(export: Exporter) -> None:
    path = export()
    answers, evidence = _sheet(path, "Answers"), _sheet(path, "Evidence")
    assert (answers.freeze_panes, evidence.freeze_panes) == ("D2", "C2")
    assert (answers.auto_filter.ref, evidence.auto_filter.ref) == ("A1:Q8", "A1:G205")
    for sheet in (answers, evidence):
        assert (sheet.protection.sheet, sheet.protection.password) == (True, None)
    locked = {
        c.header: answers.cell(2, i + 1).protection.locked for i, c in enumerate(ANSWERS.columns)
    }
    assert [h for h, lock in locked.items() if not lock] == [c.header for c in ANSWERS.editable]
    spare = [evidence.cell(205, i + 1).protection.locked for i in range(len(EVIDENCE.columns))]
    assert spare == [True, False, False, False, False, False, False]


def test_drop_downs_and_date_checks(export: Exporter) -> None:
    path = export()
    book = open_book(path)
    checks = {
        (str(v.sqref), v.type, v.formula1)
        for v in _sheet(path, "Answers").data_validations.dataValidation
        if v.type in ("list", "date")
    }
    assert checks == {
        ("F2:F8", "list", "csea_statuses"),
        ("H2:H8", "date", "DATE(2000,1,1)"),
        ("L2:L8", "date", "DATE(2000,1,1)"),
    }
    names = {name: book.defined_names[name].attr_text for name in book.defined_names}
    assert names == {
        "csea_statuses": "Lists!$A$1:$A$6",
        "csea_sensitivities": "Lists!$B$1:$B$5",
        "csea_obligations": "Lists!$C$1:$C$7",
    }
    statuses = [c.value for c in book["Lists"]["A"] if c.value]
    assert statuses == [
        "implemented", "partial", "planned", "not_implemented", "not_applicable", "not_assessed"
    ]  # fmt: skip
    colours = _sheet(path, "Answers").conditional_formatting
    assert [rule.formula for cf in colours for rule in cf.rules] == [
        ['"implemented"'], ['"partial"'], ['"planned"'],
        ['"not_implemented"'], ['"not_applicable"'], ['"not_assessed"'],
    ]  # fmt: skip


def test_metadata_for_the_import(export: Exporter, work: Path) -> None:
    meta = _sheet(export(), "csea")
    pairs = [(row[0], row[1]) for row in meta.iter_rows(values_only=True)]
    keys = dict(pairs[:-1])
    assert keys == {
        "format": FORMAT,
        "catalog_id": "fixture",
        "catalog_version": "2026.11",
        "assessment": (work / "assessment.yaml").as_posix(),
        "organisation": "Example Media Ltd",
        "service": "Pebble Video",
        "as_of": "2026-12-01",
        "digest": keys["digest"],
        "redacted": "no",
    }
    assert str(keys["digest"]).startswith("sha256:")
    snapshot = json.loads(str(pairs[-1][1]))
    assert snapshot["answers"]["GROOM-02"] == {
        "status": "not_implemented",
        "owner": "Growth",
        "due": None,
        "notes": "Friend suggestions to be limited by age band in 2027.",
        "justification": None,
        "accepted_by": "Chief Product Officer",
        "accepted_on": None,
    }
    assert [e["ref"] for e in snapshot["evidence"]] == [
        "BLOCK-01#1", "BLOCK-01#2", "BLOCK-02#1", "GROOM-01#1"
    ]  # fmt: skip


def test_the_same_assessment_gives_the_same_bytes(export: Exporter) -> None:
    first = export(name="one.xlsx").read_bytes()
    second = export(name="two.xlsx").read_bytes()
    assert first == second
    times = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert times == {(1980, 1, 1, 0, 0, 0)}
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2026-12-01T00:00:00Z" in core


def test_text_that_looks_like_a_formula_stays_text(export: Exporter) -> None:
    hostile = '=HYPERLINK("https://evil.example.invalid","click")'
    path = export(ASSESSMENT.replace("owner: Growth", f"owner: '{hostile}'"))
    cell = _sheet(path, "Answers")["G6"]
    assert (cell.value, cell.data_type) == (hostile, "s")


def test_redact_removes_what_a_redacted_report_removes(export: Exporter) -> None:
    book = open_book(export(redact=True))
    texts = " | ".join(
        str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
        for value in row if value is not None
    )  # fmt: skip
    secrets = [
        "Priya Natarajan", "Integrity Engineering", "Chief Product Officer", "Growth",
        "Friend suggestions", "first report under the parent", "wiki.example.invalid",
        "Vendor contract for hash lists", "legal/contracts",
    ]  # fmt: skip
    assert [s for s in secrets if s in texts] == []
    assert "Hash-matching design document" in texts
    meta = {str(row[0]): row[1] for row in book["csea"].iter_rows(values_only=True)}
    assert (meta["redacted"], "snapshot" in meta) == ("yes", False)


def test_text_a_cell_cannot_hold_is_refused(export: Exporter, work: Path) -> None:
    with pytest.raises(InputError) as caught:
        export(ASSESSMENT.replace("owner: Growth", 'owner: "Gro\\x01wth"'))
    assert [(p.object_id, p.field, p.message) for p in caught.value.problems] == [
        ("GROOM-02", "owner", "Owner: contains the control character U+0001; remove it")
    ]
    assert not (work / "answers.xlsx").exists()


def _datetime(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day)
