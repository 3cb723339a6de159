"""Shared fixtures: municipalities, users per role, Playwright on Debian's Chromium."""

import os

import pytest

from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER

from .factories import MunicipalityFactory, UserFactory

# live_server + Playwright page + ORM in one test run in the same thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives a test: start each one with nothing cached (rendered
    redaction parts, rate-limit counts), so no test sees another's pages or counts."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Latvian): the test client leaves
    the language of its last request active in the thread, so a test that fetched an /en/
    page would otherwise make the next test's reverse() build /en/ addresses."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def roles(db):
    from portal.roles import ensure_role_groups

    ensure_role_groups()


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Daugavpils", slug="daugavpils")


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(name="Līvānu novads", slug="livani")


@pytest.fixture
def planner(roles, municipality):
    return UserFactory(username="planner", municipality=municipality, role=PLANNER)


@pytest.fixture
def other_planner(roles, other_municipality):
    return UserFactory(username="other_planner", municipality=other_municipality, role=PLANNER)


@pytest.fixture
def project_manager(roles, municipality):
    return UserFactory(username="manager", municipality=municipality, role=PROJECT_MANAGER)


@pytest.fixture
def municipality_admin(roles, municipality):
    return UserFactory(username="muni_admin", municipality=municipality, role=MUNICIPALITY_ADMIN)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)
