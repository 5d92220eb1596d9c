"""The YAML reader on arbitrary input: a document or an ``InputError``, never anything else.

Both parsers (libyaml and the pure Python fallback) must agree: the same data whenever both
accept a text, and the same data and positions for every well-formed document. (The two
parsers may differ on what is malformed: libyaml accepts a few things PyYAML refuses.)
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from csea.errors import InputError
from csea.yamlio.events import EventBuilder
from csea.yamlio.reader import DEFAULT_LIMITS, YamlDocument, _parse, _plain, _run
from tests.fuzz.strategies import FUZZ, any_text, plain_values, yamlish_text

PARSERS = {"libyaml": yaml.CSafeLoader, "python": yaml.SafeLoader}


def _outcome(text: str, loader: Any) -> tuple[str, Any]:
    """``("ok", repr of the data)`` or ``("error", problem codes)``."""
    try:
        doc = _parse(text, "f.yaml", DEFAULT_LIMITS, loader)
    except InputError as error:
        problems = error.problems
    else:
        assert isinstance(doc, YamlDocument)
        return "ok", repr(doc.data)
    assert problems
    assert all(p.file == "f.yaml" for p in problems)
    return "error", [p.code for p in problems]


@FUZZ
@given(any_text)
def test_any_text_is_a_document_or_an_input_error(text: str) -> None:
    for loader in PARSERS.values():
        _outcome(text, loader)


@FUZZ
@given(yamlish_text)
def test_yamlish_text_is_a_document_or_an_input_error(text: str) -> None:
    for loader in PARSERS.values():
        _outcome(text, loader)


@FUZZ
@given(yamlish_text)
def test_both_parsers_read_the_same_data_when_both_accept(text: str) -> None:
    outcomes = [_outcome(text, loader) for loader in PARSERS.values()]
    assert len({data for kind, data in outcomes if kind == "ok"}) <= 1


@FUZZ
@given(plain_values, st.sampled_from([False, True, None]), st.booleans())
def test_dumped_values_read_back_equal_with_identical_positions(
    value: Any, flow: bool | None, unicode: bool
) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=unicode)
    libyaml, python = (_parse(text, "f.yaml", DEFAULT_LIMITS, p) for p in PARSERS.values())
    assert (libyaml.data, python.data) == (value, value)
    assert libyaml.positions == python.positions


@FUZZ
@given(yamlish_text)
def test_lazy_positions_change_nothing_but_when_positions_are_found(text: str) -> None:
    for loader in PARSERS.values():
        assert _read(text, loader, lazy=True) == _read(text, loader, lazy=False)


def _read(text: str, loader: Any, *, lazy: bool) -> tuple[Any, Any]:
    """The data and positions, or the problems, of ``text``."""
    try:
        doc = _parse(text, "f.yaml", DEFAULT_LIMITS, loader, lazy_positions=lazy)
    except InputError as error:
        return "refused", [(p.code, p.line, p.column, p.message) for p in error.problems]
    return repr(doc.data), doc.positions


@FUZZ
@given(st.one_of(yamlish_text, plain_values.map(yaml.safe_dump)))
def test_the_plain_reader_agrees_with_the_event_builder_wherever_it_reads(text: str) -> None:
    for loader in PARSERS.values():
        positions: dict[Any, Any] = {}
        plain = _plain(text, DEFAULT_LIMITS, loader, positions)
        if plain is None:
            continue
        builder = EventBuilder("f.yaml", DEFAULT_LIMITS.max_nodes, DEFAULT_LIMITS.max_depth)
        _run(builder, loader, text)
        assert (repr(plain[0]), positions, builder.problems) == (
            repr(builder.root),
            builder.positions,
            [],
        )
