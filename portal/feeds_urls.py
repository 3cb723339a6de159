from django.urls import path

from . import news_views

app_name = "feeds"

urlpatterns = [
    path("news/", news_views.news_list, name="news"),
]
