from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .models import News

PAGE_SIZE = 12


@require_GET
def news_list(request):
    page = Paginator(News.objects.for_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/news_list.html", {"page": page, "crumbs": [(None, _("News"))]})


@require_GET
def news_detail(request, slug):
    """Drafts and posts whose time has not come are a 404 for everyone on the public page."""
    post = get_object_or_404(News.objects.for_page(), slug=slug)
    return render(
        request,
        "portal/news_detail.html",
        {"post": post, "crumbs": [(reverse("news:list"), _("News")), (None, post.title)]},
    )
