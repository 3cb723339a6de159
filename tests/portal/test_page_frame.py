"""What the shell draws around every page: breadcrumbs once, the same programme links on
the home page as on the list of programmes, feeds named after the portal."""

import re

import feedparser
import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, ProgrammeFactory, RedactionFactory
from tests.projects.factories import NewsFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    municipality = MunicipalityFactory(name="Rēzekne", slug="rezekne")
    programme = ProgrammeFactory(municipality=municipality, title="Rēzeknes programma", slug="ap")
    RedactionFactory(programme=programme, number=1, label="Pirmā redakcija", status="approved")
    return programme


def test_every_page_with_a_trail_shows_its_breadcrumbs_once_and_the_home_page_none(
    client, programme
):
    project = ProjectFactory(municipality=programme.municipality)
    post = NewsFactory(municipality=programme.municipality)
    pages = [
        reverse("programmes:list"),
        programme.municipality.get_absolute_url(),
        programme.get_absolute_url(),
        reverse("programmes:redaction", args=["rezekne", "ap", 1]),
        reverse("programmes:monitoring", args=["rezekne", "ap"]),
        reverse("projects:list"),
        project.get_absolute_url(),
        reverse("consultations:index"),
        reverse("news:list"),
        post.get_absolute_url(),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert html.count('<nav class="breadcrumbs"') == 1, url
        assert f'<a href="{reverse("home")}">Sākums</a>' in html, url
    assert 'class="breadcrumbs"' not in client.get(reverse("home")).content.decode()


def _programme_item(html, programme):
    """The list item that links the programme, as a page shows it."""
    found = re.search(
        rf'<li><a href="{re.escape(programme.get_absolute_url())}">.*?</li>', html, re.DOTALL
    )
    assert found, "the programme is not linked"
    return found.group(0)


def test_home_links_each_programme_as_the_list_of_programmes_does(client, programme):
    home = _programme_item(client.get(reverse("home")).content.decode(), programme)
    listed = _programme_item(client.get(reverse("programmes:list")).content.decode(), programme)
    assert home == listed
    assert "Rēzeknes programma" in home
    assert "Pirmā redakcija" in home
    assert 'class="badge badge-approved"' in home


def test_feeds_are_titled_with_the_portals_name(client, settings):
    settings.PORTAL_NAME = "Latgales attīstības portāls"
    project = ProjectFactory(title="Pārmaiņu pilsētas")
    titles = {
        name: feedparser.parse(client.get(url).content).feed.title
        for name, url in [
            ("news", reverse("feeds:news")),
            ("discussions", reverse("feeds:discussions")),
            ("project", reverse("feeds:project", args=[project.slug])),
        ]
    }
    assert titles == {
        "news": "Latgales attīstības portāls: jaunumi",
        "discussions": "Latgales attīstības portāls: sabiedriskās apspriešanas",
        "project": "Projekta „Pārmaiņu pilsētas” jaunumi",
    }
