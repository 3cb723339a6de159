"""The public project page: key facts, partners by country, activities, news, decision."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.models import Activity, CouncilDecision
from tests.factories import ActionLineFactory

from .factories import (
    ActivityFactory,
    NewsFactory,
    NewsPhotoFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(municipality):
    decision = CouncilDecision.objects.create(
        municipality=municipality,
        number="228",
        date=datetime.date(2013, 6, 11),
        protocol_number="14",
        paragraph="15",
    )
    project = ProjectFactory(
        title="Pilsētu sadarbība",
        slug="cities-of-change",
        municipality=municipality,
        total_cost=Decimal("99000"),
        eu_funding=Decimal("99000"),
        co_financing=Decimal("0"),
        council_decision=decision,
    )
    countries = ["PL", "LV", "IT", "IT", "IT", "IE", "NL", "NL", "LT", "ES", "FR", "GB", "DE", "RO"]
    for i, country in enumerate(countries):
        PartnershipFactory(
            project=project,
            organisation=OrganisationFactory(country=country, name=f"Partneris {i}"),
            role="lead" if i == 0 else "partner",
        )
    return project


def test_key_facts_and_partner_counts(client, project):
    html = client.get(project.get_absolute_url()).text
    assert "14 partneri no 11 valstīm" in html
    assert "99\xa0000,00\xa0€" in html
    assert "100\xa0%" in html
    assert "2013. gada 11. jūnijs" in html
    assert "Partneris 0" in html
    assert "Šī informācija ir veidota ar Eiropas Savienības" in html
    assert f'href="/lv/projects/{project.slug}/feed/"' in html


def test_english_page_counts_partners_from_data(client, project):
    html = client.get(f"/en/projects/{project.slug}/").text
    assert "14 partners from 11 countries" in html


def test_activities_and_news_and_action_lines_are_shown(client, project):
    ActivityFactory(project=project, title="Konference Poznaņā", participants=30, certificates=0)
    post = NewsFactory(project=project, municipality=project.municipality, title="Par konferenci")
    NewsFactory(
        project=project, municipality=project.municipality, title="Melnraksts", is_published=False
    )
    line = ActionLineFactory(code="RV4.2", title="Starptautiskā sadarbība")
    line.priority.redaction.programme.municipality = project.municipality
    from programmes.models import Redaction

    Redaction.objects.filter(pk=line.priority.redaction_id).update(status="approved")
    project.action_lines.add(line)
    html = client.get(project.get_absolute_url()).text
    assert "Konference Poznaņā" in html
    assert post.title in html and "Melnraksts" not in html
    assert "RV4.2" in html


def test_unpublished_project_is_404(client, project):
    project.is_published = False
    project.save()
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get(f"/lv/projects/{project.slug}/feed/").status_code == 404


def test_period_elapsed():
    project = ProjectFactory.build(
        planned_start=datetime.date(2013, 6, 1), planned_end=datetime.date(2015, 4, 30)
    )
    assert project.period_elapsed(datetime.date(2013, 1, 1)) == 0
    assert project.period_elapsed(datetime.date(2016, 1, 1)) == 100
    assert 40 < project.period_elapsed(datetime.date(2014, 5, 15)) < 60


def _add_content(project, n):
    for i in range(n):
        ActivityFactory(project=project, kind=Activity.Kind.SEMINAR)
        PartnershipFactory(project=project)
        post = NewsFactory(
            project=project,
            municipality=project.municipality,
            published_at=timezone.now() - datetime.timedelta(hours=i + 1),
        )
        NewsPhotoFactory(news=post)


def test_project_page_query_count_does_not_grow(client, project, django_assert_max_num_queries):
    _add_content(project, 2)
    url = project.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    _add_content(project, 3)
    # project with fund, municipality, decision, programme; partnerships with organisations;
    # activities; action lines with their redaction; news; news photos
    with django_assert_max_num_queries(6):
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second.captured_queries) == len(first.captured_queries)


def test_home_lists_running_projects_first_then_upcoming_then_finished(client, municipality):
    status = ProjectFactory._meta.model.Status
    ProjectFactory(
        title="Pabeigtais",
        status=status.COMPLETED,
        municipality=municipality,
        planned_start=datetime.date(2020, 1, 1),
        planned_end=datetime.date(2021, 1, 1),
    )
    ProjectFactory(
        title="Īstenojamais",
        status=status.IN_PROGRESS,
        municipality=municipality,
        planned_start=datetime.date(2012, 1, 1),
    )
    ProjectFactory(
        title="Plānotais",
        status=status.PLANNED,
        municipality=municipality,
        planned_start=datetime.date(2027, 1, 1),
        planned_end=datetime.date(2028, 1, 1),
    )
    ProjectFactory(title="Slēptais", is_published=False, municipality=municipality)
    html = client.get("/lv/").text
    positions = [html.index(title) for title in ("Īstenojamais", "Plānotais", "Pabeigtais")]
    assert positions == sorted(positions)
    assert "Tiek īstenots" in html and "Pabeigts" in html
    assert "Slēptais" not in html
