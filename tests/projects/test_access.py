"""Project managers change only their assigned projects; planners read; outsiders get 404."""

import pytest
from django.urls import reverse

from portal.models import News
from projects.models import Activity, Project

from .factories import ActivityFactory, NewsFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def assert_hidden(response):
    """Admin answers an object outside the user's queryset like a missing one."""
    assert response.status_code == 404


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def own_project(project_manager, municipality):
    return ProjectFactory(municipality=municipality, managers=[project_manager])


@pytest.fixture
def colleagues_project(municipality):
    return ProjectFactory(municipality=municipality)


@pytest.fixture
def foreign_project(other_municipality):
    return ProjectFactory(municipality=other_municipality)


def test_queryset_methods(project_manager, planner, superuser, own_project, colleagues_project):
    assert list(Project.objects.editable_by(project_manager)) == [own_project]
    assert set(Project.objects.in_scope_of(project_manager)) == {own_project, colleagues_project}
    assert not Project.objects.editable_by(planner).exists()
    assert set(Project.objects.in_scope_of(planner)) == {own_project, colleagues_project}
    assert Project.objects.editable_by(superuser).count() == 2


def test_manager_can_change_assigned_project(client, project_manager, own_project):
    client.force_login(project_manager)
    response = client.get(change_url(own_project))
    assert response.status_code == 200
    assert 'name="_save"' in response.text


def test_manager_only_reads_a_colleagues_project(client, project_manager, colleagues_project):
    client.force_login(project_manager)
    response = client.get(change_url(colleagues_project))
    assert response.status_code == 200
    assert 'name="_save"' not in response.text
    assert client.post(change_url(colleagues_project), {"title": "X"}).status_code == 403


def test_project_of_another_municipality_is_hidden(client, project_manager, foreign_project):
    client.force_login(project_manager)
    assert_hidden(client.get(change_url(foreign_project)))
    changelist = client.get(reverse("admin:projects_project_changelist"))
    assert foreign_project.title not in changelist.text


def test_planner_reads_projects_of_own_municipality_only(
    client, planner, own_project, foreign_project
):
    client.force_login(planner)
    response = client.get(change_url(own_project))
    assert response.status_code == 200
    assert 'name="_save"' not in response.text
    assert client.post(change_url(own_project), {"title": "X"}).status_code == 403
    assert_hidden(client.get(change_url(foreign_project)))


def test_other_municipalitys_planner_does_not_see_it(client, other_planner, own_project):
    client.force_login(other_planner)
    assert_hidden(client.get(change_url(own_project)))


def test_manager_changes_activities_of_own_projects_only(
    client, project_manager, own_project, colleagues_project
):
    own = ActivityFactory(project=own_project)
    colleagues = ActivityFactory(project=colleagues_project)
    client.force_login(project_manager)
    assert 'name="_save"' in client.get(change_url(own)).text
    assert client.post(change_url(colleagues), {"title": "X"}).status_code == 403


def test_activity_form_offers_only_own_projects(
    client, project_manager, own_project, colleagues_project
):
    client.force_login(project_manager)
    add_url = reverse("admin:projects_activity_add")
    form = client.get(add_url).context["adminform"].form
    assert list(form.fields["project"].queryset) == [own_project]
    data = {
        "project": colleagues_project.pk,
        "kind": "seminar",
        "title": "Seminārs",
        "start_date": "2013-11-13",
    }
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert "project" in response.context["adminform"].form.errors
    assert not Activity.objects.exists()
    data["project"] = own_project.pk
    assert client.post(add_url, data).status_code == 302
    activity = Activity.objects.get()
    assert activity.history.first().history_user == project_manager


def test_manager_who_records_a_project_is_assigned_to_it(client, project_manager, municipality):
    from .factories import FundingProgrammeFactory

    fund = FundingProgrammeFactory()
    client.force_login(project_manager)
    response = client.post(
        reverse("admin:projects_project_add"),
        {
            "title": "Jauns projekts",
            "slug": "jauns-projekts",
            "agreement_number": "",
            "funding_programme": fund.pk,
            "municipality": municipality.pk,
            "municipality_role": "lead",
            "status": "planned",
            "is_published": "on",
            "total_cost": "1000",
            "eu_funding": "1000",
            "partnerships-TOTAL_FORMS": "0",
            "partnerships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="jauns-projekts")
    assert list(project.managers.all()) == [project_manager]
    assert project.co_financing == 0 and project.eu_share == 100


def test_admin_shows_validation_message(client, project_manager, own_project):
    client.force_login(project_manager)
    from .factories import FundingProgrammeFactory

    response = client.post(
        reverse("admin:projects_project_add"),
        {
            "title": "Slikts",
            "slug": "slikts",
            "agreement_number": "1DP 1.5",
            "funding_programme": FundingProgrammeFactory().pk,
            "municipality": own_project.municipality_id,
            "municipality_role": "lead",
            "status": "planned",
            "planned_start": "2015-01-01",
            "planned_end": "2014-01-01",
            "partnerships-TOTAL_FORMS": "0",
            "partnerships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "agreement_number" in errors and "planned_end" in errors
    assert not Project.objects.filter(slug="slikts").exists()


def test_manager_links_news_only_to_own_projects(
    client, project_manager, municipality, own_project, colleagues_project
):
    client.force_login(project_manager)
    add_url = reverse("admin:portal_news_add")
    form = client.get(add_url).context["adminform"].form
    assert list(form.fields["project"].queryset) == [own_project]
    data = {
        "title": "Ziņa",
        "slug": "zina",
        "lead": "Ievads",
        "body": "Teksts",
        "municipality": municipality.pk,
        "project": colleagues_project.pk,
        "published_at_0": "2013-11-25",
        "published_at_1": "10:00",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    assert client.post(add_url, data).status_code == 200
    assert not News.objects.exists()
    data["project"] = own_project.pk
    assert client.post(add_url, data).status_code == 302
    assert News.objects.get().author == project_manager


def test_manager_cannot_change_news_of_a_colleagues_project(
    client, project_manager, municipality, colleagues_project
):
    post = NewsFactory(municipality=municipality, project=colleagues_project)
    client.force_login(project_manager)
    assert client.post(change_url(post), {"title": "X"}).status_code == 403


ADMIN_MODELS = [
    "projects_project",
    "projects_partnership",
    "projects_activity",
    "projects_organisation",
    "projects_fundingprogramme",
    "projects_councildecision",
    "portal_news",
    "portal_newsphoto",
]


@pytest.mark.parametrize("name", ADMIN_MODELS)
def test_admin_pages_open_for_every_role(
    client, superuser, project_manager, planner, own_project, name
):
    ActivityFactory(project=own_project)
    NewsFactory(municipality=own_project.municipality, project=own_project)
    for user in (superuser, project_manager, planner):
        client.force_login(user)
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
        add = client.get(reverse(f"admin:{name}_add")).status_code
        assert add in (200, 403)
        if user is superuser:
            assert add == 200


def test_history_of_another_municipalitys_project_is_hidden(
    client, project_manager, own_project, foreign_project
):
    client.force_login(project_manager)
    own = reverse("admin:projects_project_history", args=[own_project.pk])
    assert client.get(own).status_code == 200
    foreign = reverse("admin:projects_project_history", args=[foreign_project.pk])
    response = client.get(foreign)
    assert response.status_code == 404
    assert foreign_project.title not in response.text


def test_history_of_news_outside_the_municipality_is_hidden(client, other_planner, municipality):
    post = NewsFactory(municipality=municipality, title="Daugavpils ziņa")
    client.force_login(other_planner)
    response = client.get(reverse("admin:portal_news_history", args=[post.pk]))
    assert response.status_code == 404


def _admin_url(obj, view):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk])


@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_every_record_of_another_municipality_is_404(
    client, project_manager, foreign_project, view
):
    from portal.models import NewsPhoto

    from .factories import NewsPhotoFactory, PartnershipFactory

    post = NewsFactory(municipality=foreign_project.municipality, project=foreign_project)
    records = [
        foreign_project,
        ActivityFactory(project=foreign_project),
        PartnershipFactory(project=foreign_project),
        post,
        NewsPhotoFactory(news=post),
    ]
    client.force_login(project_manager)
    for record in records:
        response = client.get(_admin_url(record, view))
        assert response.status_code == 404, record
    assert client.post(_admin_url(foreign_project, "delete"), {"post": "yes"}).status_code == 404
    assert Project.objects.filter(pk=foreign_project.pk).exists()
    assert NewsPhoto.objects.count() == 1


def test_manager_cannot_delete_a_colleagues_project(
    client, project_manager, own_project, colleagues_project
):
    client.force_login(project_manager)
    delete = _admin_url(colleagues_project, "delete")
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    # Nor through the changelist's bulk action, mixed with their own project.
    response = client.post(
        reverse("admin:projects_project_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [own_project.pk, colleagues_project.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 403
    assert Project.objects.count() == 2


def test_manager_deletes_own_project_through_the_bulk_action(client, project_manager, own_project):
    client.force_login(project_manager)
    response = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "delete_selected", "_selected_action": [own_project.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Project.objects.exists()


def test_partnership_form_offers_only_own_projects(
    client, project_manager, own_project, colleagues_project
):
    client.force_login(project_manager)
    form = client.get(reverse("admin:projects_partnership_add")).context["adminform"].form
    assert list(form.fields["project"].queryset) == [own_project]


def test_planner_only_reads_activities_and_news_of_projects(client, planner, own_project):
    activity = ActivityFactory(project=own_project)
    post = NewsFactory(municipality=own_project.municipality, project=own_project)
    client.force_login(planner)
    for record in (activity, post):
        response = client.get(change_url(record))
        assert response.status_code == 200
        assert 'name="_save"' not in response.text
        assert client.post(change_url(record), {"title": "X"}).status_code == 403


def test_project_manager_does_not_edit_general_news_of_the_municipality(
    client, project_manager, planner, municipality
):
    post = NewsFactory(municipality=municipality, title="Darba grupu sanāksmes")
    assert list(News.objects.editable_by(planner)) == [post]
    assert not News.objects.editable_by(project_manager).exists()
    client.force_login(project_manager)
    response = client.get(change_url(post))
    assert response.status_code == 200 and 'name="_save"' not in response.text
    assert client.post(change_url(post), {"title": "X"}).status_code == 403


def _news_data(municipality, **changes):
    data = {
        "title": "Ziņa",
        "slug": "zina",
        "lead": "Ievads",
        "body": "Teksts",
        "municipality": municipality.pk,
        "published_at_0": "2013-11-25",
        "published_at_1": "10:00",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_project_manager_must_choose_one_of_their_projects(
    client, project_manager, municipality, own_project
):
    client.force_login(project_manager)
    response = client.post("/lv/admin/portal/news/add/", _news_data(municipality))
    assert response.context["adminform"].form.errors["project"] == [
        "Izvēlieties projektu, par kuru ir šī ziņa: projektu vadītāji raksta ziņas par "
        "saviem projektiem."
    ]
    assert not News.objects.exists()


def test_planner_writes_news_about_a_programme_of_own_municipality_only(
    client, planner, municipality, other_municipality
):
    from tests.factories import ProgrammeFactory

    own = ProgrammeFactory(municipality=municipality)
    foreign = ProgrammeFactory(municipality=other_municipality)
    client.force_login(planner)
    add_url = reverse("admin:portal_news_add")
    form = client.get(add_url).context["adminform"].form
    assert list(form.fields["programme"].queryset) == [own]
    assert list(form.fields["municipality"].queryset) == [municipality]
    assert not form.fields["project"].required
    assert client.post(add_url, _news_data(municipality, programme=foreign.pk)).status_code == 200
    assert not News.objects.exists()
    assert client.post(add_url, _news_data(municipality, programme=own.pk)).status_code == 302
    assert News.objects.get().programme == own


def test_organisation_that_is_a_municipality_is_changed_by_its_own_staff_only(
    client, project_manager, other_planner, municipality
):
    from .factories import OrganisationFactory

    council = OrganisationFactory(name="Daugavpils pilsētas dome", municipality=municipality)
    partner = OrganisationFactory(name="Poznaņas pašvaldība", country="PL")
    client.force_login(project_manager)
    assert 'name="_save"' in client.get(change_url(council)).text
    assert 'name="_save"' in client.get(change_url(partner)).text
    from programmes.roles import PROJECT_MANAGER
    from tests.factories import UserFactory

    outsider = UserFactory(
        username="livani_manager",
        municipality=other_planner.staff_profile.municipality,
        role=PROJECT_MANAGER,
    )
    client.force_login(outsider)
    assert 'name="_save"' not in client.get(change_url(council)).text
    assert client.post(change_url(council), {"name": "X"}).status_code == 403


def test_assigning_a_manager_is_kept_in_the_history(
    client, superuser, project_manager, own_project
):
    from programmes.roles import PROJECT_MANAGER
    from tests.factories import UserFactory

    colleague = UserFactory(
        username="colleague", municipality=own_project.municipality, role=PROJECT_MANAGER
    )
    own_project.managers.add(colleague)
    latest = own_project.history.latest()
    assert {m.user for m in latest.managers.all()} == {project_manager, colleague}
    client.force_login(superuser)
    history = client.get(_admin_url(own_project, "history"))
    assert history.status_code == 200


# Staff act only within their own municipality, whatever they are assigned to.


@pytest.fixture
def livani_manager(roles, other_municipality):
    from programmes.roles import PROJECT_MANAGER
    from tests.factories import UserFactory

    return UserFactory(
        username="livani_manager", municipality=other_municipality, role=PROJECT_MANAGER
    )


def test_livani_manager_assigned_to_a_daugavpils_project_cannot_edit_it(
    client, livani_manager, colleagues_project
):
    colleagues_project.managers.add(livani_manager)
    assert not Project.objects.editable_by(livani_manager).exists()
    assert not Project.objects.in_scope_of(livani_manager).exists()
    activity = ActivityFactory(project=colleagues_project)
    assert not Activity.objects.editable_by(livani_manager).exists()
    client.force_login(livani_manager)
    assert_hidden(client.get(change_url(colleagues_project)))
    assert_hidden(client.post(change_url(activity), {"title": "X"}))
    form = client.get(reverse("admin:projects_activity_add")).context["adminform"].form
    assert list(form.fields["project"].queryset) == []


def test_project_moved_to_another_municipality_is_no_longer_editable_by_its_old_manager(
    client, project_manager, own_project, other_municipality
):
    assert list(Project.objects.editable_by(project_manager)) == [own_project]
    own_project.municipality = other_municipality
    own_project.save()
    assert not Project.objects.editable_by(project_manager).exists()
    client.force_login(project_manager)
    assert_hidden(client.get(change_url(own_project)))


def _project_form(project, **changes):
    data = {
        "title": project.title,
        "slug": project.slug,
        "agreement_number": project.agreement_number,
        "funding_programme": project.funding_programme_id,
        "municipality": project.municipality_id,
        "municipality_role": project.municipality_role,
        "status": project.status,
        "is_published": "on",
        "total_cost": "10000",
        "eu_funding": "8500",
        "co_financing": "1500",
        "managers": [user.pk for user in project.managers.all()],
        "partnerships-TOTAL_FORMS": "0",
        "partnerships-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_admin_refuses_a_manager_of_another_municipality(
    client, superuser, project_manager, livani_manager, own_project
):
    client.force_login(superuser)
    data = _project_form(own_project, managers=[project_manager.pk, livani_manager.pk])
    response = client.post(change_url(own_project), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["managers"] == [
        "Projekta vadītājiem jāstrādā projekta pašvaldībā (Daugavpils); šie tajā nestrādā: "
        "livani_manager. Noņemiet viņus no projekta vadītājiem."
    ]
    assert list(own_project.managers.all()) == [project_manager]
    # Moving the project to Līvāni asks to remove its Daugavpils manager too.
    data = _project_form(own_project, municipality=livani_manager.staff_profile.municipality_id)
    response = client.post(change_url(own_project), data)
    assert response.context["adminform"].form.errors["managers"] == [
        "Projekta vadītājiem jāstrādā projekta pašvaldībā (Līvānu novads); šie tajā nestrādā: "
        "manager. Noņemiet viņus no projekta vadītājiem."
    ]
    # With the managers of its own municipality, the project saves.
    assert client.post(change_url(own_project), _project_form(own_project)).status_code == 302


# Council decisions and organisations: who changes which (projects.models has the rules).


def _decision(municipality, number="228"):
    import datetime

    from projects.models import CouncilDecision

    return CouncilDecision.objects.create(
        municipality=municipality, number=number, date=datetime.date(2013, 6, 11)
    )


def test_manager_changes_decisions_of_own_projects_and_unattached_ones_only(
    client, project_manager, own_project, colleagues_project, municipality, other_municipality
):
    from projects.models import CouncilDecision

    own = _decision(municipality, "228")
    own_project.council_decision = own
    own_project.save()
    colleagues = _decision(municipality, "229")
    colleagues_project.council_decision = colleagues
    colleagues_project.save()
    unattached = _decision(municipality, "230")
    foreign = _decision(other_municipality, "231")
    assert set(CouncilDecision.objects.editable_by(project_manager)) == {own, unattached}
    client.force_login(project_manager)
    assert 'name="_save"' in client.get(change_url(own)).text
    assert 'name="_save"' in client.get(change_url(unattached)).text
    response = client.get(change_url(colleagues))
    assert response.status_code == 200 and 'name="_save"' not in response.text
    assert client.post(change_url(colleagues), {"number": "1"}).status_code == 403
    assert client.post(_admin_url(colleagues, "delete"), {"post": "yes"}).status_code == 403
    assert_hidden(client.get(change_url(foreign)))
    colleagues.refresh_from_db()
    assert colleagues.number == "229"


def test_decision_shared_by_own_and_a_colleagues_project_is_the_colleagues_too(
    client, project_manager, own_project, colleagues_project, municipality
):
    from projects.models import CouncilDecision

    shared = _decision(municipality)
    for project in (own_project, colleagues_project):
        project.council_decision = shared
        project.save()
    assert not CouncilDecision.objects.editable_by(project_manager).exists()


def test_organisation_used_by_another_municipalitys_project_is_read_only(
    client, project_manager, livani_manager, own_project
):
    from projects.models import Organisation

    from .factories import OrganisationFactory, PartnershipFactory

    poznan = OrganisationFactory(name="Poznaņas pašvaldība", country="PL")
    PartnershipFactory(project=own_project, organisation=poznan, role="lead")
    unused = OrganisationFactory(name="Jauna biedrība")
    # Daugavpils' manager: Poznań is used only by Daugavpils' projects.
    assert poznan in Organisation.objects.editable_by(project_manager)
    client.force_login(project_manager)
    assert 'name="_save"' in client.get(change_url(poznan)).text
    # Līvāni's manager reads it, but renaming it would change the Daugavpils project page.
    assert set(Organisation.objects.editable_by(livani_manager)) == {unused}
    client.force_login(livani_manager)
    response = client.get(change_url(poznan))
    assert response.status_code == 200 and 'name="_save"' not in response.text
    assert client.post(change_url(poznan), {"name": "X", "country": "PL"}).status_code == 403
    assert 'name="_save"' in client.get(change_url(unused)).text
    # Adding an organisation changes nobody's data: any manager may.
    add = client.post(
        reverse("admin:projects_organisation_add"),
        {"name": "Līvānu biedrība", "country": "LV", "kind": "ngo"},
    )
    assert add.status_code == 302
    poznan.refresh_from_db()
    assert poznan.name == "Poznaņas pašvaldība"


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:projects_project_changelist",
        "admin:projects_councildecision_changelist",
        "admin:portal_news_changelist",
    ],
)
def test_list_filters_name_only_the_users_municipality(
    client, project_manager, own_project, foreign_project, url_name
):
    from projects.models import CouncilDecision

    CouncilDecision.objects.create(
        municipality=foreign_project.municipality, number="1", date="2020-01-02"
    )
    CouncilDecision.objects.create(
        municipality=own_project.municipality, number="2", date="2020-01-02"
    )
    NewsFactory(project=own_project, municipality=own_project.municipality)
    NewsFactory(project=foreign_project, municipality=foreign_project.municipality)
    client.force_login(project_manager)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "Līvānu novads" not in response.text
