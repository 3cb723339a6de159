"""The demo consultations from the seeds, and the consultations and home pages over them."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations.models import (
    Event,
    Proposal,
    PublicDiscussion,
    Survey,
    WorkingGroup,
    WorkingGroupMeeting,
)
from consultations.selectors import PAST_EVENTS_SHOWN, consultations_page
from core.formats import since_date, until_date
from programmes.models import Redaction, SteeringGroupMeeting, Task
from tests.demo import load_demo
from tests.factories import ProgrammeFactory, SteeringGroupFactory, pdf_bytes, pdf_upload

from .factories import (
    EventFactory,
    PublicDiscussionFactory,
    SurveyFactory,
    WorkingGroupFactory,
    WorkingGroupMeetingFactory,
    WorkingGroupProposalFactory,
    set_redaction_status,
)

pytestmark = pytest.mark.django_db


def test_loading_the_demo_twice_doubles_nothing(demo):
    models = (WorkingGroup, Event, Survey, PublicDiscussion, Proposal)
    before = {model: model.objects.count() for model in models}
    load_demo()
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
    # Seed 001's totals, as sentences and as the tables' totals.
    assert "7 grupas, kopā 81 dalībnieks; sanāksmes: 2018. gada 19.–20. marts" in html
    assert "6 grupas, kopā 61 dalībnieks; sanāksmes: 2018. gada 26.–27. marts" in html
    assert '<th scope="row" colspan="3">Kopā</th>\n        <td class="num">81</td>' in html
    assert '<th scope="row" colspan="3">Kopā</th>\n        <td class="num">61</td>' in html
    assert '<th scope="row">Rudzātu pagasts: teritoriālā darba grupa</th>' in html
    # The open Daugavpils discussion, its closing date in the dative.
    daugavpils = PublicDiscussion.objects.get(slug="daugavpils-ap-2014-2020-1")
    assert f"Priekšlikumus var iesniegt {until_date(daugavpils.closes_at, 'datetime')}." in html
    # Seed 000: the Daugavpils steering group met from December 2012.
    assert "Vadības grupa: " in html and " no 2012. gada 12. decembra līdz " in html
    home = client.get("/lv/").content.decode()
    assert '<a href="/lv/consultations/daugavpils-ap-2014-2020-1/">' in home
    report = client.get("/lv/consultations/livani-iap-2019-2025-1/report/")
    assert report.status_code == 200
    text = re.sub(r"</?a\b[^>]*>", "", report.content.decode())  # counts link their list
    # 7 proposals, one hidden: 6 published, every answer state, counted from the data.
    assert "<dt>Publicētie priekšlikumi</dt><dd>6</dd>" in text
    assert "<dt>Ņemts vērā</dt><dd>2</dd>" in text
    assert "<dt>Daļēji ņemts vērā</dt><dd>2</dd>" in text
    assert "<dt>Nav ņemts vērā</dt><dd>1</dd>" in text
    assert "<dt>Neattiecas uz programmu</dt><dd>1</dd>" in text
    assert "Aizskarošs" not in text


def test_daugavpils_surveys_and_seminars_came_before_the_first_steering_meeting(demo):
    """Seed 000: the situation analysis reviewed at the steering group's first meeting
    (December 2012) already held the surveys' and the thematic seminars' results."""
    first_meeting = (
        SteeringGroupMeeting.objects.filter(group__programme__slug="ap-2014-2020")
        .order_by("date")
        .first()
    )
    assert (first_meeting.date.year, first_meeting.date.month) == (2012, 12)
    surveys = Survey.objects.filter(programme__slug="ap-2014-2020")
    assert surveys.count() == 2
    assert all(s.closes_on < first_meeting.date for s in surveys)
    assert all(s.opens_on >= datetime.date(2012, 9, 1) for s in surveys)
    meetings = WorkingGroupMeeting.objects.filter(group__programme__slug="ap-2014-2020")
    assert meetings.count() == 3
    assert all(datetime.date(2012, 9, 1) <= m.date < first_meeting.date for m in meetings)
    seminars = Event.objects.filter(kind="seminar", programme__slug="ap-2014-2020")
    assert sorted(timezone.localtime(e.starts_at).date() for e in seminars) == sorted(
        m.date for m in meetings
    )


def test_livani_survey_results_are_being_compiled_as_seed_001_says(demo):
    """ "... šobrīd norisinās arī darbs ne tikai pie Līvānu novada iedzīvotāju aptaujas, kas
    noslēdzās 15.aprīlī, bet arī ... rezultātu apkopošanas": no findings published yet."""
    surveys = Survey.objects.filter(programme__slug="iap-2019-2025")
    residents = surveys.get(audience="residents")
    assert residents.results == "Aptauja noslēdzās 15. aprīlī; rezultāti tiek apkopoti."
    assert all("tiek apkopoti" in survey.results for survey in surveys)


def test_demo_answers_name_tasks_by_their_real_codes_and_titles(demo):
    """Every task code an answer mentions is a task of the redaction under discussion; the
    Līvāni answer to proposal 3 names U2.1.2 by its title and claims nothing unverifiable."""
    for proposal in Proposal.objects.select_related("discussion__redaction"):
        for code in re.findall(r"\bU\d+\.\d+\.\d+\b", proposal.justification):
            assert Task.objects.filter(
                action_line__priority__redaction=proposal.discussion.redaction, code=code
            ).exists(), (proposal, code)
    third = Proposal.objects.get(discussion__slug="livani-iap-2019-2025-1", number=3)
    task = Task.objects.get(
        action_line__priority__redaction=third.discussion.redaction, code="U2.1.2"
    )
    assert task.title == "Paplašināt interešu izglītību"
    assert f"U2.1.2 „{task.title}”" in third.justification
    assert "vienīgā" not in third.justification
    assert third.task.code == "U2.1.1"


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


def section(html, start_id, end_id):
    return html[html.index(f'id="{start_id}"') : html.index(f'id="{end_id}"')]


def test_coming_up_shows_upcoming_discussions_and_surveys(client, redaction, programme):
    now = timezone.now()
    opens = now + datetime.timedelta(days=5)
    upcoming = PublicDiscussionFactory(
        redaction=redaction, opens_at=opens, closes_at=opens + datetime.timedelta(days=30)
    )
    SurveyFactory(
        programme=programme,
        title="Jauniešu aptauja",
        audience="youth",
        opens_on=now.date() + datetime.timedelta(days=10),
        closes_on=now.date() + datetime.timedelta(days=40),
    )
    SurveyFactory(programme=programme, title="Sena aptauja")
    html = client.get("/lv/consultations/").content.decode()
    coming = section(html, "upcoming-heading", "past-heading")
    assert upcoming.get_absolute_url() in coming
    assert '<span class="badge">Gaidāma</span>' in coming
    assert f"Priekšlikumus var iesniegt {since_date(upcoming.opens_at, 'datetime')}." in coming
    assert "Priekšlikumus var iesniegt no " in coming  # "no … decembra": the genitive
    assert "<caption>Notiekošās un gaidāmās aptaujas</caption>" in coming
    assert "Jauniešu aptauja" in coming
    assert "Sena aptauja" not in coming
    open_now = section(html, "open-heading", "upcoming-heading")
    assert upcoming.get_absolute_url() not in open_now
    assert "Pašlaik nenotiek neviena sabiedriskā apspriešana." in open_now


def test_past_events_beyond_the_latest_are_a_link_away(client, programme):
    start = timezone.now() - datetime.timedelta(days=1)
    for n in range(PAST_EVENTS_SHOWN + 2):
        moment = start - datetime.timedelta(days=n)
        EventFactory(
            programme=programme,
            title=f"Pasākums {n:02d}",
            starts_at=moment,
            ends_at=moment + datetime.timedelta(hours=1),
        )
    html = client.get("/lv/consultations/").content.decode()
    past = section(html, "past-heading", "groups-heading")
    assert "Pasākums 00" in past and f"Pasākums {PAST_EVENTS_SHOWN - 1:02d}" in past
    assert f"Pasākums {PAST_EVENTS_SHOWN:02d}" not in past
    assert '<a href="/lv/consultations/events/past/">Visi notikušie pasākumi</a>' in past
    first = client.get("/lv/consultations/events/past/").content.decode()
    assert "<h1>Notikušie pasākumi</h1>" in first
    assert "32 notikušie konsultāciju pasākumi, sākot ar jaunāko." in first
    assert "Pasākums 00" in first and f"Pasākums {PAST_EVENTS_SHOWN:02d}" not in first
    assert "1. lapa no 2" in first and 'href="?page=2" rel="next"' in first
    second = client.get("/lv/consultations/events/past/?page=2").content.decode()
    assert f"Pasākums {PAST_EVENTS_SHOWN:02d}" in second
    assert f"Pasākums {PAST_EVENTS_SHOWN + 1:02d}" in second
    assert "Pasākums 00" not in second
    # A page number that is no page shows a page, never an error.
    assert client.get("/lv/consultations/events/past/?page=abc").status_code == 200
    en = client.get("/en/consultations/events/past/").content.decode()
    assert "<h1>Past events</h1>" in en and "32 past consultation events, newest first." in en
    assert "Page 1 of 2" in en


def test_the_past_events_page_is_linked_whenever_there_are_past_events(client, programme):
    """Even when the consultations page shows them all: the page of past events is a page
    of the site, and every page is reachable by clicking (the demo crawl expects it)."""
    assert "/en/consultations/events/past/" not in client.get("/en/consultations/").text
    EventFactory(
        programme=programme,
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-1),
    )
    html = client.get("/en/consultations/").content.decode()
    assert '<a href="/en/consultations/events/past/">All past events</a>' in html


def test_each_programme_shows_its_steering_group_meetings_in_a_line(client, programme):
    steering = SteeringGroupFactory(programme=programme)
    for number, day in (
        (1, datetime.date(2012, 12, 12)),
        (2, datetime.date(2013, 1, 23)),
        (3, datetime.date(2013, 11, 20)),
    ):
        SteeringGroupMeeting.objects.create(group=steering, number=number, date=day)
    lonely = ProgrammeFactory(municipality=programme.municipality, title="Cita programma")
    SteeringGroupMeeting.objects.create(
        group=SteeringGroupFactory(programme=lonely), number=1, date=datetime.date(2018, 12, 4)
    )
    SteeringGroupFactory(
        programme=ProgrammeFactory(municipality=programme.municipality, title="Bez sanāksmēm")
    )
    WorkingGroupMeetingFactory(group__programme=programme)
    html = client.get("/lv/consultations/").content.decode()
    groups = section(html, "groups-heading", "calendar-heading")
    assert (
        "Vadības grupa: 3 sanāksmes no 2012. gada 12. decembra līdz 2013. gada 20. novembrim."
        in groups
    )
    assert f'href="{programme.get_absolute_url()}#steering-group-heading"' in groups
    # A programme without working groups is there for its steering group alone.
    assert "Vadības grupa: 1 sanāksme (2018. gada 4. decembris)." in groups
    assert f'href="{lonely.get_absolute_url()}#steering-group-heading"' in groups
    assert "Bez sanāksmēm" not in groups
    programme_page = client.get(programme.get_absolute_url()).content.decode()
    assert 'id="steering-group-heading"' in programme_page
    en = client.get("/en/consultations/").content.decode()
    assert "Steering group: 3 meetings from 12 December 2012 until 20 November 2013." in en


def survey_form(programme, upload):
    return {
        "programme": programme.pk,
        "title": "Iedzīvotāju aptauja",
        "audience": "residents",
        "opens_on": "2018-03-01",
        "closes_on": "2018-04-15",
        "url": "",
        "respondent_count": "412",
        "results": "",
        "results_file": upload,
    }


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("rezultati.pdf", b"<html>not a pdf</html>", "The file is not a PDF document"),
        ("rezultati.pdf", b"%PDF-1.4 <html>a header is not a PDF</html>", "not a PDF document"),
        ("rezultati.html", pdf_bytes(), "The file name must end in “.pdf”"),
        ("rezultati.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024), "The file is too large"),
    ],
)
def test_survey_results_file_must_be_a_real_pdf_within_the_limit(
    client, planner, programme, settings, name, content, message
):
    settings.MAX_UPLOAD_MB = 1
    client.force_login(planner)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post("/en/admin/consultations/survey/add/", survey_form(programme, upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Survey.objects.exists()


def test_a_valid_survey_results_file_is_linked_on_the_page(client, planner, programme):
    client.force_login(planner)
    upload = pdf_upload("rezultati.pdf")
    response = client.post("/en/admin/consultations/survey/add/", survey_form(programme, upload))
    assert response.status_code == 302, response.content.decode()[:3000]
    survey = Survey.objects.get()
    client.logout()
    html = client.get("/lv/consultations/").content.decode()
    assert f'<a href="{survey.results_file.url}">Rezultāti (PDF)</a>' in html


@pytest.mark.parametrize("upcoming", [False, True], ids=["within-period", "before-opening"])
def test_discussion_of_a_retired_redaction_is_listed_as_closed_not_open(
    client, discussion, upcoming
):
    """A redaction superseded while its discussion's dates still run: the discussion is over.

    The card must say so, not "Open, 20 days left" (or "Upcoming") under past consultations.
    """
    if upcoming:
        discussion.opens_at = timezone.now() + datetime.timedelta(days=2)
        discussion.save()
    set_redaction_status(discussion.redaction, Redaction.Status.SUPERSEDED)
    html = client.get("/lv/consultations/").content.decode()
    past = html[html.index('id="past-heading"') : html.index('id="groups-heading"')]
    assert discussion.get_absolute_url() in past
    assert "Slēgta" in past
    assert "Atvērta" not in html
    assert "Gaidāma" not in html
    assert "atlikušais laiks" not in html
    assert "Apspriešana ir beigusies: redakcijas statuss ir “Aizstāta”" in past
    assert f"/lv/consultations/{discussion.slug}/report/" in past
    # The home page lists open discussions only.
    assert discussion.get_absolute_url() not in client.get("/lv/").content.decode()
