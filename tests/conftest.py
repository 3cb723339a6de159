"""Shared fixtures: municipalities, users per role, the shared demo and world (built once
per run, tests/shared_data.py), Playwright on Debian's Chromium."""

import datetime
import os

import pytest
from django.test import override_settings
from pytest_django.fixtures import validate_django_db

from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER

from .factories import MunicipalityFactory, UserFactory
from .shared_data import SHARED, shared_set_of

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


# --- the order of the run, and the data built once -----------------------------------------


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the tests of each shared set (world, then demo) together, right after the other
    tests in a savepoint and before the transactional ones (which commit, flush, and on
    SQLite may even close the in-memory database), so that each set is built once
    (tests/shared_data.py). Otherwise the order stays pytest-django's."""
    for item in items:
        name = shared_set_of(item)
        if name and _is_transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid}: a test on the shared {name!r} runs in a savepoint of its "
                "transaction; it cannot be transactional (transaction=True, live_server)."
            )

    def order(item):
        if _is_transactional(item):
            return (1, 0)
        name = shared_set_of(item)
        return (0, SHARED_SETS.index(name)) if name else (0 if _uses_db(item) else 2, 0)

    items.sort(key=order)


SHARED_SETS = (None, "world", "demo")


def _is_transactional(item):
    """As pytest-django decides it: the marker's transaction or reset_sequences, or a
    fixture that needs committed data."""
    marker = item.get_closest_marker("django_db")
    transaction, reset_sequences, *_rest = validate_django_db(marker) if marker else (0, 0)
    names = item.fixturenames
    return bool(
        transaction or reset_sequences or "transactional_db" in names or "live_server" in names
    )


def _uses_db(item):
    return bool(item.get_closest_marker("django_db")) or "db" in item.fixturenames


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures: load the shared set it uses, roll back any other."""
    SHARED.switch_to(shared_set_of(item))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and at the end of the run, before it is dropped, the
    end of every other session on it (PostgreSQL). A worker sometimes still holds a second,
    idle connection from an earlier transactional test (I did not find which), and the
    database could then not be dropped: CI warned, and the database stayed behind."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session")
def _shared_data(django_db_setup, django_db_blocker, tmp_path_factory):
    SHARED.start(django_db_blocker, tmp_path_factory)
    yield SHARED
    SHARED.close()


@pytest.fixture
def demo(_shared_data, db):
    """The demo, as `make run` loads it (tests/demo.py), shared by the tests that use it;
    each test runs in a savepoint (`db`) rolled back after it."""
    return _shared_data.get("demo")


@pytest.fixture
def world(_shared_data, db):
    """The security suite's two municipalities (tests/security/world.py), shared.

    Every login makes django-axes delete the attempts older than its cool-off: the world's
    lockout records must outlive a slow run, so its tests use a cool-off of a day."""
    with override_settings(AXES_COOLOFF_TIME=datetime.timedelta(days=1)):
        yield _shared_data.get("world")


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Tests create hundreds of users, and Django's default hasher spends a third of a
    second on each password on purpose; no test is about the hasher's strength."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


# --- each test starts clean ------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives a test: start each one with nothing cached (rendered
    redaction parts, rate-limit counts), so no test sees another's pages or counts."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Pages are rendered, not read from the page cache (core/pagecache.py), so that a
    page's pinned query count is what rendering it costs; tests/test_page_cache.py and the
    two-server test turn the cache on."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks (consultations/tasks.py) run where they are enqueued, in the test's own
    transaction; the worker itself is run by tests/test_two_servers.py."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


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
def _media_root(settings, tmp_path, request):
    """Each test uploads into a media directory of its own; a test on a shared set sees the
    set's files (the demo's photos, the world's PDFs) in the set's directory."""
    if SHARED.name and SHARED.name in request.fixturenames:
        settings.MEDIA_ROOT = SHARED.media_root
    else:
        settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def roles(db):
    """The role groups with their permissions. `migrate` makes them in the test database
    (portal's post_migrate handler runs `ensure_role_groups`), and so does the flush after
    each transactional test: building them again for each test cost 200 queries."""
    from django.contrib.auth.models import Group

    names = [PLANNER, PROJECT_MANAGER, MUNICIPALITY_ADMIN]
    assert Group.objects.filter(name__in=names).count() == len(names), "run migrate"


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


@pytest.fixture
def redis_db():
    """The worker's Redis database (tests/redis_service.py), emptied before and after: the
    portal's tests own it."""
    import redis

    from .redis_service import REDIS_DB, REDIS_HOST, REDIS_PORT, require_redis

    require_redis()
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
    client.flushdb()
    yield client
    client.flushdb()
