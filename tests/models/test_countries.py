"""The committed ISO 3166-1 list equals the maintained source (pycountry) in the dev lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from csea.models import jurisdictions
from csea.models.jurisdictions import check_jurisdiction, countries
from tests.models.countries_source import countries_tsv

DATA = Path(jurisdictions.__file__).with_name("countries.tsv")


def test_the_country_list_is_the_installed_standard() -> None:
    expected = countries_tsv()
    if os.environ.get("CSEA_UPDATE_GOLDEN"):
        DATA.write_text(expected, encoding="utf-8")
    assert DATA.read_text(encoding="utf-8") == expected


def test_csea_reads_every_assigned_code_and_none_of_the_reserved_ones() -> None:
    codes = countries()
    assert (len(codes), codes["GB"], "UK" in codes) == (249, "United Kingdom", False)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "UK",
            "'UK' is not accepted: UK is not an ISO 3166-1 country code; the United Kingdom's "
            "code is GB. Did you mean 'GB'?",
        ),
        (
            "gb",
            "'gb' is not a jurisdiction code; did you mean 'GB' (United Kingdom)? expected a "
            "country code such as GB (ISO 3166-1 alpha-2), or EU or INT",
        ),
        (
            "DEU",
            "'DEU' is not a jurisdiction code; did you mean 'DE' (Germany)? expected a country "
            "code such as GB (ISO 3166-1 alpha-2), or EU or INT",
        ),
        (
            "Australia",
            "'Australia' is not a jurisdiction code; did you mean 'AU' (Australia)? expected a "
            "country code such as GB (ISO 3166-1 alpha-2), or EU or INT",
        ),
        (
            "XX",
            "'XX' is not a jurisdiction code csea knows; expected a country code such as GB "
            "(ISO 3166-1 alpha-2), or EU or INT",
        ),
    ],
    ids=["uk", "lower-case", "alpha-3", "name", "unassigned"],
)
def test_anything_else_is_refused_with_what_was_meant(written: str, message: str) -> None:
    with pytest.raises(ValueError, match=r".*") as error:
        check_jurisdiction(written)
    assert str(error.value) == message


@pytest.mark.parametrize("code", ["GB", "EU", "INT", "IE"])
def test_countries_and_the_catalogues_groups_are_accepted(code: str) -> None:
    assert check_jurisdiction(code) == code
