from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from programmes.selectors import municipalities_for_home

from .search import run_search


@require_GET
def home(request):
    return render(request, "portal/home.html", {"municipalities": municipalities_for_home()})


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    groups = run_search(query) if query else []
    return render(
        request,
        "portal/search.html",
        {"query": query, "groups": groups, "total": sum(len(g["results"]) for g in groups)},
    )


@require_GET
def about(request):
    return render(request, "portal/about.html")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /lv/admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
