"""The DCAT-AP catalogue, one address in every language (`/data/`)."""

from django.urls import path

from . import pages

app_name = "catalog"

urlpatterns = [
    path("catalog.jsonld", pages.catalog_jsonld, name="jsonld"),
    path("catalog.ttl", pages.catalog_ttl, name="ttl"),
]
