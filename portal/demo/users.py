"""Demo users, one per role (`data/users.toml`), so a newcomer can log in to admin as each.

They share one published password: `load_demo` never creates them with DEBUG off.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.upsert import upsert
from programmes.models import Municipality, StaffProfile
from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER

from .files import read

# The file names roles by key; None is a superuser.
ROLES = {
    "superuser": None,
    "planner": PLANNER,
    "project_manager": PROJECT_MANAGER,
    "municipality_admin": MUNICIPALITY_ADMIN,
}

_DATA = read("users")
DEMO_PASSWORD = _DATA["password"]
# username, first name, last name, municipality slug, role (None: superuser), position
DEMO_USERS = [
    (
        user["username"],
        user["first_name"],
        user["last_name"],
        user.get("municipality"),
        ROLES[user["role"]],
        user.get("position", ""),
    )
    for user in _DATA["users"]
]


def load():
    User = get_user_model()
    for username, first, last, municipality_slug, role, position in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.lv",
                "is_staff": True,
                "is_superuser": role is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
        if municipality_slug:
            upsert(
                StaffProfile,
                user=user,
                defaults={
                    "municipality": Municipality.objects.get(slug=municipality_slug),
                    "position": position,
                },
            )
