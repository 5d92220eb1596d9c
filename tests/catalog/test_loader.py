"""Loading a catalogue directory: every kind of bad file reported with file, line and id."""

from __future__ import annotations

from pathlib import Path

import pytest

from csea import CatalogError, Problem, load_catalog, validate_catalog
from csea.errors import Severity
from tests.conftest import BLOCK_01, CatalogFactory


def _problems(root: Path) -> list[tuple[str, str, int | None, str | None]]:
    """(code, file name, line, object id) for every problem, errors and warnings."""
    return [(p.code, Path(p.file or "").name, p.line, p.object_id) for p in validate_catalog(root)]


def test_mini_catalogue_loads(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(make_catalog())
    assert [o.id for o in catalog.obligations] == ["BLOCK-01", "GROOM-01"]
    assert catalog.version == "2026.11"
    assert catalog.source("uk.osa2023") is not None
    assert validate_catalog(make_catalog()) == []


def test_errors_raise_with_every_problem(make_catalog: CatalogFactory) -> None:
    root = make_catalog(**{"block/BLOCK-01.yaml": BLOCK_01.replace("statement:", "statment:")})
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    missing, unknown = info.value.problems
    assert (missing.code, missing.line) == ("missing-field", 1)
    problem = unknown
    assert problem.code == "unknown-field"
    assert problem.line == 4
    assert problem.object_id == "BLOCK-01"
    assert "did you mean 'statement'" in problem.message


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (("statement:", "statment:"), [("unknown-field", 4), ("missing-field", 1)]),
        (("relationship: part_of", "relationship: same"), [("unknown-value", 13)]),
        (
            ("- jurisdiction: GB", "- jurisdiction: GB\n      feature: search"),
            [("bad-condition", 8)],
        ),
        (("feature: image_upload", "feature: pictures"), [("unknown-value", 9)]),
        (("title: Hash-match known images", "title: [a, b]"), [("wrong-type", 3)]),
    ],
    ids=["unknown-field", "bad-enum", "two-key-condition", "unknown-feature", "wrong-type"],
)
def test_model_errors_point_at_the_line(
    make_catalog: CatalogFactory, replace: tuple[str, str], expected: list[tuple[str, int]]
) -> None:
    root = make_catalog(**{"block/BLOCK-01.yaml": BLOCK_01.replace(*replace)})
    found = sorted((code, line) for code, _, line, _ in _problems(root))
    assert found == sorted(expected)


def test_cross_file_problems_are_all_reported(make_catalog: CatalogFactory) -> None:
    broken = (
        BLOCK_01.replace("provision: s10", "provision: s999")
        .replace("source: vol.vp2020", "source: vol.nowhere")
        .replace("related: [GROOM-01]", "related: [GROOM-09]")
    )
    duplicate = BLOCK_01.replace("id: BLOCK-01", "id: BLOCK-01")
    root = make_catalog(
        **{
            "block/BLOCK-01.yaml": broken,
            "block/BLOCK-02.yaml": duplicate,
            "grooming/GROOM-01.yaml": None,
            "grooming/BLOCK-03.yaml": BLOCK_01.replace("BLOCK-01", "BLOCK-03"),
        }
    )
    assert _problems(root) == [
        ("unknown-provision", "BLOCK-01.yaml", 12, "BLOCK-01"),
        ("unknown-source", "BLOCK-01.yaml", 15, "BLOCK-01"),
        ("unknown-obligation", "BLOCK-01.yaml", 27, "BLOCK-01"),
        ("duplicate-id", "BLOCK-02.yaml", 1, "BLOCK-01"),
        ("file-name", "BLOCK-02.yaml", 1, "BLOCK-01"),
        ("unknown-obligation", "BLOCK-02.yaml", 27, "BLOCK-01"),
        ("wrong-folder", "BLOCK-03.yaml", 2, "BLOCK-03"),
        ("unknown-obligation", "BLOCK-03.yaml", 27, "BLOCK-03"),
    ]


def test_wrong_prefix_and_unknown_pillar(make_catalog: CatalogFactory) -> None:
    root = make_catalog(
        **{
            "block/BLOCK-01.yaml": BLOCK_01.replace("id: BLOCK-01", "id: GROOM-07"),
            "block/GROOM-07.yaml": None,
        }
    )
    codes = {code for code, *_ in _problems(root)}
    assert {"wrong-prefix", "file-name"} <= codes


def test_source_problems(make_catalog: CatalogFactory) -> None:
    from tests.conftest import SOURCES_YAML

    broken = SOURCES_YAML.replace("      - id: s66\n", "      - id: s10\n").replace(
        "status: voluntary\n",
        "status: voluntary\n    timeline:\n      - date: 2020-03-05\n"
        "        status: proposed\n        verification: verified\n",
    )
    found = [
        (code, line) for code, _, line, _ in _problems(make_catalog(**{"sources.yaml": broken}))
    ]
    assert found == [("duplicate-id", 17), ("invalid-value", 24)]


def test_retired_id_cannot_be_reused(make_catalog: CatalogFactory) -> None:
    from tests.conftest import CATALOG_YAML

    header = CATALOG_YAML.replace(
        "changes: []",
        "changes:\n  - version: '2026.11'\n    kind: retired\n    ids: [BLOCK-01]\n    reason: gone\n",
    )
    assert ("reused-id", "catalog.yaml", 19, "BLOCK-01") in _problems(
        make_catalog(**{"catalog.yaml": header})
    )


def test_uncited_file_is_checked(make_catalog: CatalogFactory) -> None:
    uncited = (
        "uncited:\n"
        "  - source: uk.osa2023\n    provision: s66\n    reason: not yet\n"
        "  - source: uk.osa2023\n    provision: s10\n    reason: wrongly listed\n"
        "  - source: uk.osa2023\n    provision: s1\n    reason: missing\n"
    )
    problems = validate_catalog(make_catalog(**{"uncited.yaml": uncited}))
    assert [(p.code, p.line, p.severity) for p in problems] == [
        ("cited-but-listed-uncited", 5, Severity.WARNING),
        ("unknown-provision", 9, Severity.ERROR),
    ]
    catalog = load_catalog(make_catalog(**{"uncited.yaml": uncited.rsplit("  - source", 1)[0]}))
    assert [u.provision for u in catalog.uncited] == ["s66", "s10"]


def test_unreadable_files_are_problems_not_crashes(make_catalog: CatalogFactory) -> None:
    root = make_catalog(
        **{
            "block/BLOCK-02.yaml": b"id: BLOCK-02\ntitle: caf\xe9\n",
            "grooming/GROOM-02.yaml": "a: 1\na: 2\n",
            "block/BLOCK-03.yaml": "- just\n- a list\n",
            "block/BLOCK-04.yaml": "",
        }
    )
    assert _problems(root) == [
        ("not-utf8", "BLOCK-02.yaml", 2, None),
        ("wrong-type", "BLOCK-03.yaml", 1, None),
        ("wrong-type", "BLOCK-04.yaml", 1, None),
        ("yaml-duplicate-key", "GROOM-02.yaml", 2, None),
    ]


def test_missing_catalogue_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(tmp_path / "nowhere")


def test_missing_header_is_reported(make_catalog: CatalogFactory) -> None:
    assert ("file-not-found", "catalog.yaml", None, None) in _problems(
        make_catalog(**{"catalog.yaml": None})
    )


def test_problem_renders_as_file_line_column() -> None:
    problem = Problem(
        code="x",
        message="bad",
        file="a.yaml",
        line=3,
        column=5,
        object_id="BLOCK-01",
        field="title",
    )
    assert str(problem) == "a.yaml:3:5: error [x] BLOCK-01 title: bad"


def test_change_log_judges_each_id_by_its_latest_entry(make_catalog: CatalogFactory) -> None:
    from tests.conftest import CATALOG_YAML

    history = (
        "changes:\n"
        "  - {version: '2026.11', kind: added, ids: [BLOCK-05], reason: new}\n"
        "  - {version: '2026.12', kind: retired, ids: [BLOCK-05], reason: folded into BLOCK-01}\n"
        "  - {version: '2026.12', kind: split, ids: [GROOM-05], into: [GROOM-01, GROOM-06], reason: two asks}\n"
        "  - {version: '2027.01', kind: retired, ids: [GROOM-06], reason: dropped}\n"
        "  - {version: '2027.01', kind: added, ids: [GROOM-07], reason: not written yet}\n"
    )
    root = make_catalog(**{"catalog.yaml": CATALOG_YAML.replace("changes: []\n", history)})
    assert _problems(root) == [("unknown-obligation", "catalog.yaml", 21, "GROOM-07")]
