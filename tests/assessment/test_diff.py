"""``diff``: what changed between two assessments of one service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from csea.assessment.diff import AnswerChange, DiffKind, compare_assessments, status_rank
from csea.catalog.loader import load_catalog
from csea.errors import InputError
from csea.models import Status
from tests.assessment.conftest import BLOCK_02, ProfileWriter
from tests.conftest import CATALOG_YAML, CatalogFactory

OLD = """\
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
answers:
  BLOCK-01:
    status: partial
    owner: Integrity
    due: 2026-12-31
    evidence:
      - {title: Runbook, url: "https://wiki.example.invalid/runbook", collected: 2026-01-10}
      - {title: Old audit, path: audits/2025.pdf, collected: 2025-06-01}
  BLOCK-02:
    status: implemented
    evidence:
      - {title: Video dashboard, url: "https://dash.example.invalid/video", collected: 2026-09-01}
  GROOM-01:
    status: not_applicable
    justification: No messaging yet.
  GROOM-07:
    status: planned
  LIVE-01:
    status: not_implemented
    accepted_by: Head of Safety
    accepted_on: 2026-03-01
    notes: Reviewed yearly.
"""

NEW = """\
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
answers:
  BLOCK-01:
    status: implemented
    owner: Integrity Engineering
    evidence:
      - {title: Runbook, url: "https://wiki.example.invalid/runbook", collected: 2026-11-01}
      - title: Vendor certificate
        path: certs/vendor.pdf
        collected: 2026-05-01
        expires: 2026-11-30
  BLOCK-02:
    status: planned
    due: 2027-02-01
    evidence:
      - {title: Video dashboard, url: "https://dash.example.invalid/video", collected: 2026-09-01}
  GROOM-01:
    status: not_assessed
  GROOM-05:
    status: not_assessed
  LIVE-01:
    status: not_implemented
    accepted_by: Chief Risk Officer
    accepted_on: 2026-10-01
    notes: Reviewed yearly by the board.
"""

AS_OF = dt.date(2026, 12, 1)


def _change(
    oid: str, title: str | None, kind: DiffKind, old: str | None, new: str | None, detail: str = ""
) -> AnswerChange:
    return AnswerChange(obligation_id=oid, title=title, kind=kind, old=old, new=new, detail=detail)


@pytest.fixture
def pair(work: Path, write_profile: ProfileWriter) -> tuple[Path, Path]:
    write_profile()
    old, new = work / "old.yaml", work / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


@pytest.mark.parametrize(
    ("status", "rank"),
    [
        (Status.IMPLEMENTED, 4),
        (Status.PARTIAL, 3),
        (Status.PLANNED, 2),
        (Status.NOT_IMPLEMENTED, 1),
        (Status.NOT_ASSESSED, 0),
        (Status.NOT_APPLICABLE, None),
    ],
    ids=str,
)
def test_status_order(status: Status, rank: int | None) -> None:
    assert status_rank(status) == rank


def test_every_kind_of_change_in_catalogue_order(
    pair: tuple[Path, Path], catalog_dir: Path
) -> None:
    diff = compare_assessments(*pair, load_catalog(catalog_dir), AS_OF)
    images, videos, defaults = (
        "Hash-match known images",
        "Hash-match known videos",
        "Safe defaults for children",
    )
    runbook, cert = "https://wiki.example.invalid/runbook", "certs/vendor.pdf"
    assert diff.changes == [
        _change("BLOCK-01", images, DiffKind.STATUS_UP, "partial", "implemented"),
        _change("BLOCK-01", images, DiffKind.EVIDENCE_ADDED, None, cert, "Vendor certificate"),
        _change(
            "BLOCK-01", images, DiffKind.EVIDENCE_REMOVED, "audits/2025.pdf", None, "Old audit"
        ),
        _change(
            "BLOCK-01",
            images,
            DiffKind.EVIDENCE_UPDATED,
            runbook,
            runbook,
            "Runbook: collected 2026-01-10 -> 2026-11-01",
        ),
        _change(
            "BLOCK-01",
            images,
            DiffKind.EVIDENCE_EXPIRED,
            None,
            cert,
            "Vendor certificate: expired on 2026-11-30",
        ),
        _change("BLOCK-01", images, DiffKind.OWNER_CHANGED, "Integrity", "Integrity Engineering"),
        _change("BLOCK-01", images, DiffKind.DUE_CHANGED, "2026-12-31", None),
        _change("BLOCK-02", videos, DiffKind.STATUS_DOWN, "implemented", "planned"),
        _change("BLOCK-02", videos, DiffKind.DUE_CHANGED, None, "2027-02-01"),
        _change("GROOM-01", defaults, DiffKind.STATUS_CHANGED, "not_applicable", "not_assessed"),
        _change("GROOM-01", defaults, DiffKind.JUSTIFICATION_CHANGED, "No messaging yet.", None),
        _change("GROOM-05", None, DiffKind.ADDED, None, "not_assessed", "answer added"),
        _change("GROOM-07", None, DiffKind.REMOVED, "planned", None, "answer removed"),
        _change(
            "LIVE-01", None, DiffKind.ACCEPTED_BY_CHANGED, "Head of Safety", "Chief Risk Officer"
        ),
        _change("LIVE-01", None, DiffKind.ACCEPTED_ON_CHANGED, "2026-03-01", "2026-10-01"),
        _change(
            "LIVE-01",
            None,
            DiffKind.NOTES_CHANGED,
            "Reviewed yearly.",
            "Reviewed yearly by the board.",
        ),
    ]
    assert [c.kind for c in diff.regressions] == [
        DiffKind.EVIDENCE_REMOVED,
        DiffKind.EVIDENCE_EXPIRED,
        DiffKind.STATUS_DOWN,
    ]


def test_the_same_assessment_has_no_changes(pair: tuple[Path, Path], catalog_dir: Path) -> None:
    diff = compare_assessments(pair[0], pair[0], load_catalog(catalog_dir), AS_OF)
    assert (diff.changes, diff.counts()) == ([], {})


def test_answers_added_by_a_catalogue_update_say_so(
    work: Path, write_profile: ProfileWriter, make_catalog: CatalogFactory
) -> None:
    write_profile()
    header = CATALOG_YAML.replace('version: "2026.11"', 'version: "2027.01"').replace(
        "changes: []\n",
        'changes:\n  - {version: "2027.01", kind: added, ids: [BLOCK-02], reason: Video too.}\n'
        '  - {version: "2027.01", kind: retired, ids: [BLOCK-09], reason: Folded into BLOCK-01.}\n',
    )
    root = make_catalog(**{"catalog.yaml": header, "block/BLOCK-02.yaml": BLOCK_02})
    old, new = work / "old.yaml", work / "new.yaml"
    head = 'catalog: {id: mini, version: "%s"}\nprofile: profile.yaml\nanswers:\n'
    old.write_text(head % "2026.11" + "  BLOCK-09: {status: implemented}\n", encoding="utf-8")
    new.write_text(head % "2027.01" + "  BLOCK-02: {status: not_assessed}\n", encoding="utf-8")
    diff = compare_assessments(old, new, load_catalog(root), AS_OF)
    assert [(c.obligation_id, c.kind, c.detail) for c in diff.changes] == [
        ("BLOCK-02", DiffKind.ADDED, "answer added (added in catalogue 2027.01: Video too.)"),
        (
            "BLOCK-09",
            DiffKind.REMOVED,
            "answer removed (retired in catalogue 2027.01: Folded into BLOCK-01.)",
        ),
    ]
    assert (diff.old_catalog, diff.new_catalog) == ("mini 2026.11", "mini 2027.01")


def test_assessments_of_different_services_are_refused(pair: tuple[Path, Path], work: Path) -> None:
    other = work / "other-profile.yaml"
    other.write_text(
        (work / "profile.yaml").read_text(encoding="utf-8").replace("Clipshare", "Chatter"),
        encoding="utf-8",
    )
    pair[1].write_text(
        NEW.replace("profile: profile.yaml", "profile: other-profile.yaml"), encoding="utf-8"
    )
    with pytest.raises(InputError) as raised:
        compare_assessments(*pair, None, AS_OF)
    assert [(p.file, p.line, p.message) for p in raised.value.problems] == [
        (
            str(pair[0]),
            2,
            "is an assessment of Clipshare (Example Ltd); both must assess the same service",
        ),
        (
            str(pair[1]),
            2,
            "is an assessment of Chatter (Example Ltd); both must assess the same service",
        ),
    ]


def test_problems_in_both_files_are_reported_together(pair: tuple[Path, Path]) -> None:
    pair[0].write_text(OLD.replace("status: partial", "status: mostly"), encoding="utf-8")
    pair[1].write_text(
        NEW.replace("collected: 2026-05-01", "collected: last may"), encoding="utf-8"
    )
    with pytest.raises(InputError) as raised:
        compare_assessments(*pair, None, AS_OF)
    assert [(p.file, p.line, p.code) for p in raised.value.problems] == [
        (str(pair[0]), 5, "unknown-value"),
        (str(pair[1]), 11, "bad-date"),
    ]
