"""Generate national-scale data (all 43 municipalities) for measuring the portal."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from consultations.models import PublicDiscussion
from portal import national
from portal.models import News
from portal.national.checks import full_clean_sample
from programmes.models import Municipality
from projects.models import Project


class Command(BaseCommand):
    help = (
        "Generate the national data of issue 13 (43 municipalities, 84 programmes, 250 "
        "redactions, 20,000 projects, 100,000 proposals …) times --factor, for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="Scale every count (1: the national data; 0.01: a few seconds' worth).",
        )
        parser.add_argument("--seed", type=int, default=13, help="The same seed, the same data.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Empty the database (manage.py flush: every table, users too) and generate "
            "again. Without it, a database that holds any data is refused.",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing if the database already holds the national data of this factor.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Generate although DEBUG is off.",
        )
        parser.add_argument(
            "--check-size",
            type=int,
            default=20,
            help="Rows of each model checked with full_clean() at the end (0: none).",
        )

    def handle(
        self, *args, factor, seed, replace, if_missing, allow_production, check_size, **options
    ):
        if factor <= 0 or factor > 10:
            raise CommandError("--factor must be more than 0 and at most 10.")
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off: this looks like a production site, and the national data "
                "would mix thousands of invented programmes, projects and proposals into it. "
                "Run with --allow-production to generate it all the same (in a database of "
                "its own)."
            )
        plan = national.Plan.for_factor(factor)
        if self._has_data():
            if if_missing and national.matches(plan):
                self.stdout.write(f"The national data at factor {factor:g} is already there.")
                return
            if not replace:
                raise CommandError(
                    f"The database already holds data ({self._describe()}). "
                    "Generate into an empty database, or run with --replace to empty this "
                    "one first (every table, users included)."
                )
            self.stdout.write("Emptying the database (flush) …")
            call_command("flush", interactive=False, verbosity=0)

        self.stdout.write(f"Generating the national data at factor {factor:g} (seed {seed}):")
        started = time.monotonic()
        with transaction.atomic():
            counts = national.generate(plan, seed=seed, report=self.stdout.write)
        self._analyze()
        elapsed = time.monotonic() - started
        for name, count in counts.items():
            self.stdout.write(f"  {name:<16} {count:>9,}")
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.1f} s."))
        if check_size:
            started = time.monotonic()
            checked = full_clean_sample(size=check_size, seed=seed)
            self.stdout.write(
                f"full_clean() passed on {sum(checked.values())} rows of {len(checked)} models "
                f"({time.monotonic() - started:.1f} s)."
            )

    def _analyze(self):
        """Give PostgreSQL's planner the new tables' statistics at once. Without them it
        plans for the empty tables they were until autovacuum comes by (if it is on at
        all), and the benchmark measures plans no site would have."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _has_data(self):
        return any(
            model.objects.exists() for model in (Municipality, Project, News, PublicDiscussion)
        )

    def _describe(self):
        riga = Municipality.objects.filter(slug="riga").exists()
        kind = "national data, it seems" if riga else "not national data: the demo?"
        return (
            f"{Municipality.objects.count()} municipalities, {Project.objects.count()} "
            f"projects, {News.objects.count()} news posts; {kind}"
        )
