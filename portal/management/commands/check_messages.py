"""Fail when an interface string has no Latvian translation.

Runs `makemessages` on a scratch copy of the source tree, so the catalogues in the working
tree are left as they are, then lists every message that is new, untranslated or fuzzy in
any Latvian catalogue. `make lint` (and so CI) runs it: a string added to a template or
model without its translation is caught before it reaches a resident.
"""

import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

SKIP = {".venv", ".git", "media", "staticfiles", "node_modules", "__pycache__", ".pytest_cache"}
SKIP |= {".ruff_cache", "test-results", "bench", "tests"}


class Command(BaseCommand):
    help = "Check that every interface string has a Latvian translation (changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--locale", default="lv")

    def handle(self, *args, locale, **options):
        source = Path(settings.BASE_DIR)
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "tree"
            shutil.copytree(
                source,
                copy,
                ignore=lambda _dir, names: [n for n in names if n in SKIP or n.endswith(".mo")],
            )
            problems = self._missing(copy, locale)
        if problems:
            for catalogue, entries in problems:
                self.stderr.write(f"{catalogue}: {len(entries)} without a translation")
                for entry in entries:
                    self.stderr.write(f"    {entry}")
            raise CommandError(
                "Translate these (makemessages -l lv in the app, then fill in the .po file)."
            )
        self.stdout.write(self.style.SUCCESS("Every interface string is translated."))

    def _missing(self, tree, locale):
        # makemessages walks the current directory: run it inside the copy, with the
        # project-wide catalogue pointing into the copy too.
        locale_paths = [
            tree / Path(p).relative_to(settings.BASE_DIR) for p in settings.LOCALE_PATHS
        ]
        with contextlib.chdir(tree), override_settings(LOCALE_PATHS=locale_paths):
            call_command("makemessages", locale=[locale], verbosity=0, no_obsolete=True)
        problems = []
        for path in sorted(tree.glob(f"**/locale/{locale}/LC_MESSAGES/django.po")):
            entries = []
            for flag in ("--untranslated", "--only-fuzzy"):
                out = subprocess.run(
                    ["msgattrib", flag, "--no-wrap", str(path)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                entries += [
                    line.removeprefix("msgid ")
                    for line in out.splitlines()
                    if line.startswith("msgid ") and line != 'msgid ""'
                ]
            if entries:
                problems.append((path.relative_to(tree), entries))
        return problems
