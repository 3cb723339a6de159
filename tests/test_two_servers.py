"""Two app servers, one PostgreSQL, one Redis, one object store: nothing is kept in a
server (README, "Several app servers").

Two gunicorn servers on two ports run the production settings (DEBUG off) against the test
database, sharing Redis (cache, sessions, rate limits, the page cache's generation) and an
S3 bucket (moto's server) for uploads, each with its own empty MEDIA_ROOT. A session made
on one is valid on the other, a rate limit counts across both, a file uploaded through one
is served by the other, a page cached by one is a hit on the other and forgotten by both
after a change, and a discussion announced to 5,000 subscribers returns the planner's
request in under a second while the worker (`manage.py db_worker`) sends every e-mail.

It runs in CI (`make test`, .ci/run starts Redis); without Redis it fails under CI and is
skipped elsewhere.
"""

import os
import re
import secrets
import subprocess
import time
import uuid

import boto3
import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.utils import timezone
from moto.server import ThreadedMotoServer

from consultations.models import PublicDiscussion, Subscription
from programmes.models import Redaction
from tests.consultations.test_admin import discussion_form
from tests.consultations.test_shared_rate_limit import (
    GUNICORN,
    PYTHON,
    ROOT,
    _database_url,
    _free_port,
    production_env,
)
from tests.factories import (
    ActionLineFactory,
    MunicipalityFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
    pdf_bytes,
)
from tests.processes import stop_process_group
from tests.redis_service import REDIS_URL, require_redis

PASSWORD = "divi-serveri-viena-sesija-2026"
SUBSCRIBERS = 5000
REGION = "eu-north-1"

require_redis(allow_module_level=True)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bucket_url(monkeypatch):
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "two-servers-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "two-servers-secret")
    name = f"media-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=endpoint, region_name=REGION).create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    yield f"s3://{name}?endpoint={endpoint}&region={REGION}"
    server.stop()


@pytest.fixture
def environment(postgresql_only, redis_db, bucket_url, tmp_path):
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    env = production_env(
        DATABASE_URL=_database_url(),
        CACHE_URL=REDIS_URL,
        MEDIA_STORAGE_URL=bucket_url,
        AWS_ACCESS_KEY_ID="two-servers-key",
        AWS_SECRET_ACCESS_KEY="two-servers-secret",
        # django-environ drops one slash of the path: four make it absolute.
        EMAIL_URL=f"filemail:///{outbox}",
        CONSULTATIONS_BURST_LIMIT="4",
        CONSULTATIONS_BURST_WINDOW="600",
        PAGE_CACHE_ENABLED="True",
        TASK_BACKEND="django_tasks_db.DatabaseBackend",
    )
    return env, outbox


@pytest.fixture
def postgresql_only(transactional_db):
    from django.db import connection

    if connection.vendor != "postgresql":
        if os.environ.get("CI"):  # CI runs on PostgreSQL: this test must run there
            pytest.fail("the two-server test needs PostgreSQL in CI", pytrace=False)
        pytest.skip("two servers share the test database on PostgreSQL only")


def _start(env, media_root):
    port = _free_port()
    server = subprocess.Popen(
        [GUNICORN, "portal.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env={**env, "MEDIA_ROOT": str(media_root)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture
def servers(environment, tmp_path):
    env, _outbox = environment
    started = [_start(env, tmp_path / f"media-{name}") for name in ("a", "b")]
    try:
        for _server, base in started:
            deadline = time.monotonic() + 120  # a loaded machine starts slowly
            while time.monotonic() < deadline:
                try:
                    if requests.get(f"{base}/robots.txt", timeout=30).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.2)
            else:
                pytest.fail(f"gunicorn at {base} did not start")
        yield [base for _server, base in started]
    finally:
        for server, _base in started:
            stop_process_group(server)


def _token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def _admin_form(browser, url):
    """The fields of an admin add form with every inline formset empty, and its token."""
    page = browser.get(url)
    assert page.status_code == 200, page.text[:500]
    data = {"csrfmiddlewaretoken": _token(page)}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', page.text):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


def _messages(outbox):
    """Every e-mail the file backend wrote: (recipient, subject)."""
    found = []
    for path in outbox.iterdir():
        text = path.read_text(encoding="utf-8")
        for message in text.split("-" * 79):
            to = re.search(r"^To: (.+)$", message, re.MULTILINE)
            if to:
                found.append(to.group(1).strip())
    return found


def test_two_app_servers_share_sessions_limits_files_pages_and_the_mail_queue(servers, environment):
    env, outbox = environment
    a, b = servers
    municipality = MunicipalityFactory(name="Daugavpils", slug="daugavpils")
    programme = ProgrammeFactory(municipality=municipality, slug="ap-2014-2020")
    User.objects.create(
        username="galvenais",
        is_staff=True,
        is_superuser=True,
        password=PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt()),
    )
    browser = requests.Session()  # one visitor behind a load balancer: A, then B

    # A page cached by one server is a hit on the other (behind one load balancer, both
    # are asked for the same host).
    site = {"Host": "127.0.0.1"}
    assert browser.get(f"{a}/lv/", headers=site).headers["X-Page-Cache"] == "miss"
    assert browser.get(f"{b}/lv/", headers=site).headers["X-Page-Cache"] == "hit"

    # A rate limit counts across both: 4 subscriptions in the window, alternately, then 429.
    statuses = []
    for n in range(6):
        server = (a, b)[n % 2]
        form = browser.get(f"{server}/lv/consultations/subscriptions/new/")
        data = {
            "csrfmiddlewaretoken": _token(form),
            "municipality": municipality.pk,
            "email": f"sekotajs{n}@example.lv",
            "consent": "on",
            "website": "",
        }
        statuses.append(
            browser.post(
                f"{server}/lv/consultations/subscriptions/new/", data, allow_redirects=False
            ).status_code
        )
    assert statuses == [302, 302, 302, 302, 429, 429]
    assert Subscription.objects.filter(municipality=municipality).count() == 4

    # A session made on A is valid on B.
    login = browser.get(f"{a}/lv/admin/login/")
    response = browser.post(
        f"{a}/lv/admin/login/?next=/lv/admin/",
        {"csrfmiddlewaretoken": _token(login), "username": "galvenais", "password": PASSWORD},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    desk = browser.get(f"{b}/lv/admin/", allow_redirects=False)
    assert desk.status_code == 200
    assert "galvenais" in desk.text

    # A file uploaded through A is served by B (each has its own empty MEDIA_ROOT).
    url = "/lv/admin/programmes/redaction/add/"
    data = _admin_form(browser, f"{a}{url}") | {"programme": programme.pk, "number": "1"}
    pdf = pdf_bytes()
    response = browser.post(
        f"{a}{url}",
        data=data,
        files={"document": ("projekts.pdf", pdf, "application/pdf")},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]
    name = Redaction.objects.get(programme=programme, number=1).document.name
    served = browser.get(f"{b}/media/{name}")
    assert served.status_code == 200
    assert served.content == pdf
    assert requests.get(f"{b}/media/{name}").status_code == 404  # a draft's: staff only

    # The upload was a change: neither server hands out the old home page.
    assert requests.get(f"{b}/lv/", headers=site).headers["X-Page-Cache"] == "miss"

    # A discussion announced to 5,000 subscribers: the planner's request only enqueues.
    other = ProgrammeFactory(municipality=municipality, slug="iap-2021-2027")
    draft = RedactionFactory(programme=other, number=1, vision="Zaļa pilsēta.")
    ActionLineFactory(priority=PriorityFactory(redaction=draft))
    Subscription.objects.bulk_create(
        Subscription(
            municipality=municipality,
            email=f"iedzivotajs{n}@example.lv",
            token=secrets.token_urlsafe(16),
            language="lv",
            confirmed_at=timezone.now(),
        )
        for n in range(SUBSCRIBERS)
    )
    url = "/lv/admin/consultations/publicdiscussion/add/"
    data = _admin_form(browser, f"{b}{url}") | discussion_form(draft)
    started = time.monotonic()
    response = browser.post(f"{b}{url}", data, allow_redirects=False)
    took = time.monotonic() - started
    assert response.status_code == 302, response.text[:2000]
    assert took < 1.0, f"the planner waited {took:.2f} s"
    assert PublicDiscussion.objects.filter(redaction=draft).exists()
    assert not [to for to in _messages(outbox) if to.startswith("iedzivotajs")]

    started = time.monotonic()
    worker = subprocess.run(
        [PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    worked = time.monotonic() - started
    assert worker.returncode == 0, worker.stderr[-3000:]
    told = sorted(to for to in _messages(outbox) if to.startswith("iedzivotajs"))
    assert told == sorted(f"iedzivotajs{n}@example.lv" for n in range(SUBSCRIBERS))
    print(f"\nplanner's request {took * 1000:.0f} ms; worker sent {len(told)} in {worked:.1f} s")
