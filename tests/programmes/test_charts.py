"""Charts: server-drawn SVG that parses, says what it shows and carries its numbers."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core.formats import euro
from programmes import charts
from programmes.models import Indicator, Redaction
from programmes.selectors import investment_plan, redaction_for_page
from projects.models import Project
from tests.factories import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
LIVANI = ["livani", "iap-2019-2025"]


def parsed(chart):
    """The chart's SVG as XML, with its title and desc checked to label it."""
    root = ET.fromstring(str(chart.svg))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "style=" not in str(chart.svg)  # the CSP forbids inline styles
    return root


def svgs_in(html):
    return re.findall(r"<svg .*?</svg>", html, flags=re.S)


def test_indicator_assessment_against_the_trajectory(db):
    indicator = IndicatorFactory(
        baseline_year=2018,
        baseline_value=Decimal("100"),
        target_year=2028,
        target_value=Decimal("200"),
    )
    assert indicator.assessment() == Indicator.Assessment.NO_DATA
    IndicatorValueFactory(indicator=indicator, year=2023, value=Decimal("160"))  # line: 150
    assert indicator.assessment() == Indicator.Assessment.ON_TRACK
    IndicatorValueFactory(indicator=indicator, year=2024, value=Decimal("155"))  # line: 160
    assert indicator.assessment() == Indicator.Assessment.BEHIND
    assert indicator.assessment(2023) == Indicator.Assessment.ON_TRACK
    IndicatorValueFactory(indicator=indicator, year=2025, value=Decimal("201"))
    assert indicator.assessment() == Indicator.Assessment.ACHIEVED


def test_a_falling_indicator_is_on_track_below_its_line(db):
    indicator = IndicatorFactory(
        baseline_year=2020,
        baseline_value=Decimal("10"),
        target_year=2030,
        target_value=Decimal("5"),
    )
    IndicatorValueFactory(indicator=indicator, year=2025, value=Decimal("7"))  # line: 7.5
    assert indicator.assessment() == Indicator.Assessment.ON_TRACK


def test_indicator_chart_is_valid_svg_and_its_table_holds_the_values(db):
    indicator = IndicatorFactory(
        baseline_year=2018,
        baseline_value=Decimal("100"),
        target_year=2028,
        target_value=Decimal("200"),
    )
    IndicatorValueFactory(indicator=indicator, year=2023, value=Decimal("160.5"))
    with translation.override("en"):
        chart = charts.indicator_chart(indicator)
    root = parsed(chart)
    assert root.find(f"{SVG}polyline") is not None  # the actual values
    rows = {heading: cells for heading, cells in chart.table.rows}
    assert rows["2023"][0] == "160.50"
    assert rows["2018"][1] == "100" and rows["2028"][1] == "200"
    assert rows["2023"][1] == "150"  # the straight trajectory in 2023
    assert "On track" in root.find(f"{SVG}desc").text


def test_monitoring_page_draws_every_indicator_and_the_statuses(client, demo):
    response = client.get(reverse("programmes:monitoring", args=LIVANI))
    html = response.content.decode()
    in_force = response.context["redaction"]
    svgs = svgs_in(html)
    assert len(svgs) == 1 + in_force.indicators.count()
    for chart in [response.context["status_chart"], *response.context["indicator_charts"]]:
        parsed(chart)
    shown = {
        heading: int(cells[0]) for heading, cells in response.context["status_chart"].table.rows
    }
    assert shown == {str(label): count for label, count in response.context["statuses"]}
    assert any(label in html for label in ("Atbilst plānotajam", "Atpaliek", "Mērķis sasniegts"))


def test_investment_plan_charts_sum_the_plan(client, demo):
    redaction = Redaction.objects.get(programme__slug=LIVANI[1], status="approved")
    page = client.get(redaction.get_investment_plan_url()).content.decode()
    loaded = redaction_for_page(*LIVANI, redaction.number, _anonymous())
    from programmes.selectors import fetch_frozen_part

    fetch_frozen_part(loaded, "plans")
    plan = investment_plan(loaded)
    with translation.override("lv"):
        by_year, by_source = charts.investment_charts(plan)
    for chart in (by_year, by_source):
        parsed(chart)
    assert [cells[0] for _h, cells in by_year.table.rows] == [
        euro(total) for total in plan.totals_by_year
    ]
    assert sum(plan.totals_by_source) == plan.grand_total
    assert 'id="investment-by-year-title"' in page
    assert 'id="investment-by-source-title"' in page


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_project_page_shows_its_funding_split(client, demo):
    project = Project.objects.published().exclude(eu_funding=None).exclude(total_cost=None).first()
    response = client.get(project.get_absolute_url())
    chart = response.context["funding_chart"]
    parsed(chart)
    assert 'id="project-funding-title"' in response.content.decode()
    rows = dict(chart.table.rows)
    with translation.override("lv"):
        assert rows["ES finansējums"][0] == euro(project.eu_funding)
        assert rows["Kopējās izmaksas"][0] == euro(project.total_cost)
