"""Upload checks by content, not by name: a file must be what it claims and not too big."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError


def validate_upload_size(upload):
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(limit)s MB is accepted."),
            code="file_too_large",
            params={"limit": settings.MAX_UPLOAD_MB},
        )


def validate_image_upload(upload):
    """Pillow must be able to open and verify the file as an image."""
    validate_upload_size(upload)
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The file is not an image that can be opened (JPEG, PNG, GIF or WebP)."),
            code="not_an_image",
        ) from exc
    finally:
        if position is not None:
            upload.seek(position)


def validate_pdf_upload(upload):
    """A PDF starts with %PDF-; anything else is refused whatever its name says."""
    validate_upload_size(upload)
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("The file is not a PDF document."), code="not_a_pdf")
