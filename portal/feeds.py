"""The Atom feeds: the site's news, public discussions, and each project's news.

The shell keeps them all: news lives here, and a feed is a way of reading the site, not a
page of one app. Each is titled with the portal's name (PORTAL_NAME).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.models import PublicDiscussion
from core.formats import since_date, until_date
from projects.models import Project

from .models import News

FEED_SIZE = 30
PROJECT_FEED_SIZE = 20


class PortalFeed(Feed):
    """An Atom feed of the portal. Each entry is dated by its item's `published_field`
    (its publication, or when it opens) and `updated_field` (its last change); the site's
    own feeds are titled "<PORTAL_NAME>: <what>" (`title_format`)."""

    feed_type = Atom1Feed
    published_field = "published_at"
    updated_field = "updated_at"
    title_format = None

    def title(self):
        return self.title_format % {"portal": settings.PORTAL_NAME}

    def item_pubdate(self, item):
        return getattr(item, self.published_field)

    def item_updateddate(self, item):
        return getattr(item, self.updated_field)


class NewsItemsFeed(PortalFeed):
    """A feed of news posts: each entry is a post's title and lead."""

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead


class NewsFeed(NewsItemsFeed):
    title_format = gettext_lazy("%(portal)s: news")
    subtitle = gettext_lazy(
        "News about development programmes and EU-funded projects of municipalities."
    )
    link = reverse_lazy("news:list")

    def feed_url(self):
        return reverse("feeds:news")

    def items(self):
        return (
            News.objects.published().select_related("author").order_by("-published_at")[:FEED_SIZE]
        )


class DiscussionFeed(PortalFeed):
    """Public discussions as they are announced, so a feed reader tells a resident when a
    new one opens for proposals (never a draft's: they open only once it is published)."""

    title_format = gettext_lazy("%(portal)s: public discussions")
    published_field = "opens_at"
    updated_field = "created_at"
    subtitle = gettext_lazy(
        "Public discussions of development programmes: when they open and close."
    )
    link = reverse_lazy("consultations:index")

    def feed_url(self):
        return reverse("feeds:discussions")

    def items(self):
        discussions = PublicDiscussion.objects.published().with_programme()
        return discussions.order_by("-opens_at")[:FEED_SIZE]

    def item_title(self, discussion):
        redaction = discussion.redaction
        return f"{redaction.programme.title}: {redaction.display_label}"

    def item_description(self, discussion):
        # "no 2026. gada 26. novembra plkst. 9:00 līdz 31. decembrim …": declined in Latvian.
        return _("Proposals can be submitted %(since)s %(until)s.") % {
            "since": since_date(discussion.opens_at, "datetime"),
            "until": until_date(discussion.closes_at, "datetime"),
        }


class ProjectNewsFeed(NewsItemsFeed):
    """One project's news, at the project's own address (/projects/<slug>/feed/)."""

    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.published(), slug=slug)

    def title(self, project):
        return _("News of the project “%(title)s”") % {"title": project.title}

    def link(self, project):
        return project.get_absolute_url()

    def feed_url(self, project):
        return reverse("feeds:project", args=[project.slug])

    def subtitle(self, project):
        return project.objective[:300]

    def items(self, project):
        return project.news.published().order_by("-published_at")[:PROJECT_FEED_SIZE]
