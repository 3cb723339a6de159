from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from consultations import views as consultations_views
from core.admin_mixins import view_on_site

from . import sitemaps, views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Open data: the read API and the DCAT catalogue, one address in every language.
    path("api/v1/", include("api.urls")),
    path("data/", include("api.catalog_urls")),
    # A stable address for calendar clients; the /lv/ and /en/ ones name events in a language.
    path("events.ics", consultations_views.events_ics, name="events_ics_any_language"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("portal.feeds_urls")),
    path("programmes/", include("programmes.urls")),
    path("projects/", include("projects.urls")),
    path("consultations/", include("consultations.urls")),
    path("news/", include("portal.news_urls")),
    path("events.ics", consultations_views.events_ics, name="events_ics"),
    path("about/", views.about, name="about"),
    path("open-data/", include("api.pages_urls")),
    path("search/", views.search, name="search"),
    # Ahead of the admin's own "view on site", which would redirect to any object at all.
    path(
        "admin/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="admin_view_on_site",
    ),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media")]

admin.site.site_header = settings.PORTAL_NAME
admin.site.site_title = settings.PORTAL_NAME
handler500 = "portal.middleware.server_error"
