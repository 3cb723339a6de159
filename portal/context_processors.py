from functools import cached_property

from django.conf import settings
from django.urls import reverse


class SiteLinks:
    """The addresses of the shell's pages and site-wide feeds, for the pages of every app.

    A lower app's template may not name the shell's URLs (tests/test_layers.py): the shell
    hands them down instead, as `site_links`. Each is made when a template first asks for
    it, in the language of the request.
    """

    @cached_property
    def about(self):
        return reverse("about")

    @cached_property
    def privacy(self):
        return f"{self.about}#privacy"

    @cached_property
    def news_feed(self):
        return reverse("feeds:news")

    @cached_property
    def discussions_feed(self):
        return reverse("feeds:discussions")

    @cached_property
    def events_calendar(self):
        return reverse("events_ics")


def site(request):
    return {"portal_name": settings.PORTAL_NAME, "site_links": SiteLinks()}
