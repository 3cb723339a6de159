"""Every kind of public page is valid HTML, as the Nu Html Checker (vnu) reads it.

Screen readers and browsers repair invalid markup each in their own way; valid markup is
what the accessibility checks assume. `make test` installs the checker (npm package
vnu-jar, run with Java); without it the test is skipped on a developer's machine and
fails in CI, where it must run.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from consultations.models import PublicDiscussion
from portal.models import News
from programmes.models import DevelopmentProgramme
from projects.models import Project

VNU = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"

pytestmark = pytest.mark.django_db


def checker():
    if VNU.exists() and shutil.which("java"):
        return ["java", "-Xss1m", "-jar", str(VNU)]
    message = f"The Nu Html Checker is missing ({VNU}); `make vnu` installs it."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def public_pages(client):
    """One page of every kind the demo has, in Latvian, and a few in English."""
    programme = DevelopmentProgramme.objects.get(slug="iap-2019-2025")
    base = programme.get_absolute_url()
    open_discussion = PublicDiscussion.objects.get(slug="daugavpils-ap-2014-2020-1")
    closed_discussion = PublicDiscussion.objects.get(slug="livani-iap-2019-2025-1")
    pages = {
        "home": "/lv/",
        "home-en": "/en/",
        "programmes": "/lv/programmes/",
        "municipality": programme.municipality.get_absolute_url(),
        # Its projects, news and consultations (the panels), with cards of each kind.
        "municipality-daugavpils": "/lv/programmes/daugavpils/",
        "programme": base,
        "monitoring": f"{base}monitoring/",
        "monitoring-report": f"{base}reports/2025/",
        "redaction": f"{base}redactions/2/",
        "redaction-en": f"/en{base[3:]}redactions/2/",
        "action-plan": f"{base}redactions/2/action-plan/",
        "investment-plan": f"/en{base[3:]}redactions/2/investment-plan/",
        "comparison": f"{base}redactions/1/compare/2/",
        # In public discussion: the notice with the form's link, "propose here" links.
        "redaction-in-discussion": open_discussion.redaction.get_absolute_url(),
        "projects": "/lv/projects/",
        "projects-filtered": "/lv/projects/?q=daugavpils&fund=esf&sort=-cost",
        "project": Project.objects.get(slug="cities-of-change").get_absolute_url(),
        "news": "/lv/news/",
        "news-of-one": "/lv/news/?municipality=livani",
        "news-item": News.objects.published().first().get_absolute_url(),
        "consultations": "/lv/consultations/",
        "past-events": "/lv/consultations/events/past/",
        "discussion-open": open_discussion.get_absolute_url(),
        "discussion-closed": closed_discussion.get_absolute_url(),
        "report": f"{closed_discussion.get_absolute_url()}report/",
        "proposals": f"{closed_discussion.get_absolute_url()}proposals/?answer=partly",
        "proposals-stale-filter": f"{closed_discussion.get_absolute_url()}proposals/?part=x",
        "consultations-of-one": "/lv/consultations/?municipality=livani",
        "projects-of-an-action-line": "/lv/projects/?action_line=1",
        "search": "/lv/search/?q=livanu",
        "subscribe": "/lv/consultations/subscriptions/new/",
        "about": "/lv/about/",
        "open-data": "/lv/open-data/",
        "api-docs": "/en/open-data/api/",
        "not-found": "/lv/no-such-page/",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        yield name, response.content
    # The proposal form as a resident sees it after a refusal: errors and kept text.
    refused = client.post(open_discussion.get_absolute_url(), {"text": "", "consent": ""})
    yield "discussion-refused", refused.content
    refused = client.post("/lv/consultations/subscriptions/new/", {"email": "nav"})
    yield "subscribe-refused", refused.content


def test_public_pages_are_valid_html(client, demo, tmp_path):
    command = checker()
    files = []
    for name, content in public_pages(client):
        path = tmp_path / f"{name}.html"
        path.write_bytes(content)
        files.append(str(path))

    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m['url']).name}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
