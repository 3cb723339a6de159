"""The open-data pages (in each language) and the DCAT catalogue's downloads."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from projects.columns import REGISTRY_COLUMNS

from . import catalog, datasets, docs
from .http import add_cors


@require_safe
def open_data(request):
    """Every dataset, feed and the API, with the project registry's columns explained."""
    grouped = datasets.datasets_by_municipality(datasets.all_datasets())
    return render(
        request,
        "api/open_data.html",
        {
            "groups": grouped,
            "columns": REGISTRY_COLUMNS,
            "license": settings.OPEN_DATA_LICENSE,
            "registry_csv": reverse("projects:csv"),
            "crumbs": [(None, _("Open data"))],
        },
    )


@require_safe
def api_docs(request):
    """The API's endpoints, parameters and examples, from its OpenAPI document."""
    document = docs.openapi_document()
    return render(
        request,
        "api/api_docs.html",
        {
            "document": document,
            "endpoints": docs.endpoints(document),
            "base": request.build_absolute_uri(reverse("api:api-root")),
            "crumbs": [(reverse("opendata:index"), _("Open data")), (None, _("API"))],
        },
    )


def _catalog(request, kind):
    text = catalog.serialized(kind, request, datasets.all_datasets)
    _rdf_format, media_type = catalog.FORMATS[kind]
    response = HttpResponse(text, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="catalog.{kind}"'
    return add_cors(response)


@require_safe
def catalog_jsonld(request):
    return _catalog(request, "jsonld")


@require_safe
def catalog_ttl(request):
    return _catalog(request, "ttl")
