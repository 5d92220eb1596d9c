"""The terminal report's first part: the summary for leadership and the scorecard by regulator.

The same story as the HTML report's first page, in the same words
([csea.render.wording][]), as rich text and tables; and the table helper every part
of the terminal report shares.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from csea.models import RegulatorKind, Status
from csea.models.evaluation import FindingLevel
from csea.render.escape import terminal
from csea.render.wording import (
    DASH,
    DECISIONS,
    INDUSTRY_NOTE,
    PAGE_ONE_ITEMS,
    TOP_GAPS,
    decision_detail,
    duties_text,
    label,
    regulator_duties,
    regulator_sections,
    score_text,
    scores_line,
    short_label,
    summary_sentence,
    trend_sentence,
)
from csea.report.document import DecisionItem, RegulatorCard, Scorecard, ServiceReport

__all__ = ["STYLE", "briefing_renderables", "regulator_tables", "status_text", "table"]

_NO_WRAP = frozenset({"#", "Obligation", "Force", "Due", "Evid.", "Level", "Line"})
"""Short columns that keep each value on one line, leaving the room to titles."""

_WIDTH = {"Title": 30, "Owner": 16, "Status": 16, "Why it ranks here": 34}
"""Fixed widths of wrapping columns, so long titles wrap the same way on every machine."""

STYLE = {
    Status.IMPLEMENTED: "green",
    Status.PARTIAL: "yellow",
    Status.PLANNED: "blue",
    Status.NOT_IMPLEMENTED: "red",
    Status.NOT_APPLICABLE: "dim",
    Status.NOT_ASSESSED: "magenta",
    FindingLevel.ERROR: "bold red",
    FindingLevel.WARNING: "yellow",
    FindingLevel.INFO: "dim",
}
"""The colour of each status and finding level in a terminal."""


def table(title: str, headers: list[str], numeric: int = 0) -> Table:
    """A table; the last ``numeric`` columns are right-aligned and never wrapped."""
    result = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)
    for index, header in enumerate(headers):
        if index >= len(headers) - numeric:
            result.add_column(header, justify="right", no_wrap=True)
        elif header in _NO_WRAP:
            result.add_column(header, no_wrap=True)
        else:
            result.add_column(header, width=_WIDTH.get(header), overflow="fold")
    return result


def status_text(status: Status) -> Text:
    """A status's label in its colour."""
    return Text(label(status), style=STYLE[status])


def briefing_renderables(report: ServiceReport) -> Iterator[RenderableType]:
    """The summary for leadership: sentence, scores, decisions, top gaps, trend, regulators."""
    headline, brief = report.headline, report.briefing
    text = Text()
    text.append("Summary for leadership\n", style="bold")
    text.append_text(terminal(summary_sentence(report) + "\n"))
    text.append(f"Score: {scores_line(headline.weighted_score, headline.score)}. ")
    text.append(f"Gaps: {headline.gaps} of {headline.applicable} applicable.")
    for field, heading, none_text, always in DECISIONS:
        items: list[DecisionItem] = getattr(brief, field)
        if items or always:
            text.append(f"\n\n{heading} ({len(items)})", style="bold")
            text.append_text(_items(items, field) if items else Text(f"\n{none_text}"))
    yield Padding(text, (1, 0, 1, 0))
    if report.gaps:
        yield _top_gaps(report)
    yield Padding(terminal(f"Trend: {trend_sentence(brief.trend)}"), (0, 0, 1, 0))
    yield _standing(report)


def _items(items: list[DecisionItem], field: str) -> Text:
    text = Text()
    for item in items[:PAGE_ONE_ITEMS]:
        text.append_text(terminal(f"\n- {item.title} ({item.obligation_id})"))
        text.append_text(terminal(f"\n  {decision_detail(item, field)}", style="dim"))
    if len(items) > PAGE_ONE_ITEMS:
        text.append(f"\n- and {len(items) - PAGE_ONE_ITEMS} more (see the gaps)")
    return text


def _top_gaps(report: ServiceReport) -> Table:
    result = table("Top gaps, ranked", ["#", "Title", "Why it ranks here", "Owner"])
    for gap in report.gaps[:TOP_GAPS]:
        result.add_row(
            str(gap.rank), f"{gap.title} ({gap.obligation_id})", gap.reason, gap.owner or DASH
        )
    return result


def _standing(report: ServiceReport) -> Table:
    headers = ["Regulator", "Applicable", "Implemented", "Legal unmet", "Score", "Unweighted"]
    result = table("Standing by regulator", headers, numeric=5)
    for card in report.regulators:
        if card.kind is not RegulatorKind.INDUSTRY:
            result.add_row(
                card.name,
                str(card.applicable),
                str(card.counts[Status.IMPLEMENTED]),
                regulator_duties(card),
                score_text(card.weighted_score),
                score_text(card.score),
            )
    if report.briefing.not_binding:
        names = ", ".join(report.briefing.not_binding)
        result.caption = f"Regulators with nothing that applies to this service on {report.summary.as_of}: {names}.\n"
        result.caption_justify = "left"
    return result


def regulator_tables(report: ServiceReport) -> Iterator[RenderableType]:
    """The scorecard by regulator with its sources; industry apart, not scored for duty."""
    sources = {s.id: s for s in report.sources}
    for title, industry, cards in regulator_sections(report.regulators):
        headers = ["Regulator and its sources", *(short_label(s) for s in Status)]
        headers += [] if industry else ["Legal unmet"]
        result = table(title, [*headers, "Score"], numeric=len(headers))
        result.columns[0].min_width = 24
        for card in cards:
            _add(result, terminal(card.name, style="bold"), card, regulator_duties(card), industry)
            for source_id in card.sources:
                row = sources[source_id]
                name = terminal(f"  {row.short_title}")
                name.append(f"\n  {label(row.force).lower()}", style="dim")
                _add(result, name, row, duties_text(row.legal_duties_unmet), industry)
        if industry:
            result.caption = INDUSTRY_NOTE + "\n"
            result.caption_justify = "left"
        yield result


def _add(
    result: Table, name: Text, row: RegulatorCard | Scorecard, duties: str, industry: bool
) -> None:
    cells: list[Text | str] = [name, *(str(row.counts[s]) for s in Status)]
    cells += [] if industry else [duties]
    result.add_row(*cells, score_text(row.weighted_score))
