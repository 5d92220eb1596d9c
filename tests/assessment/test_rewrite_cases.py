"""The reproductions of issue #13 for ``init`` and ``migrate`` (classes 5, 6, 7 and 10).

Comments lost (5), two writers at once (6), valid input refused (7) and CR-only line
endings (10): each case as it was reported, now kept, accepted or refused clearly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import csea.assessment.migrate
from csea.assessment.load import load_assessment
from csea.assessment.migrate import migrate_assessment
from csea.assessment.skeleton import init_assessment
from csea.catalog.loader import load_catalog
from csea.errors import InputError, WriteRefusedError
from csea.models import ReviewReason
from csea.yamlio.comments import lost_comments
from csea.yamlio.reader import read_yaml
from tests.assessment.conftest import AS_OF, PROFILE, ProfileWriter
from tests.assessment.versions import ASSESSMENT

TODAY = dt.date(2027, 1, 15)


@pytest.fixture
def output(work: Path) -> Path:
    return work / "assessment.yaml"


def _init(catalog_dir: Path, profile: Path, output: Path, text: str) -> str:
    output.write_text(text, encoding="utf-8")
    init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    return output.read_text(encoding="utf-8")


def _migrate(catalogs: tuple[Path, Path], work: Path, text: str) -> str:
    (work / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    path = work / "assessment.yaml"
    path.write_text(text, encoding="utf-8")
    migrate_assessment(load_catalog(catalogs[1]), path, None, TODAY)
    return path.read_text(encoding="utf-8")


FLAGGED = """\
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
answers:
  BLOCK-01:
    status: implemented
"""


def test_a_flow_answer_that_must_change_is_rewritten_in_block_style_with_its_comments(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = FLAGGED + "  BLOCK-02: {status: planned,  # KEEP\n     owner: x}   # after\n"
    written = _init(catalog_dir, write_profile(), output, text)
    assert written.startswith(
        FLAGGED + "  BLOCK-02:  # after\n    # KEEP\n    status: planned\n    owner: x\n"
        "    review:\n      reason: no_longer_applies\n"
    )


def test_comments_inside_an_existing_review_block_are_kept(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = FLAGGED + (
        "  BLOCK-02:\n"
        "    status: planned\n"
        "    review:   # old flag\n"
        "      reason: catalog_changed  # asked legal\n"
        "      #   still open, indented as written\n"
        "      note: check\n"
        "      raised: 2026-11-01\n"
    )
    written = _init(catalog_dir, write_profile(), output, text)
    assert lost_comments(text, written) == []
    assert "    # old flag\n    # asked legal\n    #   still open, indented as written\n" in written


def test_notes_kept_with_keep_chomping_do_not_stop_a_flag(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = FLAGGED + "  BLOCK-02:\n    status: planned\n    notes: |+\n      kept\n\n\n"
    written = _init(catalog_dir, write_profile(), output, text)
    answer = load_assessment(output).assessment.answers["BLOCK-02"]
    assert (answer.notes, answer.review is not None) == ("kept\n\n\n", True)
    assert "      kept\n\n\n    review:\n" in written


@pytest.mark.parametrize(
    "name",
    ["Clip\nshare", "Clip\u2028share", "Clip\x85share", "Clip\x1b[2Jshare", "Clip\u202eshare"],
    ids=["newline", "line-separator", "nel", "escape", "rtl-override"],
)
def test_names_cannot_break_out_of_the_header_comment(
    catalog_dir: Path, work: Path, output: Path, name: str
) -> None:
    profile = work / "profile.yaml"
    quoted = name.encode("unicode_escape").decode().replace('"', '\\"')
    profile.write_text(PROFILE.replace("Clipshare", f'"{quoted}"'), encoding="utf-8")
    init_assessment(load_catalog(catalog_dir), profile, output, AS_OF)
    first = output.read_text(encoding="utf-8").splitlines()[1]
    assert first == f"# Self-assessment of {quoted} (Example Ltd) against Mini catalogue 2026.11."
    assert not init_assessment(load_catalog(catalog_dir), profile, output, AS_OF).changed


@pytest.mark.parametrize(
    "value",
    ['"Hash\u2028matching"', "Hash\u2028      matching", '"Hash\x85matching"'],
    ids=["quoted", "plain-continued", "nel-quoted"],
)
def test_a_line_separator_in_a_value_does_not_move_later_line_numbers(
    work: Path, output: Path, value: str
) -> None:
    text = FLAGGED + f"    notes: {value}\n  GROOM-01:\n    status: halfway\n"
    output.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_assessment(output)
    assert [(p.line, p.code) for p in raised.value.problems] == [(8, "unknown-value")]


def test_cr_only_line_endings_stay_cr_only(
    catalog_dir: Path, write_profile: ProfileWriter, output: Path
) -> None:
    text = FLAGGED.replace("\n", "\r") + "  BLOCK-02:\r    status: planned  # x\r"
    output.write_bytes(text.encode())
    init_assessment(load_catalog(catalog_dir), write_profile(), output, AS_OF)
    raw = output.read_bytes()
    assert (b"\n" in raw, raw.count(b"\r") > text.count("\r")) == (False, True)
    assert read_yaml(output).data["answers"]["BLOCK-02"]["review"]["reason"] == "no_longer_applies"


MERGED = ASSESSMENT.replace(
    "  BLOCK-02:\n    status: implemented\n    owner: Integrity Engineering\n",
    "  # BLOCK-02: Match images\n  # Statement: Match images, as the sources ask.\n"
    "  # - my own bullet, inside csea's comments\n  #     indented by me\n"
    "  BLOCK-02: &images\n    status: implemented   # since March\n"
    "    owner: Integrity Engineering   # team A\n",
).replace("    notes: Images matched at upload.\n", "    notes: Images matched at upload.  # eol\n")
MERGED += "  GROOM-10: *images\n"


def test_merged_answers_keep_every_comment_and_their_anchor_can_be_used_later(
    catalogs: tuple[Path, Path], work: Path
) -> None:
    written = _migrate(catalogs, work, MERGED)
    assert lost_comments(MERGED, written) == []
    assert (
        "  # From BLOCK-02 (merged in catalogue 2027.01):\n  # BLOCK-02: Match images\n"
        "  # Statement: Match images, as the sources ask.\n"
        "  # - my own bullet, inside csea's comments\n  #     indented by me\n"
        "  # since March\n  # team A\n  # eol\n"
    ) in written
    answers = load_assessment(work / "assessment.yaml").assessment.answers
    assert (answers["GROOM-10"].owner, answers["BLOCK-04"].review.reason) == (  # type: ignore[union-attr]
        "Integrity Engineering",
        ReviewReason.MERGED,
    )


def test_comments_inside_the_generated_block_follow_a_split(
    catalogs: tuple[Path, Path], work: Path
) -> None:
    text = ASSESSMENT.replace(
        "  # Agreed with legal.\n",
        "  # GROOM-01: Safe defaults\n  # - my own bullet\n  #     indented by me\n",
    )
    written = _migrate(catalogs, work, text)
    assert written.count("  # - my own bullet\n  #     indented by me\n  GROOM-0") == 2


def test_a_writer_that_lost_the_race_fails_and_the_winner_s_change_is_kept(
    catalogs: tuple[Path, Path], work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``migrate`` reads the file; ``init`` rewrites it; ``migrate`` must not write over that."""
    (work / "profile.yaml").write_text(PROFILE.replace("image_upload, ", ""), encoding="utf-8")
    path = work / "assessment.yaml"
    path.write_text(ASSESSMENT, encoding="utf-8")
    plan = csea.assessment.migrate._plan

    def slow_plan(*args: object) -> object:
        planned = plan(*args)  # type: ignore[arg-type]
        init_assessment(load_catalog(catalogs[0]), work / "profile.yaml", path, AS_OF)
        return planned

    monkeypatch.setattr(csea.assessment.migrate, "_plan", slow_plan)
    original = path.read_text(encoding="utf-8")
    with pytest.raises(WriteRefusedError, match="changed while csea was working on it"):
        migrate_assessment(load_catalog(catalogs[1]), path, None, TODAY)
    after = path.read_text(encoding="utf-8")
    assert (after != original, "reason: no_longer_applies" in after) == (True, True)
