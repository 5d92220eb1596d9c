"""The output-safety matrix of issue #13: every user text field x every output x every payload.

Each case puts one payload into one field (the owner, an evidence title, the service name, the
organisation, an answer's notes, who assessed it, a catalogue title), runs one output, and
asserts the output parses in its own language and the payload does nothing there: no raw
control or bidirectional character, no terminal markup read, no HTML tag or ``javascript:``
link, no Markdown link, no spreadsheet formula, well-formed XML.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.hostile.conftest import ASSESSMENT, Workspace

runner = CliRunner()
ENV = {"CSEA_TODAY": "2026-11-20", "CSEA_CATALOG": "", "COLUMNS": "200"}

PAYLOADS = {
    "markup": "Eng [/x] [bold]b[/bold] [link=https://evil.example]X[/link] :fire:",
    "ansi": "\x1b[2J\x1b[1;1HAll checks passed\x1b]8;;https://evil.example\x07X",
    "bidi": "safe \u202eevil\u2066x\u2069",
    "controls": "nul\x00bell\x07bs\x08del\x7fc1\x85\x9b",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "javascript": "[click](javascript:alert(1)) <a href='javascript:alert(3)'>x</a>",
    "formula": '=HYPERLINK("https://evil.example","x")',
    "xml": "a]]><x/>&amp;<!--c-->\"'",
}
"""One hostile text per class of the issue."""


def _quoted(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode().replace('"', '\\"') + '"'


def _owner(ws: Workspace, text: str) -> None:
    _replace(ws.assessment, "owner: T&S engineering", f"owner: {_quoted(text)}")


def _evidence(ws: Workspace, text: str) -> None:
    _replace(ws.assessment, "title: Hash matching runbook", f"title: {_quoted(text)}")


def _service(ws: Workspace, text: str) -> None:
    _replace(ws.profile, "service: Pics", f"service: {_quoted(text)}")


def _organisation(ws: Workspace, text: str) -> None:
    _replace(ws.profile, "organisation: Example Ltd", f"organisation: {_quoted(text)}")


def _notes(ws: Workspace, text: str) -> None:
    _replace(
        ws.assessment, "    due: 2027-03-01\n", f"    due: 2027-03-01\n    notes: {_quoted(text)}\n"
    )


def _assessed_by(ws: Workspace, text: str) -> None:
    _replace(ws.assessment, "assessed_by: Trust and Safety", f"assessed_by: {_quoted(text)}")


def _catalogue_title(ws: Workspace, text: str) -> None:
    block = ws.catalog / "block" / "BLOCK-01.yaml"
    _replace(block, "title: Hash-match known images", f"title: {_quoted(text)}")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


FIELDS: dict[str, Callable[[Workspace, str], None]] = {
    "owner": _owner,
    "evidence-title": _evidence,
    "service": _service,
    "organisation": _organisation,
    "notes": _notes,
    "assessed-by": _assessed_by,
    "catalogue-title": _catalogue_title,
}
"""Every place a hostile text is put, each a field a person or the catalogue writes."""

OUTPUTS = {
    "terminal": ["report", "{a}"],
    "md": ["report", "{a}", "--format", "md"],
    "html": ["report", "{a}", "--format", "html"],
    "json": ["report", "{a}", "--format", "json"],
    "csv": ["report", "{a}", "--format", "csv"],
    "junit": ["report", "{a}", "--format", "junit"],
    "diff-md": ["diff", "{old}", "{a}", "--format", "md"],
    "check": ["check", "{a}"],
}
"""Every output a user text reaches (error messages are the ``status`` case below)."""

RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters that must never reach any output raw (tab, LF and CR are layout)."""


class _Tags(HTMLParser):
    """Every start tag and attribute of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _inert_html(out: str) -> None:
    parser = _Tags()
    parser.feed(out)
    hrefs = [a.get("href") or a.get("src") or "" for _, a in parser.tags]
    events = [name for _, a in parser.tags for name in a if name.startswith("on")]
    assert ([h for h in hrefs if "javascript:" in h or "evil" in h], events) == ([], [])
    assert "alert(1)</script>" not in out


def _inert_markdown(out: str) -> None:
    assert re.findall(r"(?<!\\)<(?:script|img|a )", out) == []
    assert re.search(r"(?<!\\)\]\((?:javascript|https://evil)", out) is None


def _inert_terminal(out: str) -> None:
    assert "🔥" not in out


def _inert_json(out: str) -> None:
    json.loads(out)


def _inert_csv(out: str) -> None:
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))] == []


def _inert_junit(out: str) -> None:
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag in ("testsuites", "testsuite")
    assert [e.tag for e in root.iter() if e.tag == "x"] == []


CHECKS: dict[str, Callable[[str], None]] = {
    "terminal": _inert_terminal,
    "md": _inert_markdown,
    "html": _inert_html,
    "json": _inert_json,
    "csv": _inert_csv,
    "junit": _inert_junit,
    "diff-md": _inert_markdown,
    "check": _inert_terminal,
}


def _run(ws: Workspace, args: list[str]) -> tuple[int, str, str]:
    where = {"a": ws.assessment, "old": ws.root / "old.yaml"}
    argv = [a.format(**where) for a in args]
    result = runner.invoke(app, [*argv, "--catalog", str(ws.catalog)], env=ENV)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("output", OUTPUTS, ids=list(OUTPUTS))
@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
@pytest.mark.parametrize("field", FIELDS, ids=list(FIELDS))
def test_hostile_text_is_inert_in_every_output(
    workspace: Workspace, field: str, payload: str, output: str
) -> None:
    (workspace.root / "old.yaml").write_text(ASSESSMENT, encoding="utf-8")
    FIELDS[field](workspace, PAYLOADS[payload])
    code, out, err = _run(workspace, OUTPUTS[output])
    assert (code in (0, 1), err) == (True, "")
    assert (out.strip() != "", RAW.findall(out)) == (True, [])
    CHECKS[output](out)


@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
def test_hostile_text_is_inert_in_error_messages(workspace: Workspace, payload: str) -> None:
    status = f"status: {_quoted(PAYLOADS[payload])}"
    _replace(workspace.assessment, "status: planned", status)
    code, out, err = _run(workspace, ["check", "{a}"])
    assert (code, out, "is not" in err, RAW.findall(err)) == (2, "", True, [])
    _inert_terminal(err)
