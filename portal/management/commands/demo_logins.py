from django.core.management.base import BaseCommand

from portal.demo.users import DEMO_PASSWORD, DEMO_USERS
from programmes.models import Municipality


class Command(BaseCommand):
    help = "Print the demo logins, one per role."

    def handle(self, *args, **options):
        names = dict(Municipality.objects.values_list("slug", "name"))
        self.stdout.write(f"  Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, first, last, municipality, role, _position in DEMO_USERS:
            who = role or "superuser"
            where = f", {names.get(municipality, municipality)}" if municipality else ""
            self.stdout.write(f"    {username:<20} {first} {last}: {who}{where}")
