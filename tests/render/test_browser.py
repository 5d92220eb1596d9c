"""The HTML report in a real browser: headless Chromium (Debian's package, ``make system``).

It must load from disk with no console error and no network request, show the headline
and every pillar, print to PDF, and never run script smuggled into user-written text.
A screenshot is left in the test's temporary directory. These tests fail (never skip)
when Chromium is missing: install it with ``make system``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request
from typer.testing import CliRunner

from csea.cli import app
from tests.render.printed import read_pdf
from tests.report.conftest import CATALOG_DIR, PILLAR_TITLES

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMAGE = "<img src=x onerror=\"window.__pwned = 'img'\">"
SVG = '"><svg onload="window.__pwned = \'svg\'">'

HOSTILE: dict[str, Any] = {
    "catalog": {"id": "fixture", "version": "2026.11"},
    "profile": {
        "organisation": f"Hostile {SVG} Ltd",
        "service": f"Pebble {SCRIPT}",
        "description": IMAGE,
        "kinds": ["user_to_user"],
        "features": ["image_upload", "link_sharing"],
        "users": {"GB": 1200000, "EU": 10000},
        "established_in": ["GB"],
        "children_likely": True,
    },
    "assessed_by": SCRIPT,
    "assessed_on": "2026-11-20",
    "answers": {
        "BLOCK-01": {
            "status": "implemented",
            "owner": IMAGE,
            "evidence": [
                {
                    "title": f"Design doc {SCRIPT}",
                    "url": "https://wiki.example.invalid/a?x=<script>",
                    "collected": "2026-10-02",
                },
                {"title": f"Contract {IMAGE}", "path": SVG, "collected": "2026-10-02"},
            ],
            "notes": f"Notes {SCRIPT} and {IMAGE}",
        },
        "GROOM-02": {"status": "not_implemented", "accepted_by": SVG},
        "TRANS-01": {"status": "not_applicable", "justification": f"Because {SCRIPT}"},
    },
}
"""An assessment (JSON is YAML) with script in every field a person writes."""


def write_report(tmp_path: Path, assessment: dict[str, Any], *options: str) -> Path:
    source = tmp_path / "assessment.yaml"
    source.write_text(json.dumps(assessment, indent=2), encoding="utf-8")
    target = tmp_path / "report.html"
    args = ["report", str(source), "--catalog", str(CATALOG_DIR), "--as-of", "2026-12-01"]
    result = CliRunner().invoke(app, [*args, "--format", "html", "-o", str(target), *options])
    assert result.exit_code == 0, result.stderr
    return target


class Watched:
    """A page with its console errors and every request it made."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(message.text)

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)


def open_report(browser: BrowserContext, path: Path) -> Watched:
    watched = Watched(browser.new_page())
    watched.page.goto(path.as_uri(), wait_until="load")
    return watched


def test_fixture_report_loads_cleanly_and_shows_headline_and_pillars(
    browser: BrowserContext, tmp_path: Path
) -> None:
    report = tmp_path / "fixture.html"
    CliRunner().invoke(
        app,
        [
            "report",
            str(CATALOG_DIR.parent / "assessment.yaml"),
            "--catalog",
            str(CATALOG_DIR),
            "--as-of",
            "2026-12-01",
            "--format",
            "html",
            "-o",
            str(report),
        ],
    )
    watched = open_report(browser, report)
    page = watched.page
    headline = page.locator("section.briefing h2")
    pillars = page.locator("section.pillars table.scorecard tbody th")
    assert headline.is_visible()
    assert headline.inner_text() == "Summary for leadership"
    assert page.locator(".kpi.score .value").inner_text() == "47.5%"
    assert pillars.all_inner_texts() == PILLAR_TITLES
    assert all(p.is_visible() for p in pillars.all())
    chart_rows = page.locator("section.pillars svg .bar-label").all_text_contents()
    assert chart_rows == PILLAR_TITLES
    page.screenshot(path=tmp_path / "report.png", full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert (watched.errors, [u for u in watched.requests if not u.startswith("file:")]) == ([], [])


def test_hostile_text_in_the_page_margins_prints_as_text(
    browser: BrowserContext, tmp_path: Path
) -> None:
    options = ("--classification", 'Secret"; } body { display: none')
    watched = open_report(browser, write_report(tmp_path, HOSTILE, *options))
    watched.page.emulate_media(media="print")
    assert watched.page.locator("section.briefing h2").is_visible()
    watched.page.pdf(path=tmp_path / "report.pdf", prefer_css_page_size=True)
    _, pages = read_pdf(tmp_path / "report.pdf")
    assert (pages[0].header, "Summary for leadership" in pages[0].flow) == (
        f"Pebble {SCRIPT} · 2026-12-01 " + 'SECRET"; } BODY { DISPLAY: NONE',
        True,
    )


@pytest.mark.parametrize("redact", [False, True], ids=["plain", "redacted"])
def test_script_in_user_text_never_runs(
    browser: BrowserContext, tmp_path: Path, redact: bool
) -> None:
    options = ["--redact"] if redact else []
    watched = open_report(browser, write_report(tmp_path, HOSTILE, *options))
    page = watched.page
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script, img, iframe, object, embed").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    assert page.locator("h1").first.inner_text() == f"Pebble {SCRIPT}"
    assert page.locator("section.briefing h2").is_visible()
    page.screenshot(path=tmp_path / "hostile.png", full_page=True)
    assert watched.errors == []


def test_hostile_text_is_shown_as_text(browser: BrowserContext, tmp_path: Path) -> None:
    page = open_report(browser, write_report(tmp_path, HOSTILE)).page
    notes = page.locator(".obligation .text").first.inner_text()
    evidence = page.locator(".evidence li").all_inner_texts()
    assert notes == f"Notes. Notes {SCRIPT} and {IMAGE}"
    assert [e.split(" collected ")[0] for e in evidence] == [
        f"Design doc {SCRIPT} https://wiki.example.invalid/a?x=<script>",
        f"Contract {IMAGE} {SVG}",
    ]
