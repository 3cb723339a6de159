from django.urls import path

from . import news_views

app_name = "news"

urlpatterns = [
    path("", news_views.news_list, name="list"),
    path("<slug:slug>/", news_views.news_detail, name="detail"),
]
