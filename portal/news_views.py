from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from programmes.models import Municipality
from projects.models import Project

from .models import News
from .search import RESULTS_PER_GROUP, search_source, text_search

PAGE_SIZE = 12


@require_safe
def news_list(request):
    """Every published post, newest first, or one municipality's (`?municipality=`) or one
    published project's (`?project=`), each by its slug: an unknown one is a 404. Each is
    read from an index in its order."""
    posts = News.objects.for_list()
    municipality = project = None
    if slug := request.GET.get("municipality"):
        municipality = get_object_or_404(Municipality, slug=slug)
        posts = posts.filter(municipality=municipality)
    if slug := request.GET.get("project"):
        project = get_object_or_404(Project.objects.published(), slug=slug)
        posts = posts.filter(project=project)
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/news_list.html",
        {
            "page": page,
            "municipality": municipality,
            "project": project,
            "municipalities": Municipality.objects.order_by("name").only("slug", "name"),
            "crumbs": [(None, _("News"))],
        },
    )


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
    projects = text_search(
        # What the results show: a project's long texts are searched, never shown here.
        Project.objects.published()
        .select_related("municipality")
        .only("title", "title_original", "acronym", "slug", "municipality__name"),
        query,
        fields=["title", "title_original", "acronym", "objective"],
        order=["-planned_start", "title"],
        # Without PostgreSQL: the registry's own search (its texts and partners' names).
        fallback=lambda projects, query: projects.search(query),
    )[:RESULTS_PER_GROUP]
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
    posts = text_search(
        News.objects.published().only("title", "slug", "published_at"),
        query,
        fields=["title", "lead", "body"],
        order=["-published_at"],
    )[:RESULTS_PER_GROUP]
    return [
        {
            "url": post.get_absolute_url(),
            "title": post.title,
            "context": date_format(timezone.localtime(post.published_at), "DATE_FORMAT"),
        }
        for post in posts
    ]
