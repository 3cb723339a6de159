"""core.aggregates.JSONList on the database the suite runs on (PostgreSQL in CI, SQLite
for `make run`): children in their parent's row, none as an empty list."""

from decimal import Decimal

import pytest
from django.db.models import CharField
from django.db.models.functions import Cast, JSONObject

from core.aggregates import JSONList
from programmes.models import Indicator, SituationSection
from tests.factories import (
    DataSourceFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    SituationSectionFactory,
)

pytestmark = pytest.mark.django_db


def test_children_come_as_a_list_and_no_children_as_an_empty_one():
    with_two = SituationSectionFactory(title="Divi")
    with_two.data_sources.set([DataSourceFactory(code="VZD"), DataSourceFactory(code="CSP")])
    SituationSectionFactory(redaction=with_two.redaction, title="Neviens")
    codes = dict(
        SituationSection.objects.annotate(
            codes=JSONList("data_sources__code", present="data_sources")
        ).values_list("title", "codes")
    )
    assert sorted(codes["Divi"]) == ["CSP", "VZD"]
    assert codes["Neviens"] == []  # not [None]: the LEFT JOIN's empty row is left out


def test_rows_of_several_columns_keep_every_digit_when_cast_to_text():
    """As JSON numbers, decimals would come back as floats. (SQLite keeps decimals as
    floating point and casts them to text with 15 significant digits: 14 here.)"""
    indicator = IndicatorFactory()
    IndicatorValueFactory(indicator=indicator, year=2024, value=Decimal("123456789012.34"))
    IndicatorValueFactory(indicator=indicator, year=2025, value=Decimal("0.10"))
    IndicatorFactory(redaction=indicator.redaction, code="TUKŠS")
    rows = dict(
        Indicator.objects.annotate(
            rows=JSONList(
                JSONObject(year="values__year", value=Cast("values__value", CharField())),
                present="values",
            )
        ).values_list("code", "rows")
    )
    values = {row["year"]: Decimal(row["value"]) for row in rows[indicator.code]}
    assert values == {2024: Decimal("123456789012.34"), 2025: Decimal("0.1")}
    assert rows["TUKŠS"] == []
