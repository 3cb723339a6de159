"""Load the demo data built from the seed documents. Safe to run again: nothing doubles."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import demo
from portal.roles import ensure_role_groups


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

        def report(part, loaded):
            if loaded:
                self.stdout.write(f"  {part}: ok")
            else:
                self.stdout.write(f"  {part}: skipped (DEBUG is off: no demo logins)")

        with transaction.atomic():
            demo.load(users=not production, report=report)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
