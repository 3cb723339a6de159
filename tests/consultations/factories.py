"""factory-boy factories for the consultations app."""

import datetime

import factory
from django.utils import timezone

from consultations import models as cm
from programmes.models import Redaction
from tests.factories import ProgrammeFactory, RedactionFactory


def set_redaction_status(redaction, status):
    """Put a redaction in any status in one line, past the workflow (fixtures only).

    Uses programmes' test-only `set_status_for_tests` where the redaction queryset has it
    (the bulk `update()` then follows the workflow's moves), a plain update otherwise.
    """
    rows = Redaction.objects.filter(pk=redaction.pk)
    set_status = getattr(rows, "set_status_for_tests", None)
    if set_status is not None:
        set_status(status)
    else:
        rows.update(status=status)
    redaction.refresh_from_db()
    return redaction


def published_redaction(redaction=None, status=Redaction.Status.PUBLIC_DISCUSSION, **kwargs):
    """A redaction moved out of draft without touching its (now frozen) content."""
    return set_redaction_status(redaction or RedactionFactory(**kwargs), status)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cm.WorkingGroup

    programme = factory.SubFactory(ProgrammeFactory)
    kind = cm.WorkingGroup.Kind.THEMATIC
    sector = cm.Sector.ENTREPRENEURS
    name = factory.Sequence(lambda n: f"Darba grupa {n}")


class WorkingGroupMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cm.WorkingGroupMeeting

    group = factory.SubFactory(WorkingGroupFactory)
    date = datetime.date(2018, 3, 19)
    place = "Līvānu novada dome"
    participant_count = 10


class WorkingGroupProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cm.WorkingGroupProposal

    group = factory.SubFactory(WorkingGroupFactory)
    text = factory.Sequence(lambda n: f"Darba grupas priekšlikums {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cm.Event

    programme = factory.SubFactory(ProgrammeFactory)
    municipality = factory.SelfAttribute("programme.municipality")
    kind = cm.Event.Kind.SEMINAR
    title = factory.Sequence(lambda n: f"Seminārs {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=2))
    place = "Pilsētas dome"
    participant_count = 20


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cm.Survey

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Aptauja {n}")
    audience = cm.Survey.Audience.RESIDENTS
    opens_on = datetime.date(2018, 3, 1)
    closes_on = datetime.date(2018, 4, 15)
    respondent_count = 100


class PublicDiscussionFactory(factory.django.DjangoModelFactory):
    """An open discussion (a week old, three weeks to go) of a published redaction."""

    class Meta:
        model = cm.PublicDiscussion

    redaction = factory.LazyFunction(published_redaction)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))
    materials_places = "Pilsētas domē, 1. stāvā"


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = cm.Proposal

    discussion = factory.SubFactory(PublicDiscussionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Priekšlikums numur {n}: uzlabot ceļus.")
    author_name = "Anna Bērziņa"
    email = factory.Sequence(lambda n: f"iedzivotajs{n}@example.lv")
