"""iCalendar feeds of consultation events, read back by a real parser."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import ProgrammeFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(programme):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    mine = EventFactory(
        programme=programme,
        title="Sabiedriskās apspriešanas sanāksme",
        place="Daugavpils pilsētas dome",
        summary="Programmas prezentācija.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    other = EventFactory(programme=ProgrammeFactory(), title="Cits seminārs")
    return mine, other


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_all_events_feed_parses_with_the_expected_events(client, events):
    mine, other = events
    calendar = parse(client.get("/lv/events.ics"))
    vevents = calendar.walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in vevents} == {mine.title, other.title}
    event = next(e for e in vevents if str(e["SUMMARY"]) == mine.title)
    assert event.decoded("DTSTART") == mine.starts_at
    assert event.decoded("DTEND") == mine.ends_at
    assert str(event["LOCATION"]) == "Daugavpils pilsētas dome"
    assert "Programmas prezentācija." in str(event["DESCRIPTION"])
    assert str(event["UID"]).startswith(f"consultations-event-{mine.pk}@")
    assert "DTSTAMP" in event


def test_programme_feed_has_only_that_programmes_events(client, events, programme):
    mine, _other = events
    url = f"/en/consultations/programmes/{programme.municipality.slug}/{programme.slug}/events.ics"
    calendar = parse(client.get(url))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [mine.title]


def test_unknown_programme_feed_is_404(client, db):
    assert client.get("/lv/consultations/programmes/nav/nav/events.ics").status_code == 404


def test_consultations_page_links_the_feeds(client, events, programme):
    html = client.get("/lv/consultations/").content.decode()
    assert 'href="/lv/events.ics"' in html
    assert (
        f"/lv/consultations/programmes/{programme.municipality.slug}/{programme.slug}/events.ics"
        in html
    )


def test_times_are_exact_instants_in_utc_and_riga_wall_clock_survives(client, programme):
    """A meeting at 17:00 Riga time in summer (UTC+3) and in winter (UTC+2)."""
    riga = ZoneInfo("Europe/Riga")
    summer = datetime.datetime(2030, 7, 1, 17, 0, tzinfo=riga)
    winter = datetime.datetime(2030, 1, 15, 17, 0, tzinfo=riga)
    for start in (summer, winter):
        EventFactory(
            programme=programme,
            title=f"Sanāksme {start:%m}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )
    # 2030 is beyond the portal-wide calendar's year: the programme's holds every event.
    url = f"/lv/consultations/programmes/{programme.municipality.slug}/{programme.slug}/events.ics"
    body = client.get(url).content.decode()
    assert "DTSTART:20300701T140000Z" in body
    assert "DTSTART:20300115T150000Z" in body
    for event in parse(client.get(url)).walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert start.utcoffset() == datetime.timedelta(0)
        assert start.astimezone(riga).hour == 17


def test_event_uids_are_stable_between_downloads(client, events):
    first = [str(e["UID"]) for e in parse(client.get("/lv/events.ics")).walk("VEVENT")]
    second = [str(e["UID"]) for e in parse(client.get("/en/events.ics")).walk("VEVENT")]
    assert first == second
    assert len(set(first)) == len(first)


def test_each_event_links_to_its_programme_page(client, events):
    mine, _other = events
    calendar = parse(client.get("/lv/events.ics"))
    urls = {
        str(item["summary"]): str(item["url"]) for item in calendar.walk("VEVENT") if "url" in item
    }
    assert urls[mine.title] == f"http://testserver{mine.programme.get_absolute_url()}"


def test_the_portal_calendar_holds_recent_and_coming_events_and_each_municipality_all(
    client, programme
):
    now = timezone.now()
    for title, days in (("Sena", -200), ("Nesena", -30), ("Tuva", 10), ("Tāla", 800)):
        start = now + datetime.timedelta(days=days)
        EventFactory(
            programme=programme,
            municipality=programme.municipality,
            title=title,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )
    EventFactory(programme=ProgrammeFactory(), title="Citur")
    portal = {str(e["SUMMARY"]) for e in parse(client.get("/lv/events.ics")).walk("VEVENT")}
    assert portal == {"Nesena", "Tuva", "Citur"}
    url = f"/lv/consultations/municipalities/{programme.municipality.slug}/events.ics"
    response = client.get(url)
    assert f'filename="{programme.municipality.slug}-events.ics"' in response["Content-Disposition"]
    mine = {str(e["SUMMARY"]) for e in parse(response).walk("VEVENT")}
    assert mine == {"Sena", "Nesena", "Tuva", "Tāla"}
    assert client.get("/lv/consultations/municipalities/nav/events.ics").status_code == 404
    index = client.get(f"/lv/consultations/?municipality={programme.municipality.slug}")
    assert f'href="{url}"' in index.content.decode()
