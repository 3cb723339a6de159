"""The next redaction's deep copy follows one table, `programmes.services.COPY_PLAN`: these
tests hold it against the content models, so a new content model, or a new reference
between content, cannot be left out of the copy."""

import pytest
from django.apps import apps
from django.db import models

from programmes import models as pm
from programmes import services
from tests.factories import full_redaction

CONTENT_MODELS = {
    model
    for model in apps.get_models()
    if issubclass(model, pm.RedactionContent) and not model._meta.abstract
}
PLANNED = [model for model, _references in services.COPY_PLAN]


def _content_references(model):
    """The model's foreign keys to the redaction or to other content, lineage aside."""
    return {
        field.name: field.related_model
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
        and field.name != "copied_from"
        and (field.related_model is pm.Redaction or field.related_model in CONTENT_MODELS)
    }


def test_every_content_model_is_copied_once_and_nothing_else_is():
    assert len(PLANNED) == len(set(PLANNED))
    assert set(PLANNED) == CONTENT_MODELS


@pytest.mark.parametrize(
    "model, references", services.COPY_PLAN, ids=[model.__name__ for model in PLANNED]
)
def test_every_reference_between_content_is_repointed_to_the_copy(model, references):
    assert references == _content_references(model)


def test_each_model_is_copied_after_the_models_it_points_to():
    copied = {pm.Redaction}
    for model, references in services.COPY_PLAN:
        assert set(references.values()) <= copied, model
        copied.add(model)


@pytest.mark.django_db
def test_the_copy_holds_one_of_everything_a_full_redaction_has(municipality):
    source = full_redaction(municipality)
    pm.Redaction.objects.filter(pk=source.pk).set_status_for_tests("approved")
    for model in PLANNED:
        assert model.objects.in_redaction(source).exists(), f"full_redaction() lacks {model}"

    new = services.start_next_redaction(redaction=source, user=None)

    for model in PLANNED:
        originals = model.objects.in_redaction(source)
        copies = model.objects.in_redaction(new)
        assert sorted(copies.values_list("copied_from", flat=True)) == sorted(
            originals.values_list("pk", flat=True)
        ), model
