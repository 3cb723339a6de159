"""The site-wide Atom feed of news (a project's own feed is in projects.feeds)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

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
