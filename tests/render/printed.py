"""A printed report read back: the PDF's pages, their words and where they sit (poppler's tools).

``pdfinfo`` gives the page count and size; ``pdftotext -bbox`` gives every word with its box,
from which each page's running header (above the top margin), footer (below the bottom
margin), body lines and how far down the body reaches are worked out.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

MM = 72 / 25.4
"""Points per millimetre."""
TOP, BOTTOM, SIDE = 15 * MM, 14 * MM, 12 * MM
"""The page margins the report's stylesheet sets (@page margin: 15mm 12mm 14mm)."""

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass(frozen=True)
class Word:
    """One word and its box, in points from the top left of the page."""

    x: float
    top: float
    right: float
    bottom: float
    text: str


@dataclass(frozen=True)
class PrintedPage:
    """One page: its running header and footer, its body lines, and how full it is."""

    number: int
    width: float
    height: float
    words: list[Word]
    flow: str
    """The page's text in reading order (pdftotext's default), on one line."""

    def _band(self, keep: bool) -> list[Word]:
        return [w for w in self.words if (self.height - BOTTOM > w.top >= TOP - 1) is keep]

    @property
    def header(self) -> str:
        """The words above the top margin."""
        return " ".join(w.text for w in self._band(False) if w.top < TOP)

    @property
    def footer(self) -> str:
        """The words below the bottom margin."""
        return " ".join(w.text for w in self._band(False) if w.top >= TOP)

    @property
    def lines(self) -> list[str]:
        """The body's lines, top to bottom (words on one baseline, left to right)."""
        rows: dict[int, list[Word]] = {}
        for word in self._band(True):
            rows.setdefault(round(word.bottom), []).append(word)
        return [
            " ".join(w.text for w in sorted(r, key=lambda w: w.x)) for _, r in sorted(rows.items())
        ]

    @property
    def overflowing(self) -> list[str]:
        """The body's words that reach past the right margin (by more than a point)."""
        return [w.text for w in self._band(True) if w.right > self.width - SIDE + 1]

    @property
    def fullness(self) -> float:
        """How far down the body area its lowest word reaches, from 0 to 1."""
        body = self._band(True)
        lowest = max((w.bottom for w in body), default=TOP)
        return (lowest - TOP) / (self.height - TOP - BOTTOM)


def read_pdf(pdf: Path) -> tuple[str, list[PrintedPage]]:
    """``pdfinfo``'s report and the pages of a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    flows = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    pages = [
        PrintedPage(
            number=index,
            width=float(width),
            height=float(height),
            words=[
                Word(float(x), float(top), float(right), float(bottom), unescape(text))
                for x, top, right, bottom, text in _WORD.findall(body)
            ],
            flow=" ".join(flows[index - 1].split()),
        )
        for index, (width, height, body) in enumerate(_PAGE.findall(boxes.stdout), start=1)
    ]
    return info.stdout, pages
