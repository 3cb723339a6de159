"""Planners record and answer proposals and open discussions in admin."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from consultations import services
from consultations.models import Proposal, PublicDiscussion
from programmes.models import Redaction
from tests.factories import (
    ActionLineFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
)

from .factories import (
    EventFactory,
    ProposalFactory,
    PublicDiscussionFactory,
    SurveyFactory,
    WorkingGroupMeetingFactory,
    published_redaction,
    set_redaction_status,
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


def test_proposal_admin_calls_the_submitters_name_a_persons_name(client, planner, discussion):
    proposal = ProposalFactory(discussion=discussion)
    client.force_login(planner)

    form = client.get(change_url(proposal)).context["adminform"].form
    assert form.fields["author_name"].label == "Vārds, uzvārds"
    listing = client.get("/lv/admin/consultations/proposal/").content.decode()
    assert "Vārds, uzvārds" in listing
    # Things keep their name: a working group's is still its “Nosaukums”.
    group = WorkingGroupMeetingFactory(group__programme=discussion.redaction.programme).group
    group_form = client.get(f"/lv/admin/consultations/workinggroup/{group.pk}/change/")
    assert group_form.context["adminform"].form.fields["name"].label == "Nosaukums"
    english = client.get(change_url(proposal).replace("/lv/", "/en/"))
    assert english.context["adminform"].form.fields["author_name"].label == "Name"


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


def change_discussion_form(discussion, **overrides):
    def split(moment):
        local = timezone.localtime(moment)
        return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")

    data = {
        "slug": discussion.slug,
        "opens_at_0": split(discussion.opens_at)[0],
        "opens_at_1": split(discussion.opens_at)[1],
        "closes_at_0": split(discussion.closes_at)[0],
        "closes_at_1": split(discussion.closes_at)[1],
        "introduction": discussion.introduction,
        "materials_places": discussion.materials_places,
        "materials_url": "",
        "how_to_submit": "",
        "report_summary": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("status", ["approved", "superseded", "withdrawn"])
def test_a_closed_discussion_of_a_retired_redaction_cannot_be_reopened_in_admin(
    client, planner, programme, status
):
    redaction = published_redaction(RedactionFactory(programme=programme, number=3))
    now = timezone.now()
    discussion = PublicDiscussion.objects.create(
        redaction=redaction,
        slug="slegta",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
    )
    set_redaction_status(redaction, status)
    closes_at = discussion.closes_at
    client.force_login(planner)
    url = f"/en/admin/consultations/publicdiscussion/{discussion.pk}/change/"
    later = timezone.localtime(now + datetime.timedelta(days=10))
    response = client.post(
        url,
        change_discussion_form(
            discussion,
            closes_at_0=later.strftime("%Y-%m-%d"),
            closes_at_1=later.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "its public discussion cannot be reopened or moved into the future" in html
    assert redaction.get_status_display() in html
    discussion.refresh_from_db()
    assert discussion.closes_at == closes_at
    # The rest of a past discussion can still be edited: the summary of its results.
    response = client.post(
        url, change_discussion_form(discussion, report_summary="Ņemti vērā 3 priekšlikumi.")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    discussion.refresh_from_db()
    assert discussion.report_summary == "Ņemti vērā 3 priekšlikumi."


@pytest.mark.parametrize("status", ["approved", "superseded", "withdrawn"])
def test_a_retired_redaction_takes_no_proposals_even_within_the_period(
    client, discussion, status, mailoutbox
):
    """However the period came to be open (a write past admin), no proposal gets in."""
    set_redaction_status(discussion.redaction, status)
    proposal = Proposal(text="Priekšlikums par apstiprinātu redakciju.", author_name="Anna")
    with pytest.raises(ValidationError) as error:
        services.submit_proposal(discussion=discussion, proposal=proposal, address="10.0.0.1")
    assert error.value.code == "redaction_retired"
    page = client.get(f"/en/consultations/{discussion.slug}/")
    html = page.content.decode()
    assert 'name="text"' not in html
    assert "The discussion is over: the redaction is" in html
    response = client.post(
        f"/en/consultations/{discussion.slug}/",
        {"text": "Tomēr iesniedzu.", "author_name": "Anna", "email": "a@example.lv"},
    )
    assert response.status_code == 403
    assert "so proposals are no longer accepted" in response.content.decode()
    assert not Proposal.objects.exists()
    assert mailoutbox == []
    assert discussion.get_absolute_url() not in client.get("/en/").content.decode()


def paper_proposal(discussion, received_at, **overrides):
    local = timezone.localtime(received_at)
    data = {
        "discussion": discussion.pk,
        "text": "Iesniegts papīra formā: vajag jaunu skvēru.",
        "author_name": "Ilze Kalna",
        "email": "",
        "channel": "paper",
        "received_at_0": local.strftime("%Y-%m-%d"),
        "received_at_1": local.strftime("%H:%M:%S"),
        "language": "lv",
        "answer": "",
        "justification": "",
        "is_published": "on",
        "hidden_reason": "",
    }
    data.update(overrides)
    return data


def test_a_letter_received_outside_the_discussion_is_refused_clearly(client, planner, discussion):
    client.force_login(planner)
    before = discussion.opens_at - datetime.timedelta(days=1)
    response = client.post(
        "/en/admin/consultations/proposal/add/", paper_proposal(discussion, before)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The proposal was received outside the public discussion" in html
    opens = timezone.localtime(discussion.opens_at)
    assert f"from {opens.day} {opens:%B %Y}, {opens:%H:%M}" in html
    lv = client.post("/lv/admin/consultations/proposal/add/", paper_proposal(discussion, before))
    assert "Priekšlikums saņemts ārpus sabiedriskās apspriešanas laika" in lv.content.decode()
    assert not Proposal.objects.exists()


def test_received_time_counts_from_the_opening_up_to_but_not_at_the_closing_time(
    planner, discussion
):
    """The period is [opens_at, closes_at), as for the portal's form: a letter that comes on
    the closing day before the closing time counts; one at the closing time does not."""
    moments = {
        discussion.opens_at - datetime.timedelta(seconds=1): False,
        discussion.opens_at: True,
        discussion.closes_at - datetime.timedelta(seconds=1): True,
        discussion.closes_at: False,
        discussion.closes_at + datetime.timedelta(hours=1): False,
    }
    for received_at, accepted in moments.items():
        proposal = Proposal(
            discussion=discussion,
            text="Papīra vēstule par ceļiem.",
            author_name="Ilze Kalna",
            channel=Proposal.Channel.PAPER,
            received_at=received_at,
        )
        if accepted:
            services.record_proposal(proposal=proposal, user=planner)
        else:
            with pytest.raises(ValidationError) as error:
                services.record_proposal(proposal=proposal, user=planner)
            assert "received_at" in error.value.message_dict
    assert Proposal.objects.count() == 2


def test_a_recorded_proposal_can_be_answered_after_the_discussion_dates_changed(
    client, planner, discussion
):
    """The receipt check guards the receipt time itself, not every later save."""
    proposal = ProposalFactory(discussion=discussion, email="anna@example.lv")
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        opens_at=proposal.received_at + datetime.timedelta(minutes=5)
    )
    client.force_login(planner)
    response = client.post(change_url(proposal), answer_data(proposal))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_letter_on_the_closing_day_is_accepted_in_admin(client, planner, discussion):
    closing_day = discussion.closes_at - datetime.timedelta(hours=1)
    client.force_login(planner)
    response = client.post(
        "/lv/admin/consultations/proposal/add/", paper_proposal(discussion, closing_day)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Proposal.objects.get().channel == "paper"


def test_proposal_add_form_offers_no_web_channel_and_preselects_none(client, planner, discussion):
    client.force_login(planner)
    html = client.get("/en/admin/consultations/proposal/add/").content.decode()
    channel = html[
        html.index('name="channel"') : html.index("</select>", html.index('name="channel"'))
    ]
    assert 'value="web"' not in channel
    assert 'value="paper"' in channel and 'value="email"' in channel
    assert "selected" not in channel.replace('value="" selected', "")
    moment = discussion.closes_at - datetime.timedelta(days=1)
    for channel_value in ("", "web"):
        response = client.post(
            "/en/admin/consultations/proposal/add/",
            paper_proposal(discussion, moment, channel=channel_value),
        )
        assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_record_proposal_refuses_the_web_channel(planner, discussion):
    proposal = Proposal(
        discussion=discussion,
        text="Ievadīts kā no portāla.",
        author_name="Ilze",
        channel=Proposal.Channel.WEB,
    )
    with pytest.raises(ValidationError) as error:
        services.record_proposal(proposal=proposal, user=planner)
    assert "channel" in error.value.message_dict


@pytest.fixture
def second_discussion(programme, discussion):
    """A second redaction of the same programme with its own VTP1 and discussion."""
    draft = RedactionFactory(programme=programme, number=2)
    PriorityFactory(redaction=draft, code="VTP1", title="Konkurētspējīga ekonomika")
    redaction = published_redaction(draft)
    return PublicDiscussion.objects.create(
        redaction=redaction,
        slug="otra-redakcija",
        opens_at=discussion.opens_at,
        closes_at=discussion.closes_at,
    )


def options(html, name):
    start = html.index(f'name="{name}"')
    select = html[start : html.index("</select>", start)]
    labels = re.findall(r"<option [^>]*>([^<]*)</option>", select)
    return [label for label in labels if label and not label.startswith("---")]


def test_proposal_add_form_offers_the_chosen_discussions_parts_only(
    client, planner, discussion, second_discussion
):
    client.force_login(planner)
    base = "/en/admin/consultations/proposal/add/"
    chosen = client.get(f"{base}?discussion={second_discussion.pk}").content.decode()
    assert options(chosen, "priority") == ["VTP1 Konkurētspējīga ekonomika"]
    assert options(chosen, "action_line") == []
    # Not chosen yet: every VTP1 says which redaction it is of.
    html = client.get(base).content.decode()
    labels = options(html, "priority")
    assert len(labels) == 2
    assert all(label.startswith("VTP1 Konkurētspējīga ekonomika (") for label in labels)
    assert any("Redaction 1)" in label for label in labels)
    assert any("Redaction 2)" in label for label in labels)


def test_a_part_of_another_redaction_is_refused_in_admin(
    client, planner, discussion, second_discussion
):
    foreign = second_discussion.redaction.priorities.get()
    client.force_login(planner)
    moment = discussion.closes_at - datetime.timedelta(days=1)
    response = client.post(
        "/en/admin/consultations/proposal/add/",
        paper_proposal(discussion, moment, priority=foreign.pk),
    )
    assert response.status_code == 200
    assert "This part belongs to another redaction" in response.content.decode()
    assert not Proposal.objects.exists()
    own = discussion.redaction.priorities.get()
    response = client.post(
        "/en/admin/consultations/proposal/add/",
        paper_proposal(discussion, moment, priority=own.pk),
    )
    assert response.status_code == 302
    assert Proposal.objects.get().priority == own


def test_discussion_admin_links_entering_a_proposal_for_it(client, planner, discussion):
    client.force_login(planner)
    html = client.get(
        f"/en/admin/consultations/publicdiscussion/{discussion.pk}/change/"
    ).content.decode()
    assert f'href="/en/admin/consultations/proposal/add/?discussion={discussion.pk}"' in html


def test_list_filters_offer_only_the_planners_own_municipality(
    client, planner, discussion, other_municipality
):
    """Filter choices (programme, municipality, discussion) are scoped like the lists."""
    ProposalFactory(discussion=discussion)
    programme = discussion.redaction.programme
    EventFactory(programme=programme)
    SurveyFactory(programme=programme)
    WorkingGroupMeetingFactory(group__programme=programme)
    other_programme = ProgrammeFactory(
        municipality=other_municipality, title="Līvānu novada integrētā attīstības programma"
    )
    other_redaction = published_redaction(RedactionFactory(programme=other_programme, number=1))
    other_discussion = PublicDiscussionFactory(redaction=other_redaction, slug="livani-1")
    ProposalFactory(discussion=other_discussion)
    EventFactory(programme=other_programme)
    SurveyFactory(programme=other_programme)
    WorkingGroupMeetingFactory(group__programme=other_programme)
    client.force_login(planner)
    for name in ("workinggroup", "event", "survey", "publicdiscussion", "proposal"):
        html = client.get(f"/lv/admin/consultations/{name}/").content.decode()
        assert programme.title in html, name
        assert "Līvān" not in html, name


def test_a_discussion_with_proposals_cannot_be_deleted(client, planner, discussion):
    ProposalFactory(discussion=discussion, text="Iedzīvotāja priekšlikums par ceļiem.")
    client.force_login(planner)
    url = f"/lv/admin/consultations/publicdiscussion/{discussion.pk}/delete/"

    page = client.get(url)
    assert page.status_code == 200
    assert "aizsargātus saistītos" in page.content.decode()  # Django's protected-objects page

    client.post(url, {"post": "yes"})
    assert PublicDiscussion.objects.filter(pk=discussion.pk).exists()
    assert discussion.proposals.count() == 1
