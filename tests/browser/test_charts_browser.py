"""Charts in a real Chromium: axe finds nothing serious, the CSP blocks nothing, the SVG
is drawn (it has a size) and every chart is labelled for a screen reader."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from projects.models import Project
from tests.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/lv/programmes/livani/iap-2019-2025/monitoring/",
    "/en/programmes/livani/iap-2019-2025/monitoring/",
    "/lv/programmes/livani/iap-2019-2025/redactions/2/investment-plan/",
    "/lv/programmes/daugavpils/ap-2014-2020/monitoring/",
    "/lv/programmes/livani/iap-2019-2025/reports/2025/",
    "/en/programmes/daugavpils/ap-2014-2020/reports/2025/",
]


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_pages_with_charts_are_accessible_within_the_csp(live_server, page):
    load_demo()
    project = Project.objects.published().exclude(eu_funding=None).exclude(total_cost=None)[0]
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    for path in [*PAGES, project.get_absolute_url()]:
        page.goto(f"{live_server.url}{path}")
        charts = page.locator("svg.chart[role=img]")
        assert charts.count() > 0, path
        for index in range(charts.count()):
            chart = charts.nth(index)
            box = chart.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 20, path
            labelled = chart.get_attribute("aria-labelledby").split()
            assert all(page.locator(f"[id='{name}']").count() == 1 for name in labelled)
        assert serious_violations(page) == [], path
    assert refused == []
