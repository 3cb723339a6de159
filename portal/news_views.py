from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from projects.models import Project

from .models import News
from .search import RESULTS_PER_GROUP, folded_filter, search_source

PAGE_SIZE = 12


@require_safe
def news_list(request):
    page = Paginator(News.objects.for_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/news_list.html", {"page": page, "crumbs": [(None, _("News"))]})


@require_safe
def news_detail(request, slug):
    """Drafts and posts whose time has not come are a 404 for everyone on the public page."""
    post = get_object_or_404(News.objects.for_page(), slug=slug)
    return render(
        request,
        "portal/news_detail.html",
        {"post": post, "crumbs": [(reverse("news:list"), _("News")), (None, post.title)]},
    )


# Projects and news in the site search (portal.search): one query per group.


@search_source(gettext_lazy("Projects"))
def _project_results(query):
    projects = (
        Project.objects.published()
        .search(query)
        .select_related("municipality")
        .order_by("-planned_start", "title")[:RESULTS_PER_GROUP]
    )
    # The original title or acronym beside the municipality: residents know some projects
    # by it ("Cities of change"), and it says why the result matched.
    return [
        {
            "url": p.get_absolute_url(),
            "title": p.title,
            "context": " · ".join(
                filter(None, [p.acronym or p.title_original, p.municipality.name])
            ),
        }
        for p in projects
    ]


@search_source(gettext_lazy("News"))
def _news_results(query):
    posts = folded_filter(News.objects.published(), query, ["title", "lead", "body"])
    return [
        {
            "url": post.get_absolute_url(),
            "title": post.title,
            "context": date_format(timezone.localtime(post.published_at), "DATE_FORMAT"),
        }
        for post in posts.order_by("-published_at")[:RESULTS_PER_GROUP]
    ]
