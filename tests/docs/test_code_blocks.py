"""Every code block in the docs runs: Python is executed, ``csea`` commands run with their exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.docs.blocks import PageRun, blocks, pages

QUICKSTART = "quickstart.md"
OTHER_PAGES = [p for p in pages() if p != QUICKSTART]


def run_page(page: str, workdir: Path) -> PageRun:
    run = PageRun(workdir)
    for block in blocks(page):
        run.run(block)
    return run


@pytest.fixture(scope="session")
def quickstart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder a reader ends in after following the quickstart, every command run."""
    return run_page(QUICKSTART, tmp_path_factory.mktemp("quickstart")).cwd


def test_the_docs_have_pages_and_blocks() -> None:
    assert QUICKSTART in pages()
    assert len(OTHER_PAGES) >= 15
    assert sum(len(blocks(p)) for p in pages()) >= 40


def test_quickstart_reaches_a_report(quickstart_dir: Path) -> None:
    assert sorted(p.name for p in quickstart_dir.iterdir()) == [
        "assessment.yaml",
        "profile.yaml",
        "report-shareable.html",
        "report.csv",
        "report.html",
        "report.md",
    ]
    assert "<html" in (quickstart_dir / "report.html").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("page", OTHER_PAGES, ids=OTHER_PAGES)
def test_page_blocks_run(page: str, quickstart_dir: Path, tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    shutil.copytree(quickstart_dir, workdir)
    run_page(page, workdir)
