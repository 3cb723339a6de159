"""Every public page costs a fixed number of queries, whatever the data size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import PublicDiscussion
from tests.factories import ProgrammeFactory

from .factories import (
    EventFactory,
    ProposalFactory,
    PublicDiscussionFactory,
    SurveyFactory,
    WorkingGroupFactory,
    WorkingGroupMeetingFactory,
    WorkingGroupProposalFactory,
    published_redaction,
)

pytestmark = pytest.mark.django_db


def add_data(discussion, n):
    """n more of everything: programmes with groups, events, surveys, proposals."""
    part = discussion.redaction.priorities.get()
    now = timezone.now()
    for _ in range(n):
        programme = ProgrammeFactory(municipality=discussion.redaction.programme.municipality)
        group = WorkingGroupFactory(programme=programme)
        WorkingGroupMeetingFactory(group=group)
        WorkingGroupProposalFactory(group=group)
        territorial = WorkingGroupFactory(
            programme=programme, kind="territorial", sector="", territory="Sutru pagasts"
        )
        WorkingGroupMeetingFactory(group=territorial)
        EventFactory(programme=programme)
        EventFactory(programme=programme, starts_at=now - datetime.timedelta(days=30))
        EventFactory(programme=discussion.redaction.programme)  # during the discussion
        SurveyFactory(programme=programme)
        ProposalFactory(discussion=discussion, priority=part, answer="taken", justification="Jā.")
        ProposalFactory(discussion=discussion)
        PublicDiscussionFactory(redaction=published_redaction(programme=programme))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "path,limit",
    [
        # session-free anonymous requests: 7 = discussions, surveys, events (upcoming),
        # events (past), working groups, their meetings, their proposals
        ("/lv/consultations/", 7),
        # discussion (with redaction, programme, municipality), proposal count,
        # the programme's events during the discussion,
        # part choices: sections, priorities, action lines, tasks
        ("/lv/consultations/{slug}/", 7),
        ("/lv/events.ics", 1),
        # the programme (with its municipality), its events
        ("/lv/consultations/programmes/{municipality}/{programme}/events.ics", 2),
        ("/lv/", 30),
    ],
)
def test_public_pages_cost_a_fixed_number_of_queries(
    client, discussion, path, limit, django_assert_max_num_queries
):
    programme = discussion.redaction.programme
    url = path.format(
        slug=discussion.slug, municipality=programme.municipality.slug, programme=programme.slug
    )
    add_data(discussion, 2)
    small = count_queries(client, url)
    add_data(discussion, 4)
    with django_assert_max_num_queries(limit):
        large = count_queries(client, url)
    assert large == small


def test_report_and_csv_cost_a_fixed_number_of_queries(
    client, discussion, django_assert_max_num_queries
):
    add_data(discussion, 2)
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    for url in (
        f"/lv/consultations/{discussion.slug}/report/",
        f"/lv/consultations/{discussion.slug}/report.csv",
    ):
        small = count_queries(client, url)
        add_data(discussion, 4)
        # the discussion, then its published proposals with their parts
        with django_assert_max_num_queries(2):
            large = count_queries(client, url)
        assert large == small
