"""LibreOffice, headless, as the tests use it: convert a file, each call with its own profile.

``soffice`` exits 0 even when it wrote nothing, so the output file is checked. Each call
gets a fresh profile folder, so calls never hand their work to another running instance.
LibreOffice is installed by ``make system``; the tests fail (never skip) without it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def convert(source: Path, fmt: str, outdir: Path, *, timeout: float = 180) -> Path:
    """``source`` converted by LibreOffice to ``fmt`` (``xlsx``, ``pdf``, ...) in ``outdir``."""
    assert Path(SOFFICE).exists(), "LibreOffice is missing: run 'make system'"
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{source.stem}.{fmt.split(':', 1)[0]}"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="csea-lo-") as profile:
        done = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    assert target.exists(), f"LibreOffice wrote no {target.name}: {done.returncode} {done.stderr}"
    return target


_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Cells(path As String, edits As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(path), &quot;_blank&quot;, 0, args())
  Dim edit As Variant
  For Each edit In Split(edits, Chr(31))
    Dim at As Integer
    at = InStr(edit, Chr(30))
    Dim where As Variant
    where = Split(Left(edit, at - 1), &quot;!&quot;)
    doc.Sheets.getByName(where(0)).getCellRangeByName(where(1)).setFormula(Mid(edit, at + 1))
  Next edit
  doc.store()
  doc.close(True)
End Sub
</script:module>
"""


def edit_in_libreoffice(path: Path, cells: dict[str, str], *, timeout: float = 180) -> None:
    """Type values into cells with LibreOffice itself (``{"Answers!F3": "partial"}``) and save.

    A Basic macro (written into a fresh profile's standard library) opens the workbook hidden, enters each value as a
    person typing it would (``2026-11-01`` becomes a date), and stores the file in place,
    so the file on disk is LibreOffice's own ``.xlsx``. The sheets stay protected: only
    the cells a person may edit are written.
    """
    assert Path(SOFFICE).exists(), "LibreOffice is missing: run 'make system'"
    edits = "\x1f".join(f"{where}\x1e{value}" for where, value in cells.items())
    before = path.stat().st_mtime_ns
    with tempfile.TemporaryDirectory(prefix="csea-lo-") as profile:
        start = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        subprocess.run(
            [*start, "--terminate_after_init"], capture_output=True, timeout=timeout, check=False
        )
        module = Path(profile) / "user" / "basic" / "Standard" / "Module1.xba"
        module.write_text(_MACRO, encoding="utf-8")
        shutil.rmtree(Path(profile) / "user" / "pack", ignore_errors=True)
        done = subprocess.run(
            [*start, f'macro:///Standard.Module1.Cells("{path}","{edits}")'],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    assert path.stat().st_mtime_ns != before, f"LibreOffice did not save {path}: {done.stderr}"
