"""Bad project and activity input is refused with a clear message and saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Activity, Project, normalize_search

from .factories import ActivityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def errors_of(obj):
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_valid_project_passes_and_derives_the_share():
    project = ProjectFactory(
        total_cost=Decimal("99000"), eu_funding=Decimal("99000"), co_financing=None
    )
    project.co_financing = None
    project.eu_share = None
    project.full_clean()
    project.save()
    project.refresh_from_db()
    assert project.co_financing == Decimal("0.00")
    assert project.eu_share == Decimal("100.00")


def test_share_is_derived_from_amounts():
    project = ProjectFactory(
        total_cost=Decimal("10000"), eu_funding=Decimal("8500"), co_financing=Decimal("1500")
    )
    assert project.eu_share == Decimal("85.00")


@pytest.mark.parametrize(
    "number",
    ["1DP/1.5.2.2.3/11/APIA/SIF/110/71", "1DP/1.5.3.2.0/10/APIA/VRAA/047/042", "2013-1234/001-001"],
)
def test_real_agreement_numbers_are_accepted(number):
    project = ProjectFactory()
    project.agreement_number = number
    project.full_clean()


@pytest.mark.parametrize(
    "number", ["1DP 1.5.2", "/1DP/1.5", "1DP/1.5/", "ABC/DEF", "1DP_1.5", "Nr. 228"]
)
def test_malformed_agreement_number_is_refused(number):
    project = ProjectFactory()
    project.agreement_number = number
    message = errors_of(project)["agreement_number"][0]
    assert "letters, digits, slashes (/), dots (.) and hyphens (-)" in message


def test_duplicate_agreement_number_is_refused():
    first = ProjectFactory()
    second = ProjectFactory()
    second.agreement_number = first.agreement_number
    assert errors_of(second)["agreement_number"] == [
        "A project with this agreement number is already registered."
    ]


def test_amounts_that_do_not_add_up_are_refused():
    project = ProjectFactory()
    project.co_financing = Decimal("1000")
    assert errors_of(project)["co_financing"] == [
        "EU funding (8500.00) and co-financing (1000) must add up to the total cost (10000.00)."
    ]


def test_eu_funding_above_total_is_refused():
    project = ProjectFactory()
    project.eu_funding = Decimal("20000")
    assert errors_of(project)["eu_funding"] == ["EU funding cannot be more than the total cost."]


def test_negative_amount_is_refused():
    project = ProjectFactory()
    project.total_cost = Decimal("-1")
    assert "Ensure this value is greater than or equal to 0." in errors_of(project)["total_cost"]


def test_share_over_100_is_refused():
    project = ProjectFactory(total_cost=None, eu_funding=None, co_financing=None)
    project.eu_share = Decimal("101")
    assert errors_of(project)["eu_share"] == ["Ensure this value is less than or equal to 100."]


def test_amounts_without_total_are_refused():
    project = ProjectFactory()
    project.total_cost = None
    assert errors_of(project)["total_cost"] == [
        "Enter the total cost when you enter EU funding or co-financing."
    ]


def test_co_financing_above_total_is_refused():
    project = ProjectFactory()
    project.eu_funding = None
    project.co_financing = Decimal("20000")
    assert errors_of(project)["co_financing"] == [
        "Co-financing cannot be more than the total cost."
    ]


def test_share_that_disagrees_with_amounts_is_refused():
    project = ProjectFactory()
    project.eu_share = Decimal("50")
    message = errors_of(project)["eu_share"][0]
    assert "does not match the amounts" in message and "85.00" in message


def test_end_before_start_is_refused():
    project = ProjectFactory()
    project.planned_end = datetime.date(2012, 1, 1)
    assert errors_of(project)["planned_end"] == [
        "The planned end cannot be before the planned start."
    ]


def test_database_refuses_amounts_that_do_not_add_up():
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(co_financing=Decimal("1"))


def test_database_refuses_end_before_start():
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(planned_end=datetime.date(2000, 1, 1))


def test_activity_end_before_start_is_refused():
    activity = ActivityFactory()
    activity.end_date = datetime.date(2013, 11, 1)
    assert errors_of(activity)["end_date"] == ["The activity cannot end before it starts."]


def test_activity_with_more_certificates_than_participants_is_refused():
    activity = ActivityFactory(participants=7)
    activity.certificates = 20
    assert errors_of(activity)["certificates"] == [
        "More certificates than participants: check both numbers."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(certificates=20)


def test_latvian_message_for_latvian_interface():
    project = ProjectFactory()
    project.planned_end = datetime.date(2012, 1, 1)
    with translation.override("lv"):
        message = errors_of(project)["planned_end"][0]
    assert message == "Plānotās beigas nevar būt pirms plānotā sākuma."


def test_normalize_search_drops_latvian_diacritics():
    assert (
        normalize_search("Līvānu NOVADS, Daugavpils, Ģērķis") == "livanu novads, daugavpils, gerkis"
    )


def test_history_is_kept():
    project = ProjectFactory()
    project.status = Project.Status.COMPLETED
    project.save()
    assert project.history.count() == 2
