"""A municipality's page gathers what the portal holds about it: besides its programmes,
its open discussions and coming events, its projects and its news, each with a link to
all of it; another municipality's records and anything unpublished stay off it, and it
costs the same queries however much there is. The news list is filtered to match."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import PublicDiscussion
from programmes.models import Redaction
from tests.consultations.factories import EventFactory, PublicDiscussionFactory
from tests.factories import MunicipalityFactory, ProgrammeFactory, RedactionFactory
from tests.projects.factories import NewsFactory, NewsPhotoFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    return MunicipalityFactory(name="Rēzekne", slug="rezekne")


@pytest.fixture
def neighbour():
    return MunicipalityFactory(name="Ludza", slug="ludza")


def open_discussion(municipality, number=1, **kwargs):
    programme = ProgrammeFactory(municipality=municipality)
    redaction = RedactionFactory(programme=programme, number=number)
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("public_discussion")
    redaction.refresh_from_db()
    return PublicDiscussionFactory(redaction=redaction, **kwargs)


def page(client, municipality):
    return client.get(reverse("programmes:municipality", args=[municipality.slug])).text


def test_the_page_shows_its_own_projects_news_and_consultations_with_links(client, town, neighbour):
    ProjectFactory(municipality=town, title="Rēzeknes ielu pārbūve")
    ProjectFactory(municipality=neighbour, title="Ludzas skvērs")
    ProjectFactory(municipality=town, title="Melnraksta projekts", is_published=False)
    NewsFactory(municipality=town, title="Rēzeknē atklāj skvēru")
    NewsFactory(municipality=neighbour, title="Ludzā atklāj skvēru")
    NewsFactory(municipality=town, title="Vēl nepublicēta ziņa", is_published=False)
    NewsFactory(
        municipality=town,
        title="Rītdienas ziņa",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    discussion = open_discussion(town)
    EventFactory(programme=discussion.redaction.programme, title="Rēzeknes iedzīvotāju sanāksme")
    open_discussion(neighbour)

    html = page(client, town)

    assert "Rēzeknes ielu pārbūve" in html and "Rēzeknē atklāj skvēru" in html
    assert discussion.get_absolute_url() in html and "Rēzeknes iedzīvotāju sanāksme" in html
    assert "Reģistrā ir 1 projekts, ko pašvaldība vada vai kurā tā piedalās." in html
    for hidden in ("Ludza", "Melnraksta projekts", "Vēl nepublicēta ziņa", "Rītdienas ziņa"):
        assert hidden not in html
    for link in (
        "/lv/projects/?municipality=rezekne",
        "/lv/news/?municipality=rezekne",
        "/lv/consultations/?municipality=rezekne",
        "/lv/consultations/municipalities/rezekne/events.ics",
    ):
        assert f'href="{link}"' in html
        assert client.get(link).status_code == 200


def test_a_municipality_with_nothing_yet_says_so(client, town):
    html = page(client, town)
    assert "Reģistrā vēl nav neviena šīs pašvaldības projekta." in html
    assert "Par šo pašvaldību jaunumu vēl nav." in html
    assert "Pašlaik nenotiek neviena sabiedriskā apspriešana, un nav gaidāmu pasākumu." in html


def test_a_draft_redactions_discussion_stays_off_the_page(client, town):
    programme = ProgrammeFactory(municipality=town)
    draft = RedactionFactory(programme=programme, number=1)
    now = timezone.now()
    # As a bulk import could leave it: the model itself refuses a draft's discussion.
    PublicDiscussion.objects.bulk_create(
        [
            PublicDiscussion(
                redaction=draft,
                slug="slepena",
                opens_at=now - datetime.timedelta(days=1),
                closes_at=now + datetime.timedelta(days=20),
            )
        ]
    )
    assert "slepena" not in page(client, town)


def test_the_page_costs_the_same_queries_however_much_the_municipality_has(
    client, town, django_assert_max_num_queries
):
    # municipality, its programmes, their published redactions (3); open discussions,
    # coming events (2); projects counted, the latest (2); the latest news, their photos (2)
    def grow(size):
        for _ in range(size):
            ProjectFactory(municipality=town)
            NewsPhotoFactory(news=NewsFactory(municipality=town))
            discussion = open_discussion(town)
            EventFactory(programme=discussion.redaction.programme)

    grow(1)
    with django_assert_max_num_queries(9):
        first = page(client, town)
    grow(8)
    with django_assert_max_num_queries(9):
        second = page(client, town)
    assert second.count('class="card news-card"') == 3  # the latest three, not all nine
    assert first.count('class="card news-card"') == 1


def test_the_news_list_of_one_municipality(client, town, neighbour, monkeypatch):
    from portal import news_views

    monkeypatch.setattr(news_views, "PAGE_SIZE", 2)
    for day in range(3):
        NewsFactory(
            municipality=town,
            title=f"Rēzeknes ziņa {day}",
            published_at=timezone.now() - datetime.timedelta(days=day + 1),
        )
    NewsFactory(municipality=neighbour, title="Ludzas ziņa")

    first = client.get("/lv/news/", {"municipality": "rezekne"}).text
    assert "Rēzeknes ziņa 0" in first and "Rēzeknes ziņa 1" in first
    assert "Ludzas ziņa" not in first and "Rēzeknes ziņa 2" not in first
    assert '<option value="rezekne" selected>' in first
    assert "Jaunumi: Rēzekne." in first
    assert 'href="?municipality=rezekne&amp;page=2"' in first  # the next page keeps it
    second = client.get("/lv/news/", {"municipality": "rezekne", "page": 2}).text
    assert "Rēzeknes ziņa 2" in second and "Ludzas ziņa" not in second
    assert "Ludzas ziņa" in client.get("/lv/news/").text
    assert client.get("/lv/news/", {"municipality": "nav-tadas"}).status_code == 404
    english = client.get("/en/news/", {"municipality": "rezekne"}).text
    assert "News of Rēzekne." in english


def test_in_the_demo_each_municipality_page_has_its_own_news(client, demo):
    """Līvāni's post is seed 001 (its working groups); Daugavpils' are seeds 000, 002, 004."""
    livani = client.get("/lv/programmes/livani/").text
    assert "norisinājās 12 darba grupas" in livani
    assert "Pārmaiņu pilsētas dalījās" not in livani
    daugavpils = client.get("/lv/programmes/daugavpils/").text
    assert "Pārmaiņu pilsētas dalījās" in daugavpils
    assert "Cities of change" in daugavpils or "Pilsētu sadarbība" in daugavpils


def test_a_project_page_shows_its_latest_news_and_links_to_all_of_them(
    client, town, django_assert_max_num_queries
):
    from portal.panels import PROJECT_NEWS_SHOWN

    project = ProjectFactory(municipality=town, title="Rēzeknes ielu pārbūve", slug="ielas")
    other = ProjectFactory(municipality=town, slug="cits")
    for day in range(PROJECT_NEWS_SHOWN + 2):
        NewsFactory(
            municipality=town,
            project=project,
            title=f"Ielu ziņa {day}",
            published_at=timezone.now() - datetime.timedelta(days=day + 1),
        )
    NewsFactory(municipality=town, project=other, title="Cita projekta ziņa")
    NewsFactory(municipality=town, project=project, title="Nepublicēta", is_published=False)

    html = client.get(project.get_absolute_url()).text
    assert html.count('class="card news-card"') == PROJECT_NEWS_SHOWN
    assert "Ielu ziņa 0" in html and f"Ielu ziņa {PROJECT_NEWS_SHOWN}" not in html
    assert 'href="/lv/news/?project=ielas"' in html

    listing = client.get("/lv/news/", {"project": "ielas"}).text
    assert f"Ielu ziņa {PROJECT_NEWS_SHOWN + 1}" in listing
    assert "Cita projekta ziņa" not in listing and "Nepublicēta" not in listing
    assert "Projekta „Rēzeknes ielu pārbūve” jaunumi." in listing
    few = client.get(other.get_absolute_url()).text
    assert "?project=cits" not in few  # everything is on the page already
    project.is_published = False
    project.save()
    assert client.get("/lv/news/", {"project": "ielas"}).status_code == 404
