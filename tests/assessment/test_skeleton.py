"""``init``: the skeleton, and re-running it on an assessment people have written in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from csea.assessment.skeleton import init_assessment, plan_init
from csea.catalog.loader import load_catalog
from csea.errors import InputError, WriteRefusedError
from tests.assessment.conftest import AS_OF, ProfileWriter, dedent

SKELETON = """\
# yaml-language-server: $schema=schemas/assessment.schema.json
# Self-assessment of Clipshare (Example Ltd) against Mini catalogue 2026.11.
# Written by 'csea init'. For each obligation below, set 'status' to one of:
#   implemented, partial, planned, not_implemented, not_applicable, not_assessed
# and add what applies: evidence (title, url or path, collected: YYYY-MM-DD; by reference only),
# owner, due (planned, partial), accepted_by (an accepted not_implemented risk),
# justification (not_applicable), notes.
# Run 'csea init' again after the catalogue or the profile changes: new obligations are
# added and your answers and comments are kept as they are.
catalog:
  id: mini
  version: '2026.11'
profile: profile.yaml
# assessed_by: the person or team who made the assessment
# assessed_on: YYYY-MM-DD
answers:

  # BLOCK-01: Hash-match known images
  # Applies (legal duty): @BLOCK_01_WHY@
  # Statement: Match uploaded images against hash lists of known abuse material.
  # Questions:
  # - Do you hash-match every uploaded image?
  BLOCK-01:
    status: not_assessed

  # GROOM-01: Safe defaults for children
  # Applies (voluntary principle): applies to every service; asked for by: vol.vp2020 p3
  # Statement: Child accounts cannot be messaged by strangers by default.
  GROOM-01:
    status: not_assessed
""".replace(
    "@BLOCK_01_WHY@",
    "the service is offered in GB; the service has image upload; "
    "asked for by: uk.osa2023 s10, vol.vp2020 p1",
)

BLOCK_02_ENTRY = """\

  # BLOCK-02: Hash-match known videos
  # Applies (voluntary principle): the service has video upload; asked for by: vol.vp2020 p1
  # Statement: Match uploaded videos against hash lists of known abuse material.
  # Questions:
  # - Do you hash-match every uploaded video, including edits and clips?
  # Evidence that would show it:
  # - The runbook of the video matching pipeline and a month of match statistics.
  BLOCK-02:
    status: not_assessed
"""

# An assessment a team has worked in: its own comments everywhere, odd spacing, quoting,
# a block scalar with blank lines, a flow-style answer, and no final blank line.
WORKED = """\
# Clipshare self-assessment, kept by the T&S policy team.
catalog:
  id: mini
  version: "2026.11"     # bump only with 'csea migrate'
profile: profile.yaml
assessed_by: T&S policy   # rotates quarterly
assessed_on: 2026-11-15
answers:
  # Reviewed with engineering on 2026-11-10.
  BLOCK-01:
    status:   implemented
    owner: "Integrity Engineering"
    evidence:
      - title: Hash matching runbook
        url: https://wiki.example.invalid/trust/hash-matching
        collected: 2026-10-01   # re-check after the vendor upgrade
        sensitivity: internal
    notes: |
      Two hash lists are matched at upload.

      Edits are matched with a perceptual hash.
    # TODO: add the Q3 match statistics

  GROOM-01: {status: planned, due: 2027-03-31, owner: Youth Safety}  # launch blocked on age assurance
# end of answers"""


@pytest.fixture
def output(work: Path) -> Path:
    return work / "assessment.yaml"


def test_skeleton_lists_every_applicable_obligation_with_its_comments(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    result = init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    assert output.read_text(encoding="utf-8") == SKELETON
    assert (result.created, result.changed, result.added) == (True, True, ["BLOCK-01", "GROOM-01"])


def test_an_obligation_on_an_undeclared_fact_is_written_as_assumed_with_what_to_declare(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    profile = write_profile()
    text = profile.read_text("utf-8")
    profile.write_text(text.replace(", absent: all others}\nusers", "}\nusers"), "utf-8")
    result = init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    assumed = BLOCK_02_ENTRY.replace(
        "# Applies (voluntary principle): the service has video upload;",
        "# Assumed to apply (voluntary principle): the profile does not say whether the"
        " service has video upload;",
    ).replace(
        "  # Statement: Match uploaded videos",
        "  # To settle it, declare in the profile: features: video_upload\n"
        "  # Statement: Match uploaded videos",
    )
    assert output.read_text(encoding="utf-8") == SKELETON.replace(
        "\n  # GROOM-01", assumed + "\n  # GROOM-01"
    )
    assert result.added == ["BLOCK-01", "BLOCK-02", "GROOM-01"]


def test_skeleton_is_deterministic(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    catalog = load_catalog(catalog_dir)
    first = plan_init(catalog, write_profile(), output, AS_OF).text
    assert plan_init(catalog, write_profile(), output, AS_OF).text == first


def test_skeleton_names_the_profile_relative_to_the_output(
    catalog_dir: Path, write_profile: ProfileWriter, work: Path
) -> None:
    output = work / "assessments" / "2026" / "clipshare.yaml"
    output.parent.mkdir(parents=True)
    init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    assert "profile: ../../profile.yaml\n" in output.read_text(encoding="utf-8")


def test_rerun_on_an_untouched_skeleton_changes_nothing(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    catalog = load_catalog(catalog_dir)
    init_assessment(catalog, write_profile(), output, AS_OF)
    result = init_assessment(catalog, write_profile(), output, AS_OF)
    assert (result.changed, result.added, result.flagged) == (False, [], [])
    assert output.read_text(encoding="utf-8") == SKELETON


def test_rerun_keeps_a_worked_assessment_byte_for_byte_apart_from_additions(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    output.write_text(WORKED, encoding="utf-8")
    profile = write_profile("[image_upload, video_upload, direct_messages]")
    result = init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    before, after = WORKED.split("\n  GROOM-01:")
    assert output.read_text(encoding="utf-8") == (
        before.removesuffix("\n") + "\n" + BLOCK_02_ENTRY + "\n  GROOM-01:" + after
    )
    assert (result.added, result.flagged, result.unknown) == (["BLOCK-02"], [], [])


def test_rerun_flags_answers_that_no_longer_apply_and_keeps_them(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    output.write_text(WORKED, encoding="utf-8")
    profile = write_profile("[direct_messages]")
    result = init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    flag = (
        "    review:\n"
        "      reason: no_longer_applies\n"
        "      note: 'does not apply to the service on 2026-12-01: the service has no image upload'\n"
        "      raised: 2026-12-01\n"
    )
    anchor = "      Edits are matched with a perceptual hash.\n"
    assert output.read_text(encoding="utf-8") == WORKED.replace(anchor, anchor + flag)
    assert (result.added, result.flagged) == ([], ["BLOCK-01"])
    again = init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    assert (again.changed, again.flagged) == (False, [])


def test_flagging_an_answer_written_in_flow_style_rewrites_only_that_answer(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = WORKED.replace("  GROOM-01: {", "  BLOCK-02: {")
    output.write_text(text, encoding="utf-8")
    init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    written = output.read_text(encoding="utf-8")
    head = text.partition("  BLOCK-02: {")[0]
    assert written.startswith(head)
    assert written[len(head) :].startswith(
        "  BLOCK-02:  # launch blocked on age assurance\n"
        "    status: planned\n"
        "    due: 2027-03-31\n"
        "    owner: Youth Safety\n"
        "    review:\n"
        "      reason: no_longer_applies\n"
    )
    assert written.endswith("\n# end of answers")


def test_rerun_adds_new_obligations_in_catalogue_order(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    output.write_text(
        dedent(
            """
            catalog: {id: mini, version: "2026.11"}
            profile: profile.yaml
            answers:
              GROOM-01:
                status: implemented
                evidence:
                  - {title: Defaults spec, path: docs/defaults.md, collected: 2026-09-01}
            """
        ),
        encoding="utf-8",
    )
    profile = write_profile("[image_upload, video_upload]")
    result = init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    keys = [line.strip() for line in output.read_text(encoding="utf-8").splitlines()]
    assert [k for k in keys if k.endswith(":") and k[:2].isupper()] == [
        "BLOCK-01:",
        "BLOCK-02:",
        "GROOM-01:",
    ]
    assert result.added == ["BLOCK-01", "BLOCK-02"]


def test_rerun_fills_an_empty_answers_mapping(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    output.write_text(
        'catalog:\n  id: mini\n  version: "2026.11"\nprofile: profile.yaml\nanswers: {}  # none yet\n',
        encoding="utf-8",
    )
    init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    text = output.read_text(encoding="utf-8")
    assert text.startswith(
        'catalog:\n  id: mini\n  version: "2026.11"\nprofile: profile.yaml\nanswers:  # none yet\n'
    )
    assert text.endswith(SKELETON.partition("answers:\n")[2])


def test_answers_for_unknown_ids_are_left_alone_and_reported(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = SKELETON + "  BLOCK-77:\n    status: implemented\n"
    output.write_text(text, encoding="utf-8")
    result = init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    assert (result.changed, result.unknown) == (False, ["BLOCK-77"])
    assert output.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("status:   implemented", "status: done"), "status"),
        (("collected: 2026-10-01", "collected: 2026-13-45"), "collected"),
        (("BLOCK-01:\n", "BLOCK-01:\n    colour: blue\n"), "colour"),
        (("answers:\n", "answers:\n  BLOCK-01:\n    status: planned\n"), "duplicate key"),
    ],
    ids=["unknown-status", "bad-date", "unknown-field", "duplicate-answer"],
)
def test_refuses_to_write_over_a_file_it_cannot_read(
    catalog_dir: Path,
    write_profile: ProfileWriter,
    output: Path,
    edit: tuple[str, str],
    message: str,
) -> None:
    broken = WORKED.replace(*edit, 1)
    output.write_text(broken, encoding="utf-8")
    with pytest.raises(WriteRefusedError) as raised:
        init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    assert f"{output}:" in str(raised.value)
    assert message in str(raised.value)
    assert output.read_text(encoding="utf-8") == broken


def test_refuses_an_assessment_made_against_another_catalogue_version(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    output.write_text(WORKED.replace('"2026.11"', '"2026.05"'), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    [problem] = raised.value.problems
    assert (problem.code, problem.line) == ("catalog-version", 4)
    assert f"run 'csea migrate {output}' first" in problem.message


def test_refuses_an_assessment_of_another_profile(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    output.write_text(WORKED.replace("profile: profile.yaml", "profile: other.yaml"), "utf-8")
    with pytest.raises(InputError) as raised:
        init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    [problem] = raised.value.problems
    assert (problem.code, problem.line, problem.field) == ("profile-mismatch", 5, "profile")


def test_refuses_answers_written_as_one_flow_mapping(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = (
        'catalog: {id: mini, version: "2026.11"}\nprofile: profile.yaml\nanswers: {GROOM-01: {}}\n'
    )
    output.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    [problem] = raised.value.problems
    assert (problem.code, problem.line) == ("flow-style-answers", 3)
    assert output.read_text(encoding="utf-8") == text


def test_a_missing_profile_is_an_error_and_nothing_is_written(
    catalog_dir: Path, work: Path, output: Path
) -> None:
    with pytest.raises(InputError) as raised:
        init_assessment(load_catalog(catalog_dir), work / "nope.yaml", output, AS_OF)
    assert [p.code for p in raised.value.problems] == ["file-not-found"]
    assert not output.exists()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (lambda text: text.replace("\n", "\r\n"), lambda text: text.replace("\n", "\r\n")),
        (lambda text: "\ufeff" + text, lambda text: "\ufeff" + text),
    ],
    ids=["crlf", "byte-order-mark"],
)
def test_rerun_keeps_line_endings_and_byte_order_mark(
    catalog_dir: Path,
    write_profile: ProfileWriter,
    output: Path,
    before: Callable[[str], str],
    after: Callable[[str], str],
) -> None:
    output.write_bytes(before(SKELETON).encode("utf-8"))
    profile = write_profile("[image_upload, video_upload]")
    init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    added = SKELETON.replace("\n\n  # GROOM-01", "\n" + BLOCK_02_ENTRY + "\n  # GROOM-01")
    assert output.read_bytes().decode("utf-8") == after(added)
