"""Where uploaded files are stored, and which of them may ever be served.

Every file field of the portal stores its file under a name the portal makes up:
`<directory>/<year>/<random hex>.<extension>`, e.g. `redactions/2026/3f2a….pdf`. The
user's file name is never used: it may carry an extension that a browser would run
(`.html`, `.svg`), characters a file system or a web server treats specially, or a name
that guesses another record's file. The extension comes from what the checks found in the
file (a PDF field only ever holds PDFs; images are re-encoded by the portal, which names
the copy by the format it wrote).

Only files with an extension in `SERVED_TYPES` are ever served, each with the content
type that extension means (see `portal.media`).
"""

import re
import uuid

from django.utils import timezone
from django.utils.deconstruct import deconstructible

from .validators import file_extension

# The extensions the portal serves, and the content type each is served with.
SERVED_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
}
# Other endings of the same formats, written in the portal's one spelling.
EXTENSION_ALIASES = {"jpeg": "jpg", "jpe": "jpg", "jfif": "jpg"}
# What a file of another kind gets (only if something bypassed the checks): never served.
UNSERVED_EXTENSION = "bin"

# The longest stored name there can be: longer requested names are refused unread.
MAX_NAME_LENGTH = 255
_CONTROL = re.compile(r"[\x00-\x1f\x7f\\]")


@deconstructible
class UploadTo:
    """`upload_to` for every file field: a generated name in `directory`.

    `extension` fixes the extension (a PDF field: "pdf"); without it, the extension of
    the name the portal gave the (re-encoded) file is used, if it is one the portal serves.
    A class rather than a function so that migrations record it with its arguments.
    """

    def __init__(self, directory, extension=None):
        self.directory = directory
        self.extension = extension

    def __call__(self, instance, filename):
        extension = self.extension or served_extension(filename)
        year = timezone.localdate().year
        return f"{self.directory}/{year}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return (
            isinstance(other, UploadTo)
            and self.directory == other.directory
            and self.extension == other.extension
        )

    def __hash__(self):
        return hash((self.directory, self.extension))


def served_extension(name):
    """The portal's spelling of the extension of `name`, or "bin" when it is not served."""
    extension = file_extension(name)
    extension = EXTENSION_ALIASES.get(extension, extension)
    return extension if extension in SERVED_TYPES else UNSERVED_EXTENSION


def is_plain_name(name):
    """Could `name` be a stored file's name? Refuses, without touching the disk or the
    database: overlong names, control and NUL characters, backslashes, absolute paths and
    empty, "." or ".." segments."""
    if not name or len(name) > MAX_NAME_LENGTH or _CONTROL.search(name):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))
