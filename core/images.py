"""Uploaded images (news photos, coats of arms, fund emblems) are checked by what they contain,
then stored as a fresh copy of their pixels and nothing else.

The checks, in the order a user's mistakes are most likely: the file is too big; it is not
an image at all; it is an image of a kind the portal does not publish; its name claims a
different kind than its content; it has more pixels than can be processed safely (a
"decompression bomb": a small file that unpacks to gigabytes); it is damaged or cut off
half-way. Pillow reads only the header for the first checks, so a bomb is refused before
anything is decoded; the last check decodes the whole image.

`PhotoFormField` runs the same checks in admin forms, before Django's own image field
(whose only message is a generic "not a valid image"), so users see what is wrong.

A checked image is not stored as uploaded: `pixels_only()` copies its pixels into a new
image, which carries no EXIF (camera, time, the GPS position where a photo was taken), no
comments and no colour profile, and `stripped_copy()` encodes that copy again.
"""

import io
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import FieldFile, FileDescriptor, ImageFileDescriptor
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .validators import check_upload_size, file_extension

# Pillow's format name → the file name endings that may carry it.
FORMATS = {
    "JPEG": ("jpg", "jpeg", "jpe", "jfif"),
    "PNG": ("png",),
    "GIF": ("gif",),
    "WEBP": ("webp",),
}
EXTENSION_FORMAT = {ext: fmt for fmt, exts in FORMATS.items() for ext in exts}
ACCEPT = "image/jpeg,image/png,image/gif,image/webp"


def max_pixels():
    """The most pixels an image may have (settings.MAX_IMAGE_MEGAPIXELS, in millions)."""
    return settings.MAX_IMAGE_MEGAPIXELS * 1_000_000


def check_image(upload):
    """Raise a ValidationError with a specific message unless `upload` is a usable image."""
    check_upload_size(upload)
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        _check_content(upload)
    finally:
        if position is not None:
            upload.seek(position)


def _check_content(upload):
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its two pixel limits; the size check below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels() from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _(
                "The file is not an image (or it is damaged): upload a JPEG, PNG, GIF or "
                "WebP photo."
            ),
            code="not_an_image",
        ) from exc
    with image:
        found = image.format
        if found not in FORMATS:
            raise ValidationError(
                _(
                    "Images of the format %(format)s are not accepted: save the photo as "
                    "JPEG, PNG, GIF or WebP."
                ),
                code="image_format",
                params={"format": found or "?"},
            )
        extension = file_extension(getattr(upload, "name", ""))
        if EXTENSION_FORMAT.get(extension) != found:
            raise ValidationError(
                _(
                    "The file name ends in “.%(extension)s”, but the file is a %(format)s "
                    "image: rename it to “.%(expected)s” or save it again in the right format."
                ),
                code="image_extension",
                params={
                    "extension": extension,
                    "format": found,
                    "expected": FORMATS[found][0],
                },
            )
        width, height = image.size
        if width * height > max_pixels():
            raise _too_many_pixels(width, height)
        # A library may have told Pillow, for the whole process, to accept truncated
        # images (WeasyPrint does on import): an upload never is.
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
            raise ValidationError(
                _(
                    "The image is damaged or incomplete (perhaps the upload was cut off): "
                    "open it on your computer, save it again and upload the new file."
                ),
                code="image_damaged",
            ) from exc


def _too_many_pixels(width=None, height=None):
    limit = max_pixels() // 1_000_000
    if width and height:
        return ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels, more than the %(limit)s megapixels "
                "the portal can process: make it smaller before uploading."
            ),
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": limit},
        )
    return ValidationError(
        _(
            "The image has more than the %(limit)s megapixels the portal can process: make it "
            "smaller before uploading."
        ),
        code="too_many_pixels",
        params={"limit": limit},
    )


def validate_image(upload):
    """Model field validator: the same checks for files that did not come through a form."""
    # A stored file that has not changed was checked when it was uploaded.
    if getattr(upload, "_committed", False):
        return
    check_image(upload)


def _stored_name(value):
    """The stored file's name `value` stands for, or None for a new upload or no file."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, FieldFile) and value._committed:
        return value.name or None
    return None


class StoredImageFileDescriptor(ImageFileDescriptor):
    """Django reads an image again for its width and height whenever the field is assigned,
    even the same stored file (model forms and `full_clean()` assign every field). A file
    missing on disk (a restore without the media) then made saving the record a 500, and
    the staff could not even replace the file. The same stored file keeps its dimensions."""

    def __set__(self, instance, value):
        previous = instance.__dict__.get(self.field.attname)
        if previous is not None and _stored_name(value) is not None:
            if _stored_name(value) == _stored_name(previous):
                FileDescriptor.__set__(self, instance, value)
                return
        super().__set__(instance, value)


class StoredImageField(models.ImageField):
    """An ImageField with width and height fields that never reads an unchanged file."""

    descriptor_class = StoredImageFileDescriptor


class PhotoFormField(forms.ImageField):
    """An image field whose refusals say what is wrong with the file."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT

    def to_python(self, data):
        if data not in self.empty_values:
            check_image(data)
        return super().to_python(data)


JPEG_QUALITY = 85
# 16- and 32-bit greys: Pillow's direct conversion clips every pixel to white, so they are
# scaled down to 8 bits first (a 16-bit PNG from a scanner or GIS tool).
WIDE_GREY_MODES = {"I;16", "I;16B", "I;16L", "I;16N", "I"}


def open_upright(upload):
    """The checked image `upload`, decoded and turned the way the camera meant (EXIF
    orientation), with the format it was stored in (Pillow's name: "JPEG", "PNG" …)."""
    upload.seek(0)
    with Image.open(upload) as opened:
        opened.load()
        return ImageOps.exif_transpose(opened), opened.format


def pixels_only(image, *, keep_transparency=False):
    """A new RGB (or RGBA, when asked and the image has transparency) image with the
    pixels of `image` and nothing else: a fresh image object carries no metadata."""
    if image.mode in WIDE_GREY_MODES:
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if transparent and keep_transparency:
        rgba = image.convert("RGBA")
        clean = Image.new("RGBA", rgba.size)
        clean.paste(rgba)
        return clean
    if image.mode not in ("RGB", "L"):
        # Transparent parts become white, as on the portal's pages.
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    clean = Image.new("RGB", image.size)
    clean.paste(image.convert("RGB"))
    return clean


def encode(image, image_format):
    """The bytes of `image` as JPEG or PNG, written with no metadata."""
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def stripped_copy(upload):
    """A checked image (a coat of arms, an emblem) as a new file without its metadata.

    A JPEG stays a JPEG (a photo-like image); every other format becomes a PNG that keeps
    its transparency (a coat of arms on a transparent background stays so). The name only
    carries the extension: where the file is stored is `core.uploads.UploadTo`'s.
    """
    image, found = open_upright(upload)
    if found == "JPEG":
        return ContentFile(encode(pixels_only(image), "JPEG"), name="image.jpg")
    return ContentFile(encode(pixels_only(image, keep_transparency=True), "PNG"), name="image.png")
