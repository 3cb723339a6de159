from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from core.uploads import SERVED_TYPES, is_plain_name
from core.validators import file_extension
from programmes.selectors import municipalities_for_home

from .media import PUBLIC, access_to
from .search import run_search


@require_safe
def home(request):
    return render(request, "portal/home.html", {"municipalities": municipalities_for_home()})


@require_safe
def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    groups = run_search(query) if query else []
    return render(
        request,
        "portal/search.html",
        {"query": query, "groups": groups, "total": sum(len(g["results"]) for g in groups)},
    )


@require_safe
def about(request):
    return render(request, "portal/about.html")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /lv/admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# Nothing uploaded may ever run as a page of the portal, whatever a browser makes of the
# file: `sandbox` gives the document a unique origin with no scripts, forms or plugins of
# its own, and nothing may be loaded from it but the file's own image. Chromium's PDF
# viewer still shows a PDF under this policy (checked with Debian's Chromium 156,
# tests/browser/test_media_browser.py).
MEDIA_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
# A public file may be kept by browsers and shared caches, but not for long: a photo taken
# down for privacy must stop being handed out soon after.
PUBLIC_MEDIA_CACHE = "public, max-age=3600"
PRIVATE_MEDIA_CACHE = "private, no-store"


@require_safe
def media(request, path):
    """An uploaded file, to those who may see the record that holds it (portal/media.py).

    Anything else is a 404, told apart by nobody: a name that cannot be a stored file's,
    an extension the portal does not serve, a file no current record holds, a record the
    user may not see, a file missing from the storage.
    """
    if not is_plain_name(path):
        raise Http404
    content_type = SERVED_TYPES.get(file_extension(path))
    if content_type is None:
        raise Http404
    access = access_to(path, request)
    if access is None:
        raise Http404
    if settings.MEDIA_ACCEL_REDIRECT_PREFIX:
        # The front server sends the file from its `internal` location (README).
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_PREFIX + quote(path)
    else:
        try:
            stored = default_storage.open(path, "rb")
        except (OSError, ValueError) as missing:
            raise Http404 from missing
        response = FileResponse(stored, content_type=content_type)
    # Every served type is a PDF or an image, which a browser shows rather than runs.
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=PurePosixPath(path).name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cache-Control"] = PUBLIC_MEDIA_CACHE if access == PUBLIC else PRIVATE_MEDIA_CACHE
    return response
