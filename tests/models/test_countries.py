"""The committed ISO 3166-1 list equals the maintained source (pycountry) in the dev lock."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from csea.models.jurisdictions import COUNTRIES
from tests.models.countries_source import countries_tsv

DATA = Path(str(resources.files("csea.models") / "countries.tsv"))


def test_the_country_list_is_the_installed_standard() -> None:
    expected = countries_tsv()
    if os.environ.get("CSEA_UPDATE_GOLDEN"):
        DATA.write_text(expected, encoding="utf-8")
    assert DATA.read_text(encoding="utf-8") == expected


def test_csea_reads_every_assigned_code_and_none_of_the_reserved_ones() -> None:
    countries = COUNTRIES()
    assert (len(countries), countries["GB"], "UK" in countries) == (249, "United Kingdom", False)
