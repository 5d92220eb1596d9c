"""The CLI reference cannot drift: it is ``--help`` itself, every command is in it and in a tested example."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from csea.cli import app
from csea.site.cli_reference import (
    UnknownCommandError,
    command_paths,
    expand_help_markers,
    help_text,
    marked_paths,
)
from tests.docs.blocks import DOCS, PageRun, blocks, pages

GOLDEN = Path(__file__).parent / "golden" / "cli-help.txt"
UPDATE = os.environ.get("CSEA_UPDATE_GOLDEN") == "1"


def all_help() -> str:
    return "".join(
        f"$ {shlex.join(['csea', *path, '--help'])}\n{help_text(app, path)}\n"
        for path in command_paths(app)
    )


def golden(text: str) -> str:
    """The golden file's text; with CSEA_UPDATE_GOLDEN=1, first rewritten with ``text``."""
    if UPDATE:
        GOLDEN.write_text(text, encoding="utf-8")
    return GOLDEN.read_text(encoding="utf-8")


def test_help_matches_golden_file() -> None:
    """Refresh with CSEA_UPDATE_GOLDEN=1 after changing a command on purpose, and review the diff."""
    text = all_help()
    assert text == golden(text)


def test_every_command_has_exactly_one_marker_in_the_reference() -> None:
    marked = marked_paths((DOCS / "reference" / "cli.md").read_text(encoding="utf-8"))
    assert sorted(marked) == sorted(command_paths(app))


def test_every_command_has_a_tested_example() -> None:
    shown = {
        tuple(shlex.split(line)[1:])
        for page in pages()
        for block in blocks(page)
        if block.lang == "sh"
        for line in block.text.splitlines()
        if line.startswith("csea ")
    }
    leaves = [p for p in command_paths(app) if p and not _is_group(p)]
    missing = [" ".join(p) for p in leaves if not any(s[: len(p)] == p for s in shown)]
    assert missing == []


def _is_group(path: tuple[str, ...]) -> bool:
    return any(
        other[: len(path)] == path and len(other) > len(path) for other in command_paths(app)
    )


def test_command_paths_start_with_the_root_and_groups_before_their_commands() -> None:
    paths = command_paths(app)
    assert paths[0] == ()
    assert paths.index(("catalog",)) < paths.index(("catalog", "list"))


def test_help_text_is_plain_and_fixed_width() -> None:
    text = help_text(app, ("catalog", "show"))
    assert "\x1b[" not in text
    assert text.startswith(" Usage: csea catalog show [OPTIONS] {ID}\n")
    assert max(len(line) for line in text.splitlines()) == 80


def test_markers_expand_to_help_in_a_text_block() -> None:
    page = "Intro\n\n<!-- csea-help: schema -->\n\nInline `<!-- csea-help: schema -->` stays.\n"
    assert expand_help_markers(page, app) == (
        "Intro\n\n```text\n"
        + help_text(app, ("schema",))
        + "```\n\nInline `<!-- csea-help: schema -->` stays.\n"
    )


def test_a_marker_for_an_unknown_command_stops_the_build() -> None:
    with pytest.raises(
        UnknownCommandError, match="'csea catalog frobnicate' is not a csea command"
    ):
        expand_help_markers("<!-- csea-help: catalog frobnicate -->\n", app)


def test_harness_refuses_commands_it_cannot_run(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("```sh\nrm -rf build\n```\n", encoding="utf-8")
    block = blocks("page.md", docs=tmp_path)[0]
    with pytest.raises(AssertionError, match="'rm' is not a command docs may show"):
        PageRun(tmp_path).run(block)


def test_harness_checks_exit_codes(tmp_path: Path) -> None:
    page = "<!-- docs-test: exit 2 -->\n```sh\ncsea catalog show NOPE-01\n```\n```sh\ncsea catalog show NOPE-01\n```\n"
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    expected_failure, unexpected_failure = blocks("page.md", docs=tmp_path)
    run = PageRun(tmp_path)
    run.run(expected_failure)
    with pytest.raises(AssertionError, match="exited 2, expected 0"):
        run.run(unexpected_failure)
