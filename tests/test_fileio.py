"""Writing user files: atomically, keeping permissions, never over a file csea cannot read."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from csea.errors import InputError, Problem, WriteRefusedError
from csea.fileio import ZIP_EPOCH, display_path, refuse_unreadable, repeatable_zip, write_atomic


def test_write_creates_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "# Report\n\nÄ café, ✓\n")
    assert target.read_bytes() == "# Report\n\nÄ café, ✓\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_write_replaces_and_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "assessment.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert (target.read_text(encoding="utf-8"), stat.S_IMODE(target.stat().st_mode)) == (
        "new\n",
        0o640,
    )


def test_write_goes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert (link.is_symlink(), real.read_text(encoding="utf-8")) == (True, "new\n")


def test_a_failed_replace_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "assessment.yaml"
    target.write_text("what the team wrote\n", encoding="utf-8")

    def fail(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(WriteRefusedError) as raised:
        write_atomic(target, "new text\n")
    assert str(raised.value) == (
        f"could not write {target}: No space left on device; nothing was changed"
    )
    assert target.read_text(encoding="utf-8") == "what the team wrote\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessment.yaml"]


def test_a_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteRefusedError, match="could not write"):
        write_atomic(tmp_path / "missing" / "out.yaml", "x\n")


def _reader(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if "bad" in text:
        problem = Problem(code="yaml-syntax", message="invalid YAML", file=str(path), line=3)
        raise InputError([problem])
    return text


def test_refuse_unreadable_returns_what_was_read(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("good\n", encoding="utf-8")
    assert (refuse_unreadable(target, _reader), refuse_unreadable(tmp_path / "b", _reader)) == (
        "good\n",
        None,
    )


def test_refuse_unreadable_refuses_with_every_problem(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("bad\n", encoding="utf-8")
    with pytest.raises(WriteRefusedError) as raised:
        refuse_unreadable(target, _reader)
    assert str(raised.value) == (
        f"refusing to write over {target}: it exists but could not be read; fix it or choose "
        f"another output file\n{target}:3: error [yaml-syntax] invalid YAML"
    )


def test_display_path_is_relative_inside_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "work" / "profile.yaml"
    outside = tmp_path / "elsewhere" / "profile.yaml"
    inside.parent.mkdir()
    monkeypatch.chdir(inside.parent)
    assert (display_path(inside), display_path(outside)) == ("profile.yaml", str(outside))


def test_repeatable_zip_fixes_dates_and_attributes() -> None:
    def zipped(when: tuple[int, int, int, int, int, int]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo("a.xml", date_time=when), "<a/>")
            archive.writestr(zipfile.ZipInfo("b.xml", date_time=when), "<b/>")
        return buffer.getvalue()

    first = repeatable_zip(zipped((2026, 1, 2, 3, 4, 6)))
    second = repeatable_zip(zipped((2027, 5, 6, 7, 8, 10)))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        entries = [(i.filename, i.date_time) for i in archive.infolist()]
    assert (first == second, entries) == (True, [("a.xml", ZIP_EPOCH), ("b.xml", ZIP_EPOCH)])
