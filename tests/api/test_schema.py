"""The OpenAPI document is valid OpenAPI 3, and every endpoint answers what it says."""

import re

import pytest
from openapi_schema_validator import OAS30ReadValidator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from consultations.models import PublicDiscussion
from portal.models import News
from programmes.models import DevelopmentProgramme, Municipality, Redaction
from projects.models import Project


@pytest.fixture
def document(client, demo):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3(document):
    assert document["openapi"].startswith("3.")
    validate(document)  # raises on any error


def _path_values():
    """A real value for each path parameter, per collection."""
    redaction = Redaction.objects.get(status=Redaction.Status.APPROVED)
    return {
        "discussions": PublicDiscussion.objects.published().first().slug,
        "events": None,  # filled from the list
        "municipalities": Municipality.objects.first().slug,
        "news": News.objects.published().first().slug,
        "programmes": DevelopmentProgramme.objects.first().pk,
        "projects": Project.objects.published().filter(partnerships__isnull=False).first().slug,
        "redactions": redaction.pk,
        "working-groups": None,
    }


def _validator(document, schema):
    resource = Resource.from_contents(document, default_specification=DRAFT4)
    registry = Registry().with_resource("urn:openapi", resource)
    return OAS30ReadValidator({"$ref": "urn:openapi#" + schema}, registry=registry)


def _pointer(path):
    return "/paths/" + path.replace("~", "~0").replace("/", "~1")


def test_every_endpoint_answers_what_the_document_says(client, document):
    values = _path_values()
    checked = []
    for path, operations in document["paths"].items():
        collection = path.split("/")[3]
        value = values[collection]
        if value is None:
            listed = client.get(f"/api/v1/{collection}/").json()["results"]
            value = listed[0]["id"]
        url = re.sub(r"\{\w+\}", str(value), path)
        response = client.get(url)
        assert response.status_code == 200, url
        schema = _pointer(path) + "/get/responses/200/content/application~1json/schema"
        errors = list(_validator(document, schema).iter_errors(response.json()))
        assert not errors, f"{url}: {errors[0].message} at {list(errors[0].absolute_path)}"
        assert operations["get"]["responses"]["200"]
        checked.append(path)
    assert len(checked) == 25


def test_a_filtered_list_and_a_second_page_also_match(client, document):
    for url, path in [
        ("/api/v1/projects/?fund=esf&year=2013", "/api/v1/projects/"),
        ("/api/v1/news/?page=2&page_size=1", "/api/v1/news/"),
    ]:
        response = client.get(url)
        schema = _pointer(path) + "/get/responses/200/content/application~1json/schema"
        assert not list(_validator(document, schema).iter_errors(response.json())), url
