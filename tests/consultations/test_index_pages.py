"""The consultations index stays bounded: by municipality, past discussions and working
groups a page at a time, the nearest upcoming events and latest surveys only."""

import datetime

import pytest
from django.utils import timezone

from consultations import selectors
from tests.factories import MunicipalityFactory, ProgrammeFactory, RedactionFactory

from .factories import (
    EventFactory,
    PublicDiscussionFactory,
    WorkingGroupFactory,
    published_redaction,
)

pytestmark = pytest.mark.django_db


def past_discussion(programme, number, days_ago):
    redaction = published_redaction(RedactionFactory(programme=programme, number=number))
    closes = timezone.now() - datetime.timedelta(days=days_ago)
    return PublicDiscussionFactory(
        redaction=redaction, opens_at=closes - datetime.timedelta(days=30), closes_at=closes
    )


def test_past_discussions_are_listed_a_page_at_a_time(client, programme, monkeypatch):
    monkeypatch.setattr(selectors, "PAST_DISCUSSIONS_PAGE_SIZE", 2)
    discussions = [past_discussion(programme, n, days_ago=n) for n in (1, 2, 3)]
    first = client.get("/lv/consultations/").content.decode()
    assert discussions[0].get_absolute_url() in first
    assert discussions[2].get_absolute_url() not in first
    assert 'href="?discussions=2#past-heading"' in first
    second = client.get("/lv/consultations/?discussions=2").content.decode()
    assert discussions[2].get_absolute_url() in second
    assert discussions[0].get_absolute_url() not in second


def test_a_municipality_is_chosen_and_only_its_consultations_shown(client, programme):
    mine = past_discussion(programme, 1, days_ago=1)
    other_programme = ProgrammeFactory(municipality=MunicipalityFactory(name="Cēsis"))
    theirs = past_discussion(other_programme, 1, days_ago=1)
    WorkingGroupFactory(programme=other_programme, name="Cēsu tūrisma grupa")
    EventFactory(programme=other_programme, title="Cēsu sanāksme")
    slug = programme.municipality.slug
    html = client.get(f"/lv/consultations/?municipality={slug}").content.decode()
    assert mine.get_absolute_url() in html
    assert theirs.get_absolute_url() not in html
    assert "Cēsu tūrisma grupa" not in html and "Cēsu sanāksme" not in html
    assert f'<option value="{slug}" selected>' in html
    everything = client.get("/lv/consultations/").content.decode()
    assert theirs.get_absolute_url() in everything and "Cēsu tūrisma grupa" in everything


def test_an_unknown_municipality_is_a_404(client, db):
    assert client.get("/lv/consultations/?municipality=nav-tadas").status_code == 404


def test_working_groups_are_listed_a_page_of_programmes_at_a_time(
    client, municipality, monkeypatch
):
    monkeypatch.setattr(selectors, "GROUP_PROGRAMMES_PAGE_SIZE", 1)
    for title in ("Alfa programma", "Beta programma"):
        WorkingGroupFactory(
            programme=ProgrammeFactory(municipality=municipality, title=title),
            name=f"Grupa: {title}",
        )
    first = client.get("/lv/consultations/").content.decode()
    second = client.get("/lv/consultations/?groups=2").content.decode()
    assert ("Grupa: Alfa programma" in first) != ("Grupa: Alfa programma" in second)
    assert ("Grupa: Beta programma" in first) != ("Grupa: Beta programma" in second)
    assert 'href="?groups=2#groups-heading"' in first


def test_upcoming_events_are_bounded(client, programme, monkeypatch):
    monkeypatch.setattr(selectors, "UPCOMING_EVENTS_SHOWN", 2)
    start = timezone.now() + datetime.timedelta(days=1)
    for n in range(3):
        moment = start + datetime.timedelta(days=n)
        EventFactory(
            programme=programme,
            title=f"Gaidāms {n}",
            starts_at=moment,
            ends_at=moment + datetime.timedelta(hours=1),
        )
    html = client.get("/lv/consultations/").content.decode()
    assert "Gaidāms 0" in html and "Gaidāms 1" in html and "Gaidāms 2" not in html
    assert 'href="/events.ics"' in html or "events.ics" in html


def test_links_to_a_programmes_working_groups_land_where_they_are_listed(client, db):
    """The index lists groups a few programmes a page, all municipalities together: the
    programme page's link and a search result choose the programme's municipality, so the
    programme is on the page they open, however many programmes come before it."""
    for letter in "ABCDEF":
        WorkingGroupFactory(
            programme=ProgrammeFactory(municipality=MunicipalityFactory(name=f"{letter} novads")),
            name=f"{letter} grupa",
        )
    programme = ProgrammeFactory(municipality=MunicipalityFactory(name="Zilupes novads"))
    published_redaction(RedactionFactory(programme=programme))
    WorkingGroupFactory(programme=programme, name="Zilupes uzņēmēju grupa")
    assert f'id="groups-{programme.pk}"' not in client.get("/lv/consultations/").text

    programme_page = client.get(programme.get_absolute_url()).text
    search_page = client.get("/lv/search/", {"q": "zilupes uznemeju"}).text
    for page in (programme_page, search_page):
        url = f"/lv/consultations/?municipality={programme.municipality.slug}#groups-{programme.pk}"
        assert f'href="{url}"' in page
        listing = client.get(url).text
        assert f'id="groups-{programme.pk}"' in listing
        assert "Zilupes uzņēmēju grupa" in listing
