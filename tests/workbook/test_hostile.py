"""Hostile workbooks are refused cleanly, with a reason or a cell, before anything is parsed or run.

Each case is built from a real exported workbook: another format under the .xlsx name,
a damaged package, a zip bomb, a macro-enabled workbook renamed, external links, embedded
objects, a DTD, a sheet with too many rows, a redacted workbook, one from another
catalogue version or another service's assessment, and one whose assessment changed.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from csea.errors import InputError
from csea.models import Catalog
from csea.workbook.columns import ANSWERS
from csea.workbook.imports import import_workbook, preview_import
from csea.workbook.package import MAX_FILE_BYTES
from csea.workbook.read import MAX_ROWS
from tests.workbook.conftest import AS_OF, Exporter, edited, repacked

TYPES = "[Content_Types].xml"


def _refusal(catalog: Catalog, path: Path, **options: object) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        preview_import(catalog, path, as_of=AS_OF, **options)  # type: ignore[arg-type]
    return [(p.code, p.message) for p in caught.value.problems]


def _bytes(data: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        target = path.with_name("hostile.xlsx")
        target.write_bytes(data)
        return target

    return make


def _bomb(path: Path) -> Path:
    return repacked(path, {"xl/media/image1.png": bytes(60 * 1024 * 1024)})


def _macros(path: Path) -> Path:
    with zipfile.ZipFile(path) as package:
        types = package.read(TYPES).replace(
            b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml"
        )
    return repacked(path, {TYPES: types, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})


def _dtd(path: Path) -> Path:
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    doctype = b'<!DOCTYPE x [<!ENTITY e SYSTEM "http://evil.example.invalid/">]>'
    return repacked(path, {"xl/worksheets/sheet1.xml": doctype + sheet})


def _docx(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(TYPES, b'<Types><Override ContentType="application/vnd.openxmlformats-'
                         b'officedocument.wordprocessingml.document.main+xml"/></Types>')  # fmt: skip
        package.writestr("word/document.xml", b"<w:document/>")
    return _bytes(buffer.getvalue())(path)


CASES: list[tuple[str, Callable[[Path], Path], str, str]] = [
    ("csv", _bytes(b"id,status\nBLOCK-01,implemented\n"), "not-a-workbook",
     "not an .xlsx workbook (that is a zip package); it looks like text (a CSV file?)"),
    ("xls-or-password", _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)), "not-a-workbook",
     "an old-style .xls workbook, or a workbook with a password: save it as an Excel 2007-365 "
     "(.xlsx) workbook without a password"),
    ("damaged-zip", _bytes(b"PK\x03\x04" + bytes(64)), "not-a-workbook",
     "a damaged zip package (File is not a zip file); save it again"),
    ("word-document", _docx, "not-a-workbook",
     "a zip package that is not an .xlsx workbook (a Word document? another format?)"),
    ("zip-bomb", _bomb, "workbook-too-large",
     "part xl/media/image1.png is compressed 1028 to 1 (a zip bomb?); at most 100 to 1"),
    ("macros-renamed", _macros, "workbook-unsafe",
     "it holds macros (a macro-enabled workbook, whatever its name) (xl/vbaProject.bin); csea "
     "never opens those"),
    ("external-link", lambda p: repacked(p, {"xl/externalLinks/externalLink1.xml": b"<x/>"}),
     "workbook-unsafe",
     "it holds links to other workbooks (xl/externalLinks/externalLink1.xml); csea never opens "
     "those"),
    ("embedded-object", lambda p: repacked(p, {"xl/embeddings/oleObject1.bin": b"ole"}),
     "workbook-unsafe",
     "it holds embedded objects (xl/embeddings/oleObject1.bin); csea never opens those"),
    ("dtd", _dtd, "workbook-unsafe",
     "part xl/worksheets/sheet1.xml has a DTD (<!DOCTYPE or <!ENTITY); csea never reads those"),
    ("not-from-csea", lambda p: repacked(p, {"xl/worksheets/sheet5.xml": None}), "not-a-workbook",
     "not a workbook csea exported (it has no csea sheet)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "code", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_packages_are_refused_before_parsing(
    catalog: Catalog,
    export: Exporter,
    make: Callable[[Path], Path],
    code: str,
    message: str,
) -> None:
    path = make(export())
    refusal = _refusal(catalog, path)
    assert refusal[:1] == [(code, message)]


def test_a_file_over_the_size_limit_is_not_opened(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    assert _refusal(catalog, path) == [
        ("file-too-large", f"{MAX_FILE_BYTES + 1} bytes; csea opens workbooks of at most "
         f"{MAX_FILE_BYTES} bytes")
    ]  # fmt: skip


def test_a_sheet_with_too_many_rows_is_refused(
    catalog: Catalog, export: Exporter, tmp_path: Path
) -> None:
    path = export()
    big = Workbook(write_only=True)
    sheet = big.create_sheet("Answers")
    sheet.append([c.header for c in ANSWERS.columns])
    for number in range(MAX_ROWS + 1):
        sheet.append([f"BLOCK-{number:03}", "implemented"])
    buffer = tmp_path / "big.xlsx"
    big.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        rows = package.read("xl/worksheets/sheet1.xml")
    refusal = _refusal(catalog, repacked(path, {"xl/worksheets/sheet1.xml": rows}))
    assert refusal[0][0] == "workbook-too-large"
    assert refusal[0][1].endswith(f"csea reads at most {MAX_ROWS}")


def test_a_redacted_workbook_cannot_be_imported(catalog: Catalog, export: Exporter) -> None:
    assert _refusal(catalog, export(redact=True)) == [
        ("workbook-redacted", "it was exported with --redact (for readers outside the "
         "organisation), so owners, notes and evidence are missing from it; fill in a workbook "
         "exported without --redact")
    ]  # fmt: skip


def test_a_workbook_from_another_catalogue_version(catalog: Catalog, export: Exporter) -> None:
    path = edited(export(), {"csea!B3": "2026.05"})
    assert _refusal(catalog, path) == [
        ("workbook-mismatch", "exported against catalogue fixture 2026.05, but the catalogue in "
         "use is fixture 2026.11; export the workbook again")
    ]  # fmt: skip


def test_a_workbook_from_another_service(catalog: Catalog, export: Exporter, work: Path) -> None:
    other = work / "other.yaml"
    text = (work / "assessment.yaml").read_text(encoding="utf-8")
    (work / "profile-b.yaml").write_text(
        (work / "profile.yaml").read_text(encoding="utf-8").replace("Pebble Video", "Boulder"),
        encoding="utf-8",
    )
    other.write_text(text.replace("profile: profile.yaml", "profile: profile-b.yaml"), "utf-8")
    refusal = _refusal(catalog, export(), into=other)
    assert refusal == [
        ("workbook-mismatch", f"exported from the assessment of Pebble Video (Example Media Ltd) "
         f"({(work / 'assessment.yaml').as_posix()}), not of Boulder (Example Media Ltd) in "
         f"{other}")
    ]  # fmt: skip


def test_an_assessment_changed_since_the_export_needs_force(
    catalog: Catalog, export: Exporter, work: Path
) -> None:
    path = edited(export(), {"Answers!G2": "Media Integrity", "Answers!I3": "Rollout done."})
    assessment = work / "assessment.yaml"
    text = assessment.read_text(encoding="utf-8")
    assessment.write_text(
        text.replace(
            "owner: Integrity Engineering\n    evidence", "owner: Trust Eng\n    evidence", 1
        ),
        encoding="utf-8",
    )
    assert _refusal(catalog, path)[0][0] == "workbook-stale"
    preview = preview_import(catalog, path, as_of=AS_OF, force=True)
    assert preview.merged.answers["BLOCK-01"].owner == "Media Integrity"
    assert preview.merged.answers["BLOCK-02"].notes == "Rollout done."
    assert [str(c) for c in preview.merged.conflicts] == [
        f"{path}!Answers!G2: warning [merge-conflict] BLOCK-01 owner: changed in the workbook "
        "('Integrity Engineering' -> 'Media Integrity') and in the assessment since the export "
        "(now 'Trust Eng'); the workbook's value is kept"
    ]


def test_nothing_is_fetched_or_run(
    catalog: Catalog, export: Exporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook full of formulas and links is read without a socket or a subprocess."""
    import socket
    import subprocess

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("csea import tried to reach the network or run a program")

    path = edited(
        export(),
        {
            "Answers!N2": '=WEBSERVICE("http://evil.example.invalid/")',
            "Answers!I2": '=HYPERLINK("http://evil.example.invalid/","x")',
        },
    )
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "system", refuse)
    assert [c for c, _ in _refusal(catalog, path)] == ["formula-in-cell"]


def test_importing_the_same_workbook_twice_with_force_changes_nothing(
    catalog: Catalog, export: Exporter, work: Path
) -> None:
    path = edited(
        export(),
        {
            "Answers!F4": "implemented",
            "Evidence!B6": "BLOCK-03",
            "Evidence!C6": "Pipeline design",
            "Evidence!D6": "docs/pipeline.md",
            "Evidence!E6": "2026-11-28",
        },
    )
    import_workbook(catalog, path, as_of=AS_OF)
    once = (work / "assessment.yaml").read_bytes()
    again = import_workbook(catalog, path, as_of=AS_OF, force=True)
    assert (again.preview.diff.changes, again.preview.merged.conflicts) == ([], [])
    assert (again.written, (work / "assessment.yaml").read_bytes()) == (False, once)
