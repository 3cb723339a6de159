"""The demo consultations from the seeds, and the consultations and home pages over them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import Event, Proposal, PublicDiscussion, Survey, WorkingGroup
from consultations.selectors import consultations_page

from .factories import (
    EventFactory,
    SurveyFactory,
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
    now = timezone.now()
    EventFactory(programme=programme, title="Nākamā sanāksme")
    EventFactory(
        programme=programme,
        title="Pagājušais seminārs",
        starts_at=now - datetime.timedelta(days=40),
        ends_at=now - datetime.timedelta(days=40, hours=-2),
    )
    SurveyFactory(
        programme=programme,
        title="Atvērtā aptauja",
        opens_on=now.date() - datetime.timedelta(days=3),
        closes_on=now.date() + datetime.timedelta(days=3),
    )
    SurveyFactory(programme=programme, title="Slēgtā aptauja")
    WorkingGroupMeetingFactory(group__programme=programme)
    html = client.get("/en/consultations/").content.decode()
    order = [
        'id="open-heading"',
        " left</p>",  # time left of the open discussion, on its card
        'id="upcoming-heading"',
        "Nākamā sanāksme",
        "Atvērtā aptauja",
        'id="past-heading"',
        "Pagājušais seminārs",
        "Slēgtā aptauja",
        'id="groups-heading"',
        'id="calendar-heading"',
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_livani_page_reads_as_seed_001_says(client, demo):
    """7 thematic groups on 19–20 March with 81 participants, 6 territorial on 26–27 March
    with 61: the sentences come out of the meetings' records."""
    lv = client.get("/lv/consultations/").content.decode()
    assert "7 grupas, kopā 81 dalībnieks; sanāksmes: 2018. gada 19.–20. marts" in lv
    assert "6 grupas, kopā 61 dalībnieks; sanāksmes: 2018. gada 26.–27. marts" in lv
    en = client.get("/en/consultations/").content.decode()
    assert "7 groups, 81 participants in total; met on 19–20 March 2018" in en
    assert "6 groups, 61 participants in total; met on 26–27 March 2018" in en
    territories = set(
        WorkingGroup.objects.filter(kind="territorial").values_list("territory", flat=True)
    )
    assert territories == {
        "Jersikas pagasts",
        "Rožupes pagasts",
        "Rudzātu pagasts",
        "Sutru pagasts",
        "Turku pagasts",
        "Līvānu pilsēta",
    }
    sectors = set(
        WorkingGroup.objects.filter(kind="thematic", programme__slug="iap-2019-2025").values_list(
            "sector", flat=True
        )
    )
    assert len(sectors) == 7


def test_livani_surveys_are_the_four_seed_001_names(demo):
    surveys = Survey.objects.filter(programme__slug="iap-2019-2025")
    assert sorted(surveys.values_list("audience", flat=True)) == [
        "entrepreneurs",
        "neighbours",
        "residents",
        "specialists",
    ]
    residents = surveys.get(audience="residents")
    assert residents.closes_on == datetime.date(2018, 4, 15)
    # "... bet arī uzņēmēju, blakus esošo pašvaldību un citu speciālistu aptaujas anketu
    # rezultātu apkopošanas": closed by the time the article was written.
    assert all(s.closes_on < datetime.date(2018, 5, 1) for s in surveys)


def test_demo_report_counts_come_from_the_data_and_hide_the_hidden(client, demo):
    html = client.get("/en/consultations/livani-iap-2019-2025-1/report/").content.decode()
    published = Proposal.objects.filter(
        discussion__slug="livani-iap-2019-2025-1", is_published=True
    ).count()
    assert f"<dt>Published proposals</dt><dd>{published}</dd>" in html
    assert "Saņemti 7" not in html  # no count typed into the summary


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
