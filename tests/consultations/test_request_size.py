"""A huge request body is refused by its declared length before a byte of it is read.

Before the limit, a 60 MB file part posted to the subscription form was read whole (into
a temporary file) before the form answered 400. Now a visitor's body over
MAX_PUBLIC_REQUEST_KB gets 413 and a page in their language, with nothing read and
nothing stored; a proposal of the longest allowed text still goes through.
"""

import io
from urllib.parse import urlencode

import pytest
from django.conf import settings

from consultations.models import PROPOSAL_MAX_LENGTH, Proposal, Subscription

from .test_discussion_page import url, valid_data

pytestmark = pytest.mark.django_db

SIXTY_MB = 60 * 1024 * 1024


class HugeUpload(io.RawIOBase):
    """A multipart body with one 60 MB file part, made as it is read; counts what was."""

    def __init__(self, size=SIXTY_MB):
        self.head = (
            b'--boundary\r\nContent-Disposition: form-data; name="email"; filename="a.bin"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n"
        )
        self.tail = b"\r\n--boundary--\r\n"
        self.length = len(self.head) + size + len(self.tail)
        self.read_bytes = 0

    def readable(self):
        return True

    def read(self, size=-1):
        size = self.length - self.read_bytes if size is None or size < 0 else size
        size = min(size, self.length - self.read_bytes)
        self.read_bytes += size
        return b"x" * size


def post_huge(client, path, body):
    return client.generic(
        "POST",
        path,
        b"",
        CONTENT_TYPE="multipart/form-data; boundary=boundary",
        CONTENT_LENGTH=str(body.length),
        **{"wsgi.input": body},
    )


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/lv/consultations/subscriptions/new/", "Nosūtīts pārāk daudz datu"),
        ("/en/consultations/subscriptions/new/", "Too much data sent"),
        ("/lv/admin/login/", "Nosūtīts pārāk daudz datu"),
    ],
)
def test_a_60_mb_post_is_refused_with_413_before_it_is_read(client, path, heading):
    body = HugeUpload()

    response = post_huge(client, path, body)

    assert response.status_code == 413
    assert body.read_bytes == 0
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert response["Content-Security-Policy"]  # a page like the others
    assert not Subscription.objects.exists()


def test_a_60_mb_proposal_is_refused_and_nothing_is_stored(client, discussion):
    body = HugeUpload()

    response = post_huge(client, url(discussion), body)

    assert response.status_code == 413
    assert body.read_bytes == 0
    assert "Nekas netika saglabāts." in response.content.decode()
    assert not Proposal.objects.exists()


def test_just_over_the_limit_is_refused_a_long_proposal_is_not(client, discussion):
    limit = settings.MAX_PUBLIC_REQUEST_KB * 1024
    longest = valid_data(discussion, text="ā" * PROPOSAL_MAX_LENGTH)
    body = urlencode(longest).encode()
    assert len(body) < limit  # the longest Latvian proposal fits with room to spare

    response = client.post(url(discussion), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert Proposal.objects.count() == 1

    padded = urlencode({**longest, "filler": "x" * limit}).encode()
    response = client.post(
        url(discussion), padded, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert Proposal.objects.count() == 1


def test_staff_may_send_an_upload_larger_than_a_visitor(client, planner):
    client.force_login(planner)
    body = HugeUpload(size=2 * 1024 * 1024)
    response = post_huge(client, "/lv/admin/portal/news/add/", body)
    assert response.status_code != 413
    body = HugeUpload(size=settings.MAX_STAFF_REQUEST_MB * 1024 * 1024)
    assert post_huge(client, "/lv/admin/portal/news/add/", body).status_code == 413
    assert body.read_bytes == 0
