"""Each view renders itself in every format of its menu; the CLI only writes the parts out."""

from __future__ import annotations

import pytest
from rich.table import Table

from csea.evaluation.files import AssessedService
from csea.models import Catalog
from csea.render.report import ReportFormat, ReportView, render_report
from csea.render.tabular import TableView, Tabular
from csea.render.view import Line, Styled, TableFormat, as_text
from csea.report.build import build_report


@pytest.mark.parametrize("fmt", list(ReportFormat), ids=str)
def test_the_report_view_writes_the_same_text_as_render_report(
    catalog: Catalog, pebble: AssessedService, fmt: ReportFormat
) -> None:
    document = build_report(catalog, [pebble])
    assert as_text(ReportView(document).render(fmt)) == render_report(document, fmt)


def test_the_terminal_report_is_styled_for_a_terminal(
    catalog: Catalog, pebble: AssessedService
) -> None:
    [part] = ReportView(build_report(catalog, [pebble])).render(ReportFormat.TERMINAL)
    assert isinstance(part, Styled)


def test_a_table_view_renders_each_format() -> None:
    table = Tabular("T", [("a", "A")], [{"a": "x"}])
    parts = {fmt: TableView(table).render(fmt) for fmt in TableFormat}
    assert (
        isinstance(parts[TableFormat.TABLE][0], Table),
        parts[TableFormat.JSON],
        parts[TableFormat.CSV],
    ) == (True, ['[\n  {\n    "a": "x"\n  }\n]\n'], ["a\nx\n"])


def test_console_lines_cannot_be_written_to_a_file() -> None:
    with pytest.raises(TypeError, match="only exact or styled text"):
        as_text(["text\n", Line("a message")])
