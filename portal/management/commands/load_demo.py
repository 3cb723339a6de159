"""Load the demo data built from the seed documents. Safe to run again: nothing doubles."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.roles import ensure_role_groups

# Order matters: users need municipalities, projects need users, news needs projects.
DEMO_MODULES = [
    "programmes.demo",
    "portal.demo_users",
    "projects.demo",
    "consultations.demo",
    "portal.demo_news",
]


class Command(BaseCommand):
    help = "Load the demo municipalities, programmes, projects, consultations, news and users."

    def handle(self, *args, **options):
        ensure_role_groups()
        with transaction.atomic():
            for name in DEMO_MODULES:
                import_module(name).load()
                self.stdout.write(f"  {name}: ok")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
