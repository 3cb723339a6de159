"""Load the demo data built from the seed documents. Safe to run again: nothing doubles."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
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
# The demo users share one published password: never on a production site.
DEMO_USERS_MODULE = "portal.demo_users"


class Command(BaseCommand):
    help = "Load the demo municipalities, programmes, projects, consultations, news and users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo data although DEBUG is off (the demo users are never created "
            "then: their password is published).",
        )

    def handle(self, *args, allow_production=False, **options):
        production = not settings.DEBUG
        if production and not allow_production:
            raise CommandError(
                "DEBUG is off: this looks like a production site, and the demo would mix "
                "invented programmes, projects and proposals into it. Run with "
                "--allow-production to load it all the same (without the demo users)."
            )
        ensure_role_groups()
        with transaction.atomic():
            for name in DEMO_MODULES:
                if production and name == DEMO_USERS_MODULE:
                    self.stdout.write(f"  {name}: skipped (DEBUG is off: no demo logins)")
                    continue
                import_module(name).load()
                self.stdout.write(f"  {name}: ok")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
