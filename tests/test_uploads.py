"""Uploaded files: checked by what they contain, stored under names the portal makes up,
served only to those who may see their record, never run as a page of the portal.

Written as an attacker (a web page dressed as a PDF, a decompression bomb, odd addresses)
and as an unlucky planner (a draft's PDF, a replaced document, a photo taken down) would
meet them.
"""

import datetime
import io
import re

import pytest
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from core.validators import validate_pdf_upload
from portal.checks import media_served_by_the_portal
from portal.models import News, NewsPhoto
from programmes.models import Municipality, Redaction
from projects.models import CouncilDecision
from tests.admin_forms import change_form_post
from tests.factories import ProgrammeFactory, RedactionFactory, pdf_bytes, pdf_upload
from tests.portal.test_news_photos import png_bomb
from tests.projects.factories import (
    NewsFactory,
    NewsPhotoFactory,
    ProjectFactory,
    image_bytes,
)

pytestmark = pytest.mark.django_db

GENERATED = re.compile(r"^(\w+)/\d{4}/[0-9a-f]{32}\.(\w+)$")


@pytest.fixture
def programme(municipality):
    return ProgrammeFactory(municipality=municipality, slug="ap")


@pytest.fixture
def draft(programme):
    return RedactionFactory(programme=programme, document=pdf_upload("projekts.pdf"))


def admin_form(client, url, **fields):
    """The fields of an admin add form with every inline formset empty."""
    page = client.get(url).content.decode()
    data = {}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', page):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | fields


def add_redaction(client, programme, upload):
    url = reverse("admin:programmes_redaction_add")
    data = admin_form(client, url, programme=programme.pk, number="1", document=upload)
    return client.post(url, data)


def field_errors(response, field):
    return response.context["adminform"].form.errors.get(field, [])


# What is accepted as a PDF


def test_web_page_named_evil_html_with_a_pdf_header_is_refused_in_latvian(
    client, planner, programme, settings
):
    client.force_login(planner)
    page = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"
    upload = SimpleUploadedFile("evil.html", page, content_type="application/pdf")
    response = add_redaction(client, programme, upload)
    assert response.status_code == 200
    assert field_errors(response, "document") == [
        "Datnes nosaukumam jābeidzas ar “.pdf”: šeit pieņem tikai PDF dokumentus."
    ]
    assert not Redaction.objects.exists()
    assert not list((settings.MEDIA_ROOT).rglob("*.*"))


def test_web_page_with_a_pdf_header_and_a_pdf_name_is_refused_in_latvian(
    client, planner, programme
):
    client.force_login(planner)
    page = b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>"
    upload = SimpleUploadedFile("plans.pdf", page, content_type="application/pdf")
    response = add_redaction(client, programme, upload)
    assert field_errors(response, "document") == [
        "Datne nav PDF dokuments, ko var atvērt (vai tā ir bojāta): saglabājiet to vēlreiz kā "
        "PDF un augšupielādējiet jauno datni."
    ]
    assert not Redaction.objects.exists()


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("plans.pdf", b"<html>%PDF-1.4</html>", "not_a_pdf"),
        ("plans.pdf", pdf_bytes()[:300], "not_a_pdf"),  # cut off half-way
        ("plans.pdf", pdf_bytes(pages=0), "pdf_no_pages"),
        ("plans.pdf", pdf_bytes(user_password="slepens"), "pdf_encrypted"),
        ("plans.svg", pdf_bytes(), "pdf_extension"),
        ("plans", pdf_bytes(), "pdf_extension"),
    ],
    ids=["html", "truncated", "no-pages", "password", "svg-name", "no-extension"],
)
def test_a_file_that_is_not_a_usable_pdf_is_refused(name, content, code):
    with pytest.raises(ValidationError) as refused:
        validate_pdf_upload(SimpleUploadedFile(name, content))
    assert refused.value.code == code


def test_every_pdf_refusal_is_explained_in_latvian():
    cases = {
        "plans.pdf": (pdf_bytes(pages=0), "PDF dokumentā nav nevienas lappuses."),
        "slepens.pdf": (
            pdf_bytes(user_password="slepens"),
            "PDF dokuments ir aizsargāts ar paroli: saglabājiet to bez paroles un "
            "augšupielādējiet vēlreiz.",
        ),
    }
    for name, (content, message) in cases.items():
        with pytest.raises(ValidationError) as refused:
            validate_pdf_upload(SimpleUploadedFile(name, content))
        assert refused.value.messages == [message]


def test_oversize_pdf_is_refused_with_the_limit(settings):
    settings.MAX_UPLOAD_MB = 1
    content = pdf_bytes() + b"%" + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as refused:
        validate_pdf_upload(SimpleUploadedFile("liels.pdf", content))
    assert refused.value.code == "file_too_large"
    assert "pieņem ne vairāk kā 1 MB" in refused.value.messages[0]


def test_pdf_that_only_restricts_editing_and_an_upper_case_name_are_accepted():
    """Council documents are often exported with an owner password (no printing or
    editing) but open without one: those are published as they are."""
    validate_pdf_upload(SimpleUploadedFile("LEMUMS.PDF", pdf_bytes(owner_password="dome")))


# Where a file is stored and how it is served


def test_real_pdf_is_stored_under_a_generated_name_and_served_with_safe_headers(
    client, planner, programme
):
    client.force_login(planner)
    response = add_redaction(client, programme, pdf_upload("x.pdf"))
    assert response.status_code == 302, field_errors(response, "document")
    redaction = Redaction.objects.get()
    name = redaction.document.name
    assert GENERATED.match(name).groups() == ("redactions", "pdf"), name

    served = client.get(redaction.document.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Disposition"] == f'inline; filename="{name.split("/")[-1]}"'
    policy = served["Content-Security-Policy"]
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy
    assert "script-src" not in policy and "allow-scripts" not in policy
    assert served["Cache-Control"] == "private, no-store"  # a draft: for its planners only
    assert b"".join(served.streaming_content) == default_storage.open(name).read()


def test_published_files_may_be_cached_publicly(client, draft):
    Redaction.objects.filter(pk=draft.pk).set_status_for_tests("public_discussion")
    served = client.get(draft.document.url)
    assert served.status_code == 200
    assert served["Cache-Control"] == "public, max-age=3600"
    assert "Cookie" not in served.get("Vary", "")


def test_legacy_file_with_a_page_extension_is_never_served(client, programme):
    """A file stored before names were generated keeps its name; if that name ends in
    .html or .svg, it is not served at all, whoever owns it."""
    default_storage.save("redactions/evil.html", io.BytesIO(b"<script>alert(1)</script>"))
    redaction = RedactionFactory(programme=programme)
    Redaction.objects.filter(pk=redaction.pk).update(document="redactions/evil.html")
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("public_discussion")
    assert client.get("/media/redactions/evil.html").status_code == 404


# Who gets a file


def test_anonymous_visitor_gets_404_for_draft_redaction_pdf(client, draft):
    assert client.get(draft.document.url).status_code == 404


def test_draft_pdf_is_served_to_its_municipalitys_planner_only(
    client, draft, planner, other_planner, project_manager
):
    client.force_login(planner)
    assert client.get(draft.document.url).status_code == 200
    client.force_login(other_planner)
    assert client.get(draft.document.url).status_code == 404
    # A project manager of the same municipality sees what residents see.
    client.force_login(project_manager)
    assert client.get(draft.document.url).status_code == 404


def test_unpublished_news_photo_is_served_only_to_staff_who_see_the_post(
    client, municipality, planner, other_planner
):
    photo = NewsPhotoFactory(news=NewsFactory(municipality=municipality, is_published=False))
    addresses = [photo.image.url, photo.large.url, photo.thumbnail.url]
    assert all(client.get(url).status_code == 404 for url in addresses)
    client.force_login(other_planner)
    assert all(client.get(url).status_code == 404 for url in addresses)
    client.force_login(planner)
    assert all(client.get(url).status_code == 200 for url in addresses)

    News.objects.filter(pk=photo.news_id).update(is_published=True)
    client.logout()
    served = client.get(photo.thumbnail.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_decision_of_an_unpublished_project_is_served_only_to_its_municipalitys_staff(
    client, municipality, planner, other_planner
):
    decision = CouncilDecision.objects.create(
        municipality=municipality,
        number="12",
        date=datetime.date(2012, 3, 1),
        document=pdf_upload("lemums.pdf"),
    )
    ProjectFactory(municipality=municipality, council_decision=decision, is_published=False)
    assert client.get(decision.document.url).status_code == 404
    client.force_login(other_planner)
    assert client.get(decision.document.url).status_code == 404
    client.force_login(planner)
    assert client.get(decision.document.url).status_code == 200


def test_replaced_pdf_answers_404_but_stays_in_the_storage(client, draft, planner):
    first = draft.document.name
    draft.document = pdf_upload("otra-versija.pdf")
    draft.save()
    assert draft.document.name != first
    Redaction.objects.filter(pk=draft.pk).set_status_for_tests("public_discussion")
    assert client.get(draft.document.url).status_code == 200
    assert client.get(f"/media/{first}").status_code == 404
    client.force_login(planner)
    assert client.get(f"/media/{first}").status_code == 404
    assert default_storage.exists(first)  # kept for the history, unreachable


def test_deleted_news_posts_photo_files_are_gone_and_answer_404(
    client, municipality, project_manager, django_capture_on_commit_callbacks
):
    project = ProjectFactory(municipality=municipality, managers=[project_manager])
    post = NewsFactory(municipality=municipality, project=project)
    photo = NewsPhotoFactory(news=post)
    names = photo.files()
    assert len(names) == 3 and all(default_storage.exists(name) for name in names)
    assert all(client.get(f"/media/{name}").status_code == 200 for name in names)

    client.force_login(project_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:portal_news_delete", args=[post.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not NewsPhoto.objects.exists()
    assert not any(default_storage.exists(name) for name in names)
    assert all(client.get(f"/media/{name}").status_code == 404 for name in names)


def test_deleting_one_photo_removes_its_files_only_after_the_commit(
    municipality, django_capture_on_commit_callbacks
):
    post = NewsFactory(municipality=municipality)
    kept, deleted = NewsPhotoFactory(news=post), NewsPhotoFactory(news=post)
    with django_capture_on_commit_callbacks() as pending:
        deleted.delete()
        # Not yet committed: a rollback must find the files where they were.
        assert all(default_storage.exists(name) for name in deleted.files())
    for callback in pending:
        callback()
    assert not any(default_storage.exists(name) for name in deleted.files())
    assert all(default_storage.exists(name) for name in kept.files())


# A file missing on disk: a restore without the media, a file lost on the server. The
# record still opens and saves in admin, and the staff upload the file again.


def delete_files(*names):
    for name in names:
        default_storage.delete(name)
    assert not any(default_storage.exists(name) for name in names)


def test_news_post_whose_photo_files_are_missing_saves_and_takes_a_new_photo(
    client, municipality, project_manager
):
    project = ProjectFactory(municipality=municipality, managers=[project_manager])
    post = NewsFactory(municipality=municipality, project=project, title="Konference")
    photo = NewsPhotoFactory(news=post)
    stored, width = photo.image.name, photo.width
    delete_files(*photo.files())
    client.force_login(project_manager)
    url = reverse("admin:portal_news_change", args=[post.pk])

    data = change_form_post(client, url)  # the page opens, with the photo's fields
    data["title"] = "Konference (precizēts)"
    response = client.post(url, data)
    assert response.status_code == 302, response.status_code
    post.refresh_from_db()
    photo.refresh_from_db()
    assert post.title == "Konference (precizēts)"
    assert (photo.image.name, photo.width) == (stored, width)

    data = change_form_post(client, url)
    data["photos-0-image"] = SimpleUploadedFile("foto.jpg", image_bytes(size=(640, 400)))
    assert client.post(url, data).status_code == 302
    photo.refresh_from_db()
    assert photo.image.name != stored and photo.width == 640
    assert all(default_storage.exists(name) for name in photo.files())


def test_photo_whose_file_is_missing_still_validates_and_saves_outside_admin(municipality):
    photo = NewsPhotoFactory(news=NewsFactory(municipality=municipality))
    delete_files(*photo.files())
    photo = NewsPhoto.objects.get(pk=photo.pk)
    photo.alt_text = "Zāle pirms konferences"
    photo.full_clean()
    photo.save()
    assert NewsPhoto.objects.get(pk=photo.pk).alt_text == "Zāle pirms konferences"


def test_draft_redaction_whose_pdf_is_missing_saves_and_takes_a_new_pdf(client, draft, planner):
    stored = draft.document.name
    delete_files(stored)
    client.force_login(planner)
    url = reverse("admin:programmes_redaction_change", args=[draft.pk])

    data = change_form_post(client, url)
    data["label"] = "2. redakcija (precizēta)"
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert (draft.label, draft.document.name) == ("2. redakcija (precizēta)", stored)

    data = change_form_post(client, url)
    data["document"] = pdf_upload("atjaunots.pdf")
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.document.name != stored and default_storage.exists(draft.document.name)


def test_approved_redaction_whose_pdf_is_missing_still_opens_and_saves(client, draft, superuser):
    stored = draft.document.name
    Redaction.objects.filter(pk=draft.pk).set_status_for_tests(
        "approved", decision_number="12", decision_date=datetime.date(2024, 5, 30)
    )
    delete_files(stored)
    client.force_login(superuser)
    url = reverse("admin:programmes_redaction_change", args=[draft.pk])
    assert client.post(url, change_form_post(client, url)).status_code == 302
    draft.refresh_from_db()
    assert draft.document.name == stored


@pytest.mark.parametrize(
    "path",
    [
        "/media/" + "a" * 256,
        "/media/" + "a" * 252 + ".pdf",
        "/media/redactions/2026/" + "f" * 300 + ".pdf",
        "/media/redactions/%00.pdf",
        "/media/redactions/x.pdf%00.png",
        "/media/redactions/../../portal/settings.py",
        "/media/redactions/..%2F..%2Fmanage.py",
        "/media/..%2Fmanage.py",
        "/media/%2Fetc%2Fpasswd",
        "/media/redactions//x.pdf",
        "/media/redactions/%5C..%5Cx.pdf",
        "/media/redactions/2026/\u012bpašs.pdf",
        "/media/news/",
        "/media/unknown/2026/x.png",
    ],
)
def test_long_or_odd_media_names_answer_404(client, draft, path):
    assert client.get(path).status_code == 404


# The coat of arms


def municipality_form(municipality, upload):
    return {
        "name": municipality.name,
        "slug": municipality.slug,
        "kind": municipality.kind,
        "planning_region": municipality.planning_region,
        "coat_of_arms": upload,
        "description": "",
        "website": "",
    }


def post_coat_of_arms(client, municipality, upload):
    url = reverse("admin:programmes_municipality_change", args=[municipality.pk])
    return client.post(url, municipality_form(municipality, upload))


def test_coat_of_arms_that_is_a_decompression_bomb_is_refused(client, superuser, municipality):
    client.force_login(superuser)
    upload = SimpleUploadedFile("gerbonis.png", png_bomb(), content_type="image/png")
    response = post_coat_of_arms(client, municipality, upload)
    assert response.status_code == 200
    [message] = field_errors(response, "coat_of_arms")
    assert "megapikseļ" in message and "samaziniet" in message, message
    assert not Municipality.objects.get(pk=municipality.pk).coat_of_arms


def test_coat_of_arms_whose_name_claims_another_format_is_refused(client, superuser, municipality):
    client.force_login(superuser)
    upload = SimpleUploadedFile("gerbonis.jpg", image_bytes(fmt="PNG"), content_type="image/jpeg")
    response = post_coat_of_arms(client, municipality, upload)
    assert field_errors(response, "coat_of_arms") == [
        "Datnes nosaukums beidzas ar “.jpg”, bet datne ir PNG attēls: pārdēvējiet to par "
        "“.png” vai saglabājiet to vēlreiz pareizajā formātā."
    ]
    assert not Municipality.objects.get(pk=municipality.pk).coat_of_arms


def test_coat_of_arms_is_stored_without_metadata_keeping_its_transparency(
    client, superuser, municipality
):
    image = Image.new("RGBA", (120, 160), (0, 0, 0, 0))
    image.paste((200, 30, 40, 255), (20, 20, 100, 140))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Kāds fotogrāfs, Rīgas iela 1")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=text)
    client.force_login(superuser)
    upload = SimpleUploadedFile("Ģerbonis (1).png", buffer.getvalue(), content_type="image/png")
    response = post_coat_of_arms(client, municipality, upload)
    assert response.status_code == 302
    municipality.refresh_from_db()
    name = municipality.coat_of_arms.name
    assert GENERATED.match(name).groups() == ("municipalities", "png"), name
    stored_bytes = default_storage.open(name).read()
    assert "Kāds fotogrāfs".encode() not in stored_bytes and b"Author" not in stored_bytes
    with Image.open(io.BytesIO(stored_bytes)) as stored:
        assert stored.mode == "RGBA" and stored.getpixel((0, 0))[3] == 0
        assert stored.getpixel((50, 50)) == (200, 30, 40, 255)
    assert client.get(municipality.coat_of_arms.url)["Content-Type"] == "image/png"


# A front server in front of the portal


def test_with_accel_redirect_the_portal_decides_and_nginx_sends_the_file(
    client, settings, draft, planner
):
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    assert client.get(draft.document.url).status_code == 404
    client.force_login(planner)
    answer = client.get(draft.document.url)
    assert answer.status_code == 200
    assert answer["X-Accel-Redirect"] == f"/protected-media/{draft.document.name}"
    assert answer.content == b""
    assert answer["Content-Type"] == "application/pdf"
    assert answer["Cache-Control"] == "private, no-store"
    assert answer["Content-Disposition"].startswith("inline; filename=")


def test_deploy_check_warns_when_another_server_serves_every_file(settings):
    settings.SERVE_MEDIA = False
    [warning] = media_served_by_the_portal(None)
    assert isinstance(warning, CheckWarning) and warning.id == "portal.W001"
    settings.SERVE_MEDIA = True
    assert media_served_by_the_portal(None) == []
