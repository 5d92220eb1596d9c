"""``csea export``'s formats: which one ``-o`` picks, and how a file or a folder is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from csea.errors import InputError, WriteRefusedError
from csea.export import registry
from csea.export.formats import Exported, ExportFormat, OutputKind
from csea.export.registry import FORMATS, export_format
from csea.export.run import write_export

NAMES = "xlsx, ofcom-record, esafety-notice, oscal"


def _format(
    name: str, suffixes: tuple[str, ...], kind: OutputKind = OutputKind.FILE
) -> ExportFormat:
    return ExportFormat(name, "csea.export.xlsx:export_xlsx", kind, suffixes, f"the {name} format")


@pytest.mark.parametrize(
    ("name", "output", "expected"),
    [(None, "answers.xlsx", "xlsx"), (None, "out/ANSWERS.XLSX", "xlsx"), ("XLSX", "a.bin", "xlsx")],
    ids=["suffix", "suffix-any-case", "named"],
)
def test_the_format_is_named_or_told_by_the_suffix(
    name: str | None, output: str, expected: str
) -> None:
    assert export_format(name, Path(output)).name == expected


@pytest.mark.parametrize(
    ("name", "output", "message"),
    [
        ("pdf", "a.pdf", f"--format pdf: not a format; choose one of {NAMES}"),
        (
            None,
            "answers",
            f"answers: cannot tell the format from the name; give --format ({NAMES})",
        ),
        (None, "a.pdf", f"a.pdf: cannot tell the format from the name; give --format ({NAMES})"),
    ],
    ids=["unknown-name", "no-suffix", "unclaimed-suffix"],
)
def test_an_unknown_format_is_refused(name: str | None, output: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        export_format(name, Path(output))
    assert [(p.code, p.message) for p in caught.value.problems] == [
        ("unknown-export-format", message)
    ]


def test_a_suffix_two_formats_claim_needs_format(monkeypatch: pytest.MonkeyPatch) -> None:
    two = (*FORMATS, _format("plain", (".txt",)), _format("notes", (".txt", ".rst")))
    monkeypatch.setattr(registry, "FORMATS", two)
    with pytest.raises(InputError) as caught:
        export_format(None, Path("record.txt"))
    assert caught.value.problems[0].message == (
        "record.txt: '.txt' could be plain, notes; say which with --format"
    )
    assert export_format(None, Path("notice.rst")).name == "notes"


def test_the_regulators_documents_need_format_to_tell_them_apart() -> None:
    with pytest.raises(InputError) as caught:
        export_format(None, Path("record.docx"))
    assert caught.value.problems[0].message == (
        "record.docx: '.docx' could be ofcom-record, esafety-notice; say which with --format"
    )


def test_a_folder_format_writes_each_file(tmp_path: Path) -> None:
    files = {"catalog.json": b"{}", "results/assessment-results.json": b"[]"}
    write_export(_format("oscal", (), OutputKind.FOLDER), tmp_path / "oscal", Exported(files))
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json"))
    assert written == ["oscal/catalog.json", "oscal/results/assessment-results.json"]


@pytest.mark.parametrize("name", ["../escape.json", "/etc/escape.json"], ids=["up", "absolute"])
def test_a_folder_format_cannot_write_outside_its_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(WriteRefusedError, match="outside"):
        write_export(_format("oscal", (), OutputKind.FOLDER), tmp_path / "o", Exported({name: b""}))
    assert list(tmp_path.iterdir()) == []


def test_the_output_is_never_an_input_or_a_folder(tmp_path: Path) -> None:
    source = tmp_path / "assessment.yaml"
    source.write_text("kept", encoding="utf-8")
    xlsx = _format("xlsx", (".xlsx",))
    with pytest.raises(WriteRefusedError, match="is one of this command"):
        write_export(xlsx, source, Exported(b"new"), keep=(source,))
    with pytest.raises(WriteRefusedError, match="it is a folder"):
        write_export(xlsx, tmp_path, Exported(b"new"))
    assert source.read_text(encoding="utf-8") == "kept"
