"""The issue's acceptance, in LibreOffice: a policy lead fills in Vidora's workbook and it comes back.

Vidora's assessment is exported; LibreOffice itself (a Basic macro, headless) changes five
statuses, writes a justification and adds two evidence rows, and saves the workbook as its
own .xlsx; ``csea import`` brings exactly those changes into ``assessment.yaml``, every other
answer's text unchanged and every comment kept.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from openpyxl import load_workbook

from csea.catalog.loader import load_catalog
from csea.export.run import export_assessment
from csea.workbook.imports import import_workbook
from tests.workbook.libreoffice import edit_in_libreoffice

VIDORA = Path(__file__).resolve().parents[2] / "examples" / "vidora"
AS_OF = dt.date(2026, 11, 20)
JUSTIFICATION = "Vidora has no messaging between adults and children to apply it to."


def _rows(path: Path) -> tuple[dict[str, int], int]:
    book = load_workbook(path, read_only=True)
    ids = [row[0] for row in book["Answers"].iter_rows(values_only=True)]
    keys = [row[0] for row in book["Evidence"].iter_rows(values_only=True)]
    return {str(i): n for n, i in enumerate(ids, start=1) if i}, len([k for k in keys if k]) + 1


def test_five_statuses_a_justification_and_two_evidence_rows(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(VIDORA, tmp_path / "vidora"))
    catalog = load_catalog()
    workbook = folder / "answers.xlsx"
    export_assessment(catalog, folder / "assessment.yaml", workbook, as_of=AS_OF)
    rows, last = _rows(workbook)
    edit_in_libreoffice(
        workbook,
        {
            f"Answers!F{rows['BLOCK-10']}": "implemented",
            f"Answers!F{rows['GROOM-04']}": "implemented",
            f"Answers!F{rows['LIVE-06']}": "implemented",
            f"Answers!F{rows['LAW-10']}": "implemented",
            f"Answers!F{rows['SBD-13']}": "not_applicable",
            f"Answers!J{rows['SBD-13']}": JUSTIFICATION,
            f"Evidence!B{last + 1}": "BLOCK-10",
            f"Evidence!C{last + 1}": "Scanning rollout sign-off",
            f"Evidence!D{last + 1}": "https://wiki.lumen.example.invalid/integrity/rollout",
            f"Evidence!E{last + 1}": "2026-11-18",
            f"Evidence!B{last + 2}": "GROOM-04",
            f"Evidence!C{last + 2}": "Age-assurance vendor audit",
            f"Evidence!D{last + 2}": "compliance/evidence/2026/age-assurance-audit.pdf",
            f"Evidence!E{last + 2}": "2026-11-19",
            f"Evidence!G{last + 2}": "confidential",
        },
    )
    before = (folder / "assessment.yaml").read_text(encoding="utf-8")
    result = import_workbook(catalog, workbook, as_of=AS_OF)
    preview = result.preview
    assert [(c.obligation_id, c.kind.value, c.old, c.new) for c in preview.diff.changes] == [
        ("BLOCK-10", "status_up", "planned", "implemented"),
        ("BLOCK-10", "evidence_added", None, "https://wiki.lumen.example.invalid/integrity/rollout"),
        ("GROOM-04", "status_up", "partial", "implemented"),
        ("GROOM-04", "evidence_added", None, "compliance/evidence/2026/age-assurance-audit.pdf"),
        ("LIVE-06", "status_up", "partial", "implemented"),
        ("LAW-10", "status_up", "partial", "implemented"),
        ("SBD-13", "status_changed", "not_assessed", "not_applicable"),
        ("SBD-13", "justification_changed", None, JUSTIFICATION),
    ]  # fmt: skip
    assert (preview.warnings, preview.merged.conflicts, preview.stale) == ([], [], False)
    after = (folder / "assessment.yaml").read_text(encoding="utf-8")
    assert (result.written, _comments(after)) == (True, _comments(before))
    assert {k: v for k, v in _answers(after).items() if k not in CHANGED} == {
        k: v for k, v in _answers(before).items() if k not in CHANGED
    }


CHANGED = ("BLOCK-10", "GROOM-04", "LIVE-06", "LAW-10", "SBD-13")


def _comments(text: str) -> list[str]:
    """Every comment of a file, in order (the text after ``#``, wherever it is on its line)."""
    return [line.partition("#")[2] for line in text.splitlines() if "#" in line]


def _answers(text: str) -> dict[str, str]:
    """Each answer's lines (comments aside), by id."""
    blocks: dict[str, str] = {}
    current = ""
    for line in text.splitlines(keepends=True):
        if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":"):
            current = line.strip().rstrip(":")
        if current and not line.lstrip().startswith("#"):
            blocks[current] = blocks.get(current, "") + line
    return blocks
