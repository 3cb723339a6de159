"""The demo consultations from the seeds, and the consultations and home pages over them."""

import pytest
from django.core.management import call_command

from consultations.models import Event, Proposal, PublicDiscussion, Survey, WorkingGroup
from consultations.selectors import consultations_page

from .factories import (
    EventFactory,
    WorkingGroupFactory,
    WorkingGroupMeetingFactory,
    WorkingGroupProposalFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_loading_the_demo_twice_doubles_nothing(demo):
    models = (WorkingGroup, Event, Survey, PublicDiscussion, Proposal)
    before = {model: model.objects.count() for model in models}
    call_command("load_demo", verbosity=0)
    assert {model: model.objects.count() for model in models} == before


def test_livani_working_group_totals_are_computed_from_the_meetings(demo):
    page = consultations_page()
    livani = next(
        item for item in page["programme_groups"] if item.programme.slug == "iap-2019-2025"
    )
    thematic, territorial = livani.kinds
    assert (thematic.kind, thematic.group_count, thematic.participant_count) == (
        "thematic",
        7,
        81,
    )
    assert [d.day for d in thematic.dates] == [19, 20]
    assert (territorial.group_count, territorial.participant_count) == (6, 61)
    assert [d.day for d in territorial.dates] == [26, 27]


def test_demo_discussions_one_open_one_closed_with_every_answer(demo):
    daugavpils = PublicDiscussion.objects.get(slug="daugavpils-ap-2014-2020-1")
    livani = PublicDiscussion.objects.get(slug="livani-iap-2019-2025-1")
    assert daugavpils.is_open()
    assert livani.is_closed()
    answers = set(livani.proposals.values_list("answer", flat=True))
    assert answers == {choice for choice, _label in Proposal.Answer.choices}
    assert livani.proposals.filter(is_published=False).exists()
    survey = Survey.objects.get(title="Līvānu novada iedzīvotāju aptauja")
    assert survey.closes_on.isoformat() == "2018-04-15"
    assert Event.objects.filter(kind="conference", starts_at__year=2013).exists()


def test_demo_pages_show_real_looking_data(client, demo):
    html = client.get("/lv/consultations/").content.decode()
    assert "81" in html and "61" in html
    assert "Rudzātu pagasts" in html
    home = client.get("/lv/").content.decode()
    assert "/lv/consultations/daugavpils-ap-2014-2020-1/" in home
    report = client.get("/lv/consultations/livani-iap-2019-2025-1/report/")
    assert report.status_code == 200
    assert "Aizskarošs" not in report.content.decode()


def test_consultations_page_orders_open_then_upcoming_then_past(client, discussion, programme):
    EventFactory(programme=programme, title="Nākamā sanāksme")
    html = client.get("/en/consultations/").content.decode()
    assert html.index("Open public discussions") < html.index("Coming up")
    assert html.index("Coming up") < html.index("Past consultations")
    assert html.index("Nākamā sanāksme") < html.index("Past consultations")
    assert "left" in html


def test_working_group_counts_come_from_the_data(client, programme):
    for count in (10, 15):
        group = WorkingGroupFactory(programme=programme)
        WorkingGroupMeetingFactory(group=group, participant_count=count)
        WorkingGroupProposalFactory(group=group)
    page = consultations_page()
    (summary,) = page["programme_groups"][0].kinds
    assert (summary.group_count, summary.participant_count, summary.proposal_count) == (2, 25, 2)
    html = client.get("/en/consultations/").content.decode()
    assert "2 groups, 25 participants in total" in html


def test_home_shows_open_discussions_and_upcoming_events(client, discussion, programme):
    EventFactory(programme=programme, title="Apspriešanas sanāksme")
    html = client.get("/lv/").content.decode()
    assert discussion.get_absolute_url() in html
    assert "Apspriešanas sanāksme" in html
