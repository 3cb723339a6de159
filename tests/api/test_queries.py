"""Every endpoint's query count is fixed: the same with three times the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.models import Redaction
from tests.consultations.factories import (
    EventFactory,
    ProposalFactory,
    PublicDiscussionFactory,
    WorkingGroupFactory,
    WorkingGroupMeetingFactory,
    WorkingGroupProposalFactory,
    published_redaction,
)
from tests.factories import (
    ActionFactory,
    ActionLineFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InvestmentAmountFactory,
    InvestmentItemFactory,
    PriorityFactory,
    SteeringGroupFactory,
    TaskFactory,
    full_redaction,
)
from tests.projects.factories import ActivityFactory, NewsFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def _grow(redaction, n):
    """Add `n` more of every kind of content to a draft redaction."""
    for i in range(n):
        priority = PriorityFactory(redaction=redaction, code=f"VTP{i + 2}")
        line = ActionLineFactory(priority=priority, code=f"RV{i + 2}.1")
        task = TaskFactory(action_line=line, code=f"U{i + 2}.1.1")
        ActionFactory(task=task, code=f"R{i + 2}")
        item = InvestmentItemFactory(action_line=line, task=task, code=f"I{i + 2}")
        InvestmentAmountFactory(item=item, year=2024)
        indicator = IndicatorFactory(redaction=redaction, priority=priority, code=f"R{i + 2}")
        IndicatorValueFactory(indicator=indicator, year=2024)


def _batch():
    """One of everything the API lists, published."""
    redaction = full_redaction()
    SteeringGroupFactory(programme=redaction.programme)
    published_redaction(redaction, status=Redaction.Status.APPROVED)
    group = WorkingGroupFactory(programme=redaction.programme)
    WorkingGroupMeetingFactory(group=group)
    WorkingGroupProposalFactory(group=group)
    EventFactory(programme=redaction.programme)
    partnership = PartnershipFactory()
    project = partnership.project
    project.action_lines.add(redaction.priorities.first().action_lines.first())
    ActivityFactory(project=project)
    NewsFactory(project=project, municipality=project.municipality)
    discussion = PublicDiscussionFactory()
    ProposalFactory(discussion=discussion)
    return redaction, project, discussion


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


LISTS = [
    "/api/v1/municipalities/",
    "/api/v1/programmes/",
    "/api/v1/redactions/",
    "/api/v1/projects/",
    "/api/v1/news/",
    "/api/v1/working-groups/",
    "/api/v1/events/",
    "/api/v1/discussions/",
]


def test_lists_and_records_take_the_same_queries_with_three_times_the_data(client):
    redaction, project, discussion = _batch()
    paths = [
        *LISTS,
        f"/api/v1/projects/{project.slug}/",
        f"/api/v1/discussions/{discussion.slug}/",
        f"/api/v1/discussions/{discussion.slug}/proposals/",
    ]
    before = {path: _count(client, path) for path in paths}
    for _ in range(2):
        _batch()
    for _ in range(3):
        PartnershipFactory(project=project)
        ActivityFactory(project=project)
        ProposalFactory(discussion=discussion)
    after = {path: _count(client, path) for path in paths}
    assert after == before
    # Pinned: a count, the page and one query per prefetched relation.
    assert before["/api/v1/projects/"] <= 2
    assert before[f"/api/v1/projects/{project.slug}/"] <= 4


def test_a_redaction_document_takes_the_same_queries_however_big(client):
    small = full_redaction()
    SteeringGroupFactory(programme=small.programme)
    big = full_redaction()
    SteeringGroupFactory(programme=big.programme)
    _grow(big, 3)
    for redaction in (small, big):
        published_redaction(redaction, status=Redaction.Status.APPROVED)
    parts = [
        "",
        "situation-analysis/",
        "strategic-part/",
        "swot/",
        "priorities/",
        "action-plan/",
        "investment-plan/",
        "indicators/",
        "steering-group/",
    ]
    for part in parts:
        small_count = _count(client, f"/api/v1/redactions/{small.pk}/{part}")
        big_count = _count(client, f"/api/v1/redactions/{big.pk}/{part}")
        assert small_count == big_count, part
    # The whole document: the redaction, its sections and their sources, SWOT, coherence,
    # priorities, action lines, tasks, actions, investment items and amounts, indicators
    # and values, steering group members and meetings.
    assert _count(client, f"/api/v1/redactions/{big.pk}/") <= 16
