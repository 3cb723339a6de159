"""Uploaded files in an S3-compatible object store (django-storages), served by the portal.

The bucket is private, and every file goes out through the portal's media view, which asks
who may see the record holding it (portal/media.py): so a file's address is the portal's
own `MEDIA_URL` + name, as on the local disk, never a link into the bucket (a presigned
link would hand a draft's PDF to whoever gets the link). Chosen by MEDIA_STORAGE_URL
(settings.py).
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PortalS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)
