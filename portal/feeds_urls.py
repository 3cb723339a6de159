from django.urls import path

from .feeds import DiscussionFeed, NewsFeed

app_name = "feeds"

urlpatterns = [
    path("news/", NewsFeed(), name="news"),
    path("discussions/", DiscussionFeed(), name="discussions"),
]
