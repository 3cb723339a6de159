from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.static import serve

from programmes.selectors import municipalities_for_home

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


# Uploaded images are the portal's own (checked and re-encoded on upload), but nothing in
# them may run, whatever a browser makes of the file. PDFs get no such policy: Chromium's
# PDF viewer refuses to open under a restrictive one, and they were checked on upload.
IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


@require_safe
def media(request, path):
    """An uploaded file from MEDIA_ROOT (see SERVE_MEDIA), cached by browsers for a day."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation as outside:  # "../" out of MEDIA_ROOT
        raise Http404 from outside
    if response.get("Content-Type", "").startswith("image/"):
        response["Content-Security-Policy"] = IMAGE_CSP
    response["Cache-Control"] = "public, max-age=86400"
    return response
