"""Everything published can be found: feeds advertised on the home page, projects by the
name residents know them by."""

import re

import feedparser


def test_the_home_page_advertises_the_feeds_and_the_catalogue(client, demo):
    page = client.get("/lv/").content.decode()
    alternates = dict(
        (href, kind)
        for kind, href in re.findall(
            r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', page
        )
    )
    assert alternates["/lv/feeds/news/"] == "application/atom+xml"
    assert alternates["/lv/feeds/discussions/"] == "application/atom+xml"
    assert alternates["/lv/events.ics"] == "text/calendar"
    assert alternates["/data/catalog.jsonld"] == "application/ld+json"
    for href in alternates:
        assert client.get(href).status_code == 200, href
    feed = feedparser.parse(client.get("/lv/feeds/news/").content)
    assert feed.entries


def test_the_registry_shows_the_original_title_beside_the_latvian_one(client, demo):
    page = client.get("/lv/projects/").content.decode()
    row = next(r for r in page.split("<tr>") if "cities-of-change" in r)
    assert "Pilsētu sadarbība" in row
    assert (
        '<span class="original-title" lang="en">Cities of change – the co-operation of cities'
        in row
    )


def test_the_registry_and_search_find_a_project_by_its_original_name(client, demo):
    registry = client.get("/lv/projects/", {"q": "cities of change"}).content.decode()
    assert "/lv/projects/cities-of-change/" in registry
    search = client.get("/lv/search/", {"q": "Cities of change"}).content.decode()
    assert "/lv/projects/cities-of-change/" in search
    assert "Cities of change · Daugavpils" in search
