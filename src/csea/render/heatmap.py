"""The regulator x pillar heat map and the legal-duty traffic lights, computed for the template.

The heat map has a row per regulator and a column per pillar; each cell says how the
service stands on that regulator's obligations in that pillar (met, partly met, not met,
not assessed, or none applicable) and how many of them are implemented. Industry
programmes and tools come after a rule, apart from the regulators. The traffic lights
list every legal duty for the service with a light under each regulator whose law makes
it one: green implemented, amber partly or planned, red nothing in place. Coordinates
are rounded so the SVG is the same on every machine.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from csea.models import RegulatorKind, Status
from csea.render.wording import label, score_text
from csea.report.document import DutyLight, RegulatorCard, Scorecard, Standing

__all__ = [
    "HeatCell",
    "HeatMap",
    "HeatRow",
    "Light",
    "LightRow",
    "heat_map",
    "light_of",
    "traffic_lights",
]

_WIDTH = 760
_LABEL = 222
_SCORE = 64
_ROW = 26
_GAP = 22
_HEADER_LINE = 12


@dataclass(frozen=True)
class HeatCell:
    """One cell: a regulator's standing in one pillar."""

    x: float
    width: float
    standing: Standing
    text: str
    tooltip: str


@dataclass(frozen=True)
class HeatRow:
    """One regulator's row."""

    label: str
    y: float
    cells: list[HeatCell]
    score: str


@dataclass(frozen=True)
class HeatMap:
    """The whole heat map."""

    width: int
    height: int
    label_width: int
    score_x: float
    header: list[tuple[float, list[str]]]
    """Each column's centre and its title, wrapped onto short lines."""
    header_height: int
    rows: list[HeatRow]
    rule_y: float | None
    """Where the rule between regulators and industry is drawn (None: no industry rows)."""
    cell_height: int
    description: str


def _wrap(title: str) -> list[str]:
    return textwrap.wrap(title, width=13)[:3]


def heat_map(cards: list[RegulatorCard], pillars: list[Scorecard]) -> HeatMap:
    """A row per regulator (industry last, after a rule), a column per pillar, then the score."""
    column = (_WIDTH - _LABEL - _SCORE) / max(len(pillars), 1)
    header = [
        (round(_LABEL + column * (i + 0.5), 2), _wrap(p.title)) for i, p in enumerate(pillars)
    ]
    header_height = _HEADER_LINE * max((len(lines) for _, lines in header), default=1) + 8
    titles = {p.id: p.title for p in pillars}
    ordered = [c for c in cards if c.kind is not RegulatorKind.INDUSTRY]
    industry = [c for c in cards if c.kind is RegulatorKind.INDUSTRY]
    rows, y = [], float(header_height)
    for card in ordered:
        rows.append(_row(card, y, column, titles))
        y += _ROW
    rule_y = None
    if industry:
        rule_y = y + _GAP / 2
        y += _GAP
    for card in industry:
        rows.append(_row(card, y, column, titles))
        y += _ROW
    return HeatMap(
        width=_WIDTH,
        height=int(y) + 4,
        label_width=_LABEL,
        score_x=_WIDTH - _SCORE + 10,
        header=header,
        header_height=header_height,
        rows=rows,
        rule_y=rule_y,
        cell_height=_ROW - 4,
        description="; ".join(
            f"{r.label}: " + ", ".join(f"{c.tooltip}" for c in r.cells) for r in rows
        ),
    )


def _row(card: RegulatorCard, y: float, column: float, titles: dict[str, str]) -> HeatRow:
    cells = []
    for index, cell in enumerate(card.pillars):
        empty = cell.applicable == 0
        text = "\u2013" if empty else f"{cell.implemented}/{cell.applicable}"
        standing = label(cell.standing) if not empty else "none applicable"
        cells.append(
            HeatCell(
                x=round(_LABEL + column * index + 2, 2),
                width=round(column - 4, 2),
                standing=cell.standing,
                text=text,
                tooltip=f"{titles.get(cell.pillar, cell.pillar)}: {standing.lower()} ({text})",
            )
        )
    return HeatRow(label=card.name, y=y, cells=cells, score=score_text(card.weighted_score))


@dataclass(frozen=True)
class Light:
    """One light: the status of a legal duty under one regulator (None: not its duty)."""

    colour: str | None
    tooltip: str


@dataclass(frozen=True)
class LightRow:
    """One legal duty and a light per regulator column."""

    obligation_id: str
    title: str
    status: Status
    lights: list[Light]


def light_of(status: Status) -> str:
    """``green`` implemented, ``amber`` partial or planned, ``grey`` not applicable, else ``red``."""
    if status is Status.IMPLEMENTED:
        return "green"
    if status in (Status.PARTIAL, Status.PLANNED):
        return "amber"
    return "grey" if status is Status.NOT_APPLICABLE else "red"


def traffic_lights(
    duties: list[DutyLight], cards: list[RegulatorCard]
) -> tuple[list[RegulatorCard], list[LightRow]]:
    """The regulators that impose at least one legal duty, and a row of lights per duty."""
    imposing = {r for d in duties for r in d.regulators}
    columns = [c for c in cards if c.id in imposing]
    rows = [
        LightRow(
            obligation_id=duty.obligation_id,
            title=duty.title,
            status=duty.status,
            lights=[
                Light(
                    light_of(duty.status) if c.id in duty.regulators else None,
                    f"{c.name}: {label(duty.status).lower()}",
                )
                for c in columns
            ],
        )
        for duty in duties
    ]
    return columns, rows
