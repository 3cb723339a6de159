"""The demo site as a visitor meets it: every public page is reachable by clicking from
the home page, no link is broken (nor points at a part of a page that is not there), and
loading the demo again doubles nothing."""

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


def resolve(href, current):
    """(address, fragment) of an internal link, or None for another site's."""
    href, fragment = urldefrag(href)
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc:
        return None
    if not href:
        return current, fragment  # "#main": this page
    if not href.startswith("/"):
        href = current.rsplit("/", 1)[0] + "/" + href
    return href, fragment


def internal_links(html, current):
    """(address, fragment, crawl) of every internal link: filters and sorting multiply
    addresses without new pages, so only pagination is crawled of those with a query."""
    parser = LinkParser()
    parser.feed(html)
    for href in parser.links:
        resolved = resolve(href, current)
        if resolved is None:
            continue
        address, fragment = resolved
        crawl = "?" not in address or re.search(r"\?page=\d+$", address) is not None
        yield address, fragment, crawl


def crawl(client, start):
    """{address: status} of every page reached from `start`, and the anchors links point
    to: [(page linking, address, fragment)]."""
    statuses, queue, seen, pages, anchors = {}, [start], {start}, {}, []
    while queue and len(statuses) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        statuses[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        pages[url] = response.content.decode()
        for link, fragment, follow in internal_links(pages[url], url):
            if link.startswith(SKIP):
                continue
            if fragment:
                anchors.append((url, link, fragment))
            if not follow or link in seen:
                continue
            if not link.startswith(start):
                statuses.setdefault(link, client.get(link).status_code)
                continue
            seen.add(link)
            queue.append(link)
    return statuses, pages, anchors


def missing_anchors(client, pages, anchors):
    """Links whose fragment names no element of the page they open: the visitor lands at
    the top of the wrong page, or of a page where what they clicked for is not."""
    missing = set()
    for source, address, fragment in anchors:
        if address not in pages:
            response = client.get(address)
            html = response.content.decode() if response.status_code == 200 else ""
            pages[address] = (
                html if response.get("Content-Type", "").startswith("text/html") else None
            )
        html = pages[address]
        if html is not None and not re.search(rf'\sid="{re.escape(fragment)}"', html):
            missing.add((source, f"{address}#{fragment}"))
    return sorted(missing)


@pytest.mark.parametrize("language", ["lv", "en"])
def test_every_kind_of_public_page_is_reachable_from_home_and_no_link_is_broken(
    client, demo, language
):
    statuses, pages, anchors = crawl(client, f"/{language}/")
    broken = {url: status for url, status in statuses.items() if status >= 400}
    assert broken == {}
    assert missing_anchors(client, pages, anchors) == []
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
        "action plan": r"/redactions/\d+/action-plan/$",
        "investment plan": r"/redactions/\d+/investment-plan/$",
        "monitoring report": r"^/lv/programmes/[\w-]+/[\w-]+/reports/\d+/$",
        "monitoring report PDF": r"/reports/\d+/report\.pdf$",
        "project registry": r"^/lv/projects/$",
        "projects download": r"^/lv/projects/projects\.csv$",
        "news list": r"^/lv/news/$",
        "consultations": r"^/lv/consultations/$",
        "discussion's proposals": r"^/lv/consultations/[\w-]+/proposals/$",
        "subscription": r"^/lv/consultations/subscriptions/new/$",
        "past events": r"^/lv/consultations/events/past/$",
        "open data": r"^/lv/open-data/$",
        "API page": r"^/lv/open-data/api/$",
        "API": r"^/api/v1/$",
        "data catalogue": r"^/data/catalog\.jsonld$",
    }
    missing = [
        name
        for name, pattern in expected.items()
        if not any(re.search(pattern.replace("/lv/", f"/{language}/"), u) for u in reached)
    ]
    assert missing == []
    # Search is a form in the header of every page, not a link.
    assert f'action="/{language}/search/"' in client.get(f"/{language}/").content.decode()


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
