"""Planners record and answer proposals and open discussions in admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from consultations import services
from consultations.models import Proposal, PublicDiscussion
from programmes.models import Redaction
from tests.factories import ActionLineFactory, PriorityFactory, RedactionFactory

from .factories import (
    EventFactory,
    ProposalFactory,
    SurveyFactory,
    WorkingGroupMeetingFactory,
    published_redaction,
)

pytestmark = pytest.mark.django_db


def change_url(proposal):
    return f"/lv/admin/consultations/proposal/{proposal.pk}/change/"


def answer_data(proposal, **overrides):
    data = {
        "text": proposal.text,
        "section": "",
        "priority": "",
        "action_line": "",
        "task": "",
        "author_name": proposal.author_name,
        "email": proposal.email,
        "channel": proposal.channel,
        "received_at_0": timezone.localtime(proposal.received_at).strftime("%Y-%m-%d"),
        "received_at_1": timezone.localtime(proposal.received_at).strftime("%H:%M:%S"),
        "language": "lv",
        "answer": "partly",
        "justification": "Iekļauts rīcības plānā daļēji.",
        "is_published": "on",
        "hidden_reason": "",
    }
    data.update(overrides)
    return data


def test_first_answer_is_emailed_once(client, planner, discussion, mailoutbox):
    proposal = ProposalFactory(discussion=discussion, email="anna@example.lv")
    client.force_login(planner)
    page = client.get(change_url(proposal))
    assert page.status_code == 200
    assert "anna@example.lv" in page.content.decode()  # staff see the address
    response = client.post(change_url(proposal), answer_data(proposal))
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal.refresh_from_db()
    assert proposal.answer == "partly"
    assert proposal.answered_by == planner
    assert proposal.answered_at and proposal.answer_notified_at
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["anna@example.lv"]
    assert "Iekļauts rīcības plānā daļēji." in mailoutbox[0].body
    client.post(change_url(proposal), answer_data(proposal, justification="Precizēts."))
    assert len(mailoutbox) == 1


def test_answer_without_justification_is_refused_in_admin(client, planner, discussion):
    proposal = ProposalFactory(discussion=discussion)
    client.force_login(planner)
    response = client.post(change_url(proposal), answer_data(proposal, justification=""))
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.answer == ""


def test_planner_of_another_municipality_cannot_see_the_proposal(client, other_planner, discussion):
    proposal = ProposalFactory(discussion=discussion)
    client.force_login(other_planner)
    assert client.get(change_url(proposal)).status_code in (302, 404)
    listing = client.get("/lv/admin/consultations/proposal/")
    assert proposal.text not in listing.content.decode()


def test_planner_enters_a_paper_proposal_which_gets_the_next_number(client, planner, discussion):
    ProposalFactory(discussion=discussion, number=1)
    client.force_login(planner)
    now = timezone.localtime()
    response = client.post(
        "/lv/admin/consultations/proposal/add/",
        {
            "discussion": discussion.pk,
            "text": "Iesniegts papīra formā: vajag jaunu skvēru.",
            "author_name": "Ilze Kalna",
            "email": "",
            "channel": "paper",
            "received_at_0": now.strftime("%Y-%m-%d"),
            "received_at_1": now.strftime("%H:%M:%S"),
            "language": "lv",
            "answer": "",
            "justification": "",
            "is_published": "on",
            "hidden_reason": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Proposal.objects.get(channel="paper").number == 2


def discussion_form(redaction):
    now = timezone.localtime()
    later = now + datetime.timedelta(days=30)
    return {
        "redaction": redaction.pk,
        "slug": "",
        "opens_at_0": now.strftime("%Y-%m-%d"),
        "opens_at_1": now.strftime("%H:%M:%S"),
        "closes_at_0": later.strftime("%Y-%m-%d"),
        "closes_at_1": later.strftime("%H:%M:%S"),
        "introduction": "",
        "materials_places": "Domē",
        "materials_url": "",
        "how_to_submit": "",
        "report_summary": "",
    }


def test_opening_a_discussion_moves_a_draft_redaction_to_public_discussion(
    client, planner, programme
):
    draft = RedactionFactory(programme=programme, number=5, vision="Zaļa pilsēta.")
    ActionLineFactory(priority=PriorityFactory(redaction=draft))
    client.force_login(planner)
    response = client.post("/lv/admin/consultations/publicdiscussion/add/", discussion_form(draft))
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.status == Redaction.Status.PUBLIC_DISCUSSION
    assert PublicDiscussion.objects.get(redaction=draft)


def test_incomplete_draft_cannot_be_opened_and_admin_says_why(client, planner, programme):
    draft = RedactionFactory(programme=programme, number=6, vision="")
    client.force_login(planner)
    response = client.post("/en/admin/consultations/publicdiscussion/add/", discussion_form(draft))
    assert response.status_code == 200
    assert "The redaction has no vision." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Redaction.Status.DRAFT
    assert not PublicDiscussion.objects.exists()


def test_planner_sees_consultation_admin_lists(client, planner, discussion):
    ProposalFactory(discussion=discussion)
    client.force_login(planner)
    for name in ("workinggroup", "event", "survey", "publicdiscussion", "proposal"):
        assert client.get(f"/lv/admin/consultations/{name}/").status_code == 200, name
    response = client.get("/lv/admin/consultations/proposal/?answer__exact=&q=ceļus")
    assert response.status_code == 200


def test_admin_add_change_and_history_pages_open(client, planner, discussion):
    proposal = ProposalFactory(discussion=discussion)
    meeting = WorkingGroupMeetingFactory(group__programme=discussion.redaction.programme)
    event = EventFactory(programme=discussion.redaction.programme)
    survey = SurveyFactory(programme=discussion.redaction.programme)
    client.force_login(planner)
    objects = {
        "proposal": proposal,
        "publicdiscussion": discussion,
        "workinggroup": meeting.group,
        "event": event,
        "survey": survey,
    }
    for name, obj in objects.items():
        base = f"/lv/admin/consultations/{name}/"
        for url in (f"{base}add/", f"{base}{obj.pk}/change/", f"{base}{obj.pk}/history/"):
            assert client.get(url).status_code == 200, url


def test_another_municipality_gets_404_on_change_and_history(client, other_planner, discussion):
    """A planner of Līvāni can neither read nor revert Daugavpils proposals' history
    (it holds residents' e-mail addresses)."""
    proposal = ProposalFactory(discussion=discussion, email="iedzivotajs@example.lv")
    proposal.justification = "Atbilde."
    proposal.save()
    meeting = WorkingGroupMeetingFactory(group__programme=discussion.redaction.programme)
    client.force_login(other_planner)
    for name, obj in {"proposal": proposal, "workinggroup": meeting.group}.items():
        base = f"/lv/admin/consultations/{name}/{obj.pk}/"
        version = obj.history.first()
        for url in (
            f"{base}change/",
            f"{base}delete/",
            f"{base}history/",
            f"{base}history/{version.history_id}/",
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            assert "iedzivotajs@example.lv" not in response.content.decode()
        response = client.post(f"{base}history/{version.history_id}/", {})
        assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.justification == "Atbilde."


@pytest.mark.parametrize("status", ["approved", "superseded", "withdrawn"])
def test_an_approved_or_retired_redaction_cannot_be_put_to_discussion(
    client, planner, programme, status
):
    redaction = published_redaction(RedactionFactory(programme=programme, number=8), status)
    client.force_login(planner)
    page = client.get("/en/admin/consultations/publicdiscussion/add/").content.decode()
    assert f'<option value="{redaction.pk}"' not in page
    with pytest.raises(ValidationError) as error:
        services.open_discussion(
            discussion=PublicDiscussion(
                redaction=redaction,
                opens_at=timezone.now(),
                closes_at=timezone.now() + datetime.timedelta(days=30),
            ),
            user=planner,
        )
    assert error.value.code == "redaction_status"
    assert not PublicDiscussion.objects.exists()


def test_admin_refuses_an_overlapping_second_discussion_with_a_clear_message(
    client, planner, discussion
):
    client.force_login(planner)
    response = client.post(
        "/en/admin/consultations/publicdiscussion/add/", discussion_form(discussion.redaction)
    )
    assert response.status_code == 200
    assert "a redaction has at most one open discussion" in response.content.decode()
    assert PublicDiscussion.objects.count() == 1


def test_a_race_past_clean_still_ends_in_a_clear_refusal(planner, discussion, monkeypatch):
    """Two planners at once: the second one's clean() saw no overlap; the database says no."""
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint is PostgreSQL's")
    monkeypatch.setattr(PublicDiscussion, "clean", lambda self: None)
    second = PublicDiscussion(
        redaction=discussion.redaction,
        opens_at=discussion.opens_at,
        closes_at=discussion.closes_at,
    )
    with pytest.raises(ValidationError) as error:
        services.open_discussion(discussion=second, user=planner)
    assert error.value.code == "overlap"
    assert PublicDiscussion.objects.count() == 1


def test_only_those_who_answer_proposals_see_the_submitters_email(
    client, project_manager, planner, discussion
):
    proposal = ProposalFactory(discussion=discussion, email="iedzivotajs@example.lv")
    client.force_login(project_manager)
    page = client.get(change_url(proposal))
    assert page.status_code == 200
    assert "iedzivotajs@example.lv" not in page.content.decode()
    found = client.get("/lv/admin/consultations/proposal/?q=iedzivotajs%40example.lv")
    assert found.context["cl"].result_count == 0
    client.force_login(planner)
    assert "iedzivotajs@example.lv" in client.get(change_url(proposal)).content.decode()


def test_answering_twice_sends_one_email_and_saving_again_sends_none(
    client, planner, discussion, mailoutbox
):
    proposal = ProposalFactory(discussion=discussion, email="anna@example.lv")
    client.force_login(planner)
    assert client.post(change_url(proposal), answer_data(proposal)).status_code == 302
    assert len(mailoutbox) == 1
    for justification in ("Iekļauts rīcības plānā daļēji.", "Precizēts pamatojums."):
        data = answer_data(proposal, justification=justification, answer="taken")
        assert client.post(change_url(proposal), data).status_code == 302
    assert len(mailoutbox) == 1
    proposal.refresh_from_db()
    assert proposal.answer == "taken" and proposal.answer_notified_at is not None
