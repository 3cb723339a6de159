"""Sessions live in the shared cache and in the database (SESSION_ENGINE cached_db): any app
server reads a session another made, and emptying the cache (a Redis restart) logs nobody
out. Across two real servers: tests/test_two_servers.py."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_a_login_outlives_an_emptied_cache(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/lv/admin/").status_code == 200
    key = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=key).exists()
    cache.clear()
    assert client.get("/lv/admin/").status_code == 200


def test_a_session_is_read_from_the_cache(client, admin_user):
    client.force_login(admin_user)
    client.get("/lv/admin/")
    key = client.cookies["sessionid"].value
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX

    assert cache.get(KEY_PREFIX + key) is not None
