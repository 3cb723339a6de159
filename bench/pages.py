"""The benchmark's pages and what each costs inside Django, measured apart from the load run.

`python bench/pages.py --scale demo|national --json FILE` picks the pages to measure in the
database DATABASE_URL points at (for the national data: the biggest programme's approved
redaction, the biggest discussion's report, an open discussion, the project with the most
activities …) and, with Django's test client, requests each twice and records the second
(warm) request's queries (`CaptureQueriesContext`), response bytes and server time. These
numbers come from one request in this process, so measuring them never slows the load run.

`python bench/pages.py --profile PATH` prints a cProfile of one warm request to PATH: where
a slow page spends its time.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent

DEMO_PAGES = [
    ("bare view (robots.txt)", "/robots.txt"),
    ("home", "/lv/"),
    ("programme", "/lv/programmes/daugavpils/ap-2014-2020/"),
    ("redaction", "/lv/programmes/daugavpils/ap-2014-2020/redactions/1/"),
    ("action plan", "/lv/programmes/daugavpils/ap-2014-2020/redactions/1/action-plan/"),
    ("investment plan", "/lv/programmes/daugavpils/ap-2014-2020/redactions/1/investment-plan/"),
    ("comparison", "/lv/programmes/livani/iap-2019-2025/redactions/1/compare/2/"),
    ("project registry", "/lv/projects/"),
    ("project", "/lv/projects/cities-of-change/"),
    ("news", "/lv/news/"),
    ("consultations", "/lv/consultations/"),
    ("discussion (form)", "/lv/consultations/daugavpils-ap-2014-2020-1/"),
    ("search", "/lv/search/?q=livanu"),
]


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def national_pages():
    """The pages issue 13 measures, picked in the national data: the heaviest of each kind."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from consultations.models import PublicDiscussion
    from portal.models import News
    from programmes.models import Redaction
    from projects.models import Project

    with translation.override("lv"):
        biggest = (
            PublicDiscussion.objects.annotate(size=Count("proposals"))
            .select_related("redaction__programme__municipality")
            .order_by("-size")
            .first()
        )
        programme = biggest.redaction.programme
        municipality = programme.municipality
        approved = Redaction.objects.get(programme=programme, status=Redaction.Status.APPROVED)
        previous = (
            Redaction.objects.filter(programme=programme, number__lt=approved.number)
            .order_by("-number")
            .first()
        )
        open_discussion = (
            PublicDiscussion.objects.open()
            .annotate(size=Count("proposals"))
            .order_by("-size")
            .first()
        )
        project = (
            Project.objects.filter(is_published=True)
            .annotate(size=Count("activities"))
            .order_by("-size", "pk")
            .first()
        )
        post = News.objects.published().filter(project__isnull=False).first()
        slugs = [municipality.slug, programme.slug]
        return [
            ("bare view (robots.txt)", "/robots.txt"),
            ("home", reverse("home")),
            ("municipality", reverse("programmes:municipality", args=[municipality.slug])),
            ("programme", reverse("programmes:programme", args=slugs)),
            ("redaction (approved, biggest)", approved.get_absolute_url()),
            ("action plan (biggest)", approved.get_action_plan_url()),
            ("investment plan (biggest)", approved.get_investment_plan_url()),
            (
                "comparison",
                reverse("programmes:compare", args=[*slugs, previous.number, approved.number]),
            ),
            ("project registry", reverse("projects:list")),
            ("project registry ?year=", reverse("projects:list") + "?year=2024"),
            ("project (most activities)", project.get_absolute_url()),
            ("news", reverse("news:list")),
            ("news item", post.get_absolute_url()),
            ("consultations", reverse("consultations:index")),
            ("discussion (form)", open_discussion.get_absolute_url()),
            ("report (biggest discussion)", reverse("consultations:report", args=[biggest.slug])),
            (
                "proposals (biggest discussion)",
                reverse("consultations:proposals", args=[biggest.slug]),
            ),
            ("report.csv (biggest)", reverse("consultations:report_csv", args=[biggest.slug])),
            ("search ?q=attīstības", reverse("search") + "?q=" + quote("attīstības")),
            ("sitemap.xml (index)", "/sitemap.xml"),
            ("sitemap-projects.xml", "/sitemap-projects.xml"),
            ("projects.csv", reverse("projects:csv")),
            ("events.ics", "/events.ics"),
        ]


def _client():
    from django.conf import settings
    from django.test import Client

    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "127.0.0.1"
    return Client(HTTP_HOST="127.0.0.1" if host in ("*", "") else host)


def _request(client, path):
    """One request: (status, bytes, seconds, seconds to the first byte)."""
    started = time.perf_counter()
    response = client.get(path)
    if response.streaming:
        chunks = iter(response.streaming_content)
        size = len(next(chunks, b""))
        first = time.perf_counter() - started
        size += sum(len(chunk) for chunk in chunks)
    else:
        size = len(response.content)
        first = time.perf_counter() - started
    return response.status_code, size, time.perf_counter() - started, first


def measure(pages):
    """[{name, path, status, queries, bytes, ms}] of each page's warm request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client()
    rows = []
    for name, path in pages:
        _request(client, path)  # cold: fills what the page caches
        with CaptureQueriesContext(connection) as queries:
            status, size, seconds, first = _request(client, path)
        rows.append(
            {
                "name": name,
                "path": path,
                "status": status,
                "queries": len(queries),
                "bytes": size,
                "ms": round(seconds * 1000, 1),
                "first_ms": round(first * 1000, 1),
            }
        )
    return rows


def profile(path, limit=30):
    client = _client()
    _request(client, path)
    profiler = cProfile.Profile()
    profiler.enable()
    status, size, seconds, _first = _request(client, path)
    profiler.disable()
    out = io.StringIO()
    out.write(f"{path}: {status}, {size:,} bytes, {seconds * 1000:.0f} ms\n")
    stats = pstats.Stats(profiler, stream=out)
    out.write("\nThe portal's own code, by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(
        r"/(core|portal|programmes|projects|consultations)/", limit
    )
    out.write("\nEverything, by own time:\n")
    stats.sort_stats("tottime").print_stats(limit // 2)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["demo", "national"], default="demo")
    parser.add_argument("--json", help="write the measured pages here")
    parser.add_argument("--profile", metavar="PATH", help="profile one request to PATH")
    args = parser.parse_args()
    setup()
    if args.profile:
        print(profile(args.profile))
        return
    pages = national_pages() if args.scale == "national" else DEMO_PAGES
    rows = measure(pages)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    for row in rows:
        print(
            f"{row['name']:<30} {row['status']} {row['queries']:>4} q "
            f"{row['bytes']:>10,} B {row['ms']:>8} ms"
        )


if __name__ == "__main__":
    main()
