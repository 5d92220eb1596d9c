"""The README's "Safety of input" paragraph, promise by promise, through the command line.

- pipes and devices are refused as input, with exit 2;
- ``init``, ``migrate`` and ``report -o`` write through a temporary file and a rename: a
  command that fails leaves the output as it was and no temporary file behind;
- ``init`` and ``migrate`` refuse to overwrite an ``-o`` file they cannot read as an assessment.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.hostile.conftest import Workspace

runner = CliRunner()
ENV = {"CSEA_TODAY": "2026-11-20", "CSEA_CATALOG": "", "COLUMNS": "200"}
UNREADABLE = b"\x89PNG\r\n\x1a\n\x00\x01 not an assessment"


def _run(ws: Workspace, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*map(str, args), "--catalog", str(ws.catalog)], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    "args",
    [["check", "{pipe}"], ["report", "{pipe}"], ["init", "{pipe}", "-o", "new.yaml"]],
    ids=["check", "report", "init-profile"],
)
def test_a_pipe_as_input_is_refused(workspace: Workspace, args: list[str]) -> None:
    pipe = workspace.root / "pipe.yaml"
    os.mkfifo(pipe)
    code, out, err = _run(workspace, *(a.format(pipe=pipe) for a in args))
    assert (code, out, "pipe.yaml" in err, "Traceback" in err) == (2, "", True, False)


@pytest.mark.parametrize(
    "args",
    [["init", "{p}", "-o", "{out}"], ["migrate", "{a}", "-o", "{out}"]],
    ids=["init", "migrate"],
)
def test_a_file_that_cannot_be_read_is_never_overwritten(
    workspace: Workspace, args: list[str]
) -> None:
    out = workspace.root / "out.yaml"
    out.write_bytes(UNREADABLE)
    before = _listing(workspace.root)
    where = {"p": workspace.profile, "a": workspace.assessment, "out": out}
    code, _, err = _run(workspace, *(a.format(**where) for a in args))
    assert (code, "out.yaml" in err, _listing(workspace.root)) == (2, True, before)


def test_a_failed_report_leaves_its_output_and_no_temporary_file(workspace: Workspace) -> None:
    out = workspace.root / "report.html"
    out.write_text("the previous report\n", encoding="utf-8")
    text = workspace.assessment.read_text(encoding="utf-8")
    workspace.assessment.write_text(text.replace("status: planned", "status: nope"), "utf-8")
    before = _listing(workspace.root)
    code, _, err = _run(workspace, "report", workspace.assessment, "--format", "html", "-o", out)
    assert (code, "nope" in err, _listing(workspace.root)) == (2, True, before)


def test_a_written_report_leaves_no_temporary_file(workspace: Workspace) -> None:
    before = set(_listing(workspace.root))
    out = workspace.root / "report.html"
    code, _, err = _run(workspace, "report", workspace.assessment, "--format", "html", "-o", out)
    assert (code, err, set(_listing(workspace.root)) - before) == (
        0,
        f"wrote {out}\n",
        {"report.html"},
    )
