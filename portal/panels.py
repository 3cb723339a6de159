"""Panels of the portal shell (the mechanism: core/panels.py).

`HOME` lays out the home page from what every app contributes; the shell may use every
app, so it registers these panels itself. Its slots:

    home.top     above the municipalities and their programmes
    home.bottom  below them

`register()` (from `PortalConfig.ready()`) also adds to lower apps' pages what the shell
keeps about their records, the news: on the municipality and programme pages
(programmes/panels.py) and on the project page (projects/panels.py), with the project's
news feed.
"""

from django.db.models import Prefetch, prefetch_related_objects

from consultations.selectors import upcoming_for_home
from core.panels import Panel, Registry
from programmes.panels import PANELS as PROGRAMME_PANELS
from projects.models import Project
from projects.panels import PANELS as PROJECT_PANELS

from .models import News

HOME = Registry("portal", ["home.top", "home.bottom"])

HOME_PROJECTS_SHOWN = 6
HOME_NEWS_SHOWN = 3
PROGRAMME_NEWS_SHOWN = 6
PROJECT_NEWS_SHOWN = 6


def home_projects():
    """Running projects first, then upcoming, then the latest finished: one query."""
    return {"projects": list(Project.objects.for_home(HOME_PROJECTS_SHOWN))}


def home_news():
    """The newest published posts with their photos: two queries."""
    return {"news": list(News.objects.for_list()[:HOME_NEWS_SHOWN])}


def prefetch_municipality(municipalities):
    """Each municipality's newest published posts with their photos, as `latest_news`
    (two queries; the page shows one municipality)."""
    for municipality in municipalities:
        posts = News.objects.for_list().filter(municipality=municipality)
        municipality.latest_news = list(posts[:HOME_NEWS_SHOWN])


def prefetch_programme(programmes):
    """The newest published news about each programme with their photos, as its
    `published_news` (two queries)."""
    newest = News.objects.published().order_by("-published_at", "-id")[:PROGRAMME_NEWS_SHOWN]
    prefetch_related_objects(
        programmes,
        Prefetch("news", newest, to_attr="published_news"),
        "published_news__photos",
    )


def prefetch_project(projects):
    """Each project's newest published news with their photos, as its `published_news`
    (two queries): PROJECT_NEWS_SHOWN of them and one more, which tells the page that the
    news list of the project (`?project=`) holds more."""
    newest = (
        News.objects.published()
        .order_by("-published_at", "-id")
        .prefetch_related("photos")[: PROJECT_NEWS_SHOWN + 1]
    )
    prefetch_related_objects(projects, Prefetch("news", newest, to_attr="published_news"))
    for project in projects:
        project.more_news = len(project.published_news) > PROJECT_NEWS_SHOWN
        project.published_news = project.published_news[:PROJECT_NEWS_SHOWN]


def register():
    HOME.register(
        Panel(
            "consultations.home",
            "home.top",
            "consultations/includes/home_panel.html",
            context=upcoming_for_home,  # open discussions and upcoming events: two queries
        ),
        Panel(
            "projects.home",
            "home.bottom",
            "projects/includes/home_panel.html",
            context=home_projects,
            order=10,
        ),
        Panel(
            "portal.home_news",
            "home.bottom",
            "portal/includes/home_news.html",
            context=home_news,
            order=20,
        ),
    )
    PROGRAMME_PANELS.register(
        Panel(
            "portal.municipality_news_stylesheet",
            "municipality.head",
            "portal/includes/news_stylesheet.html",
            prefetch=prefetch_municipality,
        ),
        Panel(
            "portal.municipality_news",
            "municipality.sections",
            "portal/includes/municipality_news.html",
            prefetch=prefetch_municipality,
            order=30,
        ),
        Panel(
            "portal.news_stylesheet",
            "programme.head",
            "portal/includes/news_stylesheet.html",
            prefetch=prefetch_programme,
        ),
        Panel(
            "portal.programme_news",
            "programme.sections",
            "portal/includes/programme_news.html",
            prefetch=prefetch_programme,
            order=20,
        ),
    )
    PROJECT_PANELS.register(
        Panel("portal.project_feed", "project.head", "portal/includes/project_feed_link.html"),
        Panel(
            "portal.project_news",
            "project.sections",
            "portal/includes/project_news.html",
            prefetch=prefetch_project,
        ),
    )
