"""Every public page costs a fixed number of queries, whatever the data size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import PublicDiscussion
from programmes.models import SteeringGroupMeeting
from tests.factories import ProgrammeFactory, SteeringGroupFactory

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
    """n more of everything: programmes with groups, steering group meetings, events,
    surveys, proposals."""
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
        steering = SteeringGroupFactory(programme=programme)
        for number in (1, 2):
            SteeringGroupMeeting.objects.create(
                group=steering, number=number, date=datetime.date(2012, 12, number)
            )
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
        response.getvalue()  # a streamed download reads its rows as it is sent
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "path,limit",
    [
        # session-free anonymous requests: 12 = municipalities (the choice), open and
        # upcoming discussions, a page of past ones, open and upcoming surveys, the latest
        # past ones, events (upcoming), events (past), a page of programmes with groups,
        # their working groups, the groups' meetings, their proposals, steering groups with
        # their meeting counts and dates
        ("/lv/consultations/", 12),
        ("/lv/consultations/?municipality={municipality}", 12),
        # the number of past events, one page of them (with programme and municipality)
        ("/lv/consultations/events/past/", 2),
        ("/lv/consultations/events/past/?page=2", 2),
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
    for url, limit in (
        # the discussion, its published proposals counted by answer, a page of them with
        # their parts, the hidden ones' count
        (f"/lv/consultations/{discussion.slug}/report/", 4),
        # the discussion, then its published proposals with their parts (streamed)
        (f"/lv/consultations/{discussion.slug}/report.csv", 2),
        (f"/lv/consultations/{discussion.slug}/report-counts.csv", 2),
    ):
        small = count_queries(client, url)
        add_data(discussion, 4)
        with django_assert_max_num_queries(limit):
            large = count_queries(client, url)
        assert large == small
