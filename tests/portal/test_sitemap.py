"""The sitemap is an index of bounded sitemaps, built without a reverse() per URL."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import sitemaps
from tests.factories import MunicipalityFactory, ProgrammeFactory, RedactionFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_sitemap_index(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_each_section_is_paged_and_every_page_is_listed_in_the_index(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 2)
    projects = [ProjectFactory(slug=f"projekts-{n}") for n in range(5)]
    index = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", index)
    assert "http://testserver/sitemap-projects.xml" in locations
    assert "http://testserver/sitemap-projects.xml?p=3" in locations
    assert "http://testserver/sitemap-projects.xml?p=4" not in locations
    pages = [
        client.get(f"/sitemap-projects.xml?p={page}").getvalue().decode() for page in (1, 2, 3)
    ]
    for project in projects:
        assert sum(f"/lv/projects/{project.slug}/</loc>" in page for page in pages) == 1
    assert pages[2].count("<url>") == 2  # one project, in two languages
    assert client.get("/sitemap-projects.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_urls_carry_hreflang_alternates_and_lastmod(client):
    programme = ProgrammeFactory(slug="ap", municipality=MunicipalityFactory(slug="m"))
    RedactionFactory(programme=programme, number=3, status="approved")
    body = client.get("/sitemap-redactions.xml").getvalue().decode()
    entry = body.split("<url>")[1]
    assert "<loc>http://testserver/lv/programmes/m/ap/redactions/3/</loc>" in entry
    assert re.search(r"<lastmod>\d{4}-\d\d-\d\d</lastmod>", entry)
    lv = 'hreflang="lv" href="http://testserver/lv/programmes/m/ap/redactions/3/"'
    en = 'hreflang="en" href="http://testserver/en/programmes/m/ap/redactions/3/"'
    default = 'hreflang="x-default" href="http://testserver/lv/programmes/m/ap/redactions/3/"'
    assert lv in entry and en in entry and default in entry
    static = client.get("/sitemap-sections.xml").getvalue().decode()
    assert "<loc>http://testserver/en/projects/</loc>" in static
    # A redaction's action plan and investment plan have pages, and sitemaps, of their own.
    for section, part in [("action-plans", "action-plan"), ("investment-plans", "investment-plan")]:
        body = client.get(f"/sitemap-{section}.xml").getvalue().decode()
        assert f"<loc>http://testserver/lv/programmes/m/ap/redactions/3/{part}/</loc>" in body


def test_the_index_counts_the_records_of_a_redactions_parts_once(client):
    RedactionFactory(status="approved")
    with CaptureQueriesContext(connection) as queries:
        index = client.get("/sitemap.xml").content.decode()
    for section in ("redactions", "action-plans", "investment-plans"):
        assert f"http://testserver/sitemap-{section}.xml" in index
    counted = 'SELECT COUNT(*) AS "__count" FROM "programmes_redaction" '
    redaction_counts = [q for q in queries if q["sql"].startswith(counted)]
    assert len(redaction_counts) == 1


def test_a_sitemap_page_costs_one_query_and_no_reverse_per_url(client, monkeypatch):
    for n in range(4):
        ProjectFactory(slug=f"projekts-{n}")
    calls = []
    original = sitemaps.reverse
    monkeypatch.setattr(sitemaps, "reverse", lambda *a, **k: calls.append(a) or original(*a, **k))
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/sitemap-projects.xml").getvalue().decode()
    assert body.count("<url>") == 8
    assert len(calls) == 2  # one path template per language
    assert len(queries) == 1
