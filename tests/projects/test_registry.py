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
from tests.factories import MunicipalityFactory

from .factories import (
    ActivityFactory,
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
    assert response.streaming  # the whole registry is never built in memory
    content = response.getvalue().decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Pilsētu sadarbība – pārmaiņu pilsētas"
    assert row["fund"] == "efc"
    assert row["total_cost_eur"] == "99000,00"
    assert row["eu_share_percent"] == "100,00"
    assert row["lead_partner"] == "Poznań"
    assert row["partners"] == "2" and row["countries"] == "2"
    assert row["url"].endswith("/projects/cities-of-change/")


def test_csv_of_everything_leaves_out_unpublished(client, registry):
    content = client.get(reverse("projects:csv")).getvalue().decode("utf-8")
    assert "Nepublicēts" not in content
    assert len(content.strip().splitlines()) == 3


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200
        response.getvalue()  # a streamed download reads its rows as it is sent
    return len(context.captured_queries)


def _add_projects(municipality, n):
    for _ in range(n):
        project = ProjectFactory(municipality=municipality)
        PartnershipFactory(project=project)


def test_registry_query_count_does_not_grow(client, municipality, django_assert_max_num_queries):
    _add_projects(municipality, 5)
    client.get(URL)  # computes and caches the filter choices
    before = _count_queries(client, URL)
    _add_projects(municipality, 5)
    client.get(URL)
    # count, page of projects (with fund and municipality); the municipality and partner
    # country choices come from the cache, computed once per data change
    with django_assert_max_num_queries(2):
        client.get(URL)
    assert _count_queries(client, URL) == before


def test_filter_choices_are_computed_once_per_data_change(client, municipality):
    _add_projects(municipality, 2)
    client.get(URL)  # computes and caches the choices
    assert _count_queries(client, URL) == 2
    assert 'value="IS"' not in client.get(URL).content.decode()
    PartnershipFactory(
        project=ProjectFactory(municipality=municipality),
        organisation=OrganisationFactory(name="Reykjavíkurborg", country="IS"),
    )
    assert 'value="IS"' in client.get(URL).content.decode()
    other = MunicipalityFactory(name="Ādažu novads", slug="adazi")
    assert 'value="adazi"' in client.get(URL).content.decode()
    other.delete()
    assert 'value="adazi"' not in client.get(URL).content.decode()


def test_csv_query_count_does_not_grow(client, municipality):
    _add_projects(municipality, 5)
    url = reverse("projects:csv")
    before = _count_queries(client, url)
    _add_projects(municipality, 10)
    # the partnerships of the filtered projects (with organisations), the published action
    # lines they serve, then the projects
    assert _count_queries(client, url) == before <= 3


def test_search_finds_projects_by_partner_name_without_diacritics(client, registry):
    for query in ("poznan", "POZNAŃ", "Poznań"):
        response = client.get(URL, {"q": query})
        assert [p.slug for p in response.context["page"].object_list] == ["cities-of-change"]


def test_every_word_must_match(client, registry):
    assert titles(client.get(URL, {"q": "livanu parmainu"})) == []
    assert titles(client.get(URL, {"q": "  "})) != []


def test_year_filter_uses_actual_dates_where_known(client, municipality):
    ProjectFactory(
        slug="pagarinats",
        municipality=municipality,
        planned_start=datetime.date(2013, 6, 1),
        planned_end=datetime.date(2014, 12, 31),
        actual_start=datetime.date(2013, 6, 1),
        actual_end=datetime.date(2016, 3, 31),
    )
    ProjectFactory(
        slug="tikai-beigas",
        municipality=municipality,
        planned_start=None,
        planned_end=datetime.date(2014, 6, 30),
    )

    def slugs(year):
        response = client.get(URL, {"year": year})
        return sorted(p.slug for p in response.context["page"].object_list)

    assert slugs(2016) == ["pagarinats"]
    assert slugs(2014) == ["pagarinats", "tikai-beigas"]
    assert slugs(2017) == []
    # Known only by its end: not active in every year before it, only in its end year …
    assert slugs(2013) == ["pagarinats"]
    assert slugs(1990) == []
    # … or from its first recorded activity on.
    ActivityFactory(
        project=Project.objects.get(slug="tikai-beigas"), start_date=datetime.date(2012, 11, 16)
    )
    assert slugs(2011) == []
    assert slugs(2012) == ["tikai-beigas"]
    assert slugs(2013) == ["pagarinats", "tikai-beigas"]


def test_projects_without_cost_or_dates_sort_last_both_ways(client, municipality):
    ProjectFactory(
        title="Bez summām",
        municipality=municipality,
        total_cost=None,
        eu_funding=None,
        co_financing=None,
        planned_start=None,
        planned_end=None,
    )
    ProjectFactory(
        title="Lēts",
        municipality=municipality,
        total_cost=Decimal("100"),
        eu_funding=Decimal("100"),
        co_financing=Decimal("0"),
    )
    ProjectFactory(
        title="Dārgs",
        municipality=municipality,
        total_cost=Decimal("900000"),
        eu_funding=Decimal("900000"),
        co_financing=Decimal("0"),
        planned_start=datetime.date(2020, 1, 1),
        planned_end=datetime.date(2021, 1, 1),
    )
    assert titles(client.get(URL, {"sort": "-cost"})) == ["Dārgs", "Lēts", "Bez summām"]
    assert titles(client.get(URL, {"sort": "cost"})) == ["Lēts", "Dārgs", "Bez summām"]
    assert titles(client.get(URL, {"sort": "-start"})) == ["Dārgs", "Lēts", "Bez summām"]
    assert titles(client.get(URL, {"sort": "start"})) == ["Lēts", "Dārgs", "Bez summām"]


def test_pagination_links_keep_filters_and_sort(client, municipality):
    efc = FundingProgrammeFactory(fund=FundingProgramme.Fund.EUROPE_FOR_CITIZENS, name="EfC")
    for i in range(25):
        ProjectFactory(municipality=municipality, title=f"P{i:02d}", funding_programme=efc)
    ProjectFactory(municipality=municipality, title="ESF projekts")
    first = client.get(URL, {"fund": "efc", "sort": "title"})
    assert first.context["page"].paginator.count == 25
    assert 'href="?fund=efc&amp;sort=title&amp;page=2" rel="next"' in first.text
    second = client.get(URL, {"fund": "efc", "sort": "title", "page": "2"})
    assert titles(second) == [f"P{i:02d}" for i in range(20, 25)]
    assert 'href="?fund=efc&amp;sort=title&amp;page=1" rel="prev"' in second.text
    # The CSV link carries the filters but not the page: the download is the whole set.
    assert f'href="{reverse("projects:csv")}?fund=efc&amp;sort=title" download' in second.text
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(reverse("projects:csv"), {"fund": "efc", "sort": "title", "page": "2"})
                .getvalue()
                .decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert [row["title"] for row in rows] == [f"P{i:02d}" for i in range(25)]


def test_csv_is_open_data_readable_by_any_program(client, registry):
    response = client.get(reverse("projects:csv"), {"q": "parmainu"})
    raw = response.getvalue()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens Latvian letters right
    text = raw.decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[:3] == ["agreement_number", "title", "title_original"]
    row = dict(zip(header, lines[0], strict=True))
    # Latvian Excel's numbers (a decimal comma, no thousands separator), ISO dates, codes.
    assert (row["total_cost_eur"], row["eu_funding_eur"], row["co_financing_eur"]) == (
        "99000,00",
        "99000,00",
        "0,00",
    )
    assert (row["planned_start"], row["planned_end"]) == ("2013-06-01", "2015-04-30")
    assert (row["fund"], row["municipality_role"], row["status"]) == (
        "efc",
        "partner",
        "in_progress",
    )
    assert row["partner_countries"] == "LV PL"
    # The English interface downloads the same data (links to the English pages).
    english = client.get("/en/projects/projects.csv", {"q": "parmainu"}).getvalue()
    assert english.replace(b"/en/", b"/lv/") == raw


def test_invalid_filter_is_explained_in_the_users_language(client, registry):
    latvian = client.get(URL, {"fund": "nope", "status": "completed"})
    assert latvian.status_code == 200
    assert '<span class="errorlist" id="id_fund_error">Jāatlasa derīga izvēle.' in latvian.text
    assert 'aria-describedby="id_fund_error"' in latvian.text
    assert (
        '<p class="message message-error" role="alert">Daži filtri netika piemēroti, jo to '
        "vērtības nav derīgas. Skatiet paziņojumu pie katra no tiem.</p>"
    ) in latvian.text
    # The valid filters still apply; no CSV link for a set the download would refuse.
    assert [p.slug for p in latvian.context["page"].object_list] == ["livani-kapacitate"]
    assert "projects.csv" not in latvian.text
    english = client.get("/en/projects/", {"year": "abc"})
    assert english.status_code == 200
    assert "Enter a year from 1990 to 2100 as a whole number, e.g. 2014." in english.text
    assert "Some filters were not applied: their values are not valid." in english.text


@pytest.mark.parametrize("year", ["-5", "0", "1989", "2101", "99999999999999999999", "2013.7"])
def test_year_outside_the_sane_range_or_not_whole_is_explained(client, registry, year):
    response = client.get(URL, {"year": year})
    assert response.status_code == 200
    assert response.context["filter"].form.errors["year"] == [
        "Ierakstiet gadu no 1990 līdz 2100 kā veselu skaitli, piemēram, 2014."
    ]
    assert '<span class="errorlist" id="id_year_error">Ierakstiet gadu' in response.text
    # Not read as another year: the filter is not applied, and the page says so.
    assert len(titles(response)) == 2


@pytest.mark.parametrize("action_line", ["9" * 25, "-1", "0", "1.5"])
def test_an_action_line_no_column_can_hold_is_refused_not_a_500(client, registry, action_line):
    """SQLite (`make run`) cannot even compare "9" * 25 with an id column: refused first."""
    response = client.get(URL, {"action_line": action_line})
    assert response.status_code == 200
    assert "action_line" in response.context["filter"].form.errors
    assert "Daži filtri netika piemēroti" in response.text
    assert len(titles(response)) == 2
    assert client.get(reverse("projects:csv"), {"action_line": action_line}).status_code == 400


def test_year_input_offers_the_range(client, registry):
    assert 'min="1990"' in client.get(URL).text and 'max="2100"' in client.get(URL).text


@pytest.mark.parametrize(
    "query",
    [{"fund": "typo"}, {"year": "2013.7"}, {"year": "-5"}, {"country": "XX"}, {"status": "x"}],
)
def test_csv_with_an_invalid_filter_answers_400_instead_of_everything(client, registry, query):
    response = client.get(reverse("projects:csv"), query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("Projekti netika lejupielādēti: izlabojiet šos filtrus.\n")
    assert "Pilsētu sadarbība" not in text and "Līvānu" not in text


def test_csv_invalid_filter_message_names_the_field_in_english(client, registry):
    response = client.get("/en/projects/projects.csv", {"fund": "typo", "q": "x"})
    assert response.status_code == 400
    assert response.content.decode().splitlines() == [
        "The projects were not downloaded: correct these filters.",
        "Fund: Select a valid choice. typo is not one of the available choices.",
    ]


def test_partner_countries_come_from_published_projects_only(client, registry):
    PartnershipFactory(
        project=registry["hidden"],
        organisation=OrganisationFactory(name="Slepenā Norvēģijas pašvaldība", country="NO"),
    )
    html = client.get(URL).text
    assert '<option value="PL">Polija</option>' in html
    assert 'value="NO"' not in html and "Norvēģija" not in html
    # Asking for it is an invalid choice, not a hint that a draft has such a partner.
    assert titles(client.get(URL, {"country": "NO"})) != []


@pytest.mark.parametrize(
    "url", [URL, "/lv/projects/projects.csv", "/lv/projects/cities-of-change/"]
)
def test_head_requests_are_answered(client, registry, url):
    response = client.head(url)
    assert response.status_code == 200
    assert client.post(url).status_code == 405


def test_csv_cells_cannot_start_a_spreadsheet_formula(client, municipality):
    project = ProjectFactory(
        municipality=municipality,
        title='=HYPERLINK("http://example.com","Klikšķini")',
        title_original="+1+2",
        acronym="@SUM(A1)",
    )
    PartnershipFactory(
        project=project,
        organisation=OrganisationFactory(name="-2+3 pašvaldība", country="PL"),
        role="lead",
    )
    ProjectFactory(municipality=municipality, title="\tTabulēts", slug="tab")
    text = client.get(reverse("projects:csv")).getvalue().decode("utf-8-sig")
    rows = {row["acronym"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    row = rows["'@SUM(A1)"]
    assert row["title"] == """'=HYPERLINK("http://example.com","Klikšķini")"""
    assert row["title_original"] == "'+1+2"
    assert row["lead_partner"] == "'-2+3 pašvaldība"
    assert "'\tTabulēts" in [r["title"] for r in rows.values()]
    # Ordinary text and the numbers stay as they are.
    assert row["total_cost_eur"] == "10000,00"
