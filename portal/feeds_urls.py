"""Every Atom feed, in one namespace (`feeds:`), included at the language prefix's root: a
project's news keeps the address under its project's page."""

from django.urls import path

from .feeds import DiscussionFeed, NewsFeed, ProjectNewsFeed

app_name = "feeds"

urlpatterns = [
    path("feeds/news/", NewsFeed(), name="news"),
    path("feeds/discussions/", DiscussionFeed(), name="discussions"),
    path("projects/<slug:slug>/feed/", ProjectNewsFeed(), name="project"),
]
