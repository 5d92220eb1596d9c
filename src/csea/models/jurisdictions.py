"""Jurisdiction codes: ISO 3166-1 alpha-2 countries, plus the groups the catalogue uses.

A jurisdiction is a country's ISO 3166-1 alpha-2 code (``GB``, ``US``, ``AU``), ``EU`` for
the European Union as a whole, or ``INT`` for international and industry-wide sources that
bind no single country. The country list is data: ``countries.tsv`` beside this module is
generated from the ISO 3166-1 list that pycountry maintains, and a test keeps it equal to it.
Anything else is refused with a plain "did you mean" (``UK`` is not an ISO code; the United
Kingdom's is ``GB``).
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import difflib
from functools import cache
from pathlib import Path

__all__ = [
    "EU_MEMBER_STATES",
    "GROUPS",
    "check_jurisdiction",
    "countries",
    "jurisdiction_codes",
    "jurisdiction_name",
]

GROUPS: dict[str, str] = {
    "EU": "the European Union",
    "INT": "international (no single country)",
}
"""The codes that are not countries: the groups the catalogue's sources apply in."""

EU_MEMBER_STATES = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    }
)
"""ISO 3166-1 codes of the EU's 27 member states: users there count as users in ``EU``."""

_NOT_ISO: dict[str, tuple[str, str]] = {
    "UK": ("GB", "UK is not an ISO 3166-1 country code; the United Kingdom's code is GB"),
    "EL": ("GR", "EL is the EU's own abbreviation for Greece; its ISO 3166-1 code is GR"),
}
"""Codes people write that ISO 3166-1 does not assign, and the code they mean."""


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the country's short English name, from ``countries.tsv``."""
    return {code: name for code, _alpha3, name in _rows()}


@cache
def _alpha3() -> dict[str, str]:
    return {alpha3: code for code, alpha3, _name in _rows()}


def _rows() -> list[tuple[str, str, str]]:
    text = Path(__file__).with_name("countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    return [(code, alpha3, name) for code, alpha3, name in rows]


def jurisdiction_codes() -> list[str]:
    """Every accepted code: the countries in ISO order, then ``EU`` and ``INT``."""
    return [*countries(), *GROUPS]


def jurisdiction_name(jurisdiction: str) -> str:
    """The name of a jurisdiction (``GB`` -> ``United Kingdom``), or the code itself."""
    return countries().get(jurisdiction) or GROUPS.get(jurisdiction) or jurisdiction


def check_jurisdiction(value: str) -> str:
    """Accept a jurisdiction code, or explain in words what was expected.

    Raises:
        ValueError: Not a country code or group csea knows; the message says which code was
            probably meant.
    """
    if value in countries() or value in GROUPS:
        return value
    raise ValueError(_unknown(value))


def _unknown(value: str) -> str:
    expected = "expected a country code such as GB (ISO 3166-1 alpha-2), or EU or INT"
    if value.upper() in _NOT_ISO:
        code, why = _NOT_ISO[value.upper()]
        return f"'{value}' is not accepted: {why}. Did you mean '{code}'?"
    guess = _guess(value)
    if guess:
        return f"'{value}' is not a jurisdiction code; did you mean '{guess}' ({jurisdiction_name(guess)})? {expected}"
    return f"'{value}' is not a jurisdiction code csea knows; {expected}"


def _guess(value: str) -> str | None:
    """The code someone most likely meant: right letters in the wrong case, alpha-3, or a name."""
    upper = value.strip().upper()
    if upper in countries() or upper in GROUPS:
        return upper
    if upper in _alpha3():
        return _alpha3()[upper]
    by_name = {name.lower(): code for code, name in countries().items()}
    close = difflib.get_close_matches(value.strip().lower(), list(by_name), n=1, cutoff=0.75)
    return by_name[close[0]] if close else None
