"""Residents ask to be told by e-mail when a public discussion is announced: they confirm
the address first, every e-mail can end the subscription, and nothing leaks who follows."""

import re

import pytest
from django.test import Client

from consultations.models import Subscription
from tests.factories import ActionLineFactory, PriorityFactory, RedactionFactory

from .test_admin import discussion_form

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/lv/consultations/subscriptions/new/"


def form(where, **overrides):
    data = {"municipality": where.pk, "email": "Anna@Example.lv", "consent": "on"}
    data.update(overrides)
    return data


def link(body, name):
    return re.search(rf"http://testserver(/lv/consultations/subscriptions/[\w-]+/{name}/)", body)[1]


def subscribe_and_confirm(client, municipality, mailoutbox, email="anna@example.lv"):
    client.post(SUBSCRIBE, form(municipality, email=email))
    client.post(link(mailoutbox[-1].body, "confirm"))
    return Subscription.objects.get(email=email, municipality=municipality)


def test_subscribing_sends_a_link_that_confirms_only_when_the_button_is_pressed(
    client, municipality, mailoutbox
):
    page = client.get(SUBSCRIBE, {"municipality": municipality.pk}).content.decode()
    assert f'<option value="{municipality.pk}" selected>' in page

    response = client.post(SUBSCRIBE, form(municipality))
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.email == "anna@example.lv"  # one address, however it was typed
    assert subscription.confirmed_at is None
    assert mailoutbox[0].to == ["anna@example.lv"]
    confirm = link(mailoutbox[0].body, "confirm")

    # A mail scanner that opens the link confirms nothing.
    assert "Apstiprināt" in client.get(confirm).content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    client.post(confirm)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_announcing_a_discussion_tells_confirmed_subscribers_of_that_municipality_only(
    client,
    planner,
    programme,
    municipality,
    other_municipality,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    confirmed = subscribe_and_confirm(client, municipality, mailoutbox)
    client.post(SUBSCRIBE, form(municipality, email="unconfirmed@example.lv"))
    subscribe_and_confirm(client, other_municipality, mailoutbox, email="livani@example.lv")
    mailoutbox.clear()

    draft = RedactionFactory(programme=programme, number=5, vision="Zaļa pilsēta.")
    ActionLineFactory(priority=PriorityFactory(redaction=draft))
    client.force_login(planner)
    # The announcement is a task (consultations/tasks.py), here run where it is enqueued.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/lv/admin/consultations/publicdiscussion/add/", discussion_form(draft)
        )
    assert response.status_code == 302

    assert [mail.to for mail in mailoutbox] == [["anna@example.lv"]]
    body = mailoutbox[0].body
    assert programme.title in mailoutbox[0].subject
    assert "Priekšlikumus var iesniegt no " in body
    assert f"/lv/consultations/subscriptions/{confirmed.token}/unsubscribe/" in body


def test_unsubscribing_deletes_the_address(client, municipality, mailoutbox):
    subscription = subscribe_and_confirm(client, municipality, mailoutbox)
    url = f"/lv/consultations/subscriptions/{subscription.token}/unsubscribe/"
    assert subscription.email in client.get(url).content.decode()
    assert Subscription.objects.exists()  # opening the link alone deletes nothing
    client.post(url)
    assert not Subscription.objects.exists()
    assert client.post(url).status_code == 404


def test_an_unknown_token_is_404(client):
    assert client.get("/lv/consultations/subscriptions/nav-tada/confirm/").status_code == 404
    assert client.post("/lv/consultations/subscriptions/nav-tada/unsubscribe/").status_code == 404


def test_subscribing_again_says_the_same_and_sends_nothing_new_once_confirmed(
    client, municipality, mailoutbox
):
    subscribe_and_confirm(client, municipality, mailoutbox)
    sent = len(mailoutbox)
    response = client.post(SUBSCRIBE, form(municipality), follow=True)
    assert "Gandrīz gatavs" in response.content.decode()
    assert len(mailoutbox) == sent
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"email": "nav-adrese"}, "a correct one looks like name@example.lv"),
        ({"email": ""}, "Write your e-mail address."),
        ({"consent": ""}, "Without your consent we cannot keep your address."),
        ({"municipality": "999999"}, "Choose a municipality from the list."),
        ({"website": "http://spam.example"}, "The form could not be accepted."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_keeps_nothing(
    client, municipality, mailoutbox, overrides, message
):
    response = client.post(SUBSCRIBE.replace("/lv/", "/en/"), form(municipality, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_a_flood_from_one_address_is_refused(client, municipality, settings):
    settings.CONSULTATIONS_RATE_LIMIT = 5
    for n in range(5):
        client.post(SUBSCRIBE, form(municipality, email=f"a{n}@example.lv"))
    response = client.post(SUBSCRIBE, form(municipality, email="a6@example.lv"))
    assert response.status_code == 429
    assert Subscription.objects.count() == 5


def test_planners_see_their_municipalitys_subscriptions_and_cannot_add_any(
    client, planner, municipality, other_municipality, mailoutbox
):
    subscribe_and_confirm(client, municipality, mailoutbox)
    subscribe_and_confirm(client, other_municipality, mailoutbox, email="livani@example.lv")
    staff = Client()
    staff.force_login(planner)
    page = staff.get("/lv/admin/consultations/subscription/").content.decode()
    assert "anna@example.lv" in page
    assert "livani@example.lv" not in page
    assert staff.get("/lv/admin/consultations/subscription/add/").status_code == 403
