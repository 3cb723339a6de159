"""The yearly monitoring report: figures from the data, published and frozen, printable,
as PDF and CSV; a draft is the planners' alone."""

import csv
import io
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db.models import Q, Sum
from django.urls import reverse
from pypdf import PdfReader

from programmes import services
from programmes.models import (
    Action,
    Indicator,
    InvestmentAmount,
    MonitoringReport,
    MonitoringReportSection,
    ReportFrozen,
)
from programmes.roles import PLANNER
from projects.models import Project
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIVANI = ["livani", "iap-2019-2025"]
DAUGAVPILS = ["daugavpils", "ap-2014-2020"]


def report_of(slugs, year=2025):
    return MonitoringReport.objects.select_related("programme", "redaction").get(
        programme__municipality__slug=slugs[0], programme__slug=slugs[1], year=year
    )


def table(report, key):
    for section in report.sections.all():
        for stored in section.tables:
            if stored["key"] == key:
                return stored
    raise KeyError(key)


@pytest.mark.parametrize("slugs", [LIVANI, DAUGAVPILS])
def test_demo_has_a_published_2025_report_listed_on_the_programme_page(client, demo, slugs):
    report = report_of(slugs)
    assert report.is_published
    assert all(section.narrative for section in report.sections.all())
    page = client.get(reverse("programmes:programme", args=slugs)).content.decode()
    assert f'href="{report.get_absolute_url()}"' in page
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert report.title in html
    assert "Rīcības plāna izpilde" in html


def test_action_figures_equal_the_counts_over_the_redaction(demo):
    report = report_of(LIVANI)
    actions = Action.objects.in_redaction(report.redaction)
    counts = Counter(actions.values_list("status", flat=True))
    by_status = table(report, "actions-by-status")
    shown = {row[0][-1]: row[1] for row in by_status["rows"]}
    for value, label in Action.Status.choices:
        assert shown[label._args[-1]] == counts.get(value, 0)
    by_priority = table(report, "actions-by-priority")
    assert by_priority["totals"][2] == actions.count()
    assert sum(row[2] for row in by_priority["rows"]) == actions.count()


@pytest.mark.parametrize("slugs", [LIVANI, DAUGAVPILS])
def test_investment_figures_equal_the_sums_over_the_plan(demo, slugs):
    report = report_of(slugs)
    amounts = InvestmentAmount.objects.in_redaction(report.redaction)
    to_date = amounts.filter(year__lte=report.year).aggregate(p=Sum("amount"), s=Sum("spent"))
    whole = amounts.aggregate(p=Sum("amount"))["p"]
    totals = table(report, "investments-by-action-line")["totals"]
    assert Decimal(totals[4]) == to_date["p"]
    assert Decimal(totals[5]) == to_date["s"]
    assert Decimal(totals[7]) == whole
    by_source = table(report, "investments-by-source")
    assert sum(Decimal(row[3]) for row in by_source["rows"]) == to_date["p"]


def test_every_indicator_is_set_against_its_target(demo):
    report = report_of(LIVANI)
    rows = table(report, "indicators")["rows"]
    indicators = Indicator.objects.filter(redaction=report.redaction).prefetch_related("values")
    assert [row[0] for row in rows] == [i.code for i in indicators]
    for row, indicator in zip(rows, indicators, strict=True):
        assert row[5] == {
            "value": f"{indicator.target_value.normalize():f}",
            "year": indicator.target_year,
        }
        assessment = Indicator.Assessment(indicator.assessment(report.year)).label
        assert row[7] == list(assessment._args)


def test_project_money_equals_the_projects_serving_the_programme(demo):
    report = report_of(DAUGAVPILS)
    programme = report.programme
    serving = (
        Project.objects.published()
        .filter(
            Q(action_lines__priority__redaction__programme=programme) | Q(funds_programme=programme)
        )
        .distinct()
    )
    serving = [p for p in serving if p.start and p.start.year <= report.year]
    assert serving
    totals = table(report, "projects-to-date")["totals"]
    assert Decimal(totals[5]) == sum(p.total_cost or 0 for p in serving)
    assert Decimal(totals[6]) == sum(p.eu_funding or 0 for p in serving)


def test_pdf_opens_and_has_the_title_on_page_one(client, demo):
    report = report_of(LIVANI)
    response = client.get(reverse("programmes:report_pdf", args=[*LIVANI, 2025]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert report.title in first
    assert len(reader.pages) >= 2


def test_tables_download_as_csv(client, demo):
    report = report_of(LIVANI)
    url = reverse("programmes:report_csv", args=[*LIVANI, 2025, "investments-by-action-line"])
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    stored = table(report, "investments-by-action-line")
    assert len(rows) == 1 + len(stored["rows"]) + 1  # headings, rows, totals
    assert rows[0][0] == "Kods"
    assert rows[1][0] == stored["rows"][0][0]
    assert client.get(url.replace("investments-by-action-line", "nope")).status_code == 404


@pytest.fixture
def draft(demo):
    report = MonitoringReport.objects.create(programme=report_of(LIVANI).programme, year=2024)
    return services.generate_report(report=report)


def test_draft_report_is_404_to_the_public_and_shown_to_its_planners(client, draft, roles):
    urls = [
        draft.get_absolute_url(),
        reverse("programmes:report_pdf", args=[*LIVANI, 2024]),
        reverse("programmes:report_csv", args=[*LIVANI, 2024, "indicators"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
    page = client.get(reverse("programmes:programme", args=LIVANI)).content.decode()
    assert draft.get_absolute_url() not in page
    planner = UserFactory(municipality=draft.programme.municipality)
    planner.groups.add(Group.objects.get(name=PLANNER))
    client.force_login(planner)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_published_report_is_frozen_in_every_way(demo):
    report = report_of(LIVANI)
    section = report.sections.first()
    report.introduction = "Cits teksts"
    with pytest.raises(ReportFrozen):
        report.save()
    with pytest.raises(ReportFrozen):
        MonitoringReport.objects.filter(pk=report.pk).update(introduction="x")
    with pytest.raises(ReportFrozen):
        MonitoringReport.objects.filter(pk=report.pk).delete()
    with pytest.raises(ReportFrozen):
        report.delete()
    section.narrative = "Cits"
    with pytest.raises(ReportFrozen):
        section.save()
    with pytest.raises(ReportFrozen):
        MonitoringReportSection.objects.filter(report=report).update(narrative="x")
    with pytest.raises(ReportFrozen):
        services.generate_report(report=report)
    with pytest.raises(ReportFrozen):
        services.publish_report(report=report)
    report.refresh_from_db()
    assert report.introduction != "Cits teksts"


def test_admin_shows_a_published_report_read_only(client, demo, superuser):
    report = report_of(LIVANI)
    client.force_login(superuser)
    url = reverse("admin:programmes_monitoringreport_change", args=[report.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    client.post(url, {"title": "Cits", "introduction": "Cits"})
    report.refresh_from_db()
    assert report.title != "Cits"


def test_planner_generates_writes_and_publishes_in_admin(client, draft, superuser):
    client.force_login(superuser)
    url = reverse("admin:programmes_monitoringreport_change", args=[draft.pk])
    sections = list(draft.sections.all())
    data = {
        "title": draft.title,
        "introduction": "Ievads",
        "sections-TOTAL_FORMS": str(len(sections)),
        "sections-INITIAL_FORMS": str(len(sections)),
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
    }
    for index, section in enumerate(sections):
        data[f"sections-{index}-id"] = str(section.pk)
        data[f"sections-{index}-report"] = str(draft.pk)
        data[f"sections-{index}-narrative"] = f"Stāsts {section.key}"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert draft.sections.get(key="actions").narrative == "Stāsts actions"
    changelist = reverse("admin:programmes_monitoringreport_changelist")
    client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published
    assert client.get(draft.get_absolute_url().replace("/lv/", "/en/")).status_code == 200


def test_report_page_costs_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    # the report (with programme, municipality and redaction), its sections
    for slugs in (LIVANI, DAUGAVPILS):
        url = report_of(slugs).get_absolute_url()
        with django_assert_max_num_queries(2):
            assert client.get(url).status_code == 200


def test_report_draws_each_indicator_and_the_planned_vs_spent_bars(client, demo):
    import xml.etree.ElementTree as ET

    report = report_of(LIVANI)
    html = client.get(report.get_absolute_url()).content.decode()
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    indicators = Indicator.objects.filter(redaction=report.redaction).count()
    # actions by status, planned vs. spent by action line and by source, each indicator
    assert len(svgs) == 3 + indicators
    for svg in svgs:
        root = ET.fromstring(svg)
        svg_ns = "{http://www.w3.org/2000/svg}"
        assert root.find(f"{svg_ns}title").text and root.find(f"{svg_ns}desc").text
        assert root.get("role") == "img"


def test_published_pdf_is_drawn_once_per_language(client, demo, monkeypatch):
    import weasyprint
    from django.core.cache import cache

    cache.clear()
    drawn = []
    original = weasyprint.HTML.write_pdf

    def counting(self, *args, **kwargs):
        drawn.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", counting)
    url = reverse("programmes:report_pdf", args=[*LIVANI, 2025])
    first = client.get(url).content
    assert client.get(url).content == first
    assert len(drawn) == 1
    client.get(url.replace("/lv/", "/en/", 1))
    assert len(drawn) == 2
