"""Owners who are reminded: each action and indicator may have a responsible staff member
and an update interval; what is overdue is on their desk and in one e-mail a day."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from programmes.models import (
    Action,
    Indicator,
    IndicatorValue,
    Redaction,
    StaffProfile,
    months_before,
)
from programmes.monitoring import overdue_by_owner, send_reminders
from programmes.roles import PLANNER
from tests.factories import ActionFactory, UserFactory, full_redaction

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 12, 3, 12, 0))
LONG_AGO = NOW - datetime.timedelta(days=400)
RECENTLY = NOW - datetime.timedelta(days=20)


def approve(redaction):
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(
        "approved", decision_number="15", decision_date=datetime.date(2019, 11, 28)
    )


def owned(model, obj, owner, updated, every=12):
    model.objects.filter(pk=obj.pk).update(
        owner=owner, update_interval=every, last_updated_at=updated
    )


@pytest.fixture
def world(roles):
    """An approved redaction with three actions and an indicator: Anna owns two stale
    actions and the stale indicator, Jānis one fresh action; a third action has no owner."""
    redaction = full_redaction()
    municipality = redaction.programme.municipality
    anna, janis, nobody = (
        UserFactory(
            username=name, email=f"{name}@example.lv", municipality=municipality, role=PLANNER
        )
        for name in ("anna", "janis", "nobody")
    )
    StaffProfile.objects.filter(user=janis).update(language="en")
    first = Action.objects.in_redaction(redaction).get()
    task = first.task
    second = ActionFactory(task=task, code="R2")
    third = ActionFactory(task=task, code="R3")
    fourth = ActionFactory(task=task, code="R4")
    indicator = redaction.indicators.get()
    approve(redaction)
    owned(Action, first, anna, LONG_AGO)
    owned(Action, second, anna, None)  # never updated
    owned(Action, third, janis, RECENTLY)
    owned(Indicator, indicator, anna, NOW - datetime.timedelta(days=100), every=3)
    Action.objects.filter(pk=fourth.pk).update(last_updated_at=LONG_AGO)  # nobody owns it
    return {"anna": anna, "janis": janis, "nobody": nobody, "redaction": redaction}


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(NOW, 12).date() == datetime.date(2025, 12, 3)
    march = timezone.make_aware(datetime.datetime(2026, 3, 31, 9, 0))
    assert months_before(march, 1).date() == datetime.date(2026, 2, 28)


def test_overdue_items_are_grouped_by_owner(world):
    overdue = overdue_by_owner(NOW)
    assert set(overdue) == {world["anna"]}
    actions, indicators = overdue[world["anna"]]
    assert {a.code for a in actions} == {"R1", "R2"}
    assert [i.code for i in indicators] == ["R1"]


def test_completed_actions_and_other_redactions_are_not_overdue(world):
    Action.objects.filter(code="R1", owner=world["anna"]).update(
        status=Action.Status.COMPLETED, progress=100
    )
    assert {a.code for a in overdue_by_owner(NOW)[world["anna"]][0]} == {"R2"}
    Redaction.objects.filter(pk=world["redaction"].pk).set_status_for_tests("superseded")
    assert overdue_by_owner(NOW) == {}


def test_one_digest_to_each_owner_with_overdue_items_and_nobody_else(world, mailoutbox):
    # Jānis's action falls overdue too, so two owners are reminded.
    Action.objects.filter(code="R3").update(last_updated_at=LONG_AGO)
    assert send_reminders(now=NOW, base_url="https://portals.example.lv") == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.lv", "janis@example.lv"]
    anna = next(m for m in mailoutbox if m.to == ["anna@example.lv"])
    assert "3 uzraudzības ieraksti jāatjauno" in anna.subject
    for code in ("R1", "R2"):
        assert re.search(rf"^- {code} ", anna.body, re.M)
    assert "Rādītāji" in anna.body and "nekad nav atjaunots" in anna.body
    assert "https://portals.example.lv/lv/admin/programmes/action/" in anna.body
    janis = next(m for m in mailoutbox if m.to == ["janis@example.lv"])
    assert "1 monitoring item to update" in janis.subject  # his profile's language
    assert "Actions (status and progress):" in janis.body
    assert "R1" not in janis.body.split("Actions", 1)[1].split("Attīstības")[0].replace("R3", "")


def test_nobody_is_reminded_when_nothing_is_overdue(world, mailoutbox):
    Action.objects.filter(owner=world["anna"]).update(last_updated_at=RECENTLY)
    Indicator.objects.filter(owner=world["anna"]).update(last_updated_at=RECENTLY)
    assert send_reminders(now=NOW) == 0
    assert mailoutbox == []


def test_the_command_sends_the_digests(world, mailoutbox):
    call_command(
        "send_reminders", base_url="https://portals.example.lv", stdout=open("/dev/null", "w")
    )
    assert [m.to for m in mailoutbox] == [["anna@example.lv"]]


def test_recording_progress_or_a_value_is_an_update(world):
    action = Action.objects.get(code="R2", owner=world["anna"])
    action.status = Action.Status.IN_PROGRESS
    action.progress = 40
    action.save()
    assert action.last_updated_at is not None
    indicator = Indicator.objects.get(owner=world["anna"])
    IndicatorValue.objects.create(indicator=indicator, year=2025, value=12)
    indicator.refresh_from_db()
    assert indicator.last_updated_at > NOW - datetime.timedelta(days=1)
    overdue = overdue_by_owner(timezone.now())[world["anna"]]
    assert {a.code for a in overdue[0]} == {"R1"}
    assert overdue[1] == []


def test_desk_shows_the_owner_what_is_overdue(client, world):
    client.force_login(world["anna"])
    page = client.get(reverse("admin:index")).content.decode()
    assert "Jāatjauno uzraudzības dati" in page
    assert (
        reverse("admin:programmes_action_change", args=[Action.objects.get(code="R2").pk]) in page
    )
    client.force_login(world["janis"])
    assert "Jāatjauno uzraudzības dati" not in client.get(reverse("admin:index")).content.decode()


def test_owner_choices_are_staff_of_the_planners_municipality(client, world):
    outsider = UserFactory(
        username="outsider", municipality=full_redaction().programme.municipality
    )
    action = Action.objects.get(code="R1", owner=world["anna"])
    client.force_login(world["janis"])
    page = client.get(reverse("admin:programmes_action_change", args=[action.pk])).content.decode()
    assert 'name="owner"' in page  # monitoring: editable in the redaction in force
    assert f'value="{world["anna"].pk}"' in page
    assert f'value="{outsider.pk}"' not in page


def test_public_action_plan_shows_when_each_action_was_last_updated(client, world):
    redaction = world["redaction"]
    page = client.get(redaction.get_action_plan_url()).content.decode()
    assert "Pēdējoreiz atjaunots" in page
    assert f'datetime="{timezone.localtime(LONG_AGO).date().isoformat()}"' in page


def test_demo_planner_of_livani_has_overdue_items_on_the_desk(client, demo):
    from django.contrib.auth import get_user_model

    planner = get_user_model().objects.get(username="planotajs.livani")
    actions, indicators = overdue_by_owner(NOW)[planner]
    assert actions and indicators
    client.force_login(planner)
    assert "Jāatjauno uzraudzības dati" in client.get(reverse("admin:index")).content.decode()
