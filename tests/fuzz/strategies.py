"""Hypothesis strategies and settings shared by the fuzz tests.

Settings are bounded and derandomized so the suite is fast and CI is deterministic: the
same examples run every time, and no example database is written.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Settings for every fuzz test."""

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ _-./'\"#&*!|>@%é☃", max_size=12)
"""Words without digits, so that YAML 1.1 (the emitter) and 1.2 (the reader) agree on them."""

plain_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**18), max_value=10**18)
    | st.floats(allow_nan=False, allow_infinity=True)
    | _WORD,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(_WORD, children, max_size=5),
    max_leaves=30,
)
"""Any value a YAML document can hold: nested mappings and lists of scalars."""

_TOKENS = [
    "a", "b", "key", "- ", ": ", "? ", "[", "]", "{", "}", ",", "&x ", "*x", "&y ", "*y",
    "!!str ", "!!int ", "!custom ", "!!python/object ", "<<", "'", '"', "#", "|", ">", "---",
    "...", "%YAML 1.2", "\t", "  ", "    ", "\n", "\r\n", "1", "0x", "1e3", ".inf", "~", "null",
    "true", "NO", "yes", "2026-11-01", "\\", "é", "\ufeff", "\x85", "\u2028", "@", "`",
]  # fmt: skip
yamlish_text = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)
"""Text made of YAML's own punctuation and keywords, so the parser gets deep into it."""

any_text = st.text(max_size=200)
"""Any Unicode text (no lone surrogates)."""
