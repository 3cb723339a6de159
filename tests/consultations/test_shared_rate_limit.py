"""The public forms' rate limit: one count for all workers, a library's worth of residents.

Issue 11, item 6: 64 residents submitting at once from one address got 10 proposals stored
and 54 refused, because each worker counted in its own memory. Now the count lives in a
cache all workers share (Redis, or the database cache in production), is taken atomically,
and is sized for a school or library behind one address while a flood is still cut.
"""

import datetime
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from consultations.models import Proposal
from core.cache import DatabaseCache
from tests.processes import stop_process_group
from tests.redis_service import REDIS_URL

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
LIBRARY = "198.51.100.10"
FLOOD = "203.0.113.66"


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("two processes share the test database on PostgreSQL only")


def _database_url():
    s = connection.settings_dict
    password = f":{urllib.parse.quote(s['PASSWORD'])}" if s.get("PASSWORD") else ""
    return (
        f"postgres://{urllib.parse.quote(s['USER'])}{password}@{s['HOST'] or '127.0.0.1'}:"
        f"{s['PORT'] or 5432}/{s['NAME']}"
    )


def production_env(**extra):
    """The environment of a production portal: DEBUG off, no CACHE_URL unless given."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CACHE_URL", "TRUSTED_PROXIES") and not key.startswith("CONSULTATIONS_")
    }
    env.update(
        DEBUG="False",
        SECRET_KEY="rate-limit-tests-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False",
        SESSION_COOKIE_SECURE="False",
        CSRF_COOKIE_SECURE="False",
        SECURE_HSTS_SECONDS="0",
        STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    env.update(extra)
    return env


def run_django(code, **env):
    return subprocess.run(
        [PYTHON, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- production never counts in one process's memory ---------------------------------


def test_production_without_cache_url_shares_the_database_cache():
    result = run_django("from django.conf import settings; print(settings.CACHES['default'])")
    assert result.returncode == 0, result.stderr
    assert "core.cache.DatabaseCache" in result.stdout


def test_production_with_cache_url_uses_redis():
    result = run_django(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        CACHE_URL=REDIS_URL,
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.parametrize("url", ["locmemcache://", "dummycache://"])
def test_production_refuses_to_start_with_a_cache_of_one_process(url):
    result = run_django("print('started')", CACHE_URL=url)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "keeps a cache per process" in result.stderr


def test_trusted_proxies_and_limits_come_from_the_environment_and_a_typo_stops_the_start():
    result = run_django(
        "from django.conf import settings\n"
        "print(settings.TRUSTED_PROXIES, settings.CONSULTATIONS_RATE_LIMIT)",
        TRUSTED_PROXIES="10.0.0.0/8,192.0.2.1",
        CONSULTATIONS_RATE_LIMIT="200",
    )
    assert result.stdout.strip() == "['10.0.0.0/8', '192.0.2.1'] 200"
    wrong = run_django("print('started')", TRUSTED_PROXIES="10.0.0.0/8,load-balancer")
    assert wrong.returncode != 0
    assert "TRUSTED_PROXIES: 'load-balancer' is not an IP address or network." in wrong.stderr


# --- the database cache counts right ---------------------------------------------------


@pytest.fixture
def database_cache(db):
    caches = {"default": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "test_cache"}}
    with override_settings(CACHES=caches):
        call_command("createcachetable", verbosity=0)
        yield DatabaseCache("test_cache", {})


def _expires(key_cache, key):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT expires FROM test_cache WHERE cache_key = %s", [key_cache.make_key(key)]
        )
        return cursor.fetchone()[0]


def test_counting_in_the_database_cache_keeps_the_end_of_the_window(database_cache):
    assert database_cache.add("count", 1, timeout=3600)
    before = _expires(database_cache, "count")
    for _ in range(5):
        database_cache.incr("count")
    assert database_cache.get("count") == 6
    assert _expires(database_cache, "count") == before
    # Django's own incr() would have given the window the default five minutes.
    DjangoDatabaseCache("test_cache", {}).incr("count")
    assert _expires(database_cache, "count") < before


def test_incr_of_an_expired_or_missing_count_says_so(database_cache):
    with pytest.raises(ValueError):
        database_cache.incr("never-counted")
    database_cache.add("old", 1, timeout=3600)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE test_cache SET expires = %s",
            [timezone.now() - datetime.timedelta(seconds=1)],
        )
    with pytest.raises(ValueError):
        database_cache.incr("old")
    assert database_cache.add("old", 1, timeout=60)


# --- two processes, one count ----------------------------------------------------------

COUNTER = """
import sys, time
from core import ratelimit
start = float(sys.argv[1])
time.sleep(max(0, start - time.time()))
print(sum(ratelimit.take("test", "198.51.100.10", [(120, 600)]) for _ in range(100)))
"""


def _count_in_two_processes(env):
    start = time.time() + 3  # both processes past their start-up, then counting at once
    processes = [
        subprocess.Popen(
            [PYTHON, "-c", f"import django; django.setup()\n{COUNTER}", str(start)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    allowed = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        allowed.append(int(out))
    return allowed


def test_two_processes_counting_at_once_in_redis_let_exactly_the_limit_through(redis_db):
    allowed = _count_in_two_processes(production_env(CACHE_URL=REDIS_URL))
    assert sum(allowed) == 120
    assert all(n > 0 for n in allowed), "both processes counted"


@pytest.fixture
def shared_database_cache(postgresql, transactional_db):
    """The production database cache's table in the test database, emptied afterwards."""
    env = production_env(DATABASE_URL=_database_url())
    subprocess.run(
        [PYTHON, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True, timeout=120
    )
    yield env
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_cache")


def test_two_processes_counting_at_once_in_the_database_let_exactly_the_limit_through(
    shared_database_cache,
):
    allowed = _count_in_two_processes(shared_database_cache)
    assert sum(allowed) == 120
    assert all(n > 0 for n in allowed), "both processes counted"


# --- a real server with two workers: a library and a flood -----------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(params=["redis", "database"])
def two_workers(request, shared_database_cache):
    """gunicorn with two worker processes on the test database, behind a trusted proxy
    (the test itself, on 127.0.0.1), with the shared cache of either kind."""
    port = _free_port()
    env = {**shared_database_cache, "TRUSTED_PROXIES": "127.0.0.1"}
    if request.param == "redis":
        request.getfixturevalue("redis_db")
        env["CACHE_URL"] = REDIS_URL
    server = subprocess.Popen(
        [GUNICORN, "portal.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(300):
            try:
                if _request(port, "GET", "/robots.txt")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        yield port
    finally:
        stop_process_group(server)


def _request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheader("Set-Cookie") or "", response.read()
    finally:
        conn.close()


def _form(port, path):
    """What a browser needs to send the form: the CSRF cookie and the form's token."""
    status, cookie, html = _request(port, "GET", path)
    assert status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie).group(1)
    return token, csrf_cookie


def _submit_all(port, path, data, addresses):
    token, csrf_cookie = _form(port, path)
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token})

    def submit(address):
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "X-Forwarded-For": address,
        }
        return _request(port, "POST", path, body, headers)[0]

    with ThreadPoolExecutor(max_workers=32) as pool:
        return list(pool.map(submit, addresses))


def test_a_library_of_64_residents_is_served_and_a_flood_is_cut_across_two_workers(
    two_workers, discussion, settings
):
    path = f"/lv/consultations/{discussion.slug}/"
    task = discussion.redaction.priorities.get().action_lines.get().tasks.get()
    data = {
        "text": "Bibliotēkā ierīkot lasītavu bērniem un jauniešiem.",
        "part": f"task:{task.pk}",
        "author_name": "Lasītājs",
        "email": "lasitajs@example.lv",
        "consent": "on",
        "website": "",
    }
    # 64 residents in one library press "send" at once: every proposal is stored.
    statuses = _submit_all(two_workers, path, data, [LIBRARY] * 64)
    assert statuses == [302] * 64
    assert Proposal.objects.count() == 64
    numbers = sorted(Proposal.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 65))

    # A robot floods from another address: cut at the burst limit, across both workers.
    statuses = _submit_all(two_workers, path, data, [FLOOD] * 200)
    burst = settings.CONSULTATIONS_BURST_LIMIT
    assert statuses.count(302) == burst
    assert statuses.count(429) == 200 - burst
    assert Proposal.objects.count() == 64 + burst

    # The library's next resident is still welcome: the flood used no one else's allowance.
    assert _submit_all(two_workers, path, data, [LIBRARY]) == [302]


# --- behind the proxy ------------------------------------------------------------------


@pytest.fixture
def limit_of_three(settings):
    settings.CONSULTATIONS_BURST_LIMIT = 3
    settings.CONSULTATIONS_RATE_LIMIT = 3


def _post(client, discussion, **meta):
    task = discussion.redaction.priorities.get().action_lines.get().tasks.get()
    data = {
        "text": "Ierīkot soliņus gar Daugavas krastu.",
        "part": f"task:{task.pk}",
        "author_name": "Iedzīvotājs",
        "email": "iedzivotajs@example.lv",
        "consent": "on",
        "website": "",
    }
    return client.post(f"/lv/consultations/{discussion.slug}/", data, **meta).status_code


def test_behind_a_trusted_proxy_each_resident_is_counted_by_their_own_address(
    client, discussion, settings, limit_of_three
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    statuses = [
        _post(client, discussion, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        for n in range(1, 11)
    ]
    assert statuses == [302] * 10
    for _ in range(3):
        _post(client, discussion, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert (
        _post(client, discussion, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.99")
        == 429
    )


def test_a_forged_forwarded_header_from_an_untrusted_peer_is_ignored(
    client, discussion, settings, limit_of_three
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    statuses = [
        _post(
            client,
            discussion,
            REMOTE_ADDR="192.0.2.50",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
        for n in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert Proposal.objects.count() == 3
