"""Charts over time for the HTML report: gaps by due month (burn-down) and the score trend.

The burn-down puts each open gap in the month it is due (overdue ones first, undated ones
last) and draws the number still open if every plan lands on its date: it falls month by
month and never below the overdue and undated gaps. The trend draws the weighted and the
unweighted score of each assessment given, oldest first, on a scale of 0 to 100, so a
small move looks small. Coordinates are rounded so the SVG is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from csea.render.wording import date_text, score_text
from csea.report.document import GapEntry, TrendPoint

__all__ = ["BurnDown", "Column", "Trend", "TrendMark", "burn_down", "trend_chart"]

_WIDTH = 760
_LEFT = 40
_PLOT_TOP = 14
_PLOT_HEIGHT = 150
_AXIS = 34
_INSET = 60


@dataclass(frozen=True)
class Column:
    """One bucket of the burn-down: overdue, a month, or no due date."""

    label: str
    count: int
    x: float
    width: float
    y: float
    height: float
    remaining: int
    remaining_y: float
    kind: str
    """``late`` (overdue), ``month`` or ``undated`` (for colour)."""


@dataclass(frozen=True)
class BurnDown:
    """Gaps by due month, with the number still open after each."""

    width: int
    height: int
    left: int
    plot_bottom: float
    columns: list[Column]
    line: str
    """The remaining-open line as SVG polyline points."""
    ticks: list[tuple[float, int]]
    description: str


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, current = [], first
    while current <= last:
        months.append(current)
        current = dt.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def burn_down(gaps: list[GapEntry], as_of: dt.date) -> BurnDown | None:
    """The burn-down of the gaps, or None when no gap has a due date."""
    dated = [g for g in gaps if g.due is not None]
    if not dated:
        return None
    overdue = sum(1 for g in dated if g.overdue)
    future = [g.due for g in dated if not g.overdue and g.due is not None]
    months = _months(_month(as_of), _month(max(future))) if future else []
    buckets = [("Overdue", overdue, "late")]
    buckets += [
        (m.strftime("%b %Y"), sum(1 for d in future if _month(d) == m), "month") for m in months
    ]
    buckets.append(("No date", len(gaps) - len(dated), "undated"))
    return _draw(buckets, len(gaps))


def _draw(buckets: list[tuple[str, int, str]], total: int) -> BurnDown:
    scale = _PLOT_HEIGHT / max(total, 1)
    bottom = _PLOT_TOP + _PLOT_HEIGHT
    slot = (_WIDTH - _LEFT) / len(buckets)
    columns, remaining = [], total
    for index, (name, count, kind) in enumerate(buckets):
        if kind == "month":
            remaining -= count
        height = round(count * scale, 2)
        columns.append(
            Column(
                label=name,
                count=count,
                x=round(_LEFT + slot * index + slot * 0.2, 2),
                width=round(slot * 0.6, 2),
                y=round(bottom - height, 2),
                height=height,
                remaining=remaining,
                remaining_y=round(bottom - remaining * scale, 2),
                kind=kind,
            )
        )
    points = " ".join(f"{round(c.x + c.width / 2, 2)},{c.remaining_y}" for c in columns)
    step = max(1, -(-total // 4))
    ticks = [(round(bottom - v * scale, 2), v) for v in range(0, total + 1, step)]
    return BurnDown(
        width=_WIDTH,
        height=int(bottom) + _AXIS,
        left=_LEFT,
        plot_bottom=bottom,
        columns=columns,
        line=points,
        ticks=ticks,
        description="; ".join(f"{c.label}: {c.count} due, {c.remaining} open" for c in columns),
    )


@dataclass(frozen=True)
class TrendMark:
    """One assessment on the trend chart."""

    x: float
    label: str
    weighted_y: float | None
    weighted: str
    score_y: float | None
    score: str


@dataclass(frozen=True)
class Trend:
    """The score trend."""

    width: int
    height: int
    left: int
    plot_bottom: float
    marks: list[TrendMark]
    weighted_line: str
    score_line: str
    ticks: list[tuple[float, int]]
    description: str


def _y(score: float | None) -> float | None:
    return None if score is None else round(_PLOT_TOP + _PLOT_HEIGHT * (1 - score / 100), 2)


def trend_chart(points: list[TrendPoint]) -> Trend | None:
    """The trend over the assessments given, or None with fewer than two."""
    if len(points) < 2:
        return None
    slot = (_WIDTH - _LEFT - 2 * _INSET) / (len(points) - 1)
    marks = [
        TrendMark(
            x=round(_LEFT + _INSET + slot * index, 2),
            label=f"{date_text(p.assessed_on)} (this one)"
            if p.current
            else date_text(p.assessed_on),
            weighted_y=_y(p.weighted_score),
            weighted=score_text(p.weighted_score),
            score_y=_y(p.score),
            score=score_text(p.score),
        )
        for index, p in enumerate(points)
    ]
    return Trend(
        width=_WIDTH,
        height=_PLOT_TOP + _PLOT_HEIGHT + _AXIS,
        left=_LEFT,
        plot_bottom=_PLOT_TOP + _PLOT_HEIGHT,
        marks=marks,
        weighted_line=" ".join(f"{m.x},{m.weighted_y}" for m in marks if m.weighted_y is not None),
        score_line=" ".join(f"{m.x},{m.score_y}" for m in marks if m.score_y is not None),
        ticks=[(float(_y(v) or 0), v) for v in (0, 25, 50, 75, 100)],
        description="; ".join(
            f"{m.label}: weighted {m.weighted}, unweighted {m.score}" for m in marks
        ),
    )
