"""A discussion's proposals page: published proposals a page at a time, filtered by part
and answer; the report paginated, its CSV whole and streamed."""

import datetime

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from consultations import selectors
from consultations.models import Proposal, PublicDiscussion

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(selectors, "PROPOSALS_PAGE_SIZE", 3)


def url(discussion, query=""):
    return f"/lv/consultations/{discussion.slug}/proposals/{query}"


def add(discussion, n, **fields):
    start = Proposal.objects.filter(discussion=discussion).order_by("-number").first()
    first = start.number + 1 if start else 1
    return [
        ProposalFactory(
            discussion=discussion, number=first + i, text=f"Teksts {first + i}.", **fields
        )
        for i in range(n)
    ]


def close(discussion):
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )


def test_proposals_are_listed_a_page_at_a_time(client, discussion, small_pages):
    add(discussion, 7)
    first = client.get(url(discussion)).content.decode()
    assert "Teksts 1." in first and "Teksts 3." in first and "Teksts 4." not in first
    assert 'href="?page=2"' in first
    last = client.get(url(discussion, "?page=3")).content.decode()
    assert "Teksts 7." in last and "Teksts 6." not in last


def test_filtering_by_answer_and_part_keeps_the_filter_across_pages(
    client, discussion, small_pages
):
    priority = discussion.redaction.priorities.get()
    add(discussion, 2, answer="taken", justification="Jā.")
    add(discussion, 4, answer="not_taken", justification="Nē.", priority=priority)
    add(discussion, 1, answer="not_taken", justification="Nē.")
    html = client.get(url(discussion, "?answer=not_taken")).content.decode()
    assert "5 publicēti priekšlikumi" in html
    assert "Teksts 1." not in html and "Teksts 3." in html
    assert 'href="?answer=not_taken&amp;page=2"' in html
    part = f"?part=priority:{priority.pk}&answer=not_taken"
    html = client.get(url(discussion, part)).content.decode()
    assert "4 publicēti priekšlikumi" in html
    assert "Teksts 7." not in client.get(url(discussion, f"{part}&page=2")).content.decode()
    unanswered = client.get(url(discussion, "?answer=unanswered")).content.decode()
    assert "Neviens publicēts priekšlikums neatbilst" in unanswered


def test_a_stale_filter_is_shown_as_an_error_and_the_list_is_not_filtered(client, discussion):
    add(discussion, 2)
    response = client.get(url(discussion, "?part=task:999999&answer=maybe"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Teksts 1." in html and "Teksts 2." in html


def test_hidden_proposals_are_never_listed(client, discussion):
    add(discussion, 1)
    add(discussion, 1, is_published=False, hidden_reason="Personas dati.")
    html = client.get(url(discussion)).content.decode()
    assert "Teksts 1." in html and "Teksts 2." not in html


def test_a_proposals_address_shows_it(client, discussion, small_pages):
    proposals = add(discussion, 5)
    target = proposals[4]
    html = client.get(target.get_absolute_url()).content.decode()
    assert f'id="p{target.number}"' in html
    assert "Teksts 1." not in html


def test_the_discussion_page_links_its_proposals(client, discussion):
    add(discussion, 2)
    html = client.get(discussion.get_absolute_url()).content.decode()
    assert f'<a href="{url(discussion)}">2</a>' in html


def test_proposals_page_cost_and_size_do_not_grow_with_proposals(
    client, discussion, django_assert_max_num_queries
):
    add(discussion, 3)
    # the discussion; the part choices (sections, priorities, action lines, tasks);
    # the count and the page of proposals with their parts
    with django_assert_max_num_queries(7):
        small = client.get(url(discussion))
    add(discussion, 120)
    with django_assert_max_num_queries(7):
        large = client.get(url(discussion))
    assert len(large.context["page"].object_list) == selectors.PROPOSALS_PAGE_SIZE
    assert len(large.content) < len(small.content) + 25 * 1024


def test_report_is_paginated_and_its_csv_streams_every_proposal(client, discussion, small_pages):
    add(discussion, 7, answer="taken", justification="Jā.")
    close(discussion)
    html = client.get(f"/lv/consultations/{discussion.slug}/report/").content.decode()
    assert "Teksts 3." in html and "Teksts 4." not in html
    assert "<dd>7</dd>" in html  # the count is of all, not of the page
    response = client.get(f"/lv/consultations/{discussion.slug}/report.csv")
    assert isinstance(response, StreamingHttpResponse)
    body = response.getvalue().decode()
    assert all(f"Teksts {n}." in body for n in range(1, 8))
