"""Writing demo (and other reference) records so that loading them again changes nothing.

Django's `update_or_create()` saves an existing row every time, whether or not anything
differs: each run would bump `updated_at` and add a change to every record's history, so
the history planners read would fill with changes nobody made. These helpers save only
what actually differs.
"""

from django.db import models


def _differs(obj, name, value):
    field = obj._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        current = getattr(obj, field.attname)
        wanted = value.pk if isinstance(value, models.Model) else value
        return current != wanted
    current = getattr(obj, name)
    if value is not None and not isinstance(value, models.Model):
        value = field.to_python(value)
    return current != value


def save_if_changed(obj, **values):
    """Set `values` on `obj` and save it only if one of them differs from what it holds;
    return whether it was saved."""
    changed = [name for name, value in values.items() if _differs(obj, name, value)]
    if not changed:
        return False
    for name in changed:
        setattr(obj, name, values[name])
    obj.save()
    return True


def upsert(model, defaults=None, **lookup):
    """`model.objects.update_or_create(defaults=…, **lookup)` that leaves an unchanged row
    alone; returns (object, created)."""
    defaults = defaults or {}
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **defaults), True
    save_if_changed(obj, **defaults)
    return obj, False
