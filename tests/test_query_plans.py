"""Every ORDER BY of a list over a big table is served by an index (README, "Indexes"):
PostgreSQL reads the first rows of the index instead of sorting the whole table.

A test database holds a handful of rows, over which a sequential scan and a sort are
cheaper, so the planner is told to avoid both when it can (`enable_seqscan`,
`enable_sort` off): a plan that still sorts has no index to serve the order.
"""

import pytest
from django.db import connection
from django.http import QueryDict

from consultations.models import Event
from portal.models import News
from projects.filters import ProjectFilter
from projects.models import REGISTRY_SORTS, Activity, Partnership, Project

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans"),
]


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def assert_served_by(queryset, index):
    text = plan(queryset)
    assert f"using {index} on" in text, text
    assert "Sort Key" not in text, text


def test_the_home_pages_projects_are_the_first_rows_of_an_index_not_a_sort():
    assert_served_by(Project.objects.for_home(6), "projects_project_home")


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("-start", "projects_registry_newest"),
        ("start", "projects_registry_oldest"),
        ("title", "projects_registry_title"),
        ("-title", "projects_registry_title"),
        ("cost", "projects_registry_cheapest"),
        ("-cost", "projects_registry_dearest"),
    ],
)
def test_every_sort_of_the_registry_is_served_by_an_index(sort, index):
    page = Project.objects.for_registry().order_by(*REGISTRY_SORTS[sort])[20:40]
    assert_served_by(page, index)


def test_a_municipalitys_registry_is_served_by_an_index(municipality):
    found = ProjectFilter(
        QueryDict(f"municipality={municipality.slug}"), queryset=Project.objects.for_registry()
    ).qs
    assert_served_by(
        found.order_by(*REGISTRY_SORTS["-start"])[:20], "projects_registry_municipality"
    )


def test_the_registrys_year_filter_finds_a_projects_first_activity_in_an_index():
    found = ProjectFilter(QueryDict("year=2024"), queryset=Project.objects.for_registry()).qs
    assert "Index Only Scan using projects_activity_order" in plan(found[:20])


def test_a_projects_partners_and_activities_come_in_order_from_their_indexes():
    assert_served_by(Activity.objects.filter(project_id=1), "projects_activity_order")
    assert_served_by(Partnership.objects.filter(project_id=1), "projects_partner_order")


@pytest.mark.parametrize("field", ["municipality", "programme", "project"])
def test_the_newest_news_of_a_municipality_programme_or_project_come_from_an_index(field):
    newest = News.objects.published().filter(**{f"{field}_id": 1}).order_by("-published_at", "-id")
    assert_served_by(newest[:12], f"portal_news_{field}")


def test_the_news_list_reads_the_publication_index_backwards():
    text = plan(News.objects.for_list()[:12])
    assert "Index Scan Backward using portal_news_published" in text, text


def test_the_news_list_of_one_municipality_and_its_page_read_its_index():
    """`?municipality=` of the news list, and the latest news on the municipality's page."""
    assert_served_by(
        News.objects.for_list().filter(municipality_id=1)[:12], "portal_news_municipality"
    )


def test_upcoming_and_past_events_come_in_time_order_from_an_index():
    assert_served_by(Event.objects.upcoming()[:10], "consultations_event_start")
    assert_served_by(Event.objects.past()[:10], "consultations_event_start")
    mine = Event.objects.filter(municipality_id=1).order_by("starts_at")[:10]
    assert_served_by(mine, "consultations_event_mun_start")
