"""News photos: checked with Pillow, refused when not images or too big, EXIF stripped,
thumbnail and large sizes made."""

import io
import os
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from PIL import Image

from portal.models import News, NewsPhoto
from tests.projects.factories import NewsFactory, ProjectFactory, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _latvian_by_default():
    """Each test starts in Latvian: an /en/ request leaves English active in the thread."""
    translation.activate("lv")
    yield
    translation.activate("lv")


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "Kamera"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (55.0, 52.0, 30.0)
    gps[3] = "E"
    gps[4] = (26.0, 31.0, 0.0)
    return exif


@pytest.fixture
def own_project(project_manager, municipality):
    return ProjectFactory(municipality=municipality, managers=[project_manager])


def news_form(municipality, project, upload, alt_text="Konferences zāle"):
    return {
        "title": "Konference",
        "slug": "konference",
        "lead": "Ievads",
        "body": "Teksts",
        "municipality": municipality.pk,
        "project": project.pk,
        "is_published": "on",
        "published_at_0": "2013-11-25",
        "published_at_1": "10:00",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-0-image": upload,
        "photos-0-alt_text": alt_text,
        "photos-0-caption": "Konferences atklāšana",
        "photos-0-position": "0",
    }


def photo_errors(response):
    formset = response.context["inline_admin_formsets"][0].formset
    return formset.errors[0]


def test_photo_upload_is_accepted_stripped_and_resized(
    client, project_manager, municipality, own_project
):
    raw = image_bytes(size=(1600, 1000), exif=exif_with_gps())
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)
    client.force_login(project_manager)
    upload = SimpleUploadedFile("foto.jpg", raw, content_type="image/jpeg")
    response = client.post(
        reverse("admin:portal_news_add"), news_form(municipality, own_project, upload)
    )
    assert response.status_code == 302
    photo = NewsPhoto.objects.get()
    with Image.open(photo.image.path) as stored:
        exif = stored.getexif()
        assert not exif.get_ifd(0x8825)
        assert 0x010F not in exif
        assert stored.size == (1600, 1000)
    with Image.open(photo.large.path) as large:
        assert large.size == (1200, 750)
        assert not large.getexif()
    with Image.open(photo.thumbnail.path) as thumbnail:
        assert thumbnail.size == (400, 250)
    assert (photo.thumbnail_width, photo.large_width) == (400, 1200)
    assert News.objects.get().photos.count() == 1


def test_png_with_transparency_becomes_jpeg(municipality):
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(buffer, format="PNG")
    photo = NewsPhoto(news=NewsFactory(municipality=municipality), alt_text="Logo")
    photo.image = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    photo.full_clean()
    photo.save()
    assert photo.image.name.endswith(".jpg")
    assert photo.thumbnail_width == 300


def test_sixteen_bit_grey_png_keeps_its_tones(municipality):
    buffer = io.BytesIO()
    Image.new("I;16", (300, 200), 30000).save(buffer, format="PNG")  # mid grey of 65535
    photo = NewsPhoto(news=NewsFactory(municipality=municipality), alt_text="Karte")
    photo.image = SimpleUploadedFile("karte.png", buffer.getvalue(), content_type="image/png")
    photo.full_clean()
    photo.save()
    photo.image.open()
    with Image.open(photo.image) as stored:
        red, green, blue = stored.convert("RGB").getpixel((150, 100))
    assert 110 <= red <= 125 and red == green == blue  # grey, not clipped to white


def test_file_that_is_not_an_image_is_refused(client, project_manager, municipality, own_project):
    client.force_login(project_manager)
    upload = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(
        reverse("admin:portal_news_add"), news_form(municipality, own_project, upload)
    )
    assert response.status_code == 200
    assert photo_errors(response)["image"] == [
        "Datne nav attēls (vai tā ir bojāta): augšupielādējiet JPEG, PNG, GIF vai WebP fotoattēlu."
    ]
    assert not News.objects.exists() and not NewsPhoto.objects.exists()


def test_oversize_image_is_refused_with_the_limit(
    client, project_manager, municipality, own_project, settings
):
    settings.MAX_UPLOAD_MB = 1
    buffer = io.BytesIO()
    Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3)).save(buffer, format="PNG")
    assert buffer.tell() > 1024 * 1024
    client.force_login(project_manager)
    upload = SimpleUploadedFile("liels.png", buffer.getvalue(), content_type="image/png")
    response = client.post(
        reverse("admin:portal_news_add"), news_form(municipality, own_project, upload)
    )
    assert response.status_code == 200
    message = photo_errors(response)["image"][0]
    with translation.override("lv"):
        size = number_format(len(buffer.getvalue()) / 1024 / 1024, decimal_pos=1)
    # A Latvian decimal comma: "Datne ir par lielu (1,8 MB)".
    assert message == f"Datne ir par lielu ({size} MB): pieņem ne vairāk kā 1 MB.", message
    assert "," in size
    assert not NewsPhoto.objects.exists()


def test_photo_without_alt_text_is_refused(client, project_manager, municipality, own_project):
    client.force_login(project_manager)
    upload = SimpleUploadedFile("foto.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post(
        reverse("admin:portal_news_add"),
        news_form(municipality, own_project, upload, alt_text=""),
    )
    assert response.status_code == 200
    assert photo_errors(response)["alt_text"] == ["Šis lauks ir nepieciešams."]
    assert not NewsPhoto.objects.exists()


def test_news_page_shows_large_photo_and_list_shows_thumbnail(client, municipality):
    post = NewsFactory(municipality=municipality, slug="ar-foto")
    photo = NewsPhoto(news=post, alt_text="Pilsētas panorāma", caption="Ekskursija pilsētā")
    photo.image = SimpleUploadedFile(
        "p.jpg", image_bytes(size=(1600, 1000)), content_type="image/jpeg"
    )
    photo.save()
    page = client.get("/lv/news/ar-foto/").text
    assert photo.large.url in page and 'alt="Pilsētas panorāma"' in page
    assert "<figcaption>Ekskursija pilsētā" in page
    assert photo.thumbnail.url in client.get("/lv/news/").text


def png_bomb(width=10_000, height=10_000):
    """A valid greyscale PNG of `width` × `height` black pixels: ~100 KB that unpacks to
    100 megapixels (Pillow itself only warns below ~179 megapixels)."""
    row = b"\x00" * (width + 1)  # filter byte + one byte per pixel
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def bmp_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), (10, 20, 30)).save(buffer, format="BMP")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "foto.jpg",
            image_bytes(size=(1600, 1000))[:20_000],
            "Attēls ir bojāts vai nepilnīgs (iespējams, augšupielāde tika pārtraukta): "
            "atveriet to savā datorā, saglabājiet vēlreiz un augšupielādējiet jauno datni.",
        ),
        (
            "foto.jpg",
            image_bytes(fmt="PNG"),
            "Datnes nosaukums beidzas ar “.jpg”, bet datne ir PNG attēls: pārdēvējiet to par "
            "“.png” vai saglabājiet to vēlreiz pareizajā formātā.",
        ),
        (
            "foto.php",
            image_bytes(),
            "Datnes nosaukums beidzas ar “.php”, bet datne ir JPEG attēls: pārdēvējiet to par "
            "“.jpg” vai saglabājiet to vēlreiz pareizajā formātā.",
        ),
        (
            "foto.jpg",
            b"<html><script>alert(1)</script></html>",
            "Datne nav attēls (vai tā ir bojāta): augšupielādējiet JPEG, PNG, GIF vai WebP "
            "fotoattēlu.",
        ),
        (
            "foto.bmp",
            bmp_bytes(),
            "BMP formāta attēlus nepieņem: saglabājiet fotoattēlu JPEG, PNG, GIF vai WebP formātā.",
        ),
        (
            "bumba.png",
            png_bomb(),
            "Attēls ir 10000 × 10000 pikseļi – vairāk nekā 50 megapikseļi, ko portāls var "
            "apstrādāt: pirms augšupielādes samaziniet to.",
        ),
    ],
    ids=["truncated", "png-named-jpg", "jpeg-named-php", "html", "bmp", "decompression-bomb"],
)
def test_bad_photo_is_refused_with_a_clear_message(
    client, project_manager, municipality, own_project, name, content, message
):
    client.force_login(project_manager)
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(
        reverse("admin:portal_news_add"), news_form(municipality, own_project, upload)
    )
    assert response.status_code == 200
    assert photo_errors(response)["image"] == [message]
    assert not News.objects.exists() and not NewsPhoto.objects.exists()


def test_photo_form_accepts_only_published_image_kinds(client, project_manager, own_project):
    client.force_login(project_manager)
    html = client.get(reverse("admin:portal_news_add")).text
    assert 'accept="image/jpeg,image/png,image/gif,image/webp"' in html


def test_model_validation_refuses_a_truncated_photo_outside_admin(municipality):
    photo = NewsPhoto(news=NewsFactory(municipality=municipality), alt_text="Zāle")
    photo.image = SimpleUploadedFile("t.jpg", image_bytes(size=(1600, 1000))[:20_000])
    with pytest.raises(ValidationError) as caught:
        photo.full_clean()
    assert caught.value.error_dict["image"][0].code == "image_damaged"


def test_a_truncated_photo_is_refused_after_weasyprint_was_loaded(municipality):
    """WeasyPrint (the report's PDF) tells Pillow on import to accept truncated images, for
    the whole process: uploads are still refused after a PDF was drawn."""
    import weasyprint  # noqa: F401

    test_model_validation_refuses_a_truncated_photo_outside_admin(municipality)


def test_photo_rotated_by_exif_is_stored_upright(municipality):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    photo = NewsPhoto(news=NewsFactory(municipality=municipality), alt_text="Tornis")
    photo.image = SimpleUploadedFile(
        "tornis.jpg", image_bytes(size=(800, 500), exif=exif), content_type="image/jpeg"
    )
    photo.full_clean()
    photo.save()
    with Image.open(photo.image.path) as stored:
        assert stored.size == (500, 800)
        assert not stored.getexif()
