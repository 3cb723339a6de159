"""Programme pages show the news about the programme, the project funding its drafting,
and on the redaction page the projects that serve each action line."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.models import Redaction
from tests.factories import ActionLineFactory, PriorityFactory, ProgrammeFactory, RedactionFactory

from .factories import NewsFactory, NewsPhotoFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(municipality):
    return ProgrammeFactory(municipality=municipality, slug="ap-2014-2020")


@pytest.fixture
def line(programme):
    redaction = RedactionFactory(programme=programme, number=1)
    line = ActionLineFactory(priority=PriorityFactory(redaction=redaction), code="RV4.2")
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    return line


def programme_url(programme):
    return f"/lv/programmes/{programme.municipality.slug}/{programme.slug}/"


def test_programme_page_shows_news_and_drafting_funded_by(client, programme, line):
    funding = ProjectFactory(
        municipality=programme.municipality,
        title="Plānošanas kapacitāte",
        funds_programme=programme,
    )
    NewsFactory(municipality=programme.municipality, programme=programme, title="Darbs sākts")
    NewsFactory(
        municipality=programme.municipality,
        programme=programme,
        title="Melnraksts",
        is_published=False,
    )
    html = client.get(programme_url(programme)).text
    assert "Darbs sākts" in html and "Melnraksts" not in html
    assert funding.get_absolute_url() in html


def test_redaction_page_lists_projects_serving_an_action_line(client, programme, line):
    project = ProjectFactory(municipality=programme.municipality, title="Pārmaiņu pilsētas")
    hidden = ProjectFactory(
        municipality=programme.municipality, title="Nepublicēts", is_published=False
    )
    project.action_lines.add(line)
    hidden.action_lines.add(line)
    ProjectFactory(municipality=programme.municipality, title="Cits projekts")
    html = client.get(f"{programme_url(programme)}redactions/1/").text
    # A count and a link to the registry, not the projects: the page keeps its size.
    link = f'<a href="/lv/projects/?action_line={line.pk}">1 projekts īsteno šo rīcības virzienu'
    assert link in html  # the unpublished one is not counted
    assert "Nepublicēts" not in html
    registry = client.get(f"/lv/projects/?action_line={line.pk}").text
    assert "Pārmaiņu pilsētas" in registry
    assert "Nepublicēts" not in registry and "Cits projekts" not in registry
    assert f'<input type="hidden" name="action_line" value="{line.pk}"' in registry


def _grow(programme, line, n):
    for _ in range(n):
        ProjectFactory(municipality=programme.municipality).action_lines.add(line)
        ProjectFactory(municipality=programme.municipality, funds_programme=programme)
        post = NewsFactory(municipality=programme.municipality, programme=programme)
        NewsPhotoFactory(news=post)


@pytest.mark.parametrize("suffix", ["", "redactions/1/"])
def test_query_counts_do_not_grow_with_projects_and_news(client, programme, line, suffix):
    url = programme_url(programme) + suffix
    _grow(programme, line, 2)
    # Measure the full render, not a cached copy of a frozen redaction's parts.
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    _grow(programme, line, 3)
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after.captured_queries) == len(before.captured_queries)
