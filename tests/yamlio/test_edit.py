"""Comment-keeping edits of YAML text: one value changes, every comment and other byte stays."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

import csea.yamlio.reader
from csea.yamlio.anchors import isolate
from csea.yamlio.comments import comments, lost_comments
from csea.yamlio.edit import append_item, remove_key, rename_key, set_value
from csea.yamlio.lines import real_position
from csea.yamlio.nodes import compose, node_data
from csea.yamlio.reader import parse_yaml


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every edit gives the same text with the C parser and the pure Python one."""
    loader = yaml.CSafeLoader if request.param == "libyaml" else yaml.SafeLoader
    monkeypatch.setattr(csea.yamlio.reader, "_LOADER", loader)


def _data(text: str) -> Any:
    return parse_yaml(text, "t.yaml").data


COMMENTED = (
    "# top\n"
    "a:   # after a\n"
    "  notes: |+ # on the header\n"
    "    x # text, not a comment\n"
    "\n"
    "  # full line\n"
    '  b: "q#"#right after a quote\n'
    "  d: [1, # in a flow list\n"
    "     2]  # after it\n"
    "  e: a#b\n"
    "# end"
)


def test_comments_are_found_wherever_yaml_allows_them() -> None:
    assert [(c.text, c.full_line) for c in comments(COMMENTED)] == [
        ("# top", True),
        ("# after a", False),
        ("# on the header", False),
        ("# full line", True),
        ("#right after a quote", False),
        ("# in a flow list", False),
        ("# after it", False),
        ("# end", True),
    ]


def test_lost_comments_counts_each_text_as_often_as_it_was_there() -> None:
    before = "# a\nx: 1  # a\ny: 2  # b\n"
    assert lost_comments(before, "# a\nx: 1\ny: 2  # b\n") == ["# a"]
    assert lost_comments(before, "x: 1\n", replaced=["# a", "# a"]) == ["# b"]


CASES: dict[str, tuple[str, list[str], Any, str]] = {
    "scalar-keeps-its-line": (
        "a:\n  status: planned   # see the roadmap\n",
        ["a", "status"],
        "implemented",
        "a:\n  status: implemented   # see the roadmap\n",
    ),
    "double-quoted-stays-quoted": (
        'v: "2026.11"  # pinned\n',
        ["v"],
        "2027.01",
        'v: "2027.01"  # pinned\n',
    ),
    "scalar-in-flow-stays-in-flow": (
        "catalog: {id: m, version: 2026.11}  # kept\n",
        ["catalog", "version"],
        "2027.01",
        "catalog: {id: m, version: '2027.01'}  # kept\n",
    ),
    "flow-text-that-needs-quotes": (
        "o: {owner: a}\n",
        ["o", "owner"],
        "x, y",
        'o: {owner: "x, y"}\n',
    ),
    "empty-value-filled": (
        "a:\n  owner:\n  b: 1\n",
        ["a", "owner"],
        "T&S",
        "a:\n  owner: T&S\n  b: 1\n",
    ),
    "new-key-at-the-end": (
        "a:\n  s: 1\n  # about t\n",
        ["a", "t"],
        {"x": dt.date(2026, 1, 2)},
        "a:\n  s: 1\n  t:\n    x: 2026-01-02\n  # about t\n",
    ),
    "after-a-keep-block-scalar": (
        "a:\n  n: |+\n    kept\n\n\nb: 1\n",
        ["a", "t"],
        1,
        "a:\n  n: |+\n    kept\n\n\n  t: 1\nb: 1\n",
    ),
    "collection-replaced-comments-above": (
        "a:\n  ev:  # list\n    # newest first\n    - x  # one\n    - y\n  z: 1\n",
        ["a", "ev"],
        [],
        "a:\n  # list\n  # newest first\n  # one\n  ev: []\n  z: 1\n",
    ),
    "flow-answer-to-block": (
        "A: {status: planned,  # KEEP\n   owner: x}   # after\nB: 1\n",
        ["A", "review"],
        {"reason": "x"},
        "A:  # after\n  # KEEP\n  status: planned\n  owner: x\n  review:\n    reason: x\nB: 1\n",
    ),
    "text-of-lines-as-literal-block": (
        "a: 1\n",
        ["n"],
        "first\n  second",
        "a: 1\nn: |-\n  first\n    second\n",
    ),
    "separator-double-quoted": ("a: 1\n", ["n"], "x\u2028y\x85z", 'a: 1\nn: "x\\Ly\\Nz"\n'),
    "no-final-line-break": ("a: 1", ["b"], 2, "a: 1\nb: 2\n"),
}


@pytest.mark.parametrize(("text", "path", "value", "expected"), CASES.values(), ids=CASES.keys())
def test_set_value_changes_one_value_and_keeps_every_comment(
    text: str, path: list[str], value: Any, expected: str
) -> None:
    edited = set_value(text, path, value)
    assert edited == expected
    assert lost_comments(text, edited) == []


def test_a_new_top_level_key_goes_above_a_sibling_and_its_comments() -> None:
    text = "catalog: x\n# the answers\nanswers:\n  A: 1\n"
    assert set_value(text, ["approval"], {"by": "me"}, before="answers") == (
        "catalog: x\napproval:\n  by: me\n# the answers\nanswers:\n  A: 1\n"
    )


def test_the_file_line_ending_is_used_for_new_lines() -> None:
    text = "a:\r  s: 1\r"
    assert set_value(text, ["a", "t"], {"u": 1}, newline="\r") == "a:\r  s: 1\r  t:\r    u: 1\r"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n  ev:\n    - x  # one\n  z: 1\n", "a:\n  ev:\n    - x  # one\n    - y\n  z: 1\n"),
        ("a:\n  ev:\n  - x\n", "a:\n  ev:\n  - x\n  - y\n"),
        ("a:\n  ev: [x,  # one\n    ]  # two\n", "a:\n  ev:  # two\n    # one\n    - x\n    - y\n"),
        ("a:\n  z: 1\n", "a:\n  z: 1\n  ev:\n    - y\n"),
    ],
    ids=["block", "indentless", "flow", "missing"],
)
def test_append_item_adds_at_the_end_of_a_list(text: str, expected: str) -> None:
    assert append_item(text, ["a", "ev"], "y") == expected


def test_remove_key_leaves_its_comments_where_it_was() -> None:
    text = "a:\n  s: 1\n  due: 2027-01-01  # agreed\n  # note on t\n  t: 2\n"
    assert remove_key(text, ["a", "due"]) == "a:\n  s: 1\n  # agreed\n  # note on t\n  t: 2\n"


def test_rename_key_changes_only_the_key() -> None:
    text = "a:\n  GROOM-01:   # x\n    s: 1\n"
    assert rename_key(text, ["a", "GROOM-01"], "GROOM-02") == "a:\n  GROOM-02:   # x\n    s: 1\n"


def test_aliases_compose_where_they_are_written_and_mean_their_anchor() -> None:
    text = "a: &x {s: 1}\nb: *x\nc: &x 2\nd: *x\n"
    root = compose(text)
    assert node_data(root) == {"a": {"s": 1}, "b": {"s": 1}, "c": 2, "d": 2}
    assert root is not None
    assert root.value[1][1].start_mark.line == 1


def test_isolate_cuts_anchor_ties_without_changing_meaning() -> None:
    text = "E: &t T\nA: &a\n  s: x\n  o: &o Team\n  c: 2026-10-01\n  t: *t\nB:\n  o: *o\nC: *a\n"
    start, end = text.index("A:"), text.index("B:")
    isolated = isolate(text, start, end)
    assert isolated == text.replace("o: *o", 'o: "Team"').replace("t: *t", 't: "T"').replace(
        "C: *a", 'C: {"s": "x", "o": "Team", "c": 2026-10-01, "t": "T"}'
    )
    assert _data(isolated) == _data(text)


def test_positions_are_the_lines_people_see_after_a_line_separator() -> None:
    text = 'a: "x\u2028y"\nb: [1,\nc: 2\n'
    real = real_position(text)
    assert (real(2, 1), real(3, 1), real(4, 1)) == ((1, 7), (2, 1), (3, 1))
