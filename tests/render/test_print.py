"""The Vidora report printed to A4 by Chromium, read back with pdfinfo and pdftotext.

Page one holds the summary for leadership, the top gaps and the standing against each
regulator; every page carries the running header (service, date, classification) and its
number; no page is less than a third full except the last; nothing runs past the right
margin; no heading is left alone at the foot of a page. ``CSEA_UPDATE_GOLDEN=1`` also
refreshes the picture of page one in the documentation (``docs/assets/report-page-one.png``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext
from typer.testing import CliRunner

from csea.catalog.loader import load_catalog
from csea.cli import app
from csea.evaluation.files import assess_files
from csea.models import RegulatorKind
from csea.render.wording import TOP_GAPS, summary_sentence
from csea.report.build import build_report
from csea.report.document import ServiceReport
from tests.render.printed import PrintedPage, read_pdf

ROOT = Path(__file__).resolve().parents[2]
VIDORA = ROOT / "examples" / "vidora" / "assessment.yaml"
AS_OF = "2026-11-28"
PICTURE = ROOT / "docs" / "assets" / "report-page-one.png"


@dataclass(frozen=True)
class Printed:
    """The printed report, the document it came from, and its HTML headings."""

    info: str
    pages: list[PrintedPage]
    report: ServiceReport
    headings: set[str]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(browser: BrowserContext, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    folder = tmp_path_factory.mktemp("print")
    html, pdf = folder / "vidora.html", folder / "vidora.pdf"
    args = ["report", str(VIDORA), "--as-of", AS_OF, "--format", "html", "-o", str(html)]
    assert CliRunner().invoke(app, args).exit_code == 0
    page = browser.new_page()
    page.goto(html.as_uri(), wait_until="load")
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
    page.close()
    if os.environ.get("CSEA_UPDATE_GOLDEN") == "1":
        PICTURE.parent.mkdir(exist_ok=True)
        stem = str(PICTURE.with_suffix(""))
        command = ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*command, str(pdf), stem], check=True)
    info, pages = read_pdf(pdf)
    catalog = load_catalog()
    services = assess_files(catalog, [VIDORA], as_of=dt.date.fromisoformat(AS_OF))
    [report] = build_report(catalog, services).reports
    headings = {
        _words(re.sub(r"<[^>]+>", "", h)).lower()
        for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html.read_text(encoding="utf-8"), re.S)
    }
    return Printed(info, pages, report, headings)


def test_it_prints_on_a4(printed: Printed) -> None:
    sizes = re.findall(r"Page size:\s+(.*)", printed.info)
    pages = int(re.findall(r"Pages:\s+(\d+)", printed.info)[0])
    assert (sizes, pages) == (["594.96 x 841.92 pts (A4)"], len(printed.pages))


def test_page_one_tells_the_story(printed: Printed) -> None:
    report = printed.report
    one = printed.pages[0].flow
    wanted = [
        "Summary for leadership",
        summary_sentence(report),
        *(item.title for item in report.briefing.legal_duties_unmet),
        *(gap.title for gap in report.gaps[:TOP_GAPS]),
        *(c.name for c in report.regulators if c.kind is not RegulatorKind.INDUSTRY),
    ]
    assert [w for w in wanted if _words(w) not in one] == []


def test_every_page_carries_the_running_header_and_its_number(printed: Printed) -> None:
    total = len(printed.pages)
    assert [(p.header, p.footer) for p in printed.pages] == [
        (
            f"Vidora · {AS_OF} CONFIDENTIAL",
            f"Child-safety self-assessment, made with csea Page {p.number} of {total}",
        )
        for p in printed.pages
    ]


def test_no_page_is_less_than_a_third_full_but_the_last(printed: Printed) -> None:
    thin = [(p.number, round(p.fullness, 2)) for p in printed.pages[:-1] if p.fullness < 1 / 3]
    assert thin == []


def test_nothing_runs_past_the_right_margin(printed: Printed) -> None:
    assert [(p.number, p.overflowing) for p in printed.pages if p.overflowing] == []


def test_no_heading_is_left_at_the_foot_of_a_page(printed: Printed) -> None:
    stranded = [
        (p.number, p.lines[-1]) for p in printed.pages if p.lines[-1].lower() in printed.headings
    ]
    assert stranded == []
