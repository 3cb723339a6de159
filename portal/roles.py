"""Role groups built from every app's `roles.ROLE_PERMISSIONS`."""

from importlib import import_module

from django.contrib.auth.models import Group, Permission

ROLE_MODULES = ["programmes.roles", "projects.roles", "consultations.roles", "portal.app_roles"]


def collected_role_permissions():
    merged = {}
    for name in ROLE_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError:
            continue
        for role, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            merged.setdefault(role, set()).update(perms)
    return merged


def ensure_role_groups():
    """Create the role groups and give each exactly the permissions the apps declare."""
    for role, perms in collected_role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".", 1)
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found:
                wanted.append(found)
        group.permissions.set(wanted)
