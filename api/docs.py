"""The human-readable API page, generated from the OpenAPI document: every endpoint with
its parameters, an example request and an example answer built from the response schema.
Rendered by the portal itself (no Swagger UI, nothing from a CDN)."""

import hashlib
import json
from pathlib import Path

from django.core.cache import cache
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

DOCS_CACHE_SECONDS = 60 * 60
# The document follows the code: a deploy that changes the API's modules uses a new key.
CODE_VERSION = hashlib.sha256(
    b"".join(
        (Path(__file__).parent / name).read_bytes()
        for name in ("serializers.py", "views.py", "filters.py", "urls.py")
    )
).hexdigest()[:12]
EXAMPLE_DEPTH = 4


def openapi_document():
    """The OpenAPI document as a dict, in the active language (cached: it changes only
    with the code)."""
    key = f"api:openapi:{CODE_VERSION}:{translation.get_language()}"
    document = cache.get(key)
    if document is None:
        generator = SchemaGenerator()
        document = generator.get_schema(request=None, public=True)
        document = json.loads(OpenApiJsonRenderer().render(document))
        cache.set(key, document, DOCS_CACHE_SECONDS)
    return document


def _resolve(schema, components):
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = {**schema, **_resolve(schema["allOf"][0], components)}
    return schema


def example(schema, components, depth=0):
    """A sample value of `schema`: enums give their first value, strings their format."""
    schema = _resolve(schema, components)
    if "oneOf" in schema:
        return example(schema["oneOf"][-1], components, depth)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "array":
        if depth >= EXAMPLE_DEPTH:
            return []
        return [example(schema.get("items", {}), components, depth + 1)]
    if kind == "object":
        if depth >= EXAMPLE_DEPTH:
            return {}
        return {
            name: example(part, components, depth + 1)
            for name, part in schema.get("properties", {}).items()
        }
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    return {
        "date": "2026-01-31",
        "date-time": "2026-01-31T10:00:00+02:00",
        "uri": "https://…",
    }.get(schema.get("format"), "…")


def endpoints(document):
    """[{path, summary, parameters, response fields, example}] in the document's order."""
    components = document.get("components", {}).get("schemas", {})
    listed = []
    for path, operations in document["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = []
        for parameter in operation.get("parameters", []):
            schema = _resolve(parameter.get("schema", {}), components)
            parameters.append(
                {
                    "name": parameter["name"],
                    "where": parameter["in"],
                    "type": schema.get("type", ""),
                    "values": schema.get("enum", []),
                    "required": parameter.get("required", False),
                    "description": parameter.get("description", ""),
                }
            )
        response = operation["responses"]["200"]["content"]["application/json"]["schema"]
        sample = example(response, components)
        if isinstance(sample, dict) and "results" in sample:
            sample["next"] = "https://…?page=2"
        listed.append(
            {
                "path": path,
                "id": operation["operationId"],
                "description": operation.get("description", ""),
                "parameters": parameters,
                "example": json.dumps(sample, ensure_ascii=False, indent=2),
            }
        )
    return listed
