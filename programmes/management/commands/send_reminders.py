"""`manage.py send_reminders`: one e-mail to each owner of overdue monitoring (daily)."""

from django.core.management.base import BaseCommand

from programmes.monitoring import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each owner of overdue actions and indicators one digest of them, in their "
        "language. Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="The portal's address for the links, e.g. https://portals.example.lv",
        )

    def handle(self, *args, base_url, **options):
        sent = send_reminders(base_url=base_url)
        self.stdout.write(f"Reminders sent: {sent}")
