"""Cutting an assessment's text into answer blocks and putting it back together."""

from __future__ import annotations

import datetime as dt

import pytest

from csea.assessment.rewrite import AssessmentEditor
from csea.assessment.text import parse_assessment_text
from csea.models import Answer, Assessment, ReviewFlag, ReviewReason, Status
from csea.yamlio.edit import set_value
from csea.yamlio.reader import parse_yaml
from csea.yamlio.validation import validate_document

TEXTS = {
    "skeleton": (
        "catalog:\n  id: mini\n  version: '2026.11'\nprofile: p.yaml\nanswers:\n\n"
        "  # BLOCK-01: title\n  BLOCK-01:\n    status: not_assessed\n"
    ),
    "no-final-newline": "catalog: {id: mini, version: '2026.11'}\nprofile: p.yaml\nanswers:\n  A-01: {}",
    "answers-first": (
        "answers:\n    A-01:\n        status: planned\n\ncatalog: {id: m, version: '2026.11'}\n"
        "profile: p\n"
    ),
    "block-scalar": (
        "catalog: {id: m, version: '2026.11'}\nprofile: p\nanswers:\n  A-01:\n    notes: |\n"
        "      # not a comment\n\n      more\n\n\n  # about A-02\n  A-02:\n    status: partial\n"
    ),
    "empty": "catalog: {id: m, version: '2026.11'}\nprofile: p\nanswers: {}\n",
    "missing": "catalog: {id: m, version: '2026.11'}\nprofile: p\n",
    "crlf": "catalog: {id: m, version: '2026.11'}\r\nprofile: p\r\nanswers:\r\n  A-01:\r\n    status: planned\r\n",
}


def _answers(text: str) -> dict[str, Answer]:
    assessment, problems = validate_document(Assessment, parse_yaml(text, "t.yaml"))
    assert problems == []
    assert assessment is not None
    return dict(assessment.answers)


def _editor(text: str) -> AssessmentEditor:
    assessment, problems = validate_document(Assessment, parse_yaml(text, "t.yaml"))
    assert assessment is not None, problems
    return AssessmentEditor.from_text(text, "t.yaml", assessment)


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_cut_and_render_gives_back_the_exact_text(text: str) -> None:
    assert parse_assessment_text(text, "t.yaml").render() == text


def test_blocks_own_their_leading_comments_and_trailing_lines() -> None:
    text = TEXTS["block-scalar"]
    cut = parse_assessment_text(text, "t.yaml")
    assert [(b.id, b.leading, b.body[-1], b.tail) for b in cut.blocks] == [
        ("A-01", [], "      more\n", []),
        ("A-02", ["\n", "\n", "  # about A-02\n"], "    status: partial\n", []),
    ]


def test_a_flag_goes_after_the_last_line_of_the_answer() -> None:
    text = TEXTS["block-scalar"]
    editor = _editor(text)
    flag = ReviewFlag(
        reason=ReviewReason.RETIRED, note="gone: see A-02", raised=dt.date(2027, 1, 2)
    )
    editor.flag("A-01", flag)
    rendered = editor.text()
    assert rendered == text.replace(
        "      more\n",
        "      more\n    review:\n      reason: retired\n      note: 'gone: see A-02'\n"
        "      raised: 2027-01-02\n",
    )
    assert _answers(rendered)["A-01"] == Answer(notes="# not a comment\n\nmore\n", review=flag)


def test_comments_indented_under_an_answer_stay_with_it() -> None:
    text = (
        "answers:\n  A-01:\n    status: planned\n    # still to check\n  # about A-02\n"
        "  A-02:\n    status: partial\n"
    )
    cut = parse_assessment_text(text, "t.yaml")
    assert [(b.leading, b.tail) for b in cut.blocks] == [
        ([], ["    # still to check\n"]),
        (["  # about A-02\n"], []),
    ]


def test_a_second_flag_replaces_the_first() -> None:
    text = TEXTS["answers-first"]
    editor = _editor(text)
    day = dt.date(2027, 1, 2)
    editor.flag("A-01", ReviewFlag(reason=ReviewReason.SPLIT, note="a", raised=day))
    editor.flag("A-01", ReviewFlag(reason=ReviewReason.MERGED, note="b", raised=day))
    rendered = editor.text()
    assert rendered == (
        "answers:\n    A-01:\n        status: planned\n        review:\n            reason: merged\n"
        "            note: b\n            raised: 2027-01-02\n\n"
        "catalog: {id: m, version: '2026.11'}\nprofile: p\n"
    )
    assert _answers(rendered)["A-01"].status is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'catalog:\n  version: "2026.11"  # pinned\n',
            'catalog:\n  version: "2027.01"  # pinned\n',
        ),
        ("catalog: {id: m, version: 2026.11}\n", "catalog: {id: m, version: '2027.01'}\n"),
    ],
    ids=["double-quoted", "flow"],
)
def test_setting_a_scalar_replaces_only_the_value(text: str, expected: str) -> None:
    assert set_value(text, ["catalog", "version"], "2027.01") == expected


def test_a_block_lists_every_comment_it_holds_in_order() -> None:
    leading = [
        "\n",
        "  # GROOM-01: Safe defaults for children\n",
        "  # - Are child accounts private by default?\n",
        "  #     indented, as a person wrote it\n",
        "  # Agreed with legal on 2026-10-01.\n",
    ]
    text = "catalog: {id: m, version: '2026.11'}\nprofile: p\nanswers:\n" + "".join(leading)
    text += "  GROOM-01:\n    status: planned  # for now\n    # roadmap item 12\n"
    text += "    owner: Youth Safety\n"
    [block] = parse_assessment_text(text, "t.yaml").blocks
    assert (block.leading, block.comments()) == (
        leading,
        [
            "# GROOM-01: Safe defaults for children",
            "# - Are child accounts private by default?",
            "#     indented, as a person wrote it",
            "# Agreed with legal on 2026-10-01.",
            "# for now",
            "# roadmap item 12",
        ],
    )
