"""``csea export`` for regulators and GRC tools, and ``csea catalog export``."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from csea.catalog.loader import load_catalog
from csea.render.oscal import oscal_catalog
from tests.assessment.conftest import Runner
from tests.report.filings import AS_OF, assess

SECRETS = ["Assessor Zq7", "Integrity Engineering", "Covers images", "hash-licence", "wiki."]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the filings catalogue (catalog/) and an assessment."""
    assess(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def export(run: Runner, *args: str) -> tuple[int, str, str]:
    day = ("--as-of", AS_OF.isoformat(), "--catalog", "catalog")
    return run("export", "assessment.yaml", *args, *day)


def everything_in(path: Path) -> str:
    """All text written: a folder's files, a Word file's parts, or a text file."""
    if path.is_dir():
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(path.iterdir()))
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_text(encoding="utf-8")


OUTPUTS = [
    ("ofcom-record", "record.docx"),
    ("ofcom-record", "record.md"),
    ("esafety-notice", "notice.docx"),
    ("esafety-notice", "notice.md"),
    ("oscal", "oscal"),
]


@pytest.mark.parametrize(("fmt", "output"), OUTPUTS, ids=[o for _, o in OUTPUTS])
def test_redact_applies_to_every_document(run: Runner, folder: Path, fmt: str, output: str) -> None:
    code, _, err = export(run, "--format", fmt, "-o", output, "--redact")
    text = everything_in(folder / output)
    assert (code, err, [s for s in SECRETS if s in text]) == (0, "", [])


@pytest.mark.parametrize(("fmt", "output"), OUTPUTS, ids=[o for _, o in OUTPUTS])
def test_unredacted_the_same_strings_are_there(
    run: Runner, folder: Path, fmt: str, output: str
) -> None:
    export(run, "--format", fmt, "-o", output)
    text = everything_in(folder / output)
    assert [s for s in SECRETS if s in text] != []


@pytest.mark.parametrize(
    ("fmt", "output", "said"),
    [
        (
            "ofcom-record",
            "record.docx",
            "3 Ofcom code measure(s) apply, 2 not recorded as taken in full",
        ),
        (
            "esafety-notice",
            "notice.md",
            "4 Determination section(s), 3 answered by csea's obligations",
        ),
        ("oscal", "oscal", "4 OSCAL document(s), 1 gap(s) in the plan of action"),
    ],
    ids=["ofcom-record", "esafety-notice", "oscal"],
)
def test_export_says_what_it_wrote(
    run: Runner, folder: Path, fmt: str, output: str, said: str
) -> None:
    assert export(run, "--format", fmt, "-o", output) == (
        0,
        f"wrote {output} ({fmt}): {said}\n",
        "",
    )


def test_the_oscal_folder_holds_the_four_documents(run: Runner, folder: Path) -> None:
    export(run, "--format", "oscal", "-o", "out/oscal")
    assert sorted(p.name for p in (folder / "out/oscal").iterdir()) == [
        "assessment-plan.json",
        "assessment-results.json",
        "catalog.json",
        "plan-of-action-and-milestones.json",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "ofcom-record", "-o", "record.pdf"), "written as .docx (Word) or .md"),
        (("-o", "record.docx"), "'.docx' could be ofcom-record, esafety-notice; say which"),
        (("--format", "oscal", "-o", "o", "--generated-at", "soon"), "--generated-at is 'soon'"),
    ],
    ids=["wrong-suffix", "ambiguous-suffix", "bad-timestamp"],
)
def test_refused_exports_write_nothing(
    run: Runner, folder: Path, args: tuple[str, ...], message: str
) -> None:
    before = sorted(p.name for p in folder.iterdir())
    code, out, err = export(run, *args)
    assert (code, out, message in err, sorted(p.name for p in folder.iterdir())) == (
        2,
        "",
        True,
        before,
    )


def test_generated_at_reaches_the_word_file(run: Runner, folder: Path) -> None:
    export(
        run, "--format", "ofcom-record", "-o", "r.docx", "--generated-at", "2026-11-20T09:30:00Z"
    )
    with zipfile.ZipFile(folder / "r.docx") as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "2026-11-20T09:30:00Z" in core


def test_catalog_export_prints_the_oscal_catalog(run: Runner, folder: Path) -> None:
    code, out, err = run("catalog", "export", "--catalog", "catalog")
    expected = oscal_catalog(load_catalog(folder / "catalog"))
    assert (code, json.loads(out), err) == (0, expected, "")


def test_catalog_export_writes_a_file(run: Runner, folder: Path) -> None:
    code, out, err = run("catalog", "export", "--catalog", "catalog", "-o", "oscal/catalog.json")
    written = json.loads((folder / "oscal/catalog.json").read_text(encoding="utf-8"))
    assert (code, out, err, list(written)) == (
        0,
        "",
        "wrote oscal/catalog.json (oscal): 4 controls in 2 groups, catalogue 2026.11\n",
        ["catalog"],
    )


def test_catalog_export_to_dash_is_stdout(run: Runner, folder: Path) -> None:
    code, out, _ = run("catalog", "export", "--catalog", "catalog", "-o", "-")
    assert (code, list(json.loads(out))) == (0, ["catalog"])


def test_catalog_export_never_writes_into_the_catalogue(run: Runner, folder: Path) -> None:
    code, out, err = run("catalog", "export", "--catalog", "catalog", "-o", "catalog/sources.yaml")
    assert (code, out, "one of this command's inputs" in err) == (2, "", True)
    assert (folder / "catalog/sources.yaml").read_text(encoding="utf-8").startswith("sources:")
