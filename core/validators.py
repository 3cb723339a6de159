"""Upload checks by content, not by name: a file must be what it claims and not too big.

Images are checked in `core.images`; PDF documents here, by opening them with pypdf
(a file that merely starts with "%PDF-" may be a web page with a PDF header). Where a
checked file is stored and how it is served: `core.uploads`.
"""

import logging
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from pypdf import PasswordType, PdfReader

# pypdf logs every oddity of a malformed file it still opens; an upload's oddities are the
# uploader's business, not the server log's.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def file_extension(name):
    """The lower-case ending of a file name without the dot: "Plāns.PDF" → "pdf"."""
    return PurePath(name or "").suffix.lower().lstrip(".")


def check_upload_size(upload):
    """Refuse a file larger than MAX_UPLOAD_MB, saying how large it is."""
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


def check_pdf(upload):
    """Raise a ValidationError with a specific message unless `upload` is a usable PDF.

    Usable: named *.pdf, starting with "%PDF-", opened by pypdf, readable without a
    password (a PDF that only restricts printing or editing opens with the empty one) and
    with at least one page.
    """
    check_upload_size(upload)
    if file_extension(getattr(upload, "name", "")) != "pdf":
        raise ValidationError(
            _("The file name must end in “.pdf”: only PDF documents are accepted here."),
            code="pdf_extension",
        )
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise _not_a_pdf()
        upload.seek(0)
        pages = _count_pages(upload)
    finally:
        if position is not None:
            upload.seek(position)
    if pages < 1:
        raise ValidationError(_("The PDF document has no pages."), code="pdf_no_pages")


def _count_pages(upload):
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ValidationError(
                _(
                    "The PDF document is protected with a password: save it without the "
                    "password and upload it again."
                ),
                code="pdf_encrypted",
            )
        return len(reader.pages)
    except ValidationError:
        raise
    except Exception as exc:
        # A hostile or broken file can make a parser fail in many ways (pypdf's own
        # errors, but also KeyError, TypeError, RecursionError …); each means the same
        # to the uploader: this is not a PDF the portal can publish.
        raise _not_a_pdf() from exc


def _not_a_pdf():
    return ValidationError(
        _(
            "The file is not a PDF document that can be opened (or it is damaged): save it "
            "as PDF again and upload the new file."
        ),
        code="not_a_pdf",
    )


def validate_pdf_upload(upload):
    """Model field validator for PDF documents: `check_pdf` on every new upload."""
    # A stored file that has not changed was checked when it was uploaded.
    if getattr(upload, "_committed", False):
        return
    check_pdf(upload)
