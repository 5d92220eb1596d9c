"""Bar charts for the HTML report, computed here and only drawn by the template.

Each chart is a stacked horizontal bar per row (a pillar or a source): one segment per
status, as wide as its share of the row's applicable obligations, and the score at the
end. Pillar titles are long, so their label sits above the bar; source short titles
fit beside it, which keeps a chart of twenty sources compact. Coordinates are rounded
so the SVG is the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from csea.models import Status
from csea.render.wording import label, score_text
from csea.report.document import Scorecard

__all__ = ["Bar", "BarChart", "Layout", "Segment", "scorecard_chart", "status_strip"]

_WIDTH = 760
_SCORE_WIDTH = 100
_BAR_HEIGHT = 16
_TOP = 4


@dataclass(frozen=True)
class Layout:
    """Where labels go: above each bar, or in a column beside it."""

    label_width: int
    """Width of the label column (0: labels above the bars)."""
    row_height: int
    """Height of one row."""
    bar_offset: int
    """From the top of a row to the top of its bar."""
    label_offset: int
    """From the top of a row to the baseline of its label."""
    sublabel_offset: int
    """From the top of a row to the baseline of its sublabel (the same line when above)."""


ABOVE = Layout(label_width=0, row_height=46, bar_offset=20, label_offset=13, sublabel_offset=13)
"""Label and sublabel on one line above the bar (long pillar titles)."""
BESIDE = Layout(label_width=200, row_height=36, bar_offset=4, label_offset=12, sublabel_offset=26)
"""Label and sublabel stacked in a column left of the bar (short source titles)."""


@dataclass(frozen=True)
class Segment:
    """One status's part of a bar."""

    status: Status
    count: int
    x: float
    width: float
    tooltip: str


@dataclass(frozen=True)
class Bar:
    """One row of a chart."""

    label: str
    sublabel: str
    label_y: float
    sublabel_x: float | None
    sublabel_y: float
    y: float
    text_y: float
    segments: list[Segment]
    score: str
    applicable: int


@dataclass(frozen=True)
class BarChart:
    """A whole chart: its size, its rows and a description for screen readers."""

    title: str
    description: str
    width: int
    height: int
    bar_x: int
    bar_width: int
    bar_height: int
    score_x: int
    bars: list[Bar]


def _segments(counts: dict[Status, int], x0: float, width: float, name: str) -> list[Segment]:
    total = sum(counts.values())
    segments, x = [], x0
    for status in Status:
        count = counts.get(status, 0)
        if not count:
            continue
        share = round(width * count / total, 2)
        tooltip = f"{name}: {label(status)} {count} of {total}"
        segments.append(Segment(status, count, round(x, 2), share, tooltip))
        x += share
    return segments


def _bar(row: Scorecard, top: int, layout: Layout, *, with_force: bool) -> Bar:
    bar_width = _WIDTH - _SCORE_WIDTH - layout.label_width
    y = top + layout.bar_offset
    return Bar(
        label=row.short_title if with_force else row.title,
        sublabel=label(row.force) if with_force else f"{row.applicable} applicable",
        label_y=top + layout.label_offset,
        sublabel_x=0 if layout.label_width else None,
        sublabel_y=top + layout.sublabel_offset,
        y=y,
        text_y=y + _BAR_HEIGHT / 2,
        segments=_segments(row.counts, layout.label_width, bar_width, row.title),
        score=score_text(row.weighted_score),
        applicable=row.applicable,
    )


def scorecard_chart(title: str, rows: list[Scorecard], *, with_force: bool) -> BarChart:
    """A stacked bar per pillar (label above) or per source (label beside), with its score."""
    layout = BESIDE if with_force else ABOVE
    bars = [
        _bar(row, _TOP + index * layout.row_height, layout, with_force=with_force)
        for index, row in enumerate(rows)
    ]
    last = bars[-1].y + _BAR_HEIGHT if bars else 0
    return BarChart(
        title=title,
        description="; ".join(f"{b.label}: weighted score {b.score}" for b in bars),
        width=_WIDTH,
        height=int(last) + _TOP,
        bar_x=layout.label_width,
        bar_width=_WIDTH - _SCORE_WIDTH - layout.label_width,
        bar_height=_BAR_HEIGHT,
        score_x=_WIDTH,
        bars=bars,
    )


def status_strip(counts: dict[Status, int], name: str, width: int = _WIDTH) -> list[Segment]:
    """One full-width bar of statuses (x and width in percent of ``width``)."""
    return [
        Segment(
            s.status,
            s.count,
            round(100 * s.x / width, 2),
            round(100 * s.width / width, 2),
            s.tooltip,
        )
        for s in _segments(counts, 0, width, name)
    ]
