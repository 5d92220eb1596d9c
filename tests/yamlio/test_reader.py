"""The safe YAML reader: positions, and every kind of hostile input refused with a location."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from csea.errors import InputError
from csea.yamlio.reader import Limits, parse_yaml, read_yaml


def _codes(text: str) -> list[tuple[str, int | None]]:
    with pytest.raises(InputError) as info:
        parse_yaml(text, "f.yaml")
    return [(p.code, p.line) for p in info.value.problems]


def test_plain_values_and_positions() -> None:
    doc = parse_yaml("a: 1\nb:\n  - x: 2024-01-01\n    y: true\nc: '2026.11'\nd: ~\n", "f.yaml")
    assert doc.data == {"a": 1, "b": [{"x": "2024-01-01", "y": True}], "c": "2026.11", "d": None}
    assert doc.locate(["b", 0, "y"]) == (4, 5)
    assert doc.locate(["b", 0, "not-there"]) == (3, 5)
    assert doc.field_path(["b", 0, "tag-of-union", "x"]) == "b.0.x"


def test_yaml_1_2_booleans_do_not_eat_norway() -> None:
    assert parse_yaml("country: NO\nanswer: yes\n", "f.yaml").data == {
        "country": "NO",
        "answer": "yes",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", [("yaml-duplicate-key", 2)]),
        ("a: !!python/object/apply:os.system [ls]\n", [("yaml-tag", 1)]),
        ("a: !custom x\n", [("yaml-tag", 1)]),
        ("<<: {a: 1}\n", [("yaml-merge-key", 1)]),
        ("a: [1\n", [("yaml-syntax", 2)]),
        ("a: &x [1, *x]\n", [("yaml-recursive-alias", 1)]),
        ("a:\n\tb: 1\n", [("yaml-syntax", 2)]),
        ("? [a, b]\n: 1\n", [("yaml-complex-key", 1)]),
    ],
    ids=[
        "duplicate-key",
        "python-tag",
        "custom-tag",
        "merge-key",
        "syntax",
        "recursive-alias",
        "tab",
        "complex-key",
    ],
)
def test_bad_yaml_is_refused_with_its_line(text: str, expected: list[tuple[str, int]]) -> None:
    assert _codes(text) == expected


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    codes = _codes("\n".join(lines) + "\n")
    assert codes[0][0] == "yaml-alias-bomb"
    assert time.perf_counter() - started < 5  # a guard against hanging, not a speed target


def test_deep_nesting_is_refused() -> None:
    assert _codes("[" * 100 + "]" * 100)[0][0] == "yaml-too-deep"
    assert _codes("[" * 20000 + "]" * 20000)[0][0] in ("yaml-too-deep", "yaml-syntax")


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    with pytest.raises(InputError) as info:
        read_yaml(path, limits=Limits(max_bytes=1000))
    assert [p.code for p in info.value.problems] == ["file-too-large"]


@pytest.mark.parametrize(
    ("raw", "code", "line"),
    [
        (b"a: 1\nb: caf\xe9\n", "not-utf8", 2),
        (b"\xff\xfea\x00:\x00", "not-utf8", None),
        (b"a: 1\n\x00\x01\x02", "binary-file", 2),
    ],
    ids=["latin-1", "utf-16", "binary"],
)
def test_undecodable_files_say_so(tmp_path: Path, raw: bytes, code: str, line: int | None) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    with pytest.raises(InputError) as info:
        read_yaml(path)
    assert [(p.code, p.line) for p in info.value.problems] == [(code, line)]


def test_bom_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "win.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: two\r\n")
    assert read_yaml(path).data == {"a": 1, "b": "two"}


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_yaml(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        read_yaml(tmp_path)


def test_empty_document_is_none() -> None:
    assert parse_yaml("# only a comment\n", "f.yaml").data is None


def _read(text: str, *, lazy: bool) -> tuple[object, object]:
    """The data and positions (or the problems) of ``text``, read eagerly or lazily."""
    try:
        doc = parse_yaml(text, "f.yaml", lazy_positions=lazy)
    except InputError as error:
        return "refused", [(p.code, p.line, p.column, p.message) for p in error.problems]
    return doc.data, doc.positions


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  - x: 2024-01-01\n    y: [true, ~, 0x1F, -.5e3, '7']\nc: |\n  text\n",
        "- 1\n- - 2\n  - {a: b}\n",
        "plain text\n",
        "",
        "1: one\ntrue: yes\nnull: x\n2.5: y\n",
        "a: &anchor [1, 2]\nb: *anchor\n",
        "a: !!str 12\nb: ! 13\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "a: <<\n",
        "? [a, b]\n: c\n",
        "a: 0x_\n",
        "a: 1\n---\nb: 2\n",
        "a: [\n",
        "[" * 70 + "]" * 70,
        "a: 1\n\tb: 2\n",
    ],
    ids=[
        "ordinary",
        "nested-sequences",
        "scalar-root",
        "empty",
        "keys-that-are-not-text",
        "anchor-and-alias",
        "tags",
        "duplicate-key",
        "merge-key",
        "merge-word-as-value",
        "complex-key",
        "bad-number",
        "two-documents",
        "syntax-error",
        "too-deep",
        "tab",
    ],
)
def test_lazy_positions_read_the_same_data_positions_and_problems(text: str) -> None:
    assert _read(text, lazy=True) == _read(text, lazy=False)


def test_lazy_positions_are_found_when_first_asked_for() -> None:
    doc = parse_yaml("a:\n  - b: 1\n", "f.yaml", lazy_positions=True)
    assert (doc.data, doc.locate(["a", 0, "b"])) == ({"a": [{"b": 1}]}, (2, 5))
