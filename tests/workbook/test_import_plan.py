"""What a filled-in workbook changes: cells read against the export, every outcome defined."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from csea.errors import InputError
from csea.models import Catalog
from csea.workbook.imports import ImportPreview, preview_import
from tests.workbook.conftest import AS_OF, Exporter, edited, open_book


def _preview(catalog: Catalog, path: Path, **options: object) -> ImportPreview:
    return preview_import(catalog, path, as_of=AS_OF, **options)  # type: ignore[arg-type]


def _changes(preview: ImportPreview) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.obligation_id, c.kind.value, c.old, c.new) for c in preview.diff.changes]


def _problems(catalog: Catalog, path: Path, **options: object) -> list[str]:
    with pytest.raises(InputError) as caught:
        _preview(catalog, path, **options)
    return [str(p) for p in caught.value.problems]


def test_an_untouched_workbook_changes_nothing(catalog: Catalog, export: Exporter) -> None:
    preview = _preview(catalog, export())
    assert (_changes(preview), preview.warnings, preview.merged.conflicts) == ([], [], [])


def test_edited_cells_change_exactly_those_fields(catalog: Catalog, export: Exporter) -> None:
    path = edited(
        export(),
        {
            "Answers!F4": "implemented",
            "Answers!G4": "Law Enforcement Response",
            "Answers!F8": "Not applicable",
            "Answers!J8": "No transparency report is due for this service yet.",
            "Answers!K6": "Chief Executive",
            "Answers!L6": dt.datetime(2026, 11, 30),
            "Evidence!C2": "Hash-matching design document, v2",
        },
    )
    assert _changes(_preview(catalog, path)) == [
        ("BLOCK-01", "evidence_updated", "https://wiki.example.invalid/integrity/hash-matching",
         "https://wiki.example.invalid/integrity/hash-matching"),
        ("BLOCK-03", "status_up", "planned", "implemented"),
        ("BLOCK-03", "owner_changed", "Legal & Law Enforcement Response",
         "Law Enforcement Response"),
        ("GROOM-02", "accepted_by_changed", "Chief Product Officer", "Chief Executive"),
        ("GROOM-02", "accepted_on_changed", None, "2026-11-30"),
        ("TRANS-02", "status_changed", "not_assessed", "not_applicable"),
        ("TRANS-02", "justification_changed", None,
         "No transparency report is due for this service yet."),
    ]  # fmt: skip


def test_every_bad_cell_is_reported_at_once(catalog: Catalog, export: Exporter) -> None:
    path = edited(
        export(),
        {
            "Answers!F2": "Implemnted",
            "Answers!H3": "31/13/2027",
            "Answers!G4": "=UPPER(B4)",
            "Answers!F5": True,
            "Answers!A6": "BLOCK-02",
            "Answers!A9": "LIVE-01",
            "Answers!F9": "planned",
            "Answers!A10": "GROOM-9",
            "Answers!F10": "planned",
            "Evidence!D3": "https://wiki.example.invalid/has a space",
            "Evidence!E4": "",
        },
    )
    assert _problems(catalog, path) == [
        f"{path}!Answers!F2: error [unknown-value] 'Implemnted' is not a status (did you mean "
        "'implemented'?)",
        f"{path}!Answers!H3: error [bad-date] '31/13/2027' is not a date (no such day)",
        f"{path}!Answers!G4: error [formula-in-cell] a formula (=UPPER(B4)); type the value "
        "itself: csea reads values, never formulas",
        f"{path}!Answers!F5: error [unknown-value] 'TRUE' is not a status (one of implemented, "
        "partial, planned, not_implemented, not_applicable, not_assessed)",
        f"{path}!Answers!A6: error [duplicate-row] BLOCK-02 is also on Answers!A3; keep one row "
        "for it",
        f"{path}!Answers!A9: error [row-does-not-apply] LIVE-01 does not apply to Pebble Video on "
        "2026-12-01 (see 'csea applicable --explain LIVE-01'); answers are only for the "
        "obligations that apply: remove the row",
        f"{path}!Answers!A10: error [unknown-obligation] 'GROOM-9' is not an obligation of "
        "catalogue fixture 2026.11 (did you mean GROOM-01, GROOM-02?)",
        f"{path}!Evidence!D3: error [bad-format] 'https://wiki.example.invalid/has a space' is "
        "not a URL: one line, no spaces, at most 2048 characters",
        f"{path}!Evidence!E4: error [missing-field] Collected is empty; csea import never deletes "
        "evidence: remove it in the assessment file, or give the value",
    ]


@pytest.mark.parametrize(
    ("typed", "day_first", "due"),
    [
        ("2027-06-01", None, "2027-06-01"),
        ("01/06/2027", True, "2027-06-01"),
        ("01/06/2027", False, "2027-01-06"),
        ("13/06/2027", None, "2027-06-13"),
        ("06/13/2027", None, "2027-06-13"),
        (dt.datetime(2027, 6, 1), None, "2027-06-01"),
    ],
    ids=["iso", "day-first", "month-first", "only-day-first", "only-month-first", "date-cell"],
)
def test_dates_typed_as_text(
    catalog: Catalog, export: Exporter, typed: object, day_first: bool | None, due: str
) -> None:
    path = edited(export(), {"Answers!H3": typed})
    changes = _changes(_preview(catalog, path, day_first=day_first))
    assert changes == [("BLOCK-02", "due_changed", "2027-03-31", due)]


def test_a_date_that_reads_two_ways_needs_telling(catalog: Catalog, export: Exporter) -> None:
    path = edited(export(), {"Answers!H3": "01/06/2027"})
    assert _problems(catalog, path) == [
        f"{path}!Answers!H3: error [bad-date] '01/06/2027' could be 1 June or 6 January 2027; "
        "type 2027-06-01 or 2027-01-06, or import with --day-first or --month-first"
    ]


def test_a_cell_of_spaces_is_empty(catalog: Catalog, export: Exporter) -> None:
    path = edited(export(), {"Answers!G2": "   ", "Answers!J3": "  "})
    assert _changes(_preview(catalog, path)) == [
        ("BLOCK-01", "owner_changed", "Integrity Engineering", None)
    ]


def test_rows_moved_change_nothing_and_rows_deleted_are_kept(
    catalog: Catalog, export: Exporter
) -> None:
    path = export()
    first = _row(path, "Answers", 2)
    second = _row(path, "Answers", 3)
    swapped = {f"Answers!{_col(i)}2": v for i, v in enumerate(second)}
    swapped |= {f"Answers!{_col(i)}3": v for i, v in enumerate(first)}
    deleted = {f"Answers!{_col(i)}8": None for i in range(17)}
    deleted |= {f"Evidence!{_col(i)}5": None for i in range(7)}
    preview = _preview(catalog, edited(path, swapped | deleted))
    assert _changes(preview) == []
    assert [str(w) for w in preview.warnings] == [
        f"{path.with_name('edited.xlsx')}!Answers: warning [row-missing] the rows of TRANS-02 "
        "are gone; their answers are kept as they are",
        f"{path.with_name('edited.xlsx')}!Evidence: warning [row-missing] the rows GROOM-01#1 "
        "are gone; csea import never deletes evidence: remove it in the assessment file",
    ]


def test_new_evidence_rows_are_added(catalog: Catalog, export: Exporter) -> None:
    path = edited(
        export(),
        {
            "Evidence!B6": "BLOCK-03",
            "Evidence!C6": "Reporting pipeline design",
            "Evidence!D6": "docs/reporting-pipeline.md",
            "Evidence!E6": "2026-11-28",
            "Evidence!G6": "Internal",
            "Evidence!B7": "TRANS-02",
            "Evidence!C7": "Draft report",
            "Evidence!D7": "https://wiki.example.invalid/t/draft",
            "Evidence!E7": dt.datetime(2026, 11, 20),
            "Evidence!F7": "2027-11-20",
        },
    )
    preview = _preview(catalog, path)
    assert _changes(preview) == [
        ("BLOCK-03", "evidence_added", None, "docs/reporting-pipeline.md"),
        ("TRANS-02", "evidence_added", None, "https://wiki.example.invalid/t/draft"),
    ]
    added = preview.merged.answers["BLOCK-03"].evidence[-1]
    assert (added.title, added.path, added.collected, added.sensitivity) == (
        "Reporting pipeline design",
        "docs/reporting-pipeline.md",
        dt.date(2026, 11, 28),
        "internal",
    )


def test_a_new_evidence_row_needs_title_location_and_date(
    catalog: Catalog, export: Exporter
) -> None:
    path = edited(export(), {"Evidence!B6": "BLOCK-03", "Evidence!G6": "internal"})
    assert _problems(catalog, path) == [
        f"{path}!Evidence!C6: error [missing-field] a new evidence row needs its Title",
        f"{path}!Evidence!D6: error [missing-field] a new evidence row needs its URL or path",
        f"{path}!Evidence!E6: error [missing-field] a new evidence row needs its Collected",
    ]


def _row(path: Path, sheet: str, number: int) -> list[object]:
    values = open_book(path)[sheet].iter_rows(min_row=number, max_row=number, values_only=True)
    return list(next(values))


def _col(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQ"[index]
