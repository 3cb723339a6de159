"""The open-data pages, under each language's prefix."""

from django.urls import path

from . import pages

app_name = "opendata"

urlpatterns = [
    path("", pages.open_data, name="index"),
    path("api/", pages.api_docs, name="api"),
]
