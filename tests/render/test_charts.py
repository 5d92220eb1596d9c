"""Chart geometry: bars, the heat map, the traffic lights, the burn-down and the trend."""

from __future__ import annotations

import datetime as dt

import pytest

from csea.models import RegulatorKind, Status
from csea.render.charts import Segment, scorecard_chart, status_strip
from csea.render.heatmap import heat_map, light_of, traffic_lights
from csea.render.timeline import burn_down, trend_chart
from csea.report.document import (
    DutyLight,
    GapEntry,
    PillarCell,
    RegulatorCard,
    Scorecard,
    Standing,
    TrendPoint,
)


def card(title: str, **counts: int) -> Scorecard:
    every = {s: counts.get(s.value, 0) for s in Status}
    return Scorecard(
        id=title.lower(),
        title=title,
        short_title=title,
        applicable=sum(every.values()),
        counts=every,
        score=None,
        weighted_score=None,
        legal_duties_unmet=0,
    )


def test_segments_fill_the_bar_in_status_order() -> None:
    chart = scorecard_chart("t", [card("A", implemented=1, not_assessed=3)], with_force=False)
    [bar] = chart.bars
    assert [(s.status, s.count, s.x, s.width) for s in bar.segments] == [
        (Status.IMPLEMENTED, 1, 0, 165.0),
        (Status.NOT_ASSESSED, 3, 165.0, 495.0),
    ]
    assert sum(s.width for s in bar.segments) == chart.bar_width


def test_pillar_labels_sit_above_the_bars_and_rows_stack_down() -> None:
    chart = scorecard_chart("t", [card("A", partial=2), card("B")], with_force=False)
    assert [
        (b.label, b.sublabel, b.label_y, b.y, len(b.segments), b.score) for b in chart.bars
    ] == [
        ("A", "2 applicable", 17, 24, 1, "not measured"),
        ("B", "0 applicable", 63, 70, 0, "not measured"),
    ]
    assert (chart.bar_x, chart.bar_width, chart.height, chart.score_x) == (0, 660, 90, 760)


def test_source_labels_sit_beside_the_bars() -> None:
    chart = scorecard_chart("t", [card("A", implemented=2)], with_force=True)
    [bar] = chart.bars
    assert (chart.bar_x, chart.bar_width, bar.segments[0].x, bar.sublabel_x) == (200, 460, 200, 0)


def test_status_strip_is_in_percent() -> None:
    counts = {
        s: (3 if s is Status.IMPLEMENTED else 1 if s is Status.PLANNED else 0) for s in Status
    }
    assert status_strip(counts, "All") == [
        Segment(Status.IMPLEMENTED, 3, 0.0, 75.0, "All: Implemented 3 of 4"),
        Segment(Status.PLANNED, 1, 75.0, 25.0, "All: Planned 1 of 4"),
    ]


def regulator(reg_id: str, kind: RegulatorKind, *cells: tuple[int, int, Standing]) -> RegulatorCard:
    return RegulatorCard(
        id=reg_id,
        name=reg_id.title(),
        title=reg_id,
        kind=kind,
        sources=[],
        applicable=sum(c[0] for c in cells),
        counts=dict.fromkeys(Status, 0),
        score=50.0,
        weighted_score=62.5,
        legal_duties=None,
        legal_duties_unmet=None,
        pillars=[
            PillarCell(pillar=f"p{i}", applicable=a, implemented=n, standing=st)
            for i, (a, n, st) in enumerate(cells)
        ],
    )


PILLARS = [card("First pillar with a long title"), card("Second")]


def test_heat_map_rows_regulators_then_industry_after_a_rule() -> None:
    cards = [
        regulator(
            "tools", RegulatorKind.INDUSTRY, (1, 1, Standing.MET), (0, 0, Standing.NOT_APPLICABLE)
        ),
        regulator(
            "ofcom", RegulatorKind.AUTHORITY, (3, 1, Standing.PARTLY_MET), (2, 0, Standing.NOT_MET)
        ),
    ]
    chart = heat_map(cards, PILLARS)
    assert [(r.label, r.y, r.score) for r in chart.rows] == [
        ("Ofcom", 44.0, "62.5%"),
        ("Tools", 92.0, "62.5%"),
    ]
    assert (chart.rule_y, chart.header[0][1], chart.height) == (
        81.0,
        ["First pillar", "with a long", "title"],
        122,
    )
    assert [(c.x, c.width, c.standing, c.text) for c in chart.rows[1].cells] == [
        (224.0, 233.0, Standing.MET, "1/1"),
        (461.0, 233.0, Standing.NOT_APPLICABLE, "\u2013"),
    ]


@pytest.mark.parametrize(
    ("status", "colour"),
    [
        (Status.IMPLEMENTED, "green"),
        (Status.PARTIAL, "amber"),
        (Status.PLANNED, "amber"),
        (Status.NOT_IMPLEMENTED, "red"),
        (Status.NOT_ASSESSED, "red"),
        (Status.NOT_APPLICABLE, "grey"),
    ],
    ids=str,
)
def test_traffic_light_colours(status: Status, colour: str) -> None:
    assert light_of(status) == colour


def test_traffic_lights_have_a_column_per_regulator_that_imposes_a_duty() -> None:
    cards = [
        regulator("ofcom", RegulatorKind.AUTHORITY),
        regulator("vp", RegulatorKind.GOVERNMENTS),
        regulator("eu", RegulatorKind.AUTHORITY),
    ]
    duties = [
        DutyLight(obligation_id="A-01", title="A", status=Status.PARTIAL, regulators=["eu"]),
        DutyLight(
            obligation_id="A-02", title="B", status=Status.IMPLEMENTED, regulators=["ofcom", "eu"]
        ),
    ]
    columns, rows = traffic_lights(duties, cards)
    assert [c.id for c in columns] == ["ofcom", "eu"]
    assert [[light.colour for light in row.lights] for row in rows] == [
        [None, "amber"],
        ["green", "green"],
    ]


def gap(rank: int, due: dt.date | None, overdue: bool = False) -> GapEntry:
    return GapEntry(
        rank=rank,
        obligation_id=f"A-0{rank}",
        title="t",
        pillar="p",
        force=None,
        status=Status.PLANNED,
        due=due,
        overdue=overdue,
        reason="r",
    )


def test_burn_down_buckets_overdue_months_and_undated() -> None:
    gaps = [
        gap(1, dt.date(2026, 10, 31), overdue=True),
        gap(2, dt.date(2026, 12, 20)),
        gap(3, dt.date(2027, 2, 1)),
        gap(4, None),
    ]
    chart = burn_down(gaps, dt.date(2026, 12, 1))
    assert chart is not None
    assert [(c.label, c.count, c.remaining, c.kind) for c in chart.columns] == [
        ("Overdue", 1, 4, "late"),
        ("Dec 2026", 1, 3, "month"),
        ("Jan 2027", 0, 3, "month"),
        ("Feb 2027", 1, 2, "month"),
        ("No date", 1, 2, "undated"),
    ]
    assert burn_down([gap(1, None)], dt.date(2026, 12, 1)) is None


def point(day: dt.date, score: float | None, *, current: bool = False) -> TrendPoint:
    return TrendPoint(
        assessed_on=day,
        current=current,
        score=score,
        weighted_score=score,
        legal_duties_unmet=0,
        gaps=0,
    )


def test_trend_needs_two_assessments_and_draws_nothing_for_an_unmeasured_one() -> None:
    first = point(dt.date(2026, 1, 1), None)
    now = point(dt.date(2026, 7, 1), 50.0, current=True)
    assert trend_chart([now]) is None
    chart = trend_chart([first, now])
    assert chart is not None
    assert [(m.x, m.label, m.weighted_y, m.weighted) for m in chart.marks] == [
        (100.0, "2026-01-01", None, "not measured"),
        (700.0, "2026-07-01 (this one)", 89.0, "50.0%"),
    ]
    assert chart.weighted_line == "700.0,89.0"
