"""``migrate``: carrying answers across a catalogue change made in a fixture (v2026.11 -> v2027.01).

Between the two versions: BLOCK-01 changed; BLOCK-02 and BLOCK-03 merged into BLOCK-04;
GROOM-01 split into GROOM-02 and GROOM-03; GROOM-09 retired; BLOCK-05 (applies) and
BLOCK-06 (video upload only, so not for this service) added. Older log entries (2026.05,
2026.11) must not be applied again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from csea.assessment import migrate
from csea.assessment.migrate import Move, migrate_assessment, plan_migration
from csea.catalog.loader import load_catalog
from csea.errors import InputError, WriteRefusedError
from csea.fileio import refuse_unreadable
from csea.models import (
    Answer,
    Assessment,
    Catalog,
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
MIGRATED_IDS = ["BLOCK-01", "BLOCK-04", "BLOCK-05", "GROOM-02", "GROOM-03", "GROOM-09"]
"""The answers of the migrated fixture, in file order."""


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


def _edit_changes(catalog: Path, old: str, new: str) -> Catalog:
    header = catalog / "catalog.yaml"
    text = header.read_text(encoding="utf-8")
    assert old in text
    header.write_text(text.replace(old, new), encoding="utf-8")
    return load_catalog(catalog)


def test_the_plan_names_what_it_read_and_where_it_goes(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    target = assessment.with_name("assessment-2027.yaml")
    catalog = load_catalog(catalogs[1])
    planned = plan_migration(catalog, assessment, target, TODAY)
    assert (planned.source, planned.output, planned.from_version, planned.to_version) == (
        assessment,
        target,
        "2026.11",
        "2027.01",
    )
    assert planned == migrate_assessment(catalog, assessment, target, TODAY)


def test_a_new_version_without_changes_for_it_still_moves_the_version(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    catalog = _edit_changes(catalogs[0], 'version: "2026.11"\ndate', 'version: "2026.12"\ndate')
    result = migrate_assessment(catalog, assessment, None, TODAY)
    assert (result.changed, result.moves, _read(assessment).catalog.version) == (
        True,
        [],
        "2026.12",
    )
    assert assessment.read_text(encoding="utf-8") == ASSESSMENT.replace(
        'version: "2026.11"', 'version: "2026.12"'
    )


def test_nothing_is_written_in_place_when_there_is_nothing_to_migrate(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    before = assessment.stat()
    migrate_assessment(load_catalog(catalogs[0]), assessment, None, AS_OF)
    after = assessment.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize("version", ["2026.11", "2027.01"], ids=["unchanged", "migrated"])
def test_another_output_is_written_even_when_there_is_nothing_to_migrate(
    catalogs: tuple[Path, Path], assessment: Path, version: str
) -> None:
    catalog = load_catalog(catalogs[0] if version == "2026.11" else catalogs[1])
    target = assessment.with_name("copy.yaml")
    target.write_text(ASSESSMENT, encoding="utf-8")
    result = migrate_assessment(catalog, assessment, target, TODAY)
    assert (target.read_text(encoding="utf-8"), _read(target).catalog.version) == (
        result.text,
        version,
    )


def test_an_output_changed_after_it_was_read_is_not_written_over(
    catalogs: tuple[Path, Path], assessment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = assessment.with_name("copy.yaml")
    target.write_text(ASSESSMENT, encoding="utf-8")

    def read_then_someone_edits(path: Path, reader: Any) -> Any:
        found = refuse_unreadable(path, reader)
        path.write_text(ASSESSMENT + "# edited meanwhile\n", encoding="utf-8")
        return found

    monkeypatch.setattr(migrate, "refuse_unreadable", read_then_someone_edits)
    with pytest.raises(WriteRefusedError):
        migrate_assessment(load_catalog(catalogs[1]), assessment, target, TODAY)
    assert target.read_text(encoding="utf-8") == ASSESSMENT + "# edited meanwhile\n"


def test_a_retired_id_names_its_successors(catalogs: tuple[Path, Path], assessment: Path) -> None:
    catalog = _edit_changes(
        catalogs[1],
        "    ids: [GROOM-09]\n",
        "    ids: [GROOM-09]\n    into: [GROOM-02, GROOM-03]\n",
    )
    migrate_assessment(catalog, assessment, None, TODAY)
    assert _read(assessment).answers["GROOM-09"].review == _flag(
        ReviewReason.RETIRED,
        "retired in catalogue 2027.01 (see GROOM-02, GROOM-03): Covered by GROOM-02.",
    )


def test_a_split_onto_ids_all_answered_copies_nothing(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    answered = "  GROOM-02:\n    status: partial\n  GROOM-03:\n    status: implemented\n"
    assessment.write_text(ASSESSMENT + answered, encoding="utf-8")
    result = migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    migrated = _read(assessment)
    assert (migrated.answers["GROOM-02"], migrated.answers["GROOM-03"]) == (
        Answer(status=Status.PARTIAL),
        Answer(status=Status.IMPLEMENTED),
    )
    assert migrated.answers["GROOM-01"].review == _flag(
        ReviewReason.SPLIT,
        "split in catalogue 2027.01 into GROOM-02, GROOM-03, but GROOM-02, GROOM-03 already "
        "had an answer; carry this one over by hand, then delete it: Messaging and discovery "
        "defaults are assessed apart.",
    )
    assert result.moves[2].outcomes == [
        "GROOM-01: kept and flagged (GROOM-02, GROOM-03 already answered)"
    ]


def test_a_split_onto_an_answered_id_copies_to_the_others_and_an_answered_addition_stays(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    catalog = _edit_changes(
        catalogs[1], "into: [GROOM-02, GROOM-03]", "into: [GROOM-02, GROOM-03, BLOCK-05]"
    )
    assessment.write_text(ASSESSMENT + "  BLOCK-05:\n    status: partial\n", encoding="utf-8")
    result = migrate_assessment(catalog, assessment, None, TODAY)
    assert [m.outcomes for m in result.moves[2:]] == [
        ["GROOM-01: copied to GROOM-02, GROOM-03; kept and flagged (BLOCK-05 already answered)"],
        ["GROOM-09: flagged for review"],
        ["BLOCK-05: already answered", "BLOCK-06: does not apply to this service"],
    ]
    assert _read(assessment).answers["BLOCK-05"] == Answer(status=Status.PARTIAL)


def test_an_added_obligation_comes_with_what_it_asks(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    assert (
        "  # BLOCK-05: Block known URLs\n"
        "  # Applies (voluntary principle): applies to every service; asked for by: "
        "vol.vp2020 p3\n"
        "  # Statement: Block known URLs, as the sources ask.\n"
        "  BLOCK-05:\n    status: not_assessed\n"
    ) in assessment.read_text(encoding="utf-8")


def test_a_merge_with_no_answer_says_so(catalogs: tuple[Path, Path], assessment: Path) -> None:
    start, end = ASSESSMENT.index("  BLOCK-02:\n"), ASSESSMENT.index("\n  # Agreed with legal.")
    assessment.write_text(ASSESSMENT[:start] + ASSESSMENT[end + 1 :], encoding="utf-8")
    result = plan_migration(load_catalog(catalogs[1]), assessment, None, TODAY)
    assert result.moves[1] == Move(
        "2027.01",
        ChangeKind.MERGED,
        ["BLOCK-02", "BLOCK-03"],
        ["BLOCK-04"],
        ["no answer affected"],
    )


def test_a_merge_of_one_answer_moves_it_where_it_was(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    start, end = ASSESSMENT.index("  BLOCK-03:\n"), ASSESSMENT.index("\n  # Agreed with legal.")
    assessment.write_text(ASSESSMENT[:start] + ASSESSMENT[end + 1 :], encoding="utf-8")
    result = migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    assert list(_read(assessment).answers) == MIGRATED_IDS
    assert result.moves[1].outcomes == ["BLOCK-02: answer moved to BLOCK-04 and flagged for review"]


def test_a_merged_answer_goes_where_the_first_of_its_sources_was(
    catalogs: tuple[Path, Path], assessment: Path
) -> None:
    block_03 = ASSESSMENT[ASSESSMENT.index("  BLOCK-03:\n") : ASSESSMENT.index("\n  # Agreed")]
    moved = ASSESSMENT.replace(block_03 + "\n", "") + block_03
    assessment.write_text(moved, encoding="utf-8")
    migrate_assessment(load_catalog(catalogs[1]), assessment, None, TODAY)
    assert list(_read(assessment).answers) == MIGRATED_IDS
