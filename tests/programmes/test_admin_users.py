"""Municipality administrators manage their own municipality's users, and only them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from programmes.models import StaffProfile
from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER

User = get_user_model()
pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, municipality_admin):
    client.force_login(municipality_admin)
    return client


def test_municipality_admin_lists_only_own_users(admin_client, planner, other_planner, superuser):
    page = admin_client.get(reverse("admin:auth_user_changelist"))
    assert page.status_code == 200
    listed = set(page.context["cl"].result_list)
    assert planner in listed
    assert other_planner not in listed
    assert superuser not in listed


def test_other_municipalitys_user_is_404(admin_client, other_planner, superuser):
    for user in (other_planner, superuser):
        url = reverse("admin:auth_user_change", args=[user.pk])
        assert admin_client.get(url).status_code == 404
        password = reverse("admin:auth_user_password_change", args=[user.pk])
        assert admin_client.get(password).status_code == 404


def test_change_form_offers_only_role_groups_and_no_superuser(admin_client, planner):
    Group.objects.create(name="Kaut kas cits")
    page = admin_client.get(reverse("admin:auth_user_change", args=[planner.pk]))
    form = page.context["adminform"].form
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields
    assert set(form.fields["groups"].queryset.values_list("name", flat=True)) == {
        PLANNER,
        PROJECT_MANAGER,
        MUNICIPALITY_ADMIN,
    }


def _change_data(user, **extra):
    data = {
        "username": user.username,
        "first_name": "Helēna",
        "last_name": "Trošimova",
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [Group.objects.get(name=PROJECT_MANAGER).pk],
        "staff_profile-TOTAL_FORMS": "1",
        "staff_profile-INITIAL_FORMS": "1",
        "staff_profile-MIN_NUM_FORMS": "0",
        "staff_profile-MAX_NUM_FORMS": "1",
        "staff_profile-0-id": user.staff_profile.pk,
        "staff_profile-0-user": user.pk,
        "staff_profile-0-position": "Plānotāja",
        "staff_profile-0-phone": "",
    }
    data.update(extra)
    return data


def test_municipality_admin_changes_roles_but_cannot_make_superuser(admin_client, planner):
    url = reverse("admin:auth_user_change", args=[planner.pk])
    response = admin_client.post(url, _change_data(planner, is_superuser="on"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    planner.refresh_from_db()
    assert not planner.is_superuser
    assert list(planner.groups.values_list("name", flat=True)) == [PROJECT_MANAGER]
    assert planner.staff_profile.position == "Plānotāja"


def test_new_user_gets_a_profile_in_the_admins_municipality(admin_client, municipality):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "jauns.planotajs",
            "password1": "Gar4-un-drosa-parole",
            "password2": "Gar4-un-drosa-parole",
            "usable_password": "true",
            "staff_profile-TOTAL_FORMS": "0",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-MIN_NUM_FORMS": "0",
            "staff_profile-MAX_NUM_FORMS": "1",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="jauns.planotajs")
    assert user.is_staff and not user.is_superuser
    assert StaffProfile.objects.get(user=user).municipality == municipality


def test_planner_cannot_manage_users(client, planner):
    client.force_login(planner)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_superuser_sees_all_users(client, superuser, planner, other_planner):
    client.force_login(superuser)
    page = client.get(reverse("admin:auth_user_changelist"))
    listed = set(page.context["cl"].result_list)
    assert {planner, other_planner, superuser} <= listed
    form = (
        client.get(reverse("admin:auth_user_change", args=[planner.pk])).context["adminform"].form
    )
    assert "is_superuser" in form.fields
