"""The YAML reader against hostile files, with libyaml and with the pure Python fallback.

Each hostile file is refused with a located problem, quickly; valid files with unusual
encodings or line endings read correctly; files that are not regular files are refused
before anything is read from them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

import csea.yamlio.reader
from csea.errors import InputError
from csea.yamlio.reader import Limits, parse_yaml, read_yaml
from tests.hostile.cases import CASES, Case

YAML_CASES = [case for case in CASES if case.code != "wrong-type"]


def _first_problem(path: Path) -> tuple[str, str | None, int | None]:
    with pytest.raises(InputError) as info:
        read_yaml(path, display="bad.yaml")
    first = info.value.problems[0]
    return first.code, first.file, first.line


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("case", YAML_CASES, ids=[case.id for case in YAML_CASES])
def test_hostile_file_is_refused_quickly_with_its_line(tmp_path: Path, case: Case) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(case.content())
    started = time.perf_counter()
    assert _first_problem(path) == (case.code, "bad.yaml", case.line)
    assert time.perf_counter() - started < 10  # a guard against hanging, not a speed target


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("raw", "data", "positions"),
    [
        (b"\xef\xbb\xbfa: 1\r\nb:\r\n  - x\r\n", {"a": 1, "b": ["x"]}, [(1, 1), (2, 1), (3, 5)]),
        (b"a: 1\rb:\r  - x\r", {"a": 1, "b": ["x"]}, [(1, 1), (2, 1), (3, 5)]),
        ("a: 'café'\nb:\n  - ☃\n".encode(), {"a": "café", "b": ["☃"]}, [(1, 1), (2, 1), (3, 5)]),
        (b"a: 1\nb:\n- x\n", {"a": 1, "b": ["x"]}, [(1, 1), (2, 1), (3, 3)]),
    ],
    ids=["bom-crlf", "old-mac-cr", "non-ascii", "unindented-list"],
)
def test_unusual_but_valid_files_read_with_positions(
    tmp_path: Path, raw: bytes, data: object, positions: list[tuple[int, int]]
) -> None:
    path = tmp_path / "ok.yaml"
    path.write_bytes(raw)
    doc = read_yaml(path)
    paths: list[list[str | int]] = [["a"], ["b"], ["b", 0]]
    assert (doc.data, [doc.locate(p) for p in paths]) == (data, positions)


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: NO\nb: yes\nc: off\nd: y\n", {"a": "NO", "b": "yes", "c": "off", "d": "y"}),
        (
            "a: true\nb: False\nc: ~\nd:\ne: null\n",
            {"a": True, "b": False, "c": None, "d": None, "e": None},
        ),
        (
            "a: 0x1F\nb: 0o17\nc: 1_000\nd: 0b101\ne: +12\nf: 0755\n",
            {"a": 31, "b": 15, "c": 1000, "d": 5, "e": 12, "f": 755},
        ),
        ("a: .5\nb: 1e3\nc: -.inf\nd: 1.\n", {"a": 0.5, "b": 1000.0, "c": float("-inf"), "d": 1.0}),
        (
            "a: 2026-11-01\nb: 2026.11\nc: '2026.11'\nd: 12:30\n",
            {"a": "2026-11-01", "b": 2026.11, "c": "2026.11", "d": "12:30"},
        ),
        (
            "a: '1'\nb: \"true\"\nc: !!str 12\nd: ! 12\ne: !!int '7'\n",
            {"a": "1", "b": "true", "c": "12", "d": "12", "e": 7},
        ),
        ("=: <<\nx: '<<'\n", {"=": "<<", "x": "<<"}),
        ("1: a\ntrue: b\n~: c\n1.5: d\n", {1: "a", "true": "b", "~": "c", "1.5": "d"}),
    ],
    ids=[
        "yaml-1.1-booleans-are-text",
        "core-booleans-null",
        "integers",
        "floats",
        "dates-stay-text",
        "quoted-and-tagged",
        "merge-as-value",
        "key-types",
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(text: str, data: object) -> None:
    assert parse_yaml(text, "f.yaml").data == data


@pytest.mark.usefixtures("parser")
def test_aliases_share_their_anchor_and_point_at_the_alias() -> None:
    doc = parse_yaml("a: &x {k: [1, 2]}\nb:\n  - *x\n", "f.yaml")
    assert doc.data == {"a": {"k": [1, 2]}, "b": [{"k": [1, 2]}]}
    assert (doc.locate(["b", 0]), doc.locate(["b", 0, "k", 1])) == ((3, 5), (3, 5))


@pytest.mark.usefixtures("parser")
def test_every_problem_is_reported_at_once() -> None:
    text = "a: 1\na: 2\nb: !x y\nc:\n  <<: {}\n? [k]\n: v\nd: 0x_\n"
    with pytest.raises(InputError) as info:
        parse_yaml(text, "f.yaml")
    assert [(p.code, p.line) for p in info.value.problems] == [
        ("yaml-duplicate-key", 2),
        ("yaml-tag", 3),
        ("yaml-merge-key", 5),
        ("yaml-complex-key", 6),
        ("yaml-number", 8),
    ]


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("text", "limits", "code"),
    [
        ("[" * 11 + "]" * 11, Limits(max_depth=10), "yaml-too-deep"),
        ("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", Limits(max_nodes=12), "yaml-alias-bomb"),
        ("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", Limits(max_nodes=5), "yaml-too-many-values"),
        ("a: &a [[[1]]]\nb: [[[*a]]]\n", Limits(max_depth=6), "yaml-too-deep"),
        ("a: " + "x" * 50, Limits(max_bytes=20), "file-too-large"),
    ],
    ids=["depth", "alias-expansion", "plain-size", "depth-through-alias", "characters"],
)
def test_limits_are_enforced(text: str, limits: Limits, code: str) -> None:
    with pytest.raises(InputError) as info:
        parse_yaml(text, "f.yaml", limits=limits)
    assert [p.code for p in info.value.problems] == [code]


DEEP = {
    "flow": "a: " + "[" * 1500,
    "block": "".join("  " * level + "a:\n" for level in range(1500)) + "  " * 1500 + "1\n",
}


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_too_deep_whichever_parser_refuses_it(text: str) -> None:
    """libyaml 0.2.5+ refuses deep flow nesting itself; older ones leave it to the builder."""
    with pytest.raises(InputError) as info:
        parse_yaml(text, "f.yaml")
    assert [(p.code, p.message) for p in info.value.problems] == [
        ("yaml-too-deep", "is nested more than 64 levels deep")
    ]


def test_a_parsers_own_depth_refusal_is_too_deep_with_its_place() -> None:
    """libyaml 0.2.5+ (PyYAML 6.0.4 wheels) raises this itself at 1,000 levels; older ones don't."""
    mark = yaml.Mark("f.yaml", 0, 41, 1002, None, None)
    refusal = yaml.scanner.ScannerError(
        "while increasing flow level", mark, "exceeded maximum nesting depth", mark
    )
    assert csea.yamlio.reader._syntax(refusal, Limits(max_depth=5000)) == (
        42,
        1003,
        "yaml-too-deep",
        "is nested more than 1000 levels deep",
    )


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert _first_problem(fifo) == ("not-a-file", "bad.yaml", None)


def test_a_device_is_refused_without_reading_it() -> None:
    assert _first_problem(Path("/dev/zero")) == ("not-a-file", "bad.yaml", None)


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.symlink_to(p), "file-unreadable"),
        (lambda p: p.symlink_to(p.parent / "missing.yaml"), "file-not-found"),
        (lambda p: p.mkdir(), "not-a-file"),
    ],
    ids=["symlink-loop", "dangling-symlink", "directory"],
)
def test_paths_that_are_not_files_say_so(tmp_path: Path, make: object, code: str) -> None:
    path = tmp_path / "x.yaml"
    make(path)  # type: ignore[operator]
    assert _first_problem(path) == (code, "bad.yaml", None)
