"""Format details: Markdown escaping, CSV rows and formula guard, JSON, HTML (JUnit: test_junit)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from csea.evaluation.files import AssessedService
from csea.models import Catalog
from csea.render.escape import css_string
from csea.render.escape import markdown as escape
from csea.render.report import ReportFormat, render_report
from csea.render.spreadsheet import COLUMNS
from csea.report.build import ReportOptions, build_report
from csea.report.document import ReportDocument
from csea.schemas import json_schema
from tests.report.conftest import EvaluationFactory, make_result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("a | b", r"a \| b"),
        ("<script>x</script>", r"\<script\>x\</script\>"),
        ("# not a heading", r"\# not a heading"),
        ("two\nlines", "two lines"),
        ("[link](http://x)", r"\[link\](http://x)"),
        ("T&S_team *bold*", r"T\&S\_team \*bold\*"),
    ],
    ids=["plain", "pipe", "html", "heading", "newline", "link", "emphasis"],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.fixture
def document(catalog: Catalog, pebble: AssessedService) -> ReportDocument:
    return build_report(catalog, [pebble])


def test_csv_has_one_row_per_applicable_obligation(document: ReportDocument) -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(document, ReportFormat.CSV))))
    assert [r["obligation_id"] for r in rows] == [
        "BLOCK-01",
        "BLOCK-02",
        "BLOCK-03",
        "GROOM-01",
        "GROOM-02",
        "TRANS-01",
        "TRANS-02",
    ]
    assert list(rows[0]) == list(COLUMNS)


@pytest.mark.parametrize(
    ("owner", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Trust & Safety", "Trust & Safety"),
    ],
    ids=["equals", "plus", "minus", "at", "plain"],
)
def test_csv_cells_never_run_as_formulas(
    catalog: Catalog, make_evaluation: EvaluationFactory, owner: str, cell: str
) -> None:
    evaluation = make_evaluation([make_result("BLOCK-01", owner=owner)])
    document = build_report(catalog, [AssessedService(evaluation)])
    [row] = csv.DictReader(io.StringIO(render_report(document, ReportFormat.CSV)))
    assert row["owner"] == cell


def test_json_is_the_report_document(document: ReportDocument) -> None:
    data = json.loads(render_report(document, ReportFormat.JSON))
    assert ReportDocument.model_validate(data) == document


def test_report_schema_is_strict() -> None:
    schema = json_schema("report")
    assert (schema["additionalProperties"], schema["required"]) == (
        False,
        ["view", "classification", "redacted", "catalog", "reports"],
    )


def test_html_is_self_contained(document: ReportDocument) -> None:
    html = render_report(document, ReportFormat.HTML)
    references = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", html)
    assert (references, "<script" in html, "@import" in html, "url(" in html) == (
        [],
        False,
        False,
        False,
    )


def test_html_escapes_user_text(catalog: Catalog, make_evaluation: EvaluationFactory) -> None:
    evaluation = make_evaluation([make_result("BLOCK-01", owner="<b onclick=x>Ops</b>")])
    html = render_report(build_report(catalog, [AssessedService(evaluation)]), ReportFormat.HTML)
    assert ("<b onclick" in html, "&lt;b onclick=x&gt;Ops&lt;/b&gt;" in html) == (False, True)


def test_html_draws_a_bar_per_pillar_and_a_heat_map_row_per_regulator(
    document: ReportDocument,
) -> None:
    html = render_report(document, ReportFormat.HTML)
    bars = re.findall(r'<tspan class="bar-label">([^<]*)</tspan>', html)
    rows = re.findall(r'<text class="row-label"[^>]*>([^<]*)</text>', html)
    assert (bars, rows) == (
        ["Block on detection", "Stop grooming", "Live-streaming", "Transparency"],
        ["Fixture Regulator", "Fixture Union", "Fixture governments", "Fixture tools"],
    )


def test_html_prints_the_classification_in_the_page_margins_as_a_css_string(
    catalog: Catalog, pebble: AssessedService
) -> None:
    options = ReportOptions(classification='Restricted "x" </style>')
    html = render_report(build_report(catalog, [pebble], options), ReportFormat.HTML)
    expected = r'content: "RESTRICTED \000022 X\000022  \00003c \00002f STYLE\00003e ";'
    assert (expected in html, html.count("</style>")) == (True, 1)


@pytest.mark.parametrize(
    ("text", "css"),
    [
        ("Vidora", '"Vidora"'),
        ("a · b", '"a \\0000b7  b"'),
        ('x"; }', '"x\\000022 \\00003b  \\00007d "'),
    ],
    ids=["plain", "non-ascii", "breakout"],
)
def test_css_string(text: str, css: str) -> None:
    assert css_string(text) == css
