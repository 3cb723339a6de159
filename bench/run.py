"""Load benchmark of the public pages, measured against a bare Django view in the same run.

Starts gunicorn (2 sync workers, DEBUG off) on 127.0.0.1 and runs `wrk` for a bounded time
against each page, printing requests per second, p50 and p99 latency and the ratio to
`/robots.txt` (a Django view with no database query) measured in the same run, with each
page's queries, response size and server time from one warm request measured beforehand
in a separate step (`bench/pages.py`, Django's test client with `CaptureQueriesContext`),
so counting never slows the measured run. On two cores the load generator competes with
the server, so the ratio is the number to compare between runs.

Two scales:

- `--scale demo` (default): the demo data (`load_demo`) in the database DATABASE_URL
  points at (SQLite in the working tree by default).
- `--scale national`: the national data of issue 13 (`generate_national --factor F`) in a
  PostgreSQL database of its own, `BENCH_DATABASE_URL` (default
  postgres://postgres@127.0.0.1:5432/attistiba_bench_national), created when missing;
  the data is generated once per factor and kept for the next run.

A page whose single request takes longer than `SLOW` seconds is loaded with as many
connections as there are workers (and long enough for a few requests to finish), since
16 connections queued behind a multi-second request measure the queue, not the page; the
table marks it with its connection count.

Usage: .venv/bin/python bench/run.py [--scale national] [--factor 1] [--seconds 5]
       [--connections 16] [--port 8765] [--output bench/national-<date>.md]
Needs `wrk` (Debian package); it is installed when missing and we run as root.
"""

import argparse
import datetime
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
WORKERS = 2
SLOW = 0.4
NATIONAL_DATABASE = "postgres://postgres@127.0.0.1:5432/attistiba_bench_national"


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    else:
        sys.exit("wrk is missing: apt-get install wrk")


def ensure_database(url):
    """Create the PostgreSQL database `url` names if it does not exist."""
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    connection = psycopg2.connect(maintenance)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                print(f"creating database {name}")
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()


def wait_until_up(url, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"server did not start at {url}")


def start_server(env, port):
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "300",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    wait_until_up(f"http://127.0.0.1:{port}/robots.txt")
    return server


def stop_server(server, port=None):
    """Stop gunicorn and its workers now, whatever they are doing, and wait until the port
    is free for the next one."""
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait(timeout=10)
    deadline = time.time() + 10
    while port and time.time() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.2)


def warm(url):
    """One request per worker at once, so no worker meets the page for the first time (its
    templates compiled, its caches filled) while measured."""
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda _: urllib.request.urlopen(url, timeout=60).read(), range(WORKERS)))


def milliseconds(text):
    """wrk's latency ("812.00us", "5.30ms", "2.01s", "1.00m") in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


# What a browser sends (Chromium's own list): the page cache hands gzip-compressed pages
# to those who accept them (core/pagecache.py). `--no-gzip` measures without.
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"


def run_wrk(url, seconds, connections, timeout, *, gzip=True):
    headers = ["-H", f"Accept-Encoding: {BROWSER_ENCODINGS}"] if gzip else []
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            f"--timeout={timeout}s",
            "--latency",
            *headers,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    return {
        "rps": rps,
        "p50": milliseconds(p50.group(1)) if p50 else None,
        "p99": milliseconds(p99.group(1)) if p99 else None,
        "errors": (int(errors.group(1)) if errors else 0)
        + (int(timeouts.group(1)) if timeouts else 0),
    }


def prepare(scale, factor, env):
    python = sys.executable
    commands = [["migrate", "--noinput", "-v0"]]
    if scale == "national":
        commands.append(
            [
                "generate_national",
                "--factor",
                str(factor),
                "--if-missing",
                "--allow-production",
            ]
        )
    else:
        # DEBUG is off, as in production: the demo loads only when told to (no demo users).
        commands.append(["load_demo", "--allow-production"])
    commands += [["collectstatic", "--noinput", "-v0"], ["createcachetable"]]
    for command in commands:
        subprocess.run(
            [python, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=None if command[0] == "generate_national" else subprocess.DEVNULL,
        )


def measure_pages(scale, env):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, "bench/pages.py", "--scale", scale, "--json", out.name],
            cwd=ROOT,
            # Queries, size and server time of rendering the page: the warm request would
            # otherwise come from the page cache (core/pagecache.py), which wrk measures.
            env={**env, "PAGE_CACHE_ENABLED": "False"},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return json.loads(Path(out.name).read_text())


def fmt_ms(value):
    if value is None:
        return "—"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 10:
        return f"{value:.0f} ms"
    return f"{value:.1f} ms"


def fmt_size(size):
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MiB"
    return f"{size / 1024:.1f} KiB"


def table(rows, bare):
    lines = [
        "| page | req/s | ratio | p50 | p99 | queries | size | one request | first byte | wrk -c |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = row["rps"] / bare if bare else 0
        errors = f" ({row['errors']} failed)" if row["errors"] else ""
        lines.append(
            f"| {row['name']} (`{row['path']}`) | {row['rps']:,.1f}{errors} | {ratio:.4f} | "
            f"{fmt_ms(row['p50'])} | {fmt_ms(row['p99'])} | {row['queries']} | "
            f"{fmt_size(row['bytes'])} | {fmt_ms(row['ms'])} | {fmt_ms(row['first_ms'])} | "
            f"{row['connections']} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["demo", "national"], default="demo")
    parser.add_argument("--factor", type=float, default=1.0, help="national data factor")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--output", help="also write the table (Markdown) to this file")
    parser.add_argument(
        "--no-gzip",
        dest="gzip",
        action="store_false",
        help="send no Accept-Encoding (browsers send one: the default sends theirs)",
    )
    parser.add_argument(
        "--only", help="measure only the pages whose name contains one of these (comma-separated)"
    )
    args = parser.parse_args()
    ensure_wrk()

    env = {
        **os.environ,
        "DEBUG": "False",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",
        "SESSION_COOKIE_SECURE": "False",
        "CSRF_COOKIE_SECURE": "False",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
    }
    if args.scale == "national":
        env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", NATIONAL_DATABASE)
        ensure_database(env["DATABASE_URL"])
    prepare(args.scale, args.factor, env)
    pages = measure_pages(args.scale, env)
    if args.only:
        words = args.only.split(",")
        pages = [pages[0], *(p for p in pages[1:] if any(w in p["name"] for w in words))]

    load = os.getloadavg()[0]
    base = f"http://127.0.0.1:{args.port}"
    server = start_server(env, args.port)
    try:
        rows = []
        for page in pages:
            seconds = page["ms"] / 1000
            url = base + page["path"]
            slow = seconds > SLOW
            if slow:
                connections = WORKERS
                duration = max(args.seconds, math.ceil(4 * seconds))
            else:
                connections, duration = args.connections, args.seconds
                warm(url)
            result = run_wrk(
                url,
                duration,
                connections,
                timeout=max(10, math.ceil(10 * seconds)),
                gzip=args.gzip,
            )
            rows.append({**page, **result, "connections": connections})
            print(
                f"{page['name']:<32} {result['rps']:>9.1f} req/s  p50 {fmt_ms(result['p50'])}",
                flush=True,
            )
            if slow:
                # wrk has stopped, but the workers still build the slow responses it left
                # unread: a fresh server, so the next page is not measured behind them.
                stop_server(server, args.port)
                server = start_server(env, args.port)
    finally:
        stop_server(server)

    bare = rows[0]["rps"]
    db = env.get("DATABASE_URL", "sqlite (working tree)").split("@")[-1]
    summary = (
        f"{datetime.date.today():%-d %B %Y}, scale {args.scale}"
        + (f" (factor {args.factor:g})" if args.scale == "national" else "")
        + f", database {db}; gunicorn {WORKERS} sync workers, DEBUG off; "
        f"wrk -t2 -c{args.connections} -d{args.seconds}s a page"
        + (f" with a browser's `Accept-Encoding: {BROWSER_ENCODINGS}`" if args.gzip else "")
        + " (a page slower than "
        f"{SLOW * 1000:.0f} ms a request: -c{WORKERS}, longer). Queries, size (unpacked), "
        "one request's server time and its first byte (a streamed download's first chunk): "
        "a warm request through Django's test client, the page cache off. Load average "
        f"before the run: {load:.1f} (other work on the machine lowers every rate)."
    )
    output = f"{summary}\n\n{table(rows, bare)}\n"
    print("\n" + output)
    if args.output:
        Path(args.output).write_text(output)


if __name__ == "__main__":
    main()
