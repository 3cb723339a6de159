"""An Atom feed of one project's news (the site-wide news feed is in portal.feeds)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Project

FEED_SIZE = 20


class ProjectNewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.public(), slug=slug)

    def title(self, project):
        return _("News of the project “%(title)s”") % {"title": project.title}

    def link(self, project):
        return project.get_absolute_url()

    def feed_url(self, project):
        return reverse("projects:feed", args=[project.slug])

    def subtitle(self, project):
        return project.objective[:300]

    def items(self, project):
        # News lives in the portal shell: reached through the related name.
        return project.news.published().order_by("-published_at")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
