"""Thresholds in conditions, and the user numbers a citation's note quotes from its source.

A threshold decides the answer for a service exactly at it, so its comparison must be the
source's own: Ofcom's "more than 7 million" is ``more_than: 7000000``, the DSA's "45 million
or more" is ``at_least: 45000000``. A citation's note usually quotes the words; where it
does, [note_conflicts][csea.catalog.thresholds.note_conflicts] says where the condition
and the quoted words disagree, for the catalogue check ``threshold-contradicts-note``.

What can be told from a note is narrow on purpose: a comparison ("more than", "over", "at
least", "or more", "equal to or higher than"...), a number written in figures ("700,000",
"7 million", "7,000,000") and, within a few words, "users" or "recipients". Anything else
in a note is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from csea.models import Obligation
from csea.models.conditions import (
    AllOf,
    AnyOf,
    Comparison,
    Condition,
    EnterpriseSizeAtLeast,
    NotCondition,
    RiskAtLeast,
    UsersAtLeast,
    UserThreshold,
)

__all__ = ["Quote", "YamlPath", "note_conflicts", "quoted_user_thresholds", "thresholds_in"]

YamlPath = list[str | int]
"""Where a value sits in its YAML file: keys and list indexes from the document's root."""

Threshold = UsersAtLeast | RiskAtLeast | EnterpriseSizeAtLeast
"""A leaf condition that compares a profile's number or level with a threshold."""

_COMPARISONS: dict[str, Comparison] = {
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "at least": "at_least",
    "not less than": "at_least",
    "no fewer than": "at_least",
    "equal to or higher than": "at_least",
    "equal to or greater than": "at_least",
    "equal to or more than": "at_least",
}
_FIGURES = r'"?(?P<figures>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<million>\s+million)?"?'
_TO_USERS = r"""(?:\s+[A-Za-z"']+){0,6}?\s+(?:users|recipients)\b"""
_BEFORE = re.compile(
    rf"\b(?P<words>{'|'.join(_COMPARISONS)})\s+{_FIGURES}{_TO_USERS}", re.IGNORECASE
)
"""A comparison before the number: "more than 700,000 monthly active UK users"."""
_AFTER = re.compile(rf"{_FIGURES}\s+or\s+more{_TO_USERS}", re.IGNORECASE)
"""A comparison after the number: "45 million or more average monthly active recipients"."""
_USERS_FIRST = re.compile(
    r"\b(?:users|recipients)(?:\s+[A-Za-z]+){0,8}?\s+"
    rf"(?P<words>{'|'.join(_COMPARISONS)})\s+{_FIGURES}",
    re.IGNORECASE,
)
"""Users named first: "active recipients of the service in the Union equal to or higher than
45 million"."""
_MENTIONS_USERS = re.compile(r"\b(?:users|recipients)\b", re.IGNORECASE)
"""Every pattern above needs one of these words: a note without them is not scanned."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A user threshold as a note words it."""

    comparison: Comparison
    """``more_than`` or ``at_least``."""
    number: int
    """The number of users."""
    text: str
    """The words quoted, with white space made single."""


def quoted_user_thresholds(note: str) -> list[Quote]:
    """Every user threshold a note words, in the order written."""
    if not _MENTIONS_USERS.search(note):
        return []
    found = [
        (match.start(), _quote(_COMPARISONS[match["words"].lower()], match))
        for pattern in (_BEFORE, _USERS_FIRST)
        for match in pattern.finditer(note)
    ] + [(match.start(), _quote("at_least", match)) for match in _AFTER.finditer(note)]
    return [quote for _, quote in sorted(found, key=lambda pair: pair[0])]


def _quote(comparison: Comparison, match: re.Match[str]) -> Quote:
    number = float(match["figures"].replace(",", "")) * (1_000_000 if match["million"] else 1)
    return Quote(comparison, round(number), " ".join(match[0].replace('"', "").split()))


def thresholds_in(
    condition: Condition | None, path: YamlPath
) -> Iterator[tuple[YamlPath, Threshold]]:
    """Every threshold leaf in a condition, with its path (``path`` is the condition's own)."""
    match condition:
        case AllOf(all=parts) | AnyOf(any=parts):
            key = "all" if isinstance(condition, AllOf) else "any"
            for index, part in enumerate(parts):
                yield from thresholds_in(part, [*path, key, index])
        case NotCondition(not_=inner):
            yield from thresholds_in(inner, [*path, "not"])
        case UsersAtLeast() | RiskAtLeast() | EnterpriseSizeAtLeast():
            yield path, condition


def note_conflicts(obligation: Obligation) -> Iterator[tuple[YamlPath, str]]:
    """Where a citation's user thresholds disagree with the ones its note quotes.

    A quoted threshold disagrees when the condition has no user threshold with its number,
    or has one with that number but the other comparison. Each place is reported once.
    """
    for index, citation in enumerate(obligation.citations):
        where: YamlPath = ["citations", index]
        users = [
            (path, leaf.users)
            for path, leaf in thresholds_in(citation.applies_when, [*where, "applies_when"])
            if isinstance(leaf, UsersAtLeast)
        ]
        found: dict[tuple[str | int, ...], str] = {}
        for quote in quoted_user_thresholds(citation.note or ""):
            for path, message in _conflict(quote, users, [*where, "note"]):
                found.setdefault(tuple(path), message)
        yield from ((list(path), message) for path, message in found.items())


def _conflict(
    quote: Quote, users: list[tuple[YamlPath, UserThreshold]], note: YamlPath
) -> Iterator[tuple[YamlPath, str]]:
    same = [(path, t) for path, t in users if t.comparison[1] == quote.number]
    if not same:
        written = ", ".join(t.wording() for _, t in users) or "no user threshold"
        yield note, f"the note quotes '{quote.text}' but the condition has {written}"
    elif all(t.comparison[0] != quote.comparison for _, t in same):
        path, threshold = same[0]
        kind = threshold.comparison[0]
        yield (
            [*path, "users", kind],
            f"the note quotes '{quote.text}' but the condition says {kind}: {quote.number} "
            f"({threshold.wording()}); write {quote.comparison}: {quote.number}",
        )
