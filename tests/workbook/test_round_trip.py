"""The round trip is a law: export then import changes nothing; edit N cells, N fields change.

Assessments are generated (statuses, owners, dates, notes with line breaks and text that
looks like a formula, evidence by URL or path with labels), exported, and imported back.
An untouched workbook leaves the file byte for byte as it was; a workbook with N cells
edited changes exactly those N fields of the file and nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from csea.assessment.load import load_assessment
from csea.models import Answer, Catalog, Sensitivity, Status
from csea.workbook.columns import ANSWERS
from csea.workbook.imports import import_workbook
from csea.yamlio.writer import dump_yaml
from tests.fuzz.strategies import FUZZ
from tests.workbook.conftest import AS_OF, edited, pebble

IDS = ["BLOCK-01", "BLOCK-02", "BLOCK-03", "GROOM-01", "GROOM-02", "TRANS-01", "TRANS-02"]
ROUND_TRIP = FUZZ.__class__(FUZZ, max_examples=10)

_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85\ufeff"
)
_text = st.text(_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.strip())
_notes = st.lists(_text, min_size=1, max_size=3).map("\n".join)
_days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
_evidence = st.fixed_dictionaries(
    {"title": _text, "collected": _days},
    optional={"expires": _days, "sensitivity": st.sampled_from([s.value for s in Sensitivity])},
).flatmap(
    lambda e: st.one_of(
        st.builds(lambda w: {**e, "url": f"https://ev.example.invalid/{w}"}, st.integers(0, 999)),
        st.builds(lambda p: {**e, "path": p}, _text),
    )
)
_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "status": st.sampled_from([s.value for s in Status]),
    "owner": _text,
    "due": _days,
    "notes": _notes,
    "justification": _text,
    "accepted_by": _text,
    "accepted_on": _days,
}
"""A strategy for each field of an answer a person edits in the workbook."""
_answer = st.fixed_dictionaries(
    {"status": _FIELDS["status"]},
    optional={
        **{k: v for k, v in _FIELDS.items() if k != "status"},
        "evidence": st.lists(_evidence, max_size=3),
    },
)
assessments = st.dictionaries(st.sampled_from(IDS), _answer, max_size=len(IDS))


def _write(folder: Path, answers: dict[str, Any]) -> Path:
    data = {"catalog": {"id": "fixture", "version": "2026.11"}, "profile": "profile.yaml"}
    path = folder / "assessment.yaml"
    path.write_text(dump_yaml({**data, "answers": answers}), encoding="utf-8")
    return path


def _exported(catalog: Catalog, folder: Path, answers: dict[str, Any]) -> Path:
    from csea.export.run import export_assessment

    assessment = _write(pebble(folder), answers)
    output = folder / "answers.xlsx"
    export_assessment(catalog, assessment, output, as_of=AS_OF)
    return output


@ROUND_TRIP
@given(answers=assessments)
def test_an_untouched_workbook_changes_nothing(
    catalog: Catalog, tmp_path_factory: Any, answers: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("law")
    workbook = _exported(catalog, folder, answers)
    before = (folder / "assessment.yaml").read_bytes()
    result = import_workbook(catalog, workbook, as_of=AS_OF)
    assert (result.preview.diff.changes, result.written) == ([], False)
    assert (folder / "assessment.yaml").read_bytes() == before


@ROUND_TRIP
@given(answers=assessments, data=st.data())
def test_n_edited_cells_change_exactly_n_fields(
    catalog: Catalog, tmp_path_factory: Any, answers: dict[str, Any], data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("law")
    path = _exported(catalog, folder, answers)
    cells = data.draw(
        st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(list(_FIELDS))), unique=True)
    )
    before = {oid: Answer.model_validate(answers.get(oid, {})) for oid in IDS}
    changes: dict[str, object] = {}
    expected: set[tuple[str, str]] = set()
    for oid, key in cells:
        value = data.draw(_FIELDS[key])
        old = getattr(before[oid], key)
        if str(getattr(old, "value", old)) == str(value):
            continue
        column = ANSWERS.columns.index(ANSWERS.column(key))
        changes[f"Answers!{'ABCDEFGHIJKLMNOPQ'[column]}{IDS.index(oid) + 2}"] = value
        expected.add((oid, key))
    import_workbook(catalog, edited(path, changes, as_text=True), as_of=AS_OF)
    after = load_assessment(folder / "assessment.yaml").assessment.answers
    changed = {
        (oid, key)
        for oid in IDS
        for key in [*_FIELDS, "evidence", "indicators", "review"]
        if getattr(after.get(oid, Answer()), key) != getattr(before[oid], key)
    }
    assert changed == expected


def test_text_typed_with_a_leading_equals_sign_is_imported_as_text(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = _exported(catalog, tmp_path, {"BLOCK-01": {"status": "implemented"}})
    column = "ABCDEFGHIJKLMNOPQ"[ANSWERS.columns.index(ANSWERS.column("owner"))]
    import_workbook(
        catalog, edited(path, {f"Answers!{column}2": "=A1+1"}, as_text=True), as_of=AS_OF
    )
    after = load_assessment(tmp_path / "assessment.yaml").assessment.answers
    assert after["BLOCK-01"].owner == "=A1+1"
