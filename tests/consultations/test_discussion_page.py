"""The discussion page and its proposal form, as a resident meets them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import Proposal, PublicDiscussion
from programmes.models import Redaction

from .factories import ProposalFactory, PublicDiscussionFactory

pytestmark = pytest.mark.django_db


def url(discussion, lang="lv"):
    return f"/{lang}/consultations/{discussion.slug}/"


def valid_data(discussion, **overrides):
    task = discussion.redaction.priorities.get().action_lines.get().tasks.get()
    data = {
        "text": "Cietoksnī ierīkot tūrisma informācijas centru un velonomu.",
        "part": f"task:{task.pk}",
        "author_name": "Olga Petrova",
        "email": "olga@example.lv",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_open_discussion_shows_dates_materials_and_form(client, discussion):
    response = client.get(url(discussion))
    assert response.status_code == 200
    html = response.content.decode()
    assert discussion.redaction.get_absolute_url() in html
    assert "Pilsētas domē, 1. stāvā" in html
    assert 'name="text"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert "<fieldset>" in html and "<legend>" in html
    assert "csrfmiddlewaretoken" in html


def test_proposal_is_accepted_numbered_and_confirmed_by_email(client, discussion, mailoutbox):
    response = client.post(url(discussion), valid_data(discussion))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.number == 1
    assert proposal.task.code == "U1.1.1"
    assert proposal.channel == Proposal.Channel.WEB
    assert proposal.consent_at is not None
    assert proposal.language == "lv"
    assert proposal.answer == ""
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["olga@example.lv"]
    assert "Nr. 1" in mail.subject or "No. 1" in mail.subject
    assert discussion.get_absolute_url() in mail.body
    page = client.get(url(discussion))
    assert "olga@example.lv" not in page.content.decode()


def test_confirmation_is_sent_in_the_language_the_resident_used(client, discussion, mailoutbox):
    client.post(url(discussion, "en"), valid_data(discussion))
    assert Proposal.objects.get().language == "en"
    assert "registered" in mailoutbox[0].subject


def test_form_is_gone_after_the_close_time_and_a_direct_post_is_refused(
    client, discussion, mailoutbox
):
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page = client.get(url(discussion))
    assert 'name="text"' not in page.content.decode()
    response = client.post(url(discussion), valid_data(discussion))
    assert response.status_code == 403
    assert "closed" in response.content.decode() or "slēgta" in response.content.decode()
    assert not Proposal.objects.exists()
    assert mailoutbox == []


def test_filled_honeypot_is_refused_and_the_text_kept(client, discussion, mailoutbox):
    data = valid_data(discussion, website="http://spam.example")
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    assert not Proposal.objects.exists()
    assert data["text"] in response.content.decode()
    assert mailoutbox == []


def test_rate_limit_per_address_refuses_and_keeps_the_text(client, discussion, settings):
    for n in range(services.RATE_LIMIT):
        response = client.post(
            url(discussion), valid_data(discussion, text=f"Priekšlikums {n} par ceļiem.")
        )
        assert response.status_code == 302
    data = valid_data(discussion, text="Vēl viens priekšlikums par parkiem.")
    response = client.post(url(discussion), data)
    assert response.status_code == 429
    assert data["text"] in response.content.decode()
    assert Proposal.objects.count() == services.RATE_LIMIT
    other = client.post(url(discussion), data, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


@pytest.mark.parametrize(
    "text,expected",
    [("", "text"), ("   ", "text"), ("x" * 5001, "5000")],
)
def test_empty_or_overlong_text_is_refused_with_what_was_typed_kept(
    client, discussion, text, expected
):
    data = valid_data(discussion, text=text, author_name="Pēteris Kalns")
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Pēteris Kalns" in html
    if text.strip():
        assert text in html
    assert not Proposal.objects.exists()


def test_consent_is_required(client, discussion):
    data = valid_data(discussion)
    del data["consent"]
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_part_from_another_redaction_is_refused(client, discussion):
    response = client.post(url(discussion), valid_data(discussion, part="task:999999"))
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_discussion_of_a_draft_redaction_is_404(client, discussion):
    Redaction.objects.filter(pk=discussion.redaction_id).update(status="draft")
    assert client.get(url(discussion)).status_code == 404
    assert client.post(url(discussion), valid_data(discussion)).status_code == 404


def test_unknown_discussion_is_404(client, db):
    assert client.get("/lv/consultations/nav-tadas/").status_code == 404


def test_upcoming_discussion_has_no_form_yet(client, redaction):
    discussion = PublicDiscussionFactory(
        redaction=redaction,
        opens_at=timezone.now() + datetime.timedelta(days=2),
        closes_at=timezone.now() + datetime.timedelta(days=20),
    )
    page = client.get(url(discussion)).content.decode()
    assert 'name="text"' not in page
    assert client.post(url(discussion), valid_data(discussion)).status_code == 403


def test_submitter_email_is_never_rendered(client, discussion):
    ProposalFactory(discussion=discussion, email="slepens@example.lv")
    pages = [url(discussion), reverse("consultations:index"), "/lv/"]
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    pages += [f"{url(discussion)}report/", f"{url(discussion)}report.csv"]
    pages.append(discussion.redaction.get_absolute_url())
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert b"slepens@example.lv" not in response.content, page


def test_time_left_is_shown_while_open(client, discussion):
    html = client.get(url(discussion, "en")).content.decode()
    assert "left to submit proposals" in html
    assert "20 days" in html


@pytest.mark.parametrize(
    "delta,expected",
    [
        (datetime.timedelta(days=21, hours=5, minutes=3), "21 diena 5 stundas"),
        (datetime.timedelta(days=2), "2 dienas"),
        (datetime.timedelta(hours=3, minutes=10), "3 stundas 10 minūtes"),
        (datetime.timedelta(minutes=1, seconds=30), "1 minūte"),
        (datetime.timedelta(seconds=-5), "0 minūšu"),
    ],
)
def test_time_left_is_computed_in_words(delta, expected):
    from django.utils import translation

    from consultations.templatetags.consultations_format import time_left

    now = timezone.now()
    with translation.override("lv"):
        assert time_left(now + delta, now) == expected
