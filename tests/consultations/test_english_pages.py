"""The English pages speak English: no Latvian left in the interface.

The data here is written without Latvian letters, so any ā, č, ē … on an English page
is an interface string that escaped translation.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import (
    ActionLineFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
    TaskFactory,
)

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

LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


def latvian_left(html):
    if "<main" in html:  # the page's own content; the site shell is the portal's
        html = html[html.index("<main") : html.index("</main>")]
    html = html.replace(settings.PORTAL_NAME, "")  # a proper name, not interface text
    return sorted(
        {html[max(0, m.start() - 40) : m.end() + 40] for m in LATVIAN_LETTERS.finditer(html)}
    )


@pytest.fixture
def ascii_discussion(municipality):
    programme = ProgrammeFactory(municipality=municipality, title="City development plan")
    draft = RedactionFactory(programme=programme, number=1, label="First draft")
    priority = PriorityFactory(redaction=draft, code="VTP1", title="Economy")
    line = ActionLineFactory(priority=priority, code="RV1.1", title="Tourism")
    TaskFactory(action_line=line, code="U1.1.1", title="Fortress")
    discussion = PublicDiscussionFactory(
        redaction=published_redaction(draft), slug="city-1", materials_places="City hall"
    )
    group = WorkingGroupFactory(programme=programme, name="Business group")
    WorkingGroupMeetingFactory(group=group, place="City hall", participant_count=12)
    WorkingGroupProposalFactory(group=group, text="More parks")
    territorial = WorkingGroupFactory(
        programme=programme, name="Town group", kind="territorial", sector="", territory="Town"
    )
    WorkingGroupMeetingFactory(group=territorial, place="Town hall")
    EventFactory(programme=programme, title="Public meeting", place="City hall")
    start = timezone.now() - datetime.timedelta(days=50)
    EventFactory(
        programme=programme,
        title="Old seminar",
        place="City hall",
        starts_at=start,
        ends_at=start + datetime.timedelta(days=1),
    )
    SurveyFactory(programme=programme, title="Residents survey", results="Roads first")
    ProposalFactory(
        discussion=discussion,
        text="Add bike lanes please.",
        author_name="Anna",
        priority=priority,
        answer="partly",
        justification="Partly planned.",
    )
    ProposalFactory(discussion=discussion, text="Unanswered idea here.", author_name="Ben")
    return discussion


def test_consultations_and_discussion_pages_are_english(client, ascii_discussion):
    for url in ("/en/consultations/", "/en/consultations/city-1/", "/en/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert latvian_left(response.getvalue().decode()) == [], url


def test_refusals_and_form_errors_are_english(client, ascii_discussion):
    response = client.post("/en/consultations/city-1/", {"text": "", "website": ""})
    assert response.status_code == 400
    assert latvian_left(response.getvalue().decode()) == []
    type(ascii_discussion).objects.filter(pk=ascii_discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.post("/en/consultations/city-1/", {"text": "Late idea here."})
    assert response.status_code == 403
    assert latvian_left(response.getvalue().decode()) == []


def test_report_and_csv_are_english(client, ascii_discussion):
    type(ascii_discussion).objects.filter(pk=ascii_discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    for url in ("/en/consultations/city-1/report/", "/en/consultations/city-1/report.csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert latvian_left(response.getvalue().decode()) == [], url
