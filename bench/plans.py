"""Which queries of the benchmark's pages sort many rows: EXPLAIN ANALYZE of each.

`python bench/plans.py [--scale national] [--min-rows N]` requests each page of
`bench/pages.py` (plus the registry's sorts and filters) once warm with Django's test
client, runs EXPLAIN ANALYZE on every SELECT it made, and prints those whose plan sorts
more than N rows (default 200) or reads a big table sequentially: the ORDER BYs an index
should serve (README, "Indexes").
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402

SORT = re.compile(r"Sort .*rows=(\d+) loops=(\d+)")
SEQ = re.compile(r"Seq Scan on (\w+) .*rows=(\d+) loops=(\d+)")


def extra_pages(municipality):
    return [
        ("registry, by municipality", f"/lv/projects/?municipality={municipality}"),
        ("registry, oldest first", "/lv/projects/?sort=start"),
        ("registry, by title", "/lv/projects/?sort=title"),
        ("registry, by cost", "/lv/projects/?sort=-cost"),
        ("registry, in progress", "/lv/projects/?status=in_progress"),
        ("registry, page 50", "/lv/projects/?page=50"),
        ("news, page 20", "/lv/news/?page=20"),
        ("past events", "/lv/consultations/events/past/"),
        ("search ?q=riga", "/lv/search/?q=riga"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["demo", "national"], default="national")
    parser.add_argument("--min-rows", type=int, default=200)
    args = parser.parse_args()
    pages.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programmes.models import Municipality

    listed = pages.national_pages() if args.scale == "national" else pages.DEMO_PAGES
    listed += extra_pages(Municipality.objects.order_by("pk").first().slug)
    client = pages._client()
    for name, path in listed:
        if path.endswith((".csv", ".xml", ".ics", ".txt")):
            continue
        pages._request(client, path)
        with CaptureQueriesContext(connection) as captured:
            pages._request(client, path)
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            text = "\n".join(plan)
            sorts = [int(r) * int(n) for r, n in SORT.findall(text)]
            seqs = [(t, int(r)) for t, r, n in SEQ.findall(text) if int(r) * int(n) > 5000]
            if any(s > args.min_rows for s in sorts) or seqs:
                took = plan[-1]
                print(f"== {name} ({path}): {took}; sorts {sorts}, seq scans {seqs}")
                print("   " + sql[:300])


if __name__ == "__main__":
    main()
