from django.urls import path

from .feeds import NewsFeed

app_name = "feeds"

urlpatterns = [
    path("news/", NewsFeed(), name="news"),
]
