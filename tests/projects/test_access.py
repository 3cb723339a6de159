"""Project managers change only their assigned projects; planners read; outsiders get 404."""

import pytest
from django.urls import reverse

from portal.models import News
from projects.models import Activity, Project

from .factories import ActivityFactory, NewsFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def assert_hidden(response):
    """Admin answers an object outside the user's queryset like a missing one."""
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response.url == reverse("admin:index")


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
    assert set(Project.objects.visible_to(project_manager)) == {own_project, colleagues_project}
    assert not Project.objects.editable_by(planner).exists()
    assert set(Project.objects.visible_to(planner)) == {own_project, colleagues_project}
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
            "agreement_number": "2013-1234/001-001",
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
    assert response.status_code in (302, 404)
    assert foreign_project.title not in response.text


def test_history_of_news_outside_the_municipality_is_hidden(client, other_planner, municipality):
    post = NewsFactory(municipality=municipality, title="Daugavpils ziņa")
    client.force_login(other_planner)
    response = client.get(reverse("admin:portal_news_history", args=[post.pk]))
    assert response.status_code == 404
