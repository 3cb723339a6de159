"""Dates inside sentences are declined in Latvian: "līdz … decembrim", "no … aprīļa"."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from core.formats import since_date, until_date

RIGA = ZoneInfo("Europe/Riga")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("lv", "līdz 2026. gada 30. decembrim"), ("en", "until 30 December 2026")],
)
def test_until_a_date_takes_the_dative(language, expected):
    with translation.override(language):
        assert until_date(datetime.date(2026, 12, 30)) == expected


def test_until_a_time_is_shown_in_riga_time():
    closes = datetime.datetime(2026, 12, 30, 15, 0, tzinfo=datetime.UTC)  # 17:00 in Riga
    with translation.override("lv"):
        assert until_date(closes, "datetime") == "līdz 2026. gada 30. decembrim plkst. 17:00"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("lv", "no 2012. gada aprīļa"), ("en", "from April 2012")],
)
def test_from_a_month_takes_the_genitive(language, expected):
    with translation.override(language):
        assert since_date(datetime.date(2012, 4, 1), "month") == expected


def test_every_month_has_its_own_latvian_forms():
    with translation.override("lv"):
        dative = {until_date(datetime.date(2020, month, 1), "month") for month in range(1, 13)}
        genitive = {since_date(datetime.date(2020, month, 1), "month") for month in range(1, 13)}
    assert len(dative) == len(genitive) == 12
    assert "līdz 2020. gada jūnijam" in dative
    assert "no 2020. gada marta" in genitive


def test_no_date_gives_nothing():
    assert until_date(None) == since_date("") == ""
