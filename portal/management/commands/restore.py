"""`make restore FILE=…`: an archive of `make backup` back into the configured database."""

from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into the database DATABASE_URL names "
        "and into MEDIA_ROOT. Refuses a database with tables or a MEDIA_ROOT with files "
        "unless --force, then checks every table's row count and every media file."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar file written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the tables of a database that has them; move the media there aside",
        )

    def handle(self, *args, archive, force, **options):
        try:
            restore_backup(archive=archive, force=force, write=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
