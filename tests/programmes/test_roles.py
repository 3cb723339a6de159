"""Role groups and what each role can do in the programmes admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import ensure_role_groups
from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER
from tests.factories import full_redaction

pytestmark = pytest.mark.django_db


def _perms(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_role_groups_exist_with_programmes_permissions(roles):
    assert {"programmes.change_action", "programmes.add_redaction"} <= _perms(PLANNER)
    assert "programmes.change_action" not in _perms(PROJECT_MANAGER)
    assert "programmes.view_action" in _perms(PROJECT_MANAGER)
    assert {"auth.change_user", "programmes.add_staffprofile"} <= _perms(MUNICIPALITY_ADMIN)
    assert "auth.delete_user" not in _perms(MUNICIPALITY_ADMIN)


def test_ensure_role_groups_is_idempotent(roles):
    before = _perms(PLANNER)
    ensure_role_groups()
    assert _perms(PLANNER) == before
    assert Group.objects.filter(name=PLANNER).count() == 1


def test_project_manager_reads_but_cannot_import_or_change(client, project_manager, municipality):
    redaction = full_redaction(municipality)
    client.force_login(project_manager)
    assert client.get(reverse("admin:programmes_action_changelist")).status_code == 200
    assert client.get(reverse("admin:programmes_action_import")).status_code == 403
    assert client.get(reverse("admin:programmes_action_add")).status_code == 403
    page = client.get(reverse("admin:programmes_redaction_change", args=[redaction.pk]))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]


def test_planner_can_import_and_see_history(client, planner, municipality):
    redaction = full_redaction(municipality)
    client.force_login(planner)
    assert client.get(reverse("admin:programmes_action_import")).status_code == 200
    history = reverse("admin:programmes_redaction_history", args=[redaction.pk])
    assert client.get(history).status_code == 200


def test_a_reader_of_a_programme_gets_no_link_to_add_a_redaction(
    client, project_manager, planner, municipality
):
    redaction = full_redaction(municipality)
    url = reverse("admin:programmes_developmentprogramme_change", args=[redaction.programme_id])
    add = reverse("admin:programmes_redaction_add")
    client.force_login(project_manager)
    assert add not in client.get(url).content.decode()
    client.force_login(planner)
    assert add in client.get(url).content.decode()


def test_municipality_admin_opens_what_a_project_page_links_to(
    client, municipality_admin, municipality
):
    from tests.projects.factories import ProjectFactory

    redaction = full_redaction(municipality)
    project = ProjectFactory(municipality=municipality)
    client.force_login(municipality_admin)
    for url in (
        reverse("admin:projects_project_change", args=[project.pk]),
        reverse("admin:projects_fundingprogramme_change", args=[project.funding_programme_id]),
        reverse("admin:programmes_developmentprogramme_change", args=[redaction.programme_id]),
        reverse("admin:programmes_redaction_changelist"),
    ):
        assert client.get(url).status_code == 200, url
    # Reading is all: nothing of it can be changed.
    page = client.get(reverse("admin:projects_project_change", args=[project.pk]))
    assert 'name="_save"' not in page.content.decode()


def test_a_misspelled_permission_stops_the_role_setup_naming_it(roles, monkeypatch):
    """A typo in a roles.py must not leave a role silently without the permission."""
    from django.core.exceptions import ImproperlyConfigured

    import programmes.roles

    before = _perms(PLANNER)
    declared = dict(programmes.roles.ROLE_PERMISSIONS)
    declared[PLANNER] = [*declared[PLANNER], "programmes.change_redactoin", "nosuchapp.view_x"]
    monkeypatch.setattr(programmes.roles, "ROLE_PERMISSIONS", declared)
    with pytest.raises(ImproperlyConfigured) as refusal:
        ensure_role_groups()
    assert "nosuchapp.view_x, programmes.change_redactoin" in str(refusal.value)
    assert _perms(PLANNER) == before


def test_the_role_setup_fetches_every_permission_in_one_query(roles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.roles import collected_role_permissions

    with CaptureQueriesContext(connection) as queries:
        ensure_role_groups()
    by_name = [q["sql"] for q in queries if '"auth_permission"."codename" IN' in q["sql"]]
    assert len(by_name) == 1, by_name
    # Then a few per role (its group, its current permissions, what changed), however many
    # permissions it has: not one query per permission.
    roles = collected_role_permissions()
    assert sum(len(perms) for perms in roles.values()) > 100
    assert len(queries) <= 1 + 4 * len(roles), [q["sql"] for q in queries]
