from django.core.management.base import BaseCommand

from portal.demo_users import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Print the demo logins, one per role."

    def handle(self, *args, **options):
        self.stdout.write(f"  Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, _first, _last, municipality, role, _position in DEMO_USERS:
            who = role or "superuser"
            where = f", {municipality}" if municipality else ""
            self.stdout.write(f"    {username:<20} {who}{where}")
