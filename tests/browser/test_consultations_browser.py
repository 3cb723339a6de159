"""A public discussion in a real Chromium: a resident proposes, a planner answers in admin,
and after the close the report shows the answer."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone

from consultations.models import Proposal, PublicDiscussion
from tests.consultations.factories import (
    EventFactory,
    PublicDiscussionFactory,
    SurveyFactory,
    WorkingGroupMeetingFactory,
    published_redaction,
)
from tests.factories import (
    ActionLineFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
    TaskFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def discussion(municipality):
    programme = ProgrammeFactory(
        municipality=municipality,
        slug="ap-2014-2020",
        title="Daugavpils pilsētas attīstības programma 2014.–2020. gadam",
    )
    draft = RedactionFactory(programme=programme, number=1)
    priority = PriorityFactory(redaction=draft, code="VTP1", title="Konkurētspējīga ekonomika")
    line = ActionLineFactory(priority=priority, code="RV1.2", title="Tūrisma attīstība")
    TaskFactory(action_line=line, code="U1.2.1", title="Attīstīt cietoksni")
    return PublicDiscussionFactory(
        redaction=published_redaction(draft), slug="daugavpils-ap-2014-2020-1"
    )


def test_resident_proposes_planner_answers_and_report_shows_it(
    live_server, page, settings, planner, discussion
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    url = f"{live_server.url}/lv/consultations/{discussion.slug}/"

    # A resident reads the discussion page and submits a proposal.
    page.goto(url)
    assert serious_violations(page) == []
    page.get_by_label("Jūsu priekšlikums").fill(
        "Cietoksnī ierīkot tūrisma informācijas centru un velonomu."
    )
    page.get_by_label("Uz kuru redakcijas daļu tas attiecas").select_option(
        label="— RV1.2 Tūrisma attīstība"
    )
    page.get_by_label("Jūsu vārds, uzvārds").fill("Olga Petrova")
    page.get_by_label("Jūsu e-pasta adrese").fill("olga@example.lv")
    page.get_by_label("Piekrītu", exact=False).check()
    page.get_by_role("button", name="Iesniegt priekšlikumu").click()
    page.get_by_text("Jūsu priekšlikums reģistrēts ar Nr. 1").wait_for()
    assert "olga@example.lv" not in page.content()
    proposal = Proposal.objects.get()
    assert proposal.action_line.code == "RV1.2"
    assert [m.to for m in mail.outbox] == [["olga@example.lv"]]

    # A planner logs in to admin and answers it.
    page.goto(f"{live_server.url}/lv/admin/")
    page.locator("#id_username").fill("planner")
    page.locator("#id_password").fill("parole-123")
    page.locator("input[type=submit]").click()
    page.goto(f"{live_server.url}/lv/admin/consultations/proposal/{proposal.pk}/change/")
    page.locator("#id_answer").select_option("partly")
    page.locator("#id_justification").fill(
        "Tūrisma informācijas punkts iekļauts uzdevumā U1.2.1; velonomu atbalstīs kā privātu "
        "iniciatīvu."
    )
    page.locator("input[name=_save]").click()
    page.locator(".messagelist").wait_for()
    proposal.refresh_from_db()
    assert proposal.answer == "partly"
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["olga@example.lv"]

    # The redaction page counts it under the action line it concerns and links the
    # discussion's proposals about that line, with the answer.
    page.goto(f"{live_server.url}{discussion.redaction.get_absolute_url()}")
    page.locator(".part-proposals a").first.click()
    row = page.locator("tr#p1")
    assert "Daļēji ņemts vērā" in row.inner_text()
    assert "velonomu atbalstīs" in row.inner_text()

    # The discussion closes; the form is gone and the report shows the answer.
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page.goto(url)
    assert page.locator("textarea[name=text]").count() == 0
    page.get_by_role("link", name="Ziņojums: visi priekšlikumi un atbildes uz tiem").click()
    row = page.locator("tr#p1")
    row.wait_for()
    assert "Daļēji ņemts vērā" in row.inner_text()
    assert "velonomu atbalstīs" in row.inner_text()
    assert "RV1.2" in row.inner_text()
    assert serious_violations(page) == []


def test_consultations_page_is_accessible(live_server, page, discussion):
    programme = discussion.redaction.programme
    EventFactory(programme=programme, title="Apspriešanas sanāksme")
    SurveyFactory(programme=programme)
    WorkingGroupMeetingFactory(group__programme=programme, participant_count=18)
    page.goto(f"{live_server.url}/lv/consultations/")
    page.get_by_role("heading", name="Atvērtās sabiedriskās apspriešanas").wait_for()
    assert serious_violations(page) == []
