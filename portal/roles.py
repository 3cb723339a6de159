"""Role groups built from every app's `roles.ROLE_PERMISSIONS`."""

from importlib import import_module

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured

ROLE_MODULES = ["programmes.roles", "projects.roles", "consultations.roles", "portal.app_roles"]


def collected_role_permissions():
    """{role: {"app_label.codename", …}} from every app's roles module."""
    merged = {}
    for name in ROLE_MODULES:
        for role, perms in import_module(name).ROLE_PERMISSIONS.items():
            merged.setdefault(role, set()).update(perms)
    return merged


def permissions_named(names):
    """{"app_label.codename": Permission} for `names`, fetched in one query.

    A name that is no permission (a typo, a model renamed or removed) stops it with
    ImproperlyConfigured naming it: a role silently without a permission would show up
    only as a planner who cannot do their work.
    """
    labels = {name.split(".", 1)[0] for name in names}
    codenames = {name.split(".", 1)[-1] for name in names}
    rows = Permission.objects.filter(
        content_type__app_label__in=labels, codename__in=codenames
    ).select_related("content_type")
    found = {f"{row.content_type.app_label}.{row.codename}": row for row in rows}
    missing = sorted(set(names) - set(found))
    if missing:
        raise ImproperlyConfigured(
            "The roles (ROLE_PERMISSIONS in the apps' roles.py) name permissions that do "
            f"not exist: {', '.join(missing)}."
        )
    return found


def ensure_role_groups():
    """Create the role groups and give each exactly the permissions the apps declare.

    Every permission is checked before any group changes, so a misspelled one leaves the
    groups as they were."""
    roles = collected_role_permissions()
    found = permissions_named(set().union(*roles.values()))
    for role, perms in roles.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([found[perm] for perm in sorted(perms)])
