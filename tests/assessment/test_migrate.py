"""``migrate``: carrying answers across a catalogue change made in a fixture (v2026.11 -> v2027.01).

Between the two versions: BLOCK-01 changed; BLOCK-02 and BLOCK-03 merged into BLOCK-04;
GROOM-01 split into GROOM-02 and GROOM-03; GROOM-09 retired; BLOCK-05 (applies) and
BLOCK-06 (video upload only, so not for this service) added. Older log entries (2026.05,
2026.11) must not be applied again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from csea.assessment.migrate import Move, migrate_assessment, plan_migration
from csea.catalog.loader import load_catalog
from csea.errors import InputError, WriteRefusedError
from csea.models import (
    Answer,
    Assessment,
    ChangeKind,
    EvidenceRef,
    ReviewFlag,
    ReviewReason,
    Status,
)
from csea.yamlio.reader import read_yaml
from csea.yamlio.validation import validate_document
from tests.assessment.conftest import AS_OF, PROFILE
from tests.assessment.versions import ASSESSMENT

TODAY = dt.date(2027, 1, 15)


@pytest.fixture
def assessment(work: Path) -> Path:
    (work / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    path = work / "assessment.yaml"
    path.write_text(ASSESSMENT, encoding="utf-8")
    return path


def _read(path: Path) -> Assessment:
    parsed, problems = validate_document(Assessment, read_yaml(path))
    assert problems == []
    assert parsed is not None
    return parsed


def _flag(reason: ReviewReason, note: str) -> ReviewFlag:
    return ReviewFlag(reason=reason, note=note, raised=TODAY)


def test_fixture_catalogues_load(catalogs: tuple[Path, Path]) -> None:
    assert [(c.version, [o.id for o in c.obligations]) for c in map(load_catalog, catalogs)] == [
        ("2026.11", ["BLOCK-01", "BLOCK-02", "BLOCK-03", "GROOM-01", "GROOM-09"]),
        ("2027.01", ["BLOCK-01", "BLOCK-04", "BLOCK-05", "BLOCK-06", "GROOM-02", "GROOM-03"]),
    ]


def test_migration_carries_every_answer_forward(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    result = migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    migrated = _read(assessment)
    groom = Answer(status=Status.PLANNED, due=dt.date(2027, 3, 31), owner="Youth Safety")
    split_note = "carried from GROOM-01 (planned), split in catalogue 2027.01: "
    split_note += "Messaging and discovery defaults are assessed apart."
    assert migrated.catalog.version == "2027.01"
    assert list(migrated.answers) == [
        "BLOCK-01",
        "BLOCK-04",
        "BLOCK-05",
        "GROOM-02",
        "GROOM-03",
        "GROOM-09",
    ]
    assert migrated.answers["BLOCK-01"].review == _flag(
        ReviewReason.CATALOG_CHANGED, "changed in catalogue 2027.01: Now covers edited images too."
    )
    assert migrated.answers["BLOCK-04"] == Answer(
        status=Status.PARTIAL,
        owner="Integrity Engineering; Video Platform",
        evidence=[
            EvidenceRef(
                title="Image matching dashboard",
                url="https://dash.example.invalid/images",
                collected=dt.date(2026, 10, 2),
            ),
            EvidenceRef(
                title="Video pilot report",
                path="reports/video-pilot.pdf",
                collected=dt.date(2026, 9, 30),
            ),
        ],
        due=dt.date(2027, 2, 1),
        notes="BLOCK-02: Images matched at upload.\n\nBLOCK-03: Video matching in pilot.",
        review=_flag(
            ReviewReason.MERGED,
            "combined from BLOCK-02 (implemented), BLOCK-03 (partial), merged in catalogue "
            "2027.01: Image and video matching are one pipeline.",
        ),
    )
    assert migrated.answers["BLOCK-05"] == Answer()
    assert migrated.answers["GROOM-02"] == groom.model_copy(
        update={"review": _flag(ReviewReason.SPLIT, split_note)}
    )
    assert migrated.answers["GROOM-03"] == migrated.answers["GROOM-02"]
    assert migrated.answers["GROOM-09"] == Answer(
        status=Status.NOT_IMPLEMENTED,
        accepted_by="Chief Trust Officer",
        review=_flag(ReviewReason.RETIRED, "retired in catalogue 2027.01: Covered by GROOM-02."),
    )
    assert (result.from_version, result.to_version, result.unknown) == ("2026.11", "2027.01", [])


def test_migration_reports_every_move(catalogs: tuple[Path, Path], assessment: Path) -> None:
    result = plan_migration(load_catalog(catalogs[1]), assessment, None, TODAY)
    assert result.moves == [
        Move("2027.01", ChangeKind.CHANGED, ["BLOCK-01"], [], ["BLOCK-01: flagged for review"]),
        Move(
            "2027.01",
            ChangeKind.MERGED,
            ["BLOCK-02", "BLOCK-03"],
            ["BLOCK-04"],
            [
                "BLOCK-02 (implemented), BLOCK-03 (partial): combined into BLOCK-04 "
                "(status partial), flagged"
            ],
        ),
        Move(
            "2027.01",
            ChangeKind.SPLIT,
            ["GROOM-01"],
            ["GROOM-02", "GROOM-03"],
            ["GROOM-01: answer copied to GROOM-02, GROOM-03 and flagged for review"],
        ),
        Move("2027.01", ChangeKind.RETIRED, ["GROOM-09"], [], ["GROOM-09: flagged for review"]),
        Move(
            "2027.01",
            ChangeKind.ADDED,
            ["BLOCK-05", "BLOCK-06"],
            [],
            ["BLOCK-05: added as not_assessed", "BLOCK-06: does not apply to this service"],
        ),
    ]


def test_migration_keeps_the_text_of_answers_it_does_not_combine(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    text = assessment.read_text(encoding="utf-8")
    kept = [
        '# Clipshare, kept by the T&S policy team.\ncatalog:\n  id: mini\n  version: "2027.01"'
        "   # bump only with csea migrate\nprofile: profile.yaml\nassessed_by: T&S policy\n"
        "answers:\n  # Reviewed with engineering.\n  BLOCK-01:\n    status: implemented\n",
        "  GROOM-02:\n    status: planned   # see the roadmap\n    due: 2027-03-31\n",
        "  GROOM-09:\n    status: not_implemented\n    accepted_by: Chief Trust Officer\n",
    ]
    assert [part in text for part in kept] == [True, True, True]


def test_comments_people_wrote_follow_split_and_merged_answers(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    text = assessment.read_text(encoding="utf-8")
    expected = [
        "  # Statement: Match images and videos, as the sources ask.\n"
        "  # From BLOCK-03 (merged in catalogue 2027.01):\n"
        "  # The pilot ends in February.\n  BLOCK-04:\n",
        "  # Statement: Private messages by default, as the sources ask.\n"
        "  # Agreed with legal.\n  GROOM-02:\n",
        "  # Statement: No stranger suggestions, as the sources ask.\n"
        "  # Agreed with legal.\n  GROOM-03:\n",
    ]
    assert [part in text for part in expected] == [True, True, True]


def test_migration_to_another_file_leaves_the_original(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    target = assessment.with_name("assessment-2027.yaml")
    result = migrate_assessment(load_catalog(catalogs[1]), assessment, target, TODAY)
    assert assessment.read_text(encoding="utf-8") == ASSESSMENT
    assert target.read_text(encoding="utf-8") == result.text


def test_migration_is_deterministic_and_idempotent(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    catalog = load_catalog(catalogs[1])
    first = plan_migration(catalog, assessment, None, TODAY).text
    assert plan_migration(catalog, assessment, None, TODAY).text == first
    migrate_assessment(catalog, assessment, None, TODAY)
    again = migrate_assessment(catalog, assessment, None, TODAY)
    assert (again.changed, again.moves, assessment.read_text(encoding="utf-8")) == (
        False,
        [],
        first,
    )


def test_a_split_onto_an_answered_id_keeps_the_old_answer(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    answered = ASSESSMENT + "  GROOM-03:\n    status: implemented\n"
    assessment.write_text(answered, encoding="utf-8")
    result = migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    migrated = _read(assessment)
    assert migrated.answers["GROOM-03"] == Answer(status=Status.IMPLEMENTED)
    assert migrated.answers["GROOM-01"].review == _flag(
        ReviewReason.SPLIT,
        "split in catalogue 2027.01 into GROOM-02, GROOM-03, but GROOM-03 already had an "
        "answer; carry this one over by hand, then delete it: Messaging and discovery defaults "
        "are assessed apart.",
    )
    assert result.moves[2].outcomes == [
        "GROOM-01: copied to GROOM-02; kept and flagged (GROOM-03 already answered)"
    ]


def test_an_assessment_at_the_current_version_is_left_alone(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    result = migrate_assessment(load_catalog(catalogs[0]), assessment, None, AS_OF)
    assert (result.changed, result.moves, assessment.read_text(encoding="utf-8")) == (
        False,
        [],
        ASSESSMENT,
    )


@pytest.mark.parametrize(
    ("edit", "code", "line"),
    [
        (('version: "2026.11"', 'version: "2027.05"'), "catalog-version", 4),
        (("  id: mini", "  id: other"), "catalog-version", 3),
        (("status: partial", "status: halfway"), "unknown-value", 24),
        (("due: 2027-02-01", "due: soon"), "bad-date", 26),
        (("profile: profile.yaml", "profile: missing.yaml"), "profile-unusable", 5),
    ],
    ids=["newer-version", "other-catalogue", "unknown-status", "bad-date", "missing-profile"],
)
def test_unusable_input_is_refused_with_file_and_line(
    catalogs: tuple[Path, Path], assessment: Path, edit: tuple[str, str], code: str, line: int
) -> None:
    broken = ASSESSMENT.replace(*edit)
    assessment.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    first = raised.value.problems[0]
    assert (first.file, first.line, first.code) == (str(assessment), line, code)
    assert assessment.read_text(encoding="utf-8") == broken


def test_refuses_to_write_over_an_unreadable_output(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    target = assessment.with_name("other.yaml")
    target.write_text("answers: [\n", encoding="utf-8")
    with pytest.raises(WriteRefusedError):
        migrate_assessment(load_catalog(catalogs[1]), assessment, target, TODAY)
    assert target.read_text(encoding="utf-8") == "answers: [\n"


def test_changes_over_several_versions_apply_in_order(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    header = catalogs[1] / "catalog.yaml"
    text = header.read_text(encoding="utf-8").replace(
        'version: "2027.01"\ndate', 'version: "2027.03"\ndate'
    )
    text += '  - version: "2027.03"\n    kind: changed\n    ids: [GROOM-02]\n    reason: Covers groups.\n'
    header.write_text(text, encoding="utf-8")
    result = migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    assert _read(assessment).answers["GROOM-02"].review == _flag(
        ReviewReason.CATALOG_CHANGED,
        "changed in catalogue 2027.03: Covers groups. (earlier flag, split: carried from "
        "GROOM-01 (planned), split in catalogue 2027.01: Messaging and discovery defaults are "
        "assessed apart.)",
    )
    assert [(m.version, m.kind) for m in result.moves][-2:] == [
        ("2027.01", ChangeKind.ADDED),
        ("2027.03", ChangeKind.CHANGED),
    ]
