"""Writing an import: fields set in place, evidence edited or added, new answers in order."""

from __future__ import annotations

from pathlib import Path

from csea.assessment.load import load_assessment
from csea.models import Catalog
from csea.workbook.imports import import_workbook
from tests.report.conftest import FIXTURES
from tests.workbook.conftest import AS_OF, Exporter, edited

ASSESSMENT = (FIXTURES / "assessment.yaml").read_text(encoding="utf-8")
COMMENTED = ASSESSMENT.replace(
    "  BLOCK-01:\n    status: implemented\n",
    "  # Reviewed with Integrity on 2026-11-02.\n  BLOCK-01:\n    status: implemented  # since Q2\n",
).replace("      - title: Hash-matching design document\n", "      # the main one\n"
          "      - title: Hash-matching design document\n")  # fmt: skip


def test_an_edited_evidence_row_keeps_the_comments(
    catalog: Catalog, export: Exporter, work: Path
) -> None:
    path = edited(export(COMMENTED), {"Evidence!C2": "Hash-matching design, v2"})
    result = import_workbook(catalog, path, as_of=AS_OF)
    text = (work / "assessment.yaml").read_text(encoding="utf-8")
    evidence = load_assessment(work / "assessment.yaml").assessment.answers["BLOCK-01"].evidence
    assert (result.written, [e.title for e in evidence]) == (
        True,
        ["Hash-matching design, v2", "Vendor contract for hash lists"],
    )
    for comment in ("# Reviewed with Integrity on 2026-11-02.", "# since Q2", "# the main one"):
        assert comment in text


def test_an_unanswered_obligation_gets_its_answer_in_catalogue_order(
    catalog: Catalog, export: Exporter, work: Path
) -> None:
    start, end = ASSESSMENT.index("  BLOCK-02:"), ASSESSMENT.index("  BLOCK-03:")
    path = edited(
        export(ASSESSMENT[:start] + ASSESSMENT[end:]),
        {"Answers!F3": "planned", "Answers!H3": "2027-01-31"},
    )
    import_workbook(catalog, path, as_of=AS_OF)
    answers = load_assessment(work / "assessment.yaml").assessment.answers
    assert list(answers)[:3] == ["BLOCK-01", "BLOCK-02", "BLOCK-03"]
    assert (answers["BLOCK-02"].status, str(answers["BLOCK-02"].due)) == ("planned", "2027-01-31")
