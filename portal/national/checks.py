"""Check generated data against the models' own rules: `full_clean()` on a sample of every
model of the portal's apps (fields, `clean()`, unique and check constraints)."""

import random

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

APPS = ("programmes", "projects", "consultations", "portal")


def checked_models():
    """Every concrete model of the portal's apps (and the user model), without the
    historical records and the many-to-many tables Django makes."""
    models = [get_user_model()]
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.auto_created or model.__name__.startswith("Historical"):
                continue
            models.append(model)
    return models


def full_clean_sample(*, size=20, seed=0):
    """`full_clean()` up to `size` rows of each model, picked at random (the first and last
    rows always). Returns {model label: rows checked}; raises ValidationError naming the
    row that fails."""
    rng = random.Random(seed)
    checked = {}
    for model in checked_models():
        manager = model._base_manager
        pks = list(manager.order_by("pk").values_list("pk", flat=True))
        if not pks:
            checked[model._meta.label] = 0
            continue
        sample = {pks[0], pks[-1], *rng.sample(pks, min(size, len(pks)))}
        for obj in manager.filter(pk__in=sample):
            try:
                obj.full_clean()
            except ValidationError as error:
                raise ValidationError(
                    f"{model._meta.label} #{obj.pk} ({obj}): {error.message_dict}"
                ) from error
        checked[model._meta.label] = len(sample)
    return checked
