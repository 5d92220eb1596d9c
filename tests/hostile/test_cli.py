"""Every command, given a hostile file, prints a one-line located error and writes nothing.

For each command and each hostile file it reads: the exit code is 2 (1 for
``catalog validate``, whose job is reporting catalogue errors), the first line on stderr is
``FILE:LINE[:COLUMN]: error [CODE] ...`` (after one line refusing to write, when the hostile
file is the one ``init`` would rewrite), there is no traceback, the hostile file is left
byte for byte as it was, and no output file appears.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.hostile.cases import CASES, Case
from tests.hostile.conftest import Workspace

runner = CliRunner()
ENV = {"CSEA_TODAY": "2026-11-20", "CSEA_CATALOG": "", "COLUMNS": "200"}


@dataclass(frozen=True)
class Command:
    """A command line over a workspace, the file in it made hostile, and the exit code expected."""

    args: Callable[[Workspace], list[str | Path]]
    target: Callable[[Workspace], Path]
    exit_code: int = 2
    refuses: bool = False
    """The hostile file is the output: a line refusing to write over it comes first."""


def _obligation(ws: Workspace) -> Path:
    return ws.catalog / "block" / "BLOCK-01.yaml"


def _out(ws: Workspace) -> Path:
    return ws.root / "out" / "written.file"


def _profile(ws: Workspace) -> Path:
    return ws.profile


def _assessment(ws: Workspace) -> Path:
    return ws.assessment


def _previous(ws: Workspace) -> Path:
    return ws.root / "old.yaml"


COMMANDS = {
    "catalog-validate": Command(lambda ws: ["catalog", "validate", ws.catalog], _obligation, 1),
    "catalog-list": Command(lambda ws: ["catalog", "list", "--catalog", ws.catalog], _obligation),
    "applicable": Command(lambda ws: ["applicable", ws.profile, "--catalog", ws.catalog], _profile),
    "check": Command(lambda ws: ["check", ws.assessment, "--catalog", ws.catalog], _assessment),
    "check-catalog": Command(
        lambda ws: ["check", ws.assessment, "--catalog", ws.catalog], _obligation
    ),
    "init": Command(
        lambda ws: ["init", ws.profile, "-o", _out(ws), "--catalog", ws.catalog], _profile
    ),
    "init-over-hostile": Command(
        lambda ws: ["init", ws.profile, "-o", ws.assessment, "--catalog", ws.catalog],
        _assessment,
        refuses=True,
    ),
    "diff": Command(
        lambda ws: ["diff", ws.assessment, _previous(ws), "--catalog", ws.catalog], _assessment
    ),
    "migrate": Command(lambda ws: ["migrate", ws.assessment, "--catalog", ws.catalog], _assessment),
    "migrate-to-output": Command(
        lambda ws: ["migrate", ws.assessment, "-o", _out(ws), "--catalog", ws.catalog], _assessment
    ),
    "report": Command(
        lambda ws: [
            "report",
            ws.assessment,
            "--format",
            "html",
            "-o",
            _out(ws),
            "--catalog",
            ws.catalog,
        ],
        _assessment,
    ),
    "check-for-ci": Command(
        lambda ws: [
            "check",
            ws.assessment,
            "--junit-xml",
            ws.root / "out" / "junit.xml",
            "--sarif",
            ws.root / "out" / "csea.sarif",
            "--catalog",
            ws.catalog,
        ],
        _assessment,
    ),
    "approve": Command(
        lambda ws: ["approve", ws.assessment, "--by", "A", "--role", "B", "--catalog", ws.catalog],
        _assessment,
    ),
    "due": Command(
        lambda ws: [
            "due",
            ws.assessment,
            "--format",
            "ics",
            "-o",
            _out(ws),
            "--catalog",
            ws.catalog,
        ],
        _assessment,
    ),
    "export": Command(
        lambda ws: [
            "export",
            ws.assessment,
            "-o",
            _out(ws),
            "--format",
            "xlsx",
            "--catalog",
            ws.catalog,
        ],
        _assessment,
    ),
    "report-previous": Command(
        lambda ws: ["report", ws.assessment, "--previous", _previous(ws), "--catalog", ws.catalog],
        _previous,
    ),
}

CLI_CASES = [
    case
    for case in CASES
    if case.id
    in {
        "unclosed-flow",
        "duplicate-key",
        "binary-garbage",
        "billion-laughs",
        "empty",
        "list-at-root",
    }
]


def _first_line_pattern(target: Path, case: Case) -> str:
    where = rf":{case.line}(:\d+)?" if case.line is not None else ""
    return rf"^\S*{re.escape(target.name)}{where}: error \[{case.code}\] "


@pytest.mark.parametrize("case", CLI_CASES, ids=[case.id for case in CLI_CASES])
@pytest.mark.parametrize("name", list(COMMANDS), ids=list(COMMANDS))
def test_hostile_file_gives_one_located_line_and_writes_nothing(
    workspace: Workspace, name: str, case: Case
) -> None:
    command = COMMANDS[name]
    (workspace.root / "out").mkdir()
    (workspace.root / "old.yaml").write_bytes(workspace.assessment.read_bytes())
    target = command.target(workspace)
    content = case.content()
    target.write_bytes(content)
    result = runner.invoke(app, [str(a) for a in command.args(workspace)], env=ENV)
    lines = [*result.stderr.splitlines(), "", ""]
    refusal, located = (lines[0], lines[1]) if command.refuses else ("", lines[0])
    assert (result.exit_code, type(result.exception)) == (command.exit_code, SystemExit), (
        result.stderr
    )
    assert refusal.startswith(f"error: refusing to write over {target}" if command.refuses else "")
    assert re.match(_first_line_pattern(target, case), located), result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert (target.read_bytes() == content, list((workspace.root / "out").iterdir())) == (True, [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{root}/missing.yaml"], "missing.yaml: error [file-not-found] file not found"),
        (["check", "{root}"], ": error [not-a-file] is a directory; expected a YAML file"),
        (["applicable", "/dev/zero"], "/dev/zero: error [not-a-file] is not a regular file"),
        (["init", "{root}/profile.yaml", "-o", "{root}/no/such/dir/a.yaml"], "no/such/dir/a.yaml"),
        (["init", "{root}/profile.yaml", "-o", "{root}"], "error"),
        (["report", "{root}/assessment.yaml", "-o", "{root}"], "error"),
        (["catalog", "list", "--catalog", "{root}/nowhere"], "catalogue directory does not exist"),
    ],
    ids=[
        "missing-file",
        "directory-as-file",
        "device",
        "init-output-dir-missing",
        "init-output-is-dir",
        "report-output-is-dir",
        "missing-catalog",
    ],
)
def test_bad_paths_give_one_clear_line(workspace: Workspace, args: list[str], message: str) -> None:
    argv = [a.format(root=workspace.root) for a in args]
    if "--catalog" not in argv:
        argv += ["--catalog", str(workspace.catalog)]
    result = runner.invoke(app, argv, env=ENV)
    assert (result.exit_code, type(result.exception)) == (2, SystemExit), result.output
    assert message in result.stderr.splitlines()[0]
    assert "Traceback" not in result.output + result.stderr
