"""Uploaded files in an S3-compatible object store (MEDIA_STORAGE_URL, django-storages),
against moto's S3 server on a local port: an upload through admin lands in the bucket,
nowhere on the disk, and the portal serves it, to those who may see its record only."""

import socket
import uuid

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from portal.models import NewsPhoto
from portal.settings import _media_storage
from programmes.models import Redaction
from tests.factories import ProgrammeFactory, pdf_upload
from tests.projects.factories import NewsFactory, NewsPhotoFactory

from .test_uploads import add_redaction

pytestmark = pytest.mark.django_db

REGION = "eu-north-1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A fresh private bucket, made the portal's media storage."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "portal-test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "portal-test-secret")
    name = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    url = f"s3://{name}/portal?endpoint={s3_endpoint}&region={REGION}"
    settings.STORAGES = {**settings.STORAGES, "default": _media_storage(url)}

    def keys():
        listed = client.list_objects_v2(Bucket=name).get("Contents", [])
        return {item["Key"] for item in listed}

    def read(key):
        return client.get_object(Bucket=name, Key=key)["Body"].read()

    return type("Bucket", (), {"keys": staticmethod(keys), "read": staticmethod(read)})


def media_files(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_pdf_uploaded_in_admin_is_kept_in_the_bucket_and_served_by_the_portal(
    client, planner, municipality, bucket, settings
):
    programme = ProgrammeFactory(municipality=municipality, slug="ap")
    client.force_login(planner)
    upload = pdf_upload("projekts.pdf")
    response = add_redaction(client, programme, upload)
    assert response.status_code == 302
    redaction = Redaction.objects.get()
    name = redaction.document.name
    assert bucket.keys() == {f"portal/{name}"}
    assert media_files(settings) == []
    # The address is the portal's, not the bucket's.
    assert redaction.document.url == f"/media/{name}"

    served = client.get(redaction.document.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == bucket.read(f"portal/{name}")
    # A draft's PDF: its planners only.
    client.logout()
    assert client.get(redaction.document.url).status_code == 404


def test_a_published_posts_photo_is_served_to_anyone_and_leaves_with_the_post(
    client, municipality, bucket, django_capture_on_commit_callbacks
):
    photo = NewsPhotoFactory(news=NewsFactory(municipality=municipality))
    names = [photo.image.name, photo.large.name, photo.thumbnail.name]
    assert {f"portal/{n}" for n in names} == bucket.keys()
    for name in names:
        served = client.get(f"/media/{name}")
        assert served.status_code == 200
        assert served["Cache-Control"] == "public, max-age=3600"
        assert b"".join(served.streaming_content) == bucket.read(f"portal/{name}")
    with django_capture_on_commit_callbacks(execute=True):
        NewsPhoto.objects.get(pk=photo.pk).delete()
    assert bucket.keys() == set()
    assert not default_storage.exists(names[0])
    assert client.get(f"/media/{names[0]}").status_code == 404


@pytest.mark.parametrize(
    "url", ["s3://", "https://bucket.example.lv/", "s3://bucket?key=secret", "gs://bucket"]
)
def test_a_wrong_media_storage_url_stops_the_start(url):
    with pytest.raises(ImproperlyConfigured):
        _media_storage(url)


def test_without_a_url_files_stay_on_the_disk():
    assert _media_storage("") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
