"""Run the code blocks of a documentation page, in order, as a reader would.

- ``python`` blocks are executed; blocks of one page share their variables.
- ``sh`` / ``bash`` / ``console`` blocks: each ``csea ...`` (or ``python3 -m csea ...``) line
  runs through the CLI and must exit 0, or the code a ``<!-- docs-test: exit N -->`` comment
  just before the block gives; ``mkdir``, ``cd`` and ``cp`` work as in a shell; ``git`` runs
  for real, in the page's folder, with a fixed author, no user configuration and one day
  between commits (the first ten days before ``TODAY``), so a page can build the history
  that ``csea diff --since`` and the review findings read; anything else is refused, so the
  docs cannot show a command nobody runs. Blocks marked
  ``<!-- docs-test: install -->`` install csea: ``tests/test_release.py`` runs them in a fresh
  virtual environment; a line installing csea anywhere else is refused.
- ``yaml`` / ``json`` blocks with ``title="NAME"`` write that file;
  ``<!-- docs-test: merge FILE -->`` merges the block into FILE (a person filling in answers);
  ``<!-- docs-test: validate KIND -->`` validates the block as a file of that kind.
- ``<!-- docs-test: ci [COMMAND=N ...] -->`` before a CI file (a GitHub Actions workflow or
  a ``.gitlab-ci.yml``): its shell lines (each step's ``run``; each job's ``before_script``,
  ``script`` and ``after_script``) run in order as above, against the page's folder, which
  the page has made a git repository; ``csea COMMAND`` lines must exit N (``check=1`` when
  the example still has errors), other ``csea`` lines 0. Lines that install csea are not run
  here (the release test runs the documented installs).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from csea.cli import app
from csea.schemas import schema_model

DOCS = Path(__file__).resolve().parents[2] / "docs"
TODAY = "2026-11-20"
"""The date every documented command runs on (``CSEA_TODAY``), so results do not depend on the day."""

_FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^`]*)$")
_DIRECTIVE = re.compile(r"^<!-- docs-test: (?P<text>.+?) -->$")
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')
_SHELL_LANGS = {"sh", "bash", "console", "shell"}
_NOT_RUN = {"pip", "pipx", "python3", "python", "py", "check-jsonschema", "make"}
_SHELL_OPERATORS = {"|", ">", ">>", "<", "&&", "||", ";", "&"}


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: str
    line: int
    lang: str
    title: str | None
    directive: str | None
    text: str

    @property
    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"


def pages() -> list[str]:
    """Every hand-written page, relative to docs/, sorted."""
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


def blocks(page: str, docs: Path = DOCS) -> list[Block]:
    """The fenced code blocks of a page, in order, with the directive just before each."""
    lines = (docs / page).read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, info = match.group("indent"), match.group("info").strip()
        end = index + 1
        while lines[end].rstrip() != f"{indent}```":
            end += 1
        body = "\n".join(line[len(indent) :] for line in lines[index + 1 : end]) + "\n"
        found.append(
            Block(
                page=page,
                line=index + 1,
                lang=info.split(" ")[0].lower() if info else "",
                title=(t.group("title") if (t := _TITLE.search(info)) else None),
                directive=_directive_before(lines, index),
                text=body,
            )
        )
        index = end + 1
    return found


def _directive_before(lines: list[str], index: int) -> str | None:
    before = [line.strip() for line in lines[:index] if line.strip()]
    match = _DIRECTIVE.match(before[-1]) if before else None
    return match.group("text") if match else None


class PageRun:
    """Runs a page's blocks in a working directory."""

    def __init__(self, workdir: Path) -> None:
        self.cwd = workdir
        self.namespace: dict[str, Any] = {"__name__": "__docs__"}
        self.runner = CliRunner()
        self.commands: list[list[str]] = []
        self.commits = 0
        """Commits made so far: the n-th is dated ``TODAY`` minus 10 days plus n."""

    def run(self, block: Block) -> None:
        """Run one block; raise AssertionError with the block's location when it fails."""
        previous = Path.cwd()
        os.chdir(self.cwd)
        try:
            self._dispatch(block)
        finally:
            os.chdir(previous)

    def _dispatch(self, block: Block) -> None:
        if block.lang == "python":
            exec(compile(block.text, block.where, "exec"), self.namespace)
        elif block.lang in _SHELL_LANGS:
            self._shell(block)
        elif block.lang in {"yaml", "json"}:
            self._data(block)

    def _data(self, block: Block) -> None:
        directive = (block.directive or "").split()
        if directive[:1] == ["validate"]:
            model = schema_model(directive[1])
            model.model_validate(YAML(typ="safe", pure=True).load(block.text))
        if block.title is not None:
            (self.cwd / block.title).parent.mkdir(parents=True, exist_ok=True)
            (self.cwd / block.title).write_text(block.text, encoding="utf-8")
        if directive[:1] == ["merge"]:
            _merge_into(self.cwd / directive[1], block.text)
        if directive[:1] == ["ci"]:
            self._ci(block, dict(word.split("=") for word in directive[1:]))

    def _ci(self, block: Block, exits: dict[str, str]) -> None:
        lines = [line.strip() for line in _ci_lines(YAML(typ="safe", pure=True).load(block.text))]
        assert lines, f"{block.where}: a CI file with no commands"
        for line in (line for line in lines if line and not line.startswith("#")):
            words = shlex.split(line)
            if not _installs_csea(words):
                expected = int(exits.get(words[1], "0")) if words[0] == "csea" else 0
                self._command(block, words, expected)

    def _shell(self, block: Block) -> None:
        directive = (block.directive or "exit 0").split()
        if directive[0] == "install":
            return  # run in a fresh virtual environment by tests/test_release.py
        assert directive[0] == "exit", f"{block.where}: unknown directive {block.directive!r}"
        expected = int(directive[1])
        for line in _command_lines(block):
            self._command(block, shlex.split(line), expected)

    def _command(self, block: Block, words: list[str], expected: int) -> None:
        refused = _SHELL_OPERATORS.intersection(words)
        assert not refused, f"{block.where}: shell operators {refused} cannot be tested"
        if words[0] == "csea" or words[1:3] == ["-m", "csea"]:
            self._csea(block, words[1:] if words[0] == "csea" else words[3:], expected)
        elif words[0] == "mkdir":
            (self.cwd / words[-1]).mkdir(parents=True, exist_ok=True)
        elif words[0] == "cd":
            self.cwd = (self.cwd / words[1]).resolve()
            os.chdir(self.cwd)
        elif words[0] == "cp":
            shutil.copyfile(self.cwd / words[1], self.cwd / words[2])
        elif words[0] == "git":
            self._git(block, words[1:])
        else:
            assert words[0] in _NOT_RUN, (
                f"{block.where}: '{words[0]}' is not a command docs may show"
            )
            assert not _installs_csea(words), (
                f"{block.where}: a command that installs csea goes in a block marked"
                " <!-- docs-test: install -->, so the release test runs it"
            )

    def _csea(self, block: Block, args: list[str], expected: int) -> None:
        self.commands.append(args)
        env = {"CSEA_TODAY": TODAY, "CSEA_CATALOG": None, "COLUMNS": "100"}
        result = self.runner.invoke(app, args, env=env)
        assert result.exit_code == expected, (
            f"{block.where}: 'csea {shlex.join(args)}' exited {result.exit_code}, "
            f"expected {expected}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            + (f"\n--- exception\n{result.exception!r}" if result.exception else "")
        )

    def _git(self, block: Block, args: list[str]) -> None:
        day = dt.date.fromisoformat(TODAY) - dt.timedelta(days=10 - self.commits)
        when = f"{day.isoformat()}T09:00:00+00:00"
        env = {**_GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        done = subprocess.run(
            ["git", *args], cwd=self.cwd, env=env, capture_output=True, text=True, check=False
        )
        self.commits += args[:1] == ["commit"]
        assert done.returncode == 0, (
            f"{block.where}: 'git {shlex.join(args)}' exited {done.returncode}\n{done.stderr}"
        )


_GIT_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "HOME": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Ana Analyst",
    "GIT_AUTHOR_EMAIL": "ana@example.invalid",
    "GIT_COMMITTER_NAME": "Ana Analyst",
    "GIT_COMMITTER_EMAIL": "ana@example.invalid",
}
"""What a documented ``git`` command runs with: a fixed author, no user configuration (each
commit is dated a day after the one before, ten days before ``TODAY`` for the first)."""


def _ci_lines(pipeline: dict[str, Any]) -> list[str]:
    """Every shell line of a GitHub Actions workflow or a GitLab CI file, in order."""
    scripts: list[str] = []
    for name, job in pipeline.items():
        if not isinstance(job, dict) or name == "variables":
            continue
        if name == "jobs":
            return [line for job in job.values() for step in job["steps"] for line in _run(step)]
        for key in ("before_script", "script", "after_script"):
            scripts += [line for item in job.get(key, []) for line in item.splitlines()]
    return scripts


def _run(step: dict[str, Any]) -> list[str]:
    return str(step.get("run", "")).splitlines()


def _installs_csea(words: list[str]) -> bool:
    return "install" in words and any("csea" in word for word in words)


def _command_lines(block: Block) -> list[str]:
    lines = [line.strip() for line in block.text.splitlines()]
    if block.lang == "console":
        return [line[2:] for line in lines if line.startswith("$ ")]
    return [line for line in lines if line and not line.startswith("#")]


def _merge_into(path: Path, fragment: str) -> None:
    """Replace the answers the fragment gives, in place, as a person editing the file would."""
    text = path.read_text(encoding="utf-8")
    for key, body in _answer_bodies(fragment).items():
        answer = re.compile(rf"^  {re.escape(key)}:\n(?:    .*\n)*", re.MULTILINE)
        found = answer.search(text)
        assert found, f"{path.name} has no answer for {key} to fill in"
        text = text[: found.start()] + f"  {key}:\n{body}" + text[found.end() :]
    path.write_text(text, encoding="utf-8")


def _answer_bodies(fragment: str) -> dict[str, str]:
    """``answers:`` fragment -> obligation id -> the answer's lines (indented by four spaces)."""
    bodies: dict[str, str] = {}
    current = ""
    for line in fragment.splitlines(keepends=True):
        if re.match(r"^  [A-Z]+-[0-9]+:\s*$", line):
            current = line.strip().rstrip(":")
            bodies[current] = ""
        elif line.startswith("    ") and current:
            bodies[current] += line
    return bodies
