"""Hostile file contents, each with the problem code and line a loader must report first.

Every case is a whole file. ``content`` is a callable so the large ones are built only when
a test uses them. Expected lines are 1-based; ``None`` means the problem is about the whole
file (its size or encoding) and has no line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile file."""

    id: str
    content: Callable[[], bytes]
    code: str
    line: int | None


def _billion_laughs() -> bytes:
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        refs = b",".join([b"*" + prev.encode()] * 9)
        lines.append(name.encode() + b": &" + name.encode() + b" [" + refs + b"]")
    return b"\n".join(lines) + b"\n"


def _quadratic_aliases() -> bytes:
    """One anchor of 50,000 values referenced 100 times: 5 million values once expanded."""
    anchor = b"big: &big [" + b",".join([b"1"] * 50_000) + b"]\n"
    return anchor + b"refs: [" + b",".join([b"*big"] * 100) + b"]\n"


def _block_nesting(levels: int) -> bytes:
    return b"".join(b"  " * i + b"k:\n" for i in range(levels)) + b"  " * levels + b"v\n"


CASES: list[Case] = [
    Case("empty", lambda: b"", "wrong-type", 1),
    Case("comments-only", lambda: b"# nothing here\n# at all\n", "wrong-type", 1),
    Case("list-at-root", lambda: b"- a\n- b\n", "wrong-type", 1),
    Case("text-at-root", lambda: b"just some words\n", "wrong-type", 1),
    Case("unclosed-flow", lambda: b"a: 1\nb: [1, 2\n", "yaml-syntax", 3),
    Case("bad-indentation", lambda: b"a:\n  b: 1\n c: 2\n", "yaml-syntax", 3),
    Case("tab-indentation", lambda: b"a:\n\tb: 1\n", "yaml-syntax", 2),
    Case("unclosed-quote", lambda: b"a: 'never closed\nb: 2\n", "yaml-syntax", 3),
    Case("two-documents", lambda: b"a: 1\n---\nb: 2\n", "yaml-syntax", 2),
    Case("duplicate-key", lambda: b"a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3),
    Case("python-tag", lambda: b"a: !!python/object/apply:os.system [ls]\n", "yaml-tag", 1),
    Case("custom-tag", lambda: b"a: !vault secret\n", "yaml-tag", 1),
    Case("set-tag", lambda: b"a: !!set {x, y}\n", "yaml-tag", 1),
    Case("merge-key", lambda: b"base: &b {x: 1}\nc:\n  <<: *b\n", "yaml-merge-key", 3),
    Case("complex-key", lambda: b"? [a, b]\n: 1\n", "yaml-complex-key", 1),
    Case("undefined-alias", lambda: b"a: *nowhere\n", "yaml-syntax", 1),
    Case("recursive-alias", lambda: b"a: &x [1, *x]\n", "yaml-recursive-alias", 1),
    Case("billion-laughs", _billion_laughs, "yaml-alias-bomb", 7),
    Case("quadratic-aliases", _quadratic_aliases, "yaml-alias-bomb", 2),
    Case("deep-flow", lambda: b"a: " + b"[" * 100_000, "yaml-too-deep", 1),
    Case("deep-block", lambda: _block_nesting(200), "yaml-too-deep", 64),
    Case("huge-number", lambda: b"a: " + b"9" * 5000 + b"\n", "yaml-number", 1),
    Case("oversized", lambda: b"a: " + b"x" * MAX_BYTES + b"\n", "file-too-large", None),
    Case("nul-bytes", lambda: b"a: 1\nb: \x00\x01\n", "binary-file", 2),
    Case("binary-garbage", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)), "not-utf8", 1),
    Case("control-character", lambda: b"a: 1\nb: bell\x07\n", "yaml-syntax", 2),
    Case("latin-1", lambda: "a: 1\nb: café\n".encode("latin-1"), "not-utf8", 2),
    Case("utf-16", lambda: "a: 1\n".encode("utf-16"), "not-utf8", None),
    Case("utf-16-crlf", lambda: "a: 1\r\n".encode("utf-16-le"), "binary-file", 1),
]
"""Every hostile file, with the first problem a loader must report for it."""

CASE_IDS = [case.id for case in CASES]
