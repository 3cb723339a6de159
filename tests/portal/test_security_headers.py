"""Which Content-Security-Policy a response gets is decided by the URL it resolved to:
admin pages get the admin's policy, every public page the public one, whatever text the
path contains."""

import pytest
from django.conf import settings

from tests.projects.factories import NewsFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def policy(response):
    return response.get("Content-Security-Policy")


@pytest.mark.parametrize(
    "path", ["/lv/admin/login/", "/en/admin/login/", "/lv/admin/no-such-page/"]
)
def test_admin_pages_get_the_admin_policy(client, path):
    assert policy(client.get(path)) == settings.ADMIN_CONTENT_SECURITY_POLICY


def test_admin_policy_runs_no_inline_script_and_loads_nothing_from_other_sites(client):
    admin = policy(client.get("/lv/admin/login/"))
    directives = dict(part.strip().split(" ", 1) for part in admin.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "http" not in admin and "*" not in admin


def test_admin_pages_of_a_logged_in_planner_get_the_admin_policy(client, planner):
    client.force_login(planner)
    for path in (
        "/lv/admin/",
        "/lv/admin/programmes/action/",
        "/lv/admin/programmes/action/export/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert policy(response) == settings.ADMIN_CONTENT_SECURITY_POLICY, path


def test_a_public_page_whose_address_contains_admin_keeps_the_public_policy(client, municipality):
    NewsFactory(municipality=municipality, slug="admin")
    ProjectFactory(municipality=municipality, slug="admin")
    for path in ("/lv/news/admin/", "/lv/projects/admin/", "/lv/news/some-admin/"):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert policy(response) == settings.CONTENT_SECURITY_POLICY, path
    assert client.get("/lv/news/admin/").status_code == 200
    # Not resolved at all (a 404 outside any route) is public too.
    assert policy(client.get("/lv/programmes/x/y/admin/")) == settings.CONTENT_SECURITY_POLICY
