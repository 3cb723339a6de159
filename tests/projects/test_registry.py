"""The public project registry: filters, text search, sorting, paging, CSV, query counts."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import FundingProgramme, Project

from .factories import (
    FundingProgrammeFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

URL = "/lv/projects/"


@pytest.fixture
def registry(municipality, other_municipality):
    efc = FundingProgrammeFactory(fund=FundingProgramme.Fund.EUROPE_FOR_CITIZENS, name="EfC 1.2")
    cities = ProjectFactory(
        title="Pilsētu sadarbība – pārmaiņu pilsētas",
        slug="cities-of-change",
        funding_programme=efc,
        municipality=municipality,
        municipality_role=Project.Role.PARTNER,
        total_cost=Decimal("99000"),
        eu_funding=Decimal("99000"),
        co_financing=Decimal("0"),
        planned_start=datetime.date(2013, 6, 1),
        planned_end=datetime.date(2015, 4, 30),
    )
    PartnershipFactory(
        project=cities, organisation=OrganisationFactory(name="Poznań", country="PL"), role="lead"
    )
    PartnershipFactory(project=cities, organisation=OrganisationFactory(country="LV"))
    livani = ProjectFactory(
        title="Līvānu novada pārvaldes kapacitāte",
        slug="livani-kapacitate",
        municipality=other_municipality,
        status=Project.Status.COMPLETED,
        planned_start=datetime.date(2019, 1, 1),
        planned_end=datetime.date(2020, 12, 31),
    )
    hidden = ProjectFactory(title="Nepublicēts", slug="nepublicets", is_published=False)
    return {"cities": cities, "livani": livani, "hidden": hidden}


def titles(response):
    return [p.title for p in response.context["page"].object_list]


def test_registry_lists_published_projects_only(client, registry):
    response = client.get(URL)
    assert response.status_code == 200
    assert set(titles(response)) == {registry["cities"].title, registry["livani"].title}
    assert "Nepublicēts" not in response.text


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"fund": "efc"}, ["cities-of-change"]),
        ({"status": "completed"}, ["livani-kapacitate"]),
        ({"year": "2014"}, ["cities-of-change"]),
        ({"year": "2020"}, ["livani-kapacitate"]),
        ({"municipality": "livani"}, ["livani-kapacitate"]),
        ({"role": "partner"}, ["cities-of-change"]),
        ({"country": "PL"}, ["cities-of-change"]),
        ({"q": "livanu"}, ["livani-kapacitate"]),
        ({"q": "PARMAINU pilsetas"}, ["cities-of-change"]),
        ({"q": "Līvānu"}, ["livani-kapacitate"]),
        ({"fund": "esf", "status": "in_progress"}, []),
    ],
)
def test_filters_narrow_the_registry(client, registry, query, expected):
    response = client.get(URL, query)
    assert [p.slug for p in response.context["page"].object_list] == expected


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"country": "XX"},
        {"municipality": "nav"},
        {"sort": "; drop"},
        {"page": "999"},
        {"page": "x"},
        {"fund": "nope"},
    ],
)
def test_bad_input_never_breaks_the_page(client, registry, query):
    assert client.get(URL, query).status_code == 200


def test_sorting(client, registry):
    assert 'aria-sort="ascending"><a href="?sort=-title"' in client.get(URL, {"sort": "title"}).text
    assert titles(client.get(URL, {"sort": "title"}))[0].startswith("Līvānu")
    assert titles(client.get(URL, {"sort": "-cost"}))[0].startswith("Pilsētu")
    assert titles(client.get(URL, {"sort": "start"}))[0].startswith("Pilsētu")


def test_every_filter_field_has_a_label(client, registry):
    html = client.get(URL).text
    for name in ["q", "fund", "status", "year", "municipality", "role", "country", "sort"]:
        assert f'<label for="id_{name}">' in html


def test_pagination(client, municipality):
    for i in range(25):
        ProjectFactory(municipality=municipality, title=f"P{i:02d}")
    first = client.get(URL, {"sort": "title"})
    assert len(first.context["page"].object_list) == 20
    assert 'rel="next"' in first.text
    second = client.get(URL, {"sort": "title", "page": 2})
    assert titles(second) == [f"P{i:02d}" for i in range(20, 25)]


def test_csv_download_uses_the_same_filters(client, registry):
    response = client.get(reverse("projects:csv"), {"fund": "efc"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Pilsētu sadarbība – pārmaiņu pilsētas"
    assert row["fund"] == "efc"
    assert row["total_cost_eur"] == "99000.00"
    assert row["eu_share_percent"] == "100.00"
    assert row["lead_partner"] == "Poznań"
    assert row["partners"] == "2" and row["countries"] == "2"
    assert row["url"].endswith("/projects/cities-of-change/")


def test_csv_of_everything_leaves_out_unpublished(client, registry):
    content = client.get(reverse("projects:csv")).content.decode("utf-8")
    assert "Nepublicēts" not in content
    assert len(content.strip().splitlines()) == 3


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _add_projects(municipality, n):
    for _ in range(n):
        project = ProjectFactory(municipality=municipality)
        PartnershipFactory(project=project)


def test_registry_query_count_does_not_grow(client, municipality, django_assert_max_num_queries):
    _add_projects(municipality, 5)
    before = _count_queries(client, URL)
    _add_projects(municipality, 5)
    # count, page of projects (with fund and municipality), municipality choices,
    # partner countries
    with django_assert_max_num_queries(4):
        client.get(URL)
    assert _count_queries(client, URL) == before


def test_csv_query_count_does_not_grow(client, municipality):
    _add_projects(municipality, 5)
    url = reverse("projects:csv")
    before = _count_queries(client, url)
    _add_projects(municipality, 10)
    # projects, their partnerships with organisations
    assert _count_queries(client, url) == before <= 3
