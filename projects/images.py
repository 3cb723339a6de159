"""Uploaded images (news photos, fund emblems) are checked by what they contain.

The checks, in the order a user's mistakes are most likely: the file is too big; it is not
an image at all; it is an image of a kind the portal does not publish; its name claims a
different kind than its content; it has more pixels than can be processed safely (a
"decompression bomb": a small file that unpacks to gigabytes); it is damaged or cut off
half-way. Pillow reads only the header for the first checks, so a bomb is refused before
anything is decoded; the last check decodes the whole image.

`PhotoFormField` runs the same checks in admin forms, before Django's own image field
(whose only message is a generic "not a valid image"), so users see what is wrong.
"""

import warnings
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Pillow's format name → the file name endings that may carry it.
FORMATS = {
    "JPEG": ("jpg", "jpeg", "jpe", "jfif"),
    "PNG": ("png",),
    "GIF": ("gif",),
    "WEBP": ("webp",),
}
EXTENSION_FORMAT = {ext: fmt for fmt, exts in FORMATS.items() for ext in exts}
ACCEPT = "image/jpeg,image/png,image/gif,image/webp"
DEFAULT_MAX_MEGAPIXELS = 50


def max_pixels():
    return int(getattr(settings, "MAX_IMAGE_MEGAPIXELS", DEFAULT_MAX_MEGAPIXELS) * 1_000_000)


def _extension(name):
    return PurePath(name or "").suffix.lower().lstrip(".")


def check_image(upload):
    """Raise a ValidationError with a specific message unless `upload` is a usable image."""
    limit_mb = settings.MAX_UPLOAD_MB
    if upload.size is not None and upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is too large (%(size)s MB): at most %(limit)s MB is accepted."),
            code="file_too_large",
            # "12,3 MB" on Latvian pages, "12.3 MB" on English ones.
            params={
                "size": number_format(upload.size / 1024 / 1024, decimal_pos=1),
                "limit": number_format(limit_mb),
            },
        )
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
        extension = _extension(getattr(upload, "name", ""))
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


class PhotoFormField(forms.ImageField):
    """An image field whose refusals say what is wrong with the file."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT

    def to_python(self, data):
        if data not in self.empty_values:
            check_image(data)
        return super().to_python(data)
