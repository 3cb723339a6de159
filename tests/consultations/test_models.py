"""Invariants of the consultations records: validation messages and database constraints."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from consultations.models import Event, Proposal, PublicDiscussion, Survey, WorkingGroup
from tests.factories import PriorityFactory, RedactionFactory

from .factories import (
    EventFactory,
    ProposalFactory,
    PublicDiscussionFactory,
    SurveyFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts(programme):
    now = timezone.now()
    event = EventFactory.build(
        programme=programme,
        municipality=programme.municipality,
        starts_at=now,
        ends_at=now - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "ends_at" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_survey_cannot_close_before_it_opens_nor_count_negative(programme):
    survey = SurveyFactory.build(
        programme=programme, opens_on=datetime.date(2018, 4, 1), closes_on=datetime.date(2018, 3, 1)
    )
    with pytest.raises(ValidationError):
        survey.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        survey.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Survey.objects.filter(pk=SurveyFactory(programme=programme).pk).update(respondent_count=-1)


def test_discussion_must_close_after_it_opens(redaction):
    now = timezone.now()
    discussion = PublicDiscussion(redaction=redaction, opens_at=now, closes_at=now)
    with pytest.raises(ValidationError) as error:
        discussion.full_clean()
    assert "closes_at" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        discussion.save()


def test_a_redaction_has_at_most_one_open_discussion(discussion):
    second = PublicDiscussion(
        redaction=discussion.redaction,
        opens_at=discussion.opens_at + datetime.timedelta(days=1),
        closes_at=discussion.closes_at + datetime.timedelta(days=10),
    )
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            second.full_clean()
        assert "at most one open discussion" in str(error.value)
    later = PublicDiscussion(
        redaction=discussion.redaction,
        opens_at=discussion.closes_at + datetime.timedelta(days=30),
        closes_at=discussion.closes_at + datetime.timedelta(days=60),
    )
    later.full_clean()


def test_discussion_slug_comes_from_programme_and_redaction(redaction):
    now = timezone.now()
    discussion = PublicDiscussion.objects.create(
        redaction=redaction, opens_at=now, closes_at=now + datetime.timedelta(days=1)
    )
    assert discussion.slug == f"{redaction.programme.municipality.slug}-ap-2014-2020-1"


def test_proposal_concerns_one_part_at_most(discussion):
    priority = discussion.redaction.priorities.get()
    line = priority.action_lines.get()
    proposal = ProposalFactory.build(discussion=discussion, priority=priority, action_line=line)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            proposal.full_clean()
        assert "one part" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal.save()


def test_proposal_part_must_belong_to_the_discussed_redaction(discussion):
    other = PriorityFactory(redaction=RedactionFactory(programme=discussion.redaction.programme))
    proposal = ProposalFactory.build(discussion=discussion, priority=other)
    with pytest.raises(ValidationError) as error:
        proposal.full_clean()
    assert "priority" in error.value.message_dict


def test_an_answer_needs_a_justification(discussion):
    proposal = ProposalFactory(discussion=discussion)
    proposal.answer = Proposal.Answer.NOT_TAKEN
    with pytest.raises(ValidationError) as error:
        proposal.full_clean()
    assert "justification" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal.save()


def test_a_hidden_proposal_says_why(discussion):
    proposal = ProposalFactory(discussion=discussion)
    proposal.is_published = False
    with pytest.raises(ValidationError) as error:
        proposal.full_clean()
    assert "hidden_reason" in error.value.message_dict


def test_working_group_needs_sector_or_territory(programme):
    group = WorkingGroupFactory.build(programme=programme, kind="territorial", territory="")
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "territory" in error.value.message_dict
    group = WorkingGroupFactory.build(programme=programme, kind="thematic", sector="")
    with pytest.raises(ValidationError):
        group.full_clean()


def test_event_programme_must_belong_to_its_municipality(programme, other_municipality):
    event = EventFactory.build(programme=programme, municipality=other_municipality)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "programme" in error.value.message_dict


def test_models_are_scoped_to_a_municipality():
    for model in (WorkingGroup, Event, Survey, PublicDiscussion, Proposal):
        assert model.municipality_path.endswith("municipality")


def test_discussion_state_follows_the_clock(discussion):
    now = timezone.now()
    assert discussion.is_open(now)
    assert not discussion.is_closed(now)
    assert discussion.is_closed(discussion.closes_at)
    assert PublicDiscussionFactory.build(opens_at=now + datetime.timedelta(days=1)).is_upcoming(now)


def test_the_database_itself_refuses_a_second_overlapping_discussion(discussion):
    """Even a write that skips clean() (a race between two planners) cannot add one."""
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint is PostgreSQL's (SQLite relies on clean())")
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        PublicDiscussion.objects.create(
            redaction=discussion.redaction,
            slug="otra",
            opens_at=discussion.closes_at - datetime.timedelta(hours=1),
            closes_at=discussion.closes_at + datetime.timedelta(days=10),
        )
    assert "consultations_discussion_one_open_per_redaction" in str(error.value)
    # Back to back (one closes when the next opens) and other redactions are fine.
    PublicDiscussion.objects.create(
        redaction=discussion.redaction,
        slug="nakama",
        opens_at=discussion.closes_at,
        closes_at=discussion.closes_at + datetime.timedelta(days=10),
    )
    PublicDiscussionFactory(opens_at=discussion.opens_at, closes_at=discussion.closes_at)
