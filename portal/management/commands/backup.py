"""`make backup`: the database and the uploaded files in one dated archive (portal/backups.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.backups import BackupError, describe_database, make_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump, or SQLite's online backup) and every file under "
        "MEDIA_ROOT into one archive, backups/attistiba-<date>T<time>.tar."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory", default="backups", help="where the archive goes (default: backups)"
        )

    def handle(self, *args, directory, **options):
        self.stdout.write(f"Backing up {describe_database(connection)} and {settings.MEDIA_ROOT}")
        try:
            archive = make_backup(directory=directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
