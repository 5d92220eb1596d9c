"""The rewrite engine: each edit changes what it says it changes, keeps every comment, and
refuses to write what would lose a comment or someone else's change."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from csea.assessment.rewrite import AssessmentEditor
from csea.errors import WriteRefusedError
from csea.models import (
    Answer,
    EvidenceRef,
    ReviewFlag,
    ReviewReason,
    Sensitivity,
    Status,
)
from tests.assessment.conftest import dedent

DAY = dt.date(2026, 12, 1)

TEXT = dedent(
    """
    # Pics, kept by T&S.
    catalog: {id: mini, version: "2026.11"}
    profile: profile.yaml
    answers:
      # Hash matching.
      BLOCK-01:
        status: partial   # since March
        owner: T&S engineering
        due: 2027-01-31   # agreed with legal
        evidence:
          - title: Runbook  # v2
            path: runbook.md
            collected: 2026-10-01
      GROOM-01: {status: planned,  # roadmap
         due: 2027-03-01}
    """
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "assessment.yaml"
    target.write_text(TEXT, encoding="utf-8")
    return target


def test_fields_are_set_and_removed_in_place(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    editor.set_fields("BLOCK-01", status=Status.IMPLEMENTED, due=None, notes="Live.\nAudited.")
    editor.write()
    assert path.read_text(encoding="utf-8") == TEXT.replace(
        "    status: partial   # since March\n", "    status: implemented   # since March\n"
    ).replace("    due: 2027-01-31   # agreed with legal\n", "    # agreed with legal\n").replace(
        "        collected: 2026-10-01\n",
        "        collected: 2026-10-01\n    notes: |-\n      Live.\n      Audited.\n",
    )
    assert editor.assessment.answers["BLOCK-01"] == Answer(
        status=Status.IMPLEMENTED,
        owner="T&S engineering",
        evidence=[EvidenceRef(title="Runbook", path="runbook.md", collected=dt.date(2026, 10, 1))],
        notes="Live.\nAudited.",
    )


def test_evidence_is_added_at_the_end_of_the_list(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    item = EvidenceRef(
        title="Stats",
        url="https://wiki.example.invalid/stats",
        collected=dt.date(2026, 11, 1),
        sensitivity=Sensitivity.INTERNAL,
    )
    editor.add_items("BLOCK-01", "evidence", item)
    editor.add_items("GROOM-01", "evidence", item)
    text = editor.text()
    assert "        collected: 2026-10-01\n      - title: Stats\n" in text
    assert text.endswith(
        "  GROOM-01:\n    # roadmap\n    status: planned\n    due: 2027-03-01\n    evidence:\n"
        "      - title: Stats\n        url: https://wiki.example.invalid/stats\n"
        "        collected: 2026-11-01\n        sensitivity: internal\n"
    )
    assert editor.assessment.answers["GROOM-01"].evidence == [item]


def test_a_flag_replaces_the_earlier_one_and_keeps_its_comments(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    first = ReviewFlag(reason=ReviewReason.CATALOG_CHANGED, note="a", raised=DAY)
    editor.flag("BLOCK-01", first)
    reviewed = editor.text().replace("    review:\n", "    review:  # asked legal\n")
    path.write_text(reviewed, encoding="utf-8")
    editor = AssessmentEditor.open(path)
    editor.flag("BLOCK-01", first.model_copy(update={"note": "b"}))
    assert "    # asked legal\n    review:\n      reason: catalog_changed\n      note: b\n" in (
        editor.text()
    )


def test_document_values_and_a_first_line_csea_owns(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    editor.set_document(["catalog", "version"], "2027.01")
    editor.set_document(["assessed_on"], DAY)
    editor.set_first_line("yaml-language-server: $schema=a.json", replacing="yaml-language-server:")
    once = editor.text()
    assert once.startswith(
        "# yaml-language-server: $schema=a.json\n# Pics, kept by T&S.\n"
        'catalog: {id: mini, version: "2027.01"}\nprofile: profile.yaml\n'
        "assessed_on: 2026-12-01\nanswers:\n"
    )
    path.write_text(once, encoding="utf-8")
    editor = AssessmentEditor.open(path)
    editor.set_first_line("yaml-language-server: $schema=b.json", replacing="yaml-language-server:")
    assert editor.text() == once.replace("a.json", "b.json")


def test_answers_are_added_copied_replaced_and_removed(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    editor.add_answer("BLOCK-02", Answer(), notes=["BLOCK-02: Videos\nline two"], before="GROOM-01")
    editor.copy_answer("GROOM-01", "GROOM-02", notes=["GROOM-02: Defaults"], before="GROOM-01")
    carried = editor.remove_answer("GROOM-01")
    editor.replace_answer("BLOCK-01", Answer(status=Status.PLANNED))
    editor.add_comments("BLOCK-01", carried)
    text = editor.text()
    assert editor.ids() == ["BLOCK-01", "BLOCK-02", "GROOM-02"]
    assert text.endswith(
        "  # Hash matching.\n  # roadmap\n  # since March\n  # agreed with legal\n  # v2\n"
        "  BLOCK-01:\n    status: planned\n\n"
        "  # BLOCK-02: Videos\\nline two\n  BLOCK-02:\n    status: not_assessed\n\n"
        "  # GROOM-02: Defaults\n  GROOM-02: {status: planned,  # roadmap\n     due: 2027-03-01}\n"
    )


def test_a_comment_left_behind_is_refused_as_a_bug(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    editor.remove_answer("BLOCK-01")
    lost = "# Hash matching.; # agreed with legal; # since March; # v2"
    with pytest.raises(WriteRefusedError, match=re.escape(lost)):
        editor.write()
    assert path.read_text(encoding="utf-8") == TEXT


def test_a_file_changed_since_it_was_read_is_not_overwritten(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    editor.set_fields("BLOCK-01", owner="Someone else")
    theirs = TEXT.replace("T&S engineering", "Integrity")
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(WriteRefusedError, match="changed while csea was working on it"):
        editor.write()
    assert path.read_text(encoding="utf-8") == theirs
    assert sorted(p.name for p in path.parent.iterdir()) == ["assessment.yaml"]


def test_writing_what_another_writer_already_wrote_succeeds(path: Path) -> None:
    editor = AssessmentEditor.open(path)
    editor.set_fields("BLOCK-01", owner="Integrity")
    path.write_text(editor.text(), encoding="utf-8")
    editor.write()
    assert path.read_text(encoding="utf-8") == TEXT.replace("T&S engineering", "Integrity")


@pytest.mark.parametrize(
    "notes",
    [
        "    notes: |+\n      First line.\n\n",
        "    notes: |+\n      First line.\n",
        "    notes: >+\n      First line.\n\n\n",
    ],
    ids=["kept-blank-line", "kept-no-blank-line", "folded-kept"],
)
def test_an_answer_added_after_kept_line_breaks_leaves_them_as_they_were(
    tmp_path: Path, notes: str
) -> None:
    path = tmp_path / "assessment.yaml"
    head = 'catalog: {id: mini, version: "2026.11"}\nprofile: profile.yaml\nanswers:\n'
    path.write_text(f"{head}  BLOCK-01:\n    status: planned\n{notes}", encoding="utf-8")
    editor = AssessmentEditor.open(path)
    kept = editor.answer("BLOCK-01")
    editor.add_answer("BLOCK-02", Answer(), notes=["BLOCK-02: Videos"])
    editor.write()
    again = AssessmentEditor.open(path)
    assert (again.ids(), again.answer("BLOCK-01")) == (["BLOCK-01", "BLOCK-02"], kept)
    assert path.read_text(encoding="utf-8").endswith(
        f"{notes}  # BLOCK-02: Videos\n  BLOCK-02:\n    status: not_assessed\n"
    )
