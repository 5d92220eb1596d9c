"""``migrate`` merges in the two cases the main fixture does not have: one answered part, and a
target that was already answered (see ``versions.py``: BLOCK-02 and BLOCK-03 merge into BLOCK-04).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from csea.assessment.migrate import migrate_assessment
from csea.catalog.loader import load_catalog
from csea.models import Answer, Assessment, EvidenceRef, ReviewFlag, ReviewReason, Status
from csea.yamlio.reader import read_yaml
from csea.yamlio.validation import validate_document
from tests.assessment.conftest import PROFILE
from tests.assessment.versions import ASSESSMENT

TODAY = dt.date(2027, 1, 15)
REASON = "merged in catalogue 2027.01: Image and video matching are one pipeline."
BLOCK_03 = """\
  BLOCK-03:
    status: partial
    owner: Video Platform
    due: 2027-02-01
    evidence:
      - title: Video pilot report
        path: reports/video-pilot.pdf
        collected: 2026-09-30
    notes: Video matching in pilot.
    # The pilot ends in February.
"""
IMAGES = EvidenceRef(
    title="Image matching dashboard",
    url="https://dash.example.invalid/images",
    collected=dt.date(2026, 10, 2),
)
VIDEO = EvidenceRef(
    title="Video pilot report", path="reports/video-pilot.pdf", collected=dt.date(2026, 9, 30)
)


def migrated(catalogs: tuple[Path, Path], work: Path, text: str) -> tuple[list[str], str, Answer]:
    (work / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    path = work / "assessment.yaml"
    path.write_text(text, encoding="utf-8")
    result = migrate_assessment(load_catalog(catalogs[1]), path, None, TODAY)
    parsed, problems = validate_document(Assessment, read_yaml(path))
    assert (problems, parsed is not None) == ([], True)
    assert parsed is not None
    [merge] = [m for m in result.moves if m.kind == "merged"]
    return merge.outcomes, path.read_text(encoding="utf-8"), parsed.answers["BLOCK-04"]


def test_a_merge_with_one_answered_part_moves_that_answer(
    catalogs: tuple[Path, Path], work: Path
) -> None:
    outcomes, text, answer = migrated(catalogs, work, ASSESSMENT.replace(BLOCK_03, ""))
    assert outcomes == ["BLOCK-02: answer moved to BLOCK-04 and flagged for review"]
    assert answer == Answer(
        status=Status.IMPLEMENTED,
        owner="Integrity Engineering",
        evidence=[IMAGES],
        notes="Images matched at upload.",
        review=ReviewFlag(
            reason=ReviewReason.MERGED,
            note=f"combined from BLOCK-02 (implemented), {REASON}",
            raised=TODAY,
        ),
    )
    assert "BLOCK-02:" not in text
    assert "  # Statement: Match images and videos, as the sources ask.\n  BLOCK-04:\n" in text


def test_a_merge_into_an_answered_id_combines_with_its_answer_and_keeps_earlier_flags(
    catalogs: tuple[Path, Path], work: Path
) -> None:
    target = (
        "  # Kept by video.\n  BLOCK-04:\n    status: planned\n    due: 2027-06-30\n"
        "    owner: Video Platform\n"
        "    review: {reason: catalog_changed, note: check the scope, raised: 2026-12-01}\n"
    )
    outcomes, text, answer = migrated(
        catalogs, work, ASSESSMENT.replace("  BLOCK-02:\n", target + "  BLOCK-02:\n")
    )
    parts = "BLOCK-04 (planned), BLOCK-02 (implemented), BLOCK-03 (partial)"
    assert outcomes == [f"{parts}: combined into BLOCK-04 (status planned), flagged"]
    assert answer == Answer(
        status=Status.PLANNED,
        owner="Video Platform; Integrity Engineering",
        evidence=[IMAGES, VIDEO],
        due=dt.date(2027, 6, 30),
        notes="BLOCK-02: Images matched at upload.\n\nBLOCK-03: Video matching in pilot.",
        review=ReviewFlag(
            reason=ReviewReason.MERGED,
            note=f"combined from {parts}, {REASON} "
            "(earlier flag, catalog_changed: check the scope)",
            raised=TODAY,
        ),
    )
    assert (
        "  # Kept by video.\n  # From BLOCK-03 (merged in catalogue 2027.01):\n"
        "  # The pilot ends in February.\n  BLOCK-04:\n    status: planned\n"
    ) in text
