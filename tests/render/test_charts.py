"""Chart geometry: segments fill each bar in status order, empty rows draw no segment."""

from __future__ import annotations

from csea.models import Status
from csea.render.charts import Segment, scorecard_chart, status_strip
from csea.report.document import Headline, Scorecard


def card(title: str, **counts: int) -> Scorecard:
    every = {s: counts.get(s.value, 0) for s in Status}
    return Scorecard(
        id=title.lower(),
        title=title,
        short_title=title,
        applicable=sum(every.values()),
        counts=every,
        score=None,
        legal_duties_unmet=0,
    )


def test_segments_fill_the_bar_in_status_order() -> None:
    chart = scorecard_chart("t", [card("A", implemented=1, not_assessed=3)], with_force=False)
    [bar] = chart.bars
    assert [(s.status, s.count, s.x, s.width) for s in bar.segments] == [
        (Status.IMPLEMENTED, 1, 0, 170.0),
        (Status.NOT_ASSESSED, 3, 170.0, 510.0),
    ]
    assert sum(s.width for s in bar.segments) == chart.bar_width


def test_pillar_labels_sit_above_the_bars_and_rows_stack_down() -> None:
    chart = scorecard_chart("t", [card("A", partial=2), card("B")], with_force=False)
    assert [(b.label, b.sublabel, b.label_y, b.y, len(b.segments)) for b in chart.bars] == [
        ("A", "2 applicable", 17, 24, 1),
        ("B", "0 applicable", 63, 70, 0),
    ]
    assert (chart.bar_x, chart.bar_width, chart.height) == (0, 680, 90)


def test_source_labels_sit_beside_the_bars() -> None:
    chart = scorecard_chart("t", [card("A", implemented=2)], with_force=True)
    [bar] = chart.bars
    assert (chart.bar_x, chart.bar_width, bar.segments[0].x, bar.sublabel_x) == (200, 480, 200, 0)


def test_status_strip_is_in_percent() -> None:
    headline = Headline(
        title="All",
        applicable=4,
        counts={
            s: (3 if s is Status.IMPLEMENTED else 1 if s is Status.PLANNED else 0) for s in Status
        },
        score=75.0,
        legal_duties_unmet=0,
        gaps=1,
        findings={},
    )
    assert status_strip(headline) == [
        Segment(Status.IMPLEMENTED, 3, 0.0, 75.0, "All: Implemented 3 of 4"),
        Segment(Status.PLANNED, 1, 75.0, 25.0, "All: Planned 1 of 4"),
    ]
