"""The site-wide Atom feeds: news, and public discussions (a project's own feed is in
projects.feeds)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from consultations.models import PublicDiscussion
from programmes.templatetags.latvian_dates import since_date, until_date

from .models import News

FEED_SIZE = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Attīstības portāls: news")
    subtitle = _("News about development programmes and EU-funded projects of municipalities.")
    link = reverse_lazy("news:list")

    def feed_url(self):
        return reverse("feeds:news")

    def items(self):
        return (
            News.objects.published().select_related("author").order_by("-published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class DiscussionFeed(Feed):
    """Public discussions as they are announced, so a feed reader tells a resident when a
    new one opens for proposals (never a draft's: they open only once it is published)."""

    feed_type = Atom1Feed
    title = _("Attīstības portāls: public discussions")
    subtitle = _("Public discussions of development programmes: when they open and close.")
    link = reverse_lazy("consultations:index")

    def feed_url(self):
        return reverse("feeds:discussions")

    def items(self):
        return PublicDiscussion.objects.public().with_programme().order_by("-opens_at")[:FEED_SIZE]

    def item_title(self, discussion):
        redaction = discussion.redaction
        return f"{redaction.programme.title}: {redaction.display_label}"

    def item_description(self, discussion):
        # "no 2026. gada 26. novembra plkst. 9:00 līdz 31. decembrim …": declined in Latvian.
        return _("Proposals can be submitted %(since)s %(until)s.") % {
            "since": since_date(discussion.opens_at, "datetime"),
            "until": until_date(discussion.closes_at, "datetime"),
        }

    def item_pubdate(self, discussion):
        return discussion.opens_at

    def item_updateddate(self, discussion):
        return discussion.created_at
