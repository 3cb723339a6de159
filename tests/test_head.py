"""HEAD, which link checkers, feed readers and monitoring use, answers like GET on every
public page (200 with the headers, never 405 Method Not Allowed)."""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import timezone

from consultations.models import PublicDiscussion
from programmes.models import Redaction
from tests.consultations.factories import PublicDiscussionFactory
from tests.factories import RedactionFactory, full_redaction
from tests.projects.factories import NewsFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def public_patterns(resolver=None, namespace=None):
    """(URL name, converters) of every named public route (admin left out)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            space = entry.namespace or namespace
            if space == "admin":
                continue
            inner = [*public_patterns(entry, space)]
            prefix = getattr(entry.pattern, "converters", {})
            yield from ((name, {**prefix, **conv}) for name, conv in inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, getattr(entry.pattern, "converters", {})


def dummy(converter):
    numeric = isinstance(converter, IntConverter) or re.fullmatch(converter.regex, "1")
    return 1 if numeric and not re.fullmatch(converter.regex, "x") else "x"


def test_no_public_route_refuses_head(client):
    names = []
    for name, converters in public_patterns():
        url = reverse(name, kwargs={key: dummy(conv) for key, conv in converters.items()})
        names.append(name)
        assert client.head(url).status_code != 405, url
    assert {"programmes:programme", "programmes:redaction", "projects:detail"} <= set(names)


@pytest.fixture
def site(municipality):
    """One of every kind of public page: two published redactions of a programme, a
    closed discussion, a project and a news post."""
    first = full_redaction(municipality, number=1)
    Redaction.objects.filter(pk=first.pk).set_status_for_tests("public_discussion")
    second = RedactionFactory(programme=first.programme, number=2)
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("public_discussion")
    discussion = PublicDiscussionFactory(redaction=first, slug="apspriesana")
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    ProjectFactory(municipality=municipality, slug="projekts")
    NewsFactory(municipality=municipality, slug="zina")
    return first.programme


def test_every_kind_of_public_page_answers_head_with_200(client, site):
    m, p = site.municipality.slug, site.slug
    urls = [
        reverse("home"),
        reverse("programmes:list"),
        reverse("programmes:municipality", args=[m]),
        reverse("programmes:programme", args=[m, p]),
        reverse("programmes:monitoring", args=[m, p]),
        reverse("programmes:redaction", args=[m, p, 1]),
        reverse("programmes:compare", args=[m, p, 1, 2]),
        reverse("programmes:redaction_csv", args=[m, p, 1, "action-plan"]),
        reverse("projects:list"),
        reverse("projects:csv"),
        reverse("projects:detail", args=["projekts"]),
        reverse("feeds:project", args=["projekts"]),
        reverse("consultations:index"),
        reverse("consultations:past_events"),
        reverse("consultations:subscribe"),
        reverse("consultations:discussion", args=["apspriesana"]),
        reverse("consultations:report", args=["apspriesana"]),
        reverse("consultations:report_csv", args=["apspriesana"]),
        reverse("consultations:programme_events_ics", args=[m, p]),
        reverse("news:list"),
        reverse("news:detail", args=["zina"]),
        reverse("feeds:news"),
        reverse("feeds:discussions"),
        reverse("events_ics"),
        reverse("about"),
        reverse("search") + "?q=projekts",
        "/robots.txt",
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.head(url)
        assert response.status_code == 200, url
        assert response["Content-Type"], url
