"""Demo users, one per role, so a newcomer can log in to admin as each of them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.upsert import upsert
from programmes.models import Municipality, StaffProfile
from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER

DEMO_PASSWORD = "demo-parole-2026"

# username, first name, last name, municipality slug, role (None: superuser), position
DEMO_USERS = [
    ("admin", "Portāla", "Administrators", None, None, ""),
    (
        "planotajs",
        "Helēna",
        "Trošimova",
        "daugavpils",
        PLANNER,
        "Telpiskās attīstības plānotāja",
    ),
    (
        "planotajs.livani",
        "Iveta",
        "Dobeļe",
        "livani",
        PLANNER,
        "Plānošanas un attīstības daļas vadītājas vietniece",
    ),
    (
        "projekti",
        "Jānis",
        "Ozoliņš",
        "daugavpils",
        PROJECT_MANAGER,
        "Projektu vadītājs",
    ),
    (
        "admins.daugavpils",
        "Inese",
        "Kalniņa",
        "daugavpils",
        MUNICIPALITY_ADMIN,
        "Personāla un sistēmu administratore",
    ),
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
