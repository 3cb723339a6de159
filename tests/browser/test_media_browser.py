"""Uploaded files in a real Chromium: a PDF still opens in the browser's viewer under the
sandboxing policy every upload is served with, and nothing uploaded runs as a page."""

import io

import pytest
from django.core.files.storage import default_storage
from django.test.testcases import _MediaFilesHandler
from PIL import Image

from programmes.models import Redaction
from tests.factories import RedactionFactory, pdf_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RED_SQUARE = b"1 0 0 rg 0 0 595 842 re f"


@pytest.fixture(autouse=True)
def _media_through_the_portal(monkeypatch):
    """Django's live server answers MEDIA_URL itself (`_MediaFilesHandler`, a plain file
    server); these tests are about the portal's media view, so the requests go to it."""
    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)


def red_pixels(page):
    with Image.open(io.BytesIO(page.screenshot())) as shot:
        return sum(
            1
            for r, g, b in shot.convert("RGB").get_flattened_data()
            if r > 200 and g < 60 and b < 60
        )


def test_published_pdf_opens_in_chromiums_viewer_under_the_sandbox_policy(live_server, page):
    redaction = RedactionFactory(document=pdf_upload("plans.pdf", drawing=RED_SQUARE))
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")

    response = page.goto(f"{live_server.url}{redaction.document.url}")
    assert response.status == 200
    assert response.all_headers()["content-security-policy"].startswith("sandbox;")
    assert drawn_in_time(page)  # the page's red square is on the screen
    assert any(frame.url.startswith("chrome-extension://") for frame in page.frames)


def drawn_in_time(page, seconds=20):
    """The viewer draws the page some time after loading, later on a busy machine (it
    missed 1.5 s once with the whole suite running beside it): look until it is there."""
    for _ in range(seconds * 2):
        if red_pixels(page) > 10_000:
            return True
        page.wait_for_timeout(500)
    return False


@pytest.mark.parametrize("stored_as", ["vecs.pdf", "vecs.html"])
def test_a_web_page_among_the_uploads_never_runs_its_script(live_server, page, stored_as):
    """A web page that got past the checks (stored before them, or put in place by hand)
    and is held by a published redaction: as .pdf it is served as a PDF with nosniff and
    the sandbox, as .html it is not served at all; either way nothing in it runs."""
    name = default_storage.save(
        f"redactions/2026/{stored_as}",
        io.BytesIO(b"%PDF-1.4\n<html><body><script>document.title = 'RAN'</script></body></html>"),
    )
    redaction = RedactionFactory()
    Redaction.objects.filter(pk=redaction.pk).update(document=name)
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")

    response = page.goto(f"{live_server.url}/media/{name}")
    assert response.status == (200 if stored_as.endswith(".pdf") else 404)
    page.wait_for_timeout(1000)
    assert "RAN" not in "".join(frame.title() for frame in page.frames)
