"""Who may see and edit what, in one place for views and admin alike, in every app.

A staff user works for the municipality of their staff profile (`user.staff_profile`, which
the programmes app keeps); a superuser for all. Every model a staff user edits says how to
reach its municipality: either a class attribute `municipality_path` (a lookup such as
"programme__municipality"), or, for redaction content, `municipality_lookup()` derived from
its `redaction_path`.
"""

from django.db.models import Q


def municipality_ids_for(user):
    """The municipalities a staff user works for; None means all (superuser); empty: none."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not hasattr(user, "_municipality_ids"):
        profile = getattr(user, "staff_profile", None)
        user._municipality_ids = {profile.municipality_id} if profile else set()
    return user._municipality_ids


def can_edit_municipality(user, municipality_id):
    """May the user edit a record of this municipality? A record of none (a national data
    source) is for superusers only."""
    ids = municipality_ids_for(user)
    return user.is_authenticated and user.is_staff and (ids is None or municipality_id in ids)


def municipality_path_of(model):
    """The lookup from `model` to its Municipality, or None if the model is not scoped."""
    lookup = getattr(model, "municipality_lookup", None)
    if callable(lookup):
        return lookup()
    return getattr(model, "municipality_path", None)


def scope_to_user(queryset, user):
    """Limit a queryset to the rows of the user's municipality (superusers see all).

    A model with `shared_without_municipality` (data sources) also shows every user its
    rows without a municipality: the national ones everybody cites. Seeing is not
    editing: such a row is the superusers' to change (`can_edit_municipality(user, None)`).
    """
    ids = municipality_ids_for(user)
    if ids is None:
        return queryset
    path = municipality_path_of(queryset.model)
    if path is None:
        return queryset
    if getattr(queryset.model, "shared_without_municipality", False):
        return queryset.filter(Q(**{f"{path}__in": ids}) | Q(**{f"{path}__isnull": True}))
    if not ids:
        return queryset.none()
    return queryset.filter(**{f"{path}__in": ids})
