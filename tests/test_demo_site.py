"""The demo site as a visitor meets it: every public page is reachable by clicking from
the home page, no link is broken, and loading the demo again doubles nothing."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from django.apps import apps

from tests.demo import load_demo

pytestmark = pytest.mark.django_db

MAX_PAGES = 600
SKIP = ("/lv/admin/", "/en/admin/", "/media/", "/static/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal_links(html, current):
    parser = LinkParser()
    parser.feed(html)
    for href in parser.links:
        href, _fragment = urldefrag(href)
        parsed = urlparse(href)
        if parsed.scheme or parsed.netloc or not href:
            continue
        if not href.startswith("/"):
            href = current.rsplit("/", 1)[0] + "/" + href
        # Filters and sorting multiply URLs without new pages; pagination is kept.
        if "?" in href and not re.search(r"\?page=\d+$", href):
            continue
        yield href


def crawl(client, start):
    statuses, queue, seen = {}, [start], {start}
    while queue and len(statuses) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        statuses[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        for link in internal_links(response.content.decode(), url):
            if link.startswith(SKIP) or link in seen:
                continue
            if not link.startswith("/lv/"):
                statuses.setdefault(link, client.get(link).status_code)
                continue
            seen.add(link)
            queue.append(link)
    return statuses


def test_every_kind_of_public_page_is_reachable_from_home_and_no_link_is_broken(client, demo):
    statuses = crawl(client, "/lv/")
    broken = {url: status for url, status in statuses.items() if status >= 400}
    assert broken == {}
    reached = list(statuses)
    expected = {
        "municipality": r"^/lv/programmes/[\w-]+/$",
        "programme": r"^/lv/programmes/[\w-]+/[\w-]+/$",
        "redaction": r"^/lv/programmes/[\w-]+/[\w-]+/redactions/\d+/$",
        "comparison": r"/redactions/\d+/compare/\d+/$",
        "monitoring": r"^/lv/programmes/[\w-]+/[\w-]+/monitoring/$",
        "redaction's open data": r"/redactions/\d+/action-plan\.csv$",
        "project": r"^/lv/projects/[\w-]+/$",
        "news item": r"^/lv/news/[\w-]+/$",
        "news feed": r"/feeds/news/$",
        "public discussion": r"^/lv/consultations/[\w-]+/$",
        "discussion report": r"^/lv/consultations/[\w-]+/report/$",
        "events calendar": r"events\.ics$",
        "about": r"^/lv/about/$",
    }
    missing = [
        name
        for name, pattern in expected.items()
        if not any(re.search(pattern, u) for u in reached)
    ]
    assert missing == []
    # Search is a form in the header of every page, not a link.
    assert 'action="/lv/search/"' in client.get("/lv/").content.decode()


def test_loading_the_demo_twice_doubles_nothing(demo):
    # History tables included: a second run that changes nothing records no changes either.
    models = [
        m
        for m in apps.get_models()
        if m._meta.app_label in ("programmes", "projects", "consultations", "portal", "auth")
    ]
    before = {m._meta.label: m._base_manager.count() for m in models}
    load_demo()
    after = {m._meta.label: m._base_manager.count() for m in models}
    grown = {
        label: (before[label], after[label]) for label in before if after[label] != before[label]
    }
    assert grown == {}
