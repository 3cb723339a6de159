"""The Atom feed of public discussions, as a feed reader reads it."""

import feedparser
import pytest

from consultations.models import PublicDiscussion
from tests.consultations.factories import PublicDiscussionFactory, published_redaction
from tests.factories import ProgrammeFactory, RedactionFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_feed_lists_public_discussions_with_their_period_but_never_a_drafts(client, municipality):
    programme = ProgrammeFactory(municipality=municipality, title="Daugavpils AP")
    discussion = PublicDiscussionFactory(
        redaction=published_redaction(programme=programme, number=1)
    )
    draft = RedactionFactory(programme=programme, number=2)
    PublicDiscussion.objects.bulk_create(
        [
            PublicDiscussion(
                redaction=draft,
                slug="melnraksts",
                opens_at=discussion.opens_at,
                closes_at=discussion.closes_at,
            )
        ]
    )

    feed = parse(client, "/lv/feeds/discussions/")

    assert feed.feed.title == "Attīstības portāls: sabiedriskās apspriešanas"
    assert [entry.title for entry in feed.entries] == ["Daugavpils AP: 1. redakcija"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{discussion.get_absolute_url()}"
    # Dates declined as a Latvian sentence needs them: no … līdz …
    assert entry.summary.startswith("Priekšlikumus var iesniegt no ")
    assert " līdz " in entry.summary


def test_consultations_page_offers_the_feed(client):
    page = client.get("/lv/consultations/").content.decode()
    assert 'type="application/atom+xml"' in page
    assert 'href="/lv/feeds/discussions/"' in page


def test_feed_costs_one_query_whatever_its_size(client, django_assert_max_num_queries):
    for _ in range(3):
        PublicDiscussionFactory()
    with django_assert_max_num_queries(1):
        parse(client, "/en/feeds/discussions/")
