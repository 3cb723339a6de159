"""The security suite's shared data: built once per module, rolled back after it.

Building two municipalities with every kind of record takes a few seconds; building it
for each of hundreds of requests would take minutes. The module-scoped `world` opens a
transaction around the whole module; each test still runs in its own savepoint inside it
(pytest-django's `db`), so what one test changes is gone before the next.
"""

import datetime

import pytest
from django.db import transaction
from django.test import override_settings

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media_root = tmp_path_factory.mktemp("security-media")
    # The staff's passwords are never typed (tests log in with force_login): a fast hash
    # saves seconds of PBKDF2 per module. Every login makes django-axes delete the attempts
    # older than the cool-off: the world's lockouts must outlive a slow module.
    fast = override_settings(
        MEDIA_ROOT=media_root,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        AXES_COOLOFF_TIME=datetime.timedelta(days=1),
    )
    with django_db_blocker.unblock(), fast:
        with transaction.atomic():
            built = build_world()
            built.media_root = media_root
            yield built
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_root(_media_root, settings, request):
    """A test on the world sees the world's uploaded files (the project-wide fixture gives
    every test an empty media directory of its own)."""
    if "world" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("world").media_root
