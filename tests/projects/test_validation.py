"""Bad project and activity input is refused with a clear message and saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Activity, Partnership, Project

from .factories import ActivityFactory, OrganisationFactory, PartnershipFactory, ProjectFactory

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
    [
        "1DP/1.5.2.2.3/11/APIA/SIF/110/71",
        "1DP/1.5.3.2.0/10/APIA/VRAA/047/042",
        "5.6.2.0/16/I/001",
        "9.2.1.1/15/I/001",
    ],
)
def test_real_agreement_numbers_are_accepted(number):
    project = ProjectFactory()
    project.agreement_number = number
    project.full_clean()


def test_a_project_without_an_agreement_number_is_accepted():
    """A Europe for Citizens grant has a reference of another kind, not a number."""
    project = ProjectFactory(agreement_number="")
    project.full_clean()
    ProjectFactory(agreement_number="")


@pytest.mark.parametrize(
    "number",
    [
        "1",
        "2013",
        "Nr.228",
        "Nr. 228",
        "1//..--2",
        "2013-1234/001-001",
        "1DP/1.5.2.2.3",
        "1DP 1.5.2",
        "/1DP/1.5/11",
        "1DP/1.5/11/",
        "1DP/1..5/11",
        "1DP/.1.5/11",
        "1DP/1.5./11",
        "ABC/DEF/GHI",
        "1DP_1.5/11/12",
        "1DP/1.5.2.2.3/11/APIA/SIF/110/71\n",
        "1DP/1.5.2.2.3/11/ĀPIA/SIF/110/71",
    ],
)
def test_near_miss_agreement_number_is_refused(number):
    project = ProjectFactory()
    project.agreement_number = number
    message = errors_of(project)["agreement_number"][0]
    assert message.startswith(
        "Enter the agreement number as written in the agreement: at least three parts"
    )
    assert "leave the field empty" in message


def test_duplicate_agreement_number_is_refused():
    first = ProjectFactory()
    second = ProjectFactory()
    second.agreement_number = first.agreement_number
    assert errors_of(second)["agreement_number"] == [
        "A project with this agreement number is already registered."
    ]


def test_agreement_number_differing_only_in_case_is_a_duplicate():
    ProjectFactory(agreement_number="1DP/1.5.2.2.3/11/APIA/SIF/110/71")
    second = ProjectFactory()
    second.agreement_number = "1dp/1.5.2.2.3/11/apia/sif/110/71"
    assert errors_of(second) == {
        "agreement_number": ["A project with this agreement number is already registered."]
    }
    # The database holds it too (a bulk update skips clean()).
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=second.pk).update(agreement_number=second.agreement_number)


def test_amounts_that_do_not_add_up_are_refused():
    project = ProjectFactory()
    project.co_financing = Decimal("1000")
    assert errors_of(project)["co_financing"] == [
        "EU funding (€8,500.00) and co-financing (€1,000.00) must add up to the total cost "
        "(€10,000.00)."
    ]


def test_eu_funding_above_total_is_refused():
    project = ProjectFactory()
    project.eu_funding = Decimal("20000")
    assert errors_of(project)["eu_funding"] == ["EU funding cannot be more than the total cost."]


@pytest.mark.parametrize("field", ["total_cost", "eu_funding", "co_financing"])
def test_negative_amount_is_refused(field):
    project = ProjectFactory()
    setattr(project, field, Decimal("-1"))
    assert errors_of(project)[field][0] == "An amount cannot be negative: enter 0 or more."


@pytest.mark.parametrize("share", ["101", "-0.5"])
def test_share_outside_0_to_100_is_refused(share):
    project = ProjectFactory(total_cost=None, eu_funding=None, co_financing=None)
    project.eu_share = Decimal(share)
    assert errors_of(project)["eu_share"] == ["A share is a percentage from 0 to 100."]


def test_share_within_a_hundredth_of_the_amounts_is_accepted():
    project = ProjectFactory(
        total_cost=Decimal("35571.80"), eu_funding=Decimal("30000"), co_financing=None
    )
    project.eu_share = Decimal("84.34")  # 84.3366… %
    project.full_clean()


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
    project.actual_start = datetime.date(2013, 6, 1)
    project.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(actual_end=datetime.date(2013, 5, 31))


@pytest.mark.parametrize(
    "changes",
    [
        {"agreement_number": "1DP 1.5.2"},
        {"agreement_number": "ABC/DEF/GHI"},
        {"agreement_number": "Nr.228"},
        {"agreement_number": "1DP/1.5.2.2.3"},
        {"total_cost": Decimal("-1")},
        {"eu_funding": Decimal("-1"), "co_financing": Decimal("10001")},
        {"eu_share": Decimal("150")},
        # The amounts say 85 %.
        {"eu_share": Decimal("50")},
    ],
    ids=[
        "space",
        "no-digit",
        "one-part",
        "two-parts",
        "negative",
        "negative-eu",
        "share-over-100",
        "share-mismatch",
    ],
)
def test_database_refuses_what_clean_refuses(changes):
    """Bulk updates skip clean(); the database holds the same rules."""
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(**changes)


def test_database_accepts_a_project_without_amounts_or_number():
    project = ProjectFactory(
        agreement_number="", total_cost=None, eu_funding=None, co_financing=None
    )
    Project.objects.filter(pk=project.pk).update(eu_share=Decimal("100"))


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


@pytest.mark.parametrize("status", [Project.Status.COMPLETED, Project.Status.CLOSED])
def test_finished_project_without_an_end_is_refused(status):
    # Without an end the registry would count it active in every year since its start.
    project = ProjectFactory(status=status, planned_end=None, actual_end=None)
    assert errors_of(project) == {
        "actual_end": [
            "A completed or closed project needs its end date: enter the actual end, or the "
            "planned end if the actual one is not known."
        ]
    }
    project.planned_end = datetime.date(2015, 4, 30)
    project.full_clean()


def test_running_project_may_have_no_end_yet():
    project = ProjectFactory(planned_end=None)
    project.full_clean()


def test_history_is_kept():
    project = ProjectFactory()
    project.status = Project.Status.COMPLETED
    project.save()
    assert project.history.count() == 2


# The same refusals in admin, in Latvian, each on its own field; nothing is saved.

AGREEMENT_SHAPE_LV = (
    "Ierakstiet vienošanās numuru tā, kā tas rakstīts vienošanās dokumentā: vismaz trīs daļas "
    "no burtiem, cipariem un punktiem, atdalītas ar slīpsvītrām (/), bez atstarpēm, ar vismaz "
    "vienu ciparu, piemēram, 1DP/1.5.2.2.3/11/APIA/SIF/110/71 vai 5.6.2.0/16/I/001. Ja "
    "projektam vienošanās numura nav (piemēram, programmas „Eiropa pilsoņiem” projektam), "
    "atstājiet lauku tukšu."
)
NEGATIVE_LV = "Summa nevar būt negatīva: ievadiet 0 vai vairāk."


@pytest.fixture
def project_form(project_manager, municipality):
    from .factories import FundingProgrammeFactory

    def build(**changes):
        data = {
            "title": "Pārmaiņu pilsētas",
            "slug": "parmainu-pilsetas",
            "agreement_number": "",
            "funding_programme": FundingProgrammeFactory().pk,
            "municipality": municipality.pk,
            "municipality_role": "partner",
            "status": "approved",
            "is_published": "on",
            "total_cost": "99000",
            "eu_funding": "99000",
            "co_financing": "0",
            "planned_start": "2013-06-01",
            "planned_end": "2015-04-30",
            "partnerships-TOTAL_FORMS": "0",
            "partnerships-INITIAL_FORMS": "0",
        }
        data.update(changes)
        return data

    return build


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"agreement_number": "1DP 1.5.2"}, "agreement_number", AGREEMENT_SHAPE_LV),
        (
            {"agreement_number": "1DP/1.5.2.2.3/11/APIA/SIF/110/71"},
            "agreement_number",
            "Projekts ar šādu vienošanās numuru jau ir reģistrēts.",
        ),
        (
            {"agreement_number": "1dp/1.5.2.2.3/11/apia/sif/110/71"},
            "agreement_number",
            "Projekts ar šādu vienošanās numuru jau ir reģistrēts.",
        ),
        ({"total_cost": "-1", "eu_funding": "", "co_financing": ""}, "total_cost", NEGATIVE_LV),
        ({"eu_funding": "-5"}, "eu_funding", NEGATIVE_LV),
        ({"co_financing": "-5"}, "co_financing", NEGATIVE_LV),
        (
            {"co_financing": "1000"},
            "co_financing",
            "ES finansējuma (99 000,00 €) un līdzfinansējuma (1 000,00 €) summai jāsakrīt ar "
            "kopējām izmaksām (99 000,00 €).",
        ),
        (
            {"eu_funding": "100000", "co_financing": ""},
            "eu_funding",
            "ES finansējums nevar būt lielāks par kopējām izmaksām.",
        ),
        (
            {"total_cost": "", "co_financing": ""},
            "total_cost",
            "Ierakstiet kopējās izmaksas, ja norādāt ES finansējumu vai līdzfinansējumu.",
        ),
        (
            {"total_cost": "", "eu_funding": "", "co_financing": "", "eu_share": "101"},
            "eu_share",
            "Daļa ir procenti no 0 līdz 100.",
        ),
        (
            {"eu_share": "85"},
            "eu_share",
            "ES daļa nesakrīt ar summām: ES finansējums ir 100,00 % no kopējām izmaksām. "
            "Atstājiet daļu tukšu, lai to aprēķinātu automātiski.",
        ),
        (
            {"planned_end": "2013-05-31"},
            "planned_end",
            "Plānotās beigas nevar būt pirms plānotā sākuma.",
        ),
        (
            {"actual_start": "2013-06-01", "actual_end": "2013-01-01"},
            "actual_end",
            "Faktiskās beigas nevar būt pirms faktiskā sākuma.",
        ),
    ],
    ids=[
        "agreement-shape",
        "agreement-taken",
        "agreement-taken-other-case",
        "negative-total",
        "negative-eu",
        "negative-co",
        "not-adding-up",
        "eu-over-total",
        "no-total",
        "share-over-100",
        "share-mismatch",
        "planned-order",
        "actual-order",
    ],
)
def test_admin_refuses_bad_project_input_with_its_latvian_message(
    client, project_manager, project_form, changes, field, message
):
    ProjectFactory(agreement_number="1DP/1.5.2.2.3/11/APIA/SIF/110/71")
    client.force_login(project_manager)
    response = client.post("/lv/admin/projects/project/add/", project_form(**changes))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    shown = [error.replace("\xa0", " ") for error in errors[field]]
    assert shown == [message], errors
    assert str(errors[field][0]) in response.text.replace("&quot;", '"')
    assert not Project.objects.filter(slug="parmainu-pilsetas").exists()


def test_admin_saves_good_project_input_and_derives_share(client, project_manager, project_form):
    client.force_login(project_manager)
    data = project_form(total_cost="10000", eu_funding="8500", co_financing="")
    response = client.post("/lv/admin/projects/project/add/", data)
    assert response.status_code == 302
    project = Project.objects.get(slug="parmainu-pilsetas")
    assert (project.co_financing, project.eu_share) == (Decimal("1500.00"), Decimal("85.00"))


def test_admin_refuses_bad_activity_input_in_latvian(client, project_manager, municipality):
    project = ProjectFactory(municipality=municipality, managers=[project_manager])
    client.force_login(project_manager)
    response = client.post(
        "/lv/admin/projects/activity/add/",
        {
            "project": project.pk,
            "kind": "training",
            "title": "Kursi",
            "start_date": "2012-09-05",
            "end_date": "2012-09-01",
            "participants": "7",
            "certificates": "20",
        },
    )
    errors = response.context["adminform"].form.errors
    assert errors["end_date"] == ["Aktivitāte nevar beigties, pirms tā sākusies."]
    assert errors["certificates"] == [
        "Apliecinājumu ir vairāk nekā dalībnieku: pārbaudiet abus skaitļus."
    ]
    assert not Activity.objects.exists()


def _partners_form(project, rows):
    data = {
        "title": project.title,
        "slug": project.slug,
        "agreement_number": project.agreement_number,
        "funding_programme": project.funding_programme_id,
        "municipality": project.municipality_id,
        "municipality_role": project.municipality_role,
        "status": project.status,
        "is_published": "on",
        "total_cost": project.total_cost,
        "eu_funding": project.eu_funding,
        "co_financing": project.co_financing,
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
        "partnerships-TOTAL_FORMS": len(rows),
        "partnerships-INITIAL_FORMS": sum(1 for row in rows if row.get("id")),
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"partnerships-{i}-{key}"] = value
        data[f"partnerships-{i}-project"] = project.pk
    return data


def test_two_lead_partners_are_refused_in_admin(client, project_manager, municipality):
    project = ProjectFactory(municipality=municipality, managers=[project_manager])
    poznan, daugavpils = OrganisationFactory(country="PL"), OrganisationFactory()
    client.force_login(project_manager)
    response = client.post(
        f"/lv/admin/projects/project/{project.pk}/change/",
        _partners_form(
            project,
            [
                {"organisation": poznan.pk, "role": "lead", "position": 0},
                {"organisation": daugavpils.pk, "role": "lead", "position": 1},
            ],
        ),
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.non_form_errors() == [
        "Vadošais partneris var būt tikai viens: pārējos atzīmējiet kā partnerus."
    ]
    assert not Partnership.objects.exists()


def test_lead_moves_to_another_partner_whatever_the_row_order(
    client, project_manager, municipality
):
    project = ProjectFactory(municipality=municipality, managers=[project_manager])
    old_lead = PartnershipFactory(project=project, role="lead", position=1)
    new_lead = PartnershipFactory(project=project, role="partner", position=0)
    client.force_login(project_manager)
    response = client.post(
        f"/lv/admin/projects/project/{project.pk}/change/",
        _partners_form(
            project,
            [
                # Row order follows position: the new lead comes first on the form.
                {
                    "id": new_lead.pk,
                    "organisation": new_lead.organisation_id,
                    "role": "lead",
                    "position": 0,
                },
                {
                    "id": old_lead.pk,
                    "organisation": old_lead.organisation_id,
                    "role": "partner",
                    "position": 1,
                },
            ],
        ),
    )
    assert response.status_code == 302
    assert project.lead_partnership == Partnership.objects.get(pk=new_lead.pk)


def test_second_lead_partner_is_refused_by_the_model():
    lead = PartnershipFactory(role="lead")
    second = PartnershipFactory.build(project=lead.project, role="lead")
    second.organisation.save()
    second.organisation_id = second.organisation.pk
    assert errors_of(second)["__all__"] == [
        "The project already has a lead partner: a project has only one."
    ]
