"""The reproductions of issue #13 for outputs (classes 1 to 4 and 8), each now inert or refused.

1. terminal markup in user and catalogue text (``[/x]``, ``[interim]``, ``[link=...]``,
   ``:fire:``) is shown as written, in tables and in error messages;
2. control characters (an escape sequence that clears the screen, U+202E) are shown escaped;
3. ``diff --format md`` escapes as the report does;
4. ``-o`` never replaces an input or a special file; ``-o -`` is standard output;
8. no traceback: extreme dates and ages, a full or closed standard output, an ASCII-only
   standard output, ``schema --output-dir`` naming a file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.hostile.conftest import ASSESSMENT, Csea, Workspace

runner = CliRunner()
ENV = {"CSEA_TODAY": "2026-11-20", "CSEA_CATALOG": "", "COLUMNS": "200"}

MARKUP = "Eng [/x] [interim] [link=https://evil.example]X[/link] :fire:"
CONTROL = "\x1b[2J\x1b[1;1HAll checks passed \u202eevil"
OWNER = f"{MARKUP} {CONTROL}"
SHOWN = f"{MARKUP} \\x1b[2J\\x1b[1;1HAll checks passed \\u202eevil"


def _quoted(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode().replace('"', '\\"') + '"'


@pytest.fixture
def hostile(workspace: Workspace) -> Workspace:
    """The workspace with the owner, the service and a catalogue title all hostile."""
    text = ASSESSMENT.replace("owner: T&S engineering", f"owner: {_quoted(OWNER)}")
    workspace.assessment.write_text(text, encoding="utf-8")
    profile = workspace.profile.read_text(encoding="utf-8")
    workspace.profile.write_text(profile.replace("Pics", _quoted(OWNER)), encoding="utf-8")
    block = workspace.catalog / "block" / "BLOCK-01.yaml"
    title = block.read_text(encoding="utf-8").replace(
        "title: Hash-match known images", f"title: {_quoted('Hash-match ' + OWNER)}"
    )
    block.write_text(title, encoding="utf-8")
    (workspace.root / "old.yaml").write_text(ASSESSMENT, encoding="utf-8")
    return workspace


def _run(ws: Workspace, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*map(str, args), "--catalog", str(ws.catalog)], env=ENV)
    return result.exit_code, result.stdout, result.stderr


COMMANDS = {
    "report": ["report", "{a}"],
    "check": ["check", "{a}"],
    "applicable": ["applicable", "{p}"],
    "explain": ["applicable", "{p}", "--explain", "BLOCK-01"],
    "diff": ["diff", "{old}", "{a}"],
    "catalog-list": ["catalog", "list"],
    "catalog-show": ["catalog", "show", "BLOCK-01"],
    "crosswalk": ["catalog", "crosswalk"],
}


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_markup_and_controls_are_shown_as_written(hostile: Workspace, args: list[str]) -> None:
    where = {"a": hostile.assessment, "p": hostile.profile, "old": hostile.root / "old.yaml"}
    code, out, err = _run(hostile, *(a.format(**where) for a in args))
    assert (code in (0, 1), err) == (True, "")
    assert ("\x1b" in out, "\u202e" in out, "🔥" in out) == (False, False, False)
    assert ("x1b" in out, ":fire:" in out, "[/x]" in out) == (True, True, True)


def test_no_terminal_hyperlink_even_on_a_colour_terminal(
    hostile: Workspace, run_csea: Csea
) -> None:
    env = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "csea", "report", "assessment.yaml", "--catalog", hostile.catalog],
        cwd=hostile.root,
        env={**os.environ, **env, "CSEA_TODAY": "2026-11-20", "COLUMNS": "300"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert ("\x1b]8;" in result.stdout, "[link=https://evil.example]X[/link]" in result.stdout) == (
        False,
        True,
    )


def test_error_messages_quote_values_as_written(workspace: Workspace) -> None:
    text = ASSESSMENT.replace("status: planned", f"status: {_quoted(':fire: [red]x ' + CONTROL)}")
    workspace.assessment.write_text(text, encoding="utf-8")
    code, out, err = _run(workspace, "check", workspace.assessment)
    assert (code, out) == (2, "")
    assert "':fire: [red]x \\x1b[2J\\x1b[1;1HAll checks passed \\u202eevil' is not" in err


def test_diff_markdown_escapes_as_the_report_does(hostile: Workspace) -> None:
    text = ASSESSMENT.replace(
        "owner: T&S engineering", "owner: '<script>x</script> [a](javascript:alert(1))'"
    )
    hostile.assessment.write_text(text, encoding="utf-8")
    code, out, _ = _run(
        hostile, "diff", hostile.root / "old.yaml", hostile.assessment, "--format", "md"
    )
    assert code == 0
    assert "\\<script\\>x\\</script\\> \\[a\\](javascript:alert(1))" in out
    assert ("<script>" in out, re.search(r"(?<!\\)\]\(", out)) == (False, None)


@pytest.mark.parametrize("target", ["assessment.yaml", "profile.yaml", "link.yaml"])
def test_report_never_writes_over_an_input(workspace: Workspace, target: str) -> None:
    (workspace.root / "link.yaml").symlink_to(workspace.assessment)
    before = {p.name: p.read_bytes() for p in (workspace.assessment, workspace.profile)}
    code, _, err = _run(
        workspace, "report", workspace.assessment, "--format", "html", "-o", workspace.root / target
    )
    assert (code, "it is one of this command's inputs" in err) == (2, True)
    assert {p.name: p.read_bytes() for p in (workspace.assessment, workspace.profile)} == before


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_report_never_replaces_a_special_file(workspace: Workspace, kind: str) -> None:
    target = {"fifo": workspace.root / "pipe", "device": Path(os.devnull), "folder": workspace.root}
    if kind == "fifo":
        os.mkfifo(target[kind])
    code, _, err = _run(workspace, "report", workspace.assessment, "-o", target[kind])
    assert (code, "refusing to write" in err) == (2, True)
    assert not Path(os.devnull).is_file()


def test_output_dash_is_standard_output(workspace: Workspace) -> None:
    code, out, _ = _run(workspace, "report", workspace.assessment, "--format", "json", "-o", "-")
    assert (code, out.startswith("{"), (workspace.root / "-").exists()) == (0, True, False)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{a}", "--as-of", "0001-01-01"],
        ["report", "{a}", "--as-of", "0001-01-01", "--format", "json"],
        ["check", "{a}", "--max-evidence-age", "99999999999999999999"],
        ["report", "{a}", "--max-evidence-age", "99999999999999999999"],
        ["check", "{a}", "--as-of", "9999-12-31"],
    ],
    ids=["check-year-1", "report-year-1", "check-huge-age", "report-huge-age", "year-9999"],
)
def test_extreme_dates_and_ages_are_judged_not_tracebacks(
    workspace: Workspace, args: list[str]
) -> None:
    code, out, err = _run(workspace, *(a.format(a=workspace.assessment) for a in args))
    assert (code in (0, 1), "Traceback" in out + err, err) == (True, False, "")


def test_schema_output_dir_naming_a_file_is_refused(workspace: Workspace) -> None:
    result = runner.invoke(app, ["schema", "--output-dir", str(workspace.profile)], env=ENV)
    assert (result.exit_code, result.stderr.startswith("error: could not write into")) == (2, True)


def _child(
    ws: Workspace, *args: str, env: dict[str, str] | None = None, **options: Any
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CSEA_")}
    argv = [sys.executable, "-m", "csea", *args, "--catalog", str(ws.catalog)]
    result: subprocess.CompletedProcess[str] = subprocess.run(
        argv,
        cwd=ws.root,
        env={**clean, "CSEA_TODAY": "2026-11-20", **(env or {})},
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        **options,
    )
    return result


@pytest.mark.parametrize(
    "args", [["report", "assessment.yaml"], ["catalog", "list", "--format", "json"]]
)
def test_a_full_standard_output_is_an_error_not_a_traceback(
    workspace: Workspace, args: list[str]
) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _child(workspace, *args, stdout=full)
    assert (result.returncode, result.stderr) == (
        2,
        "error: could not write to standard output: No space left on device\n",
    )


def test_a_closed_standard_output_is_an_error_not_a_traceback(workspace: Workspace) -> None:
    result = _child(workspace, "check", "assessment.yaml", preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (
        2,
        "error: standard output is closed; nothing was written\n",
    )


def test_an_ascii_only_standard_output_gets_escapes(workspace: Workspace) -> None:
    block = workspace.catalog / "block" / "BLOCK-01.yaml"
    text = block.read_text(encoding="utf-8")
    block.write_text(text.replace("Hash-match known", "Hash-match \u2013 known"), encoding="utf-8")
    result = _child(
        workspace,
        "catalog",
        "show",
        "BLOCK-01",
        stdout=subprocess.PIPE,
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "Hash-match \\u2013 known" in result.stdout
