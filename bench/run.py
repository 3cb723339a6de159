"""Load benchmark of the public pages, measured against a bare Django view in the same run.

Starts gunicorn (2 sync workers, DEBUG off) on 127.0.0.1, loads the demo data into the
database DATABASE_URL points at (SQLite in the working tree by default), then runs `wrk`
for a bounded time against each page and prints requests per second, latency and the
ratio to `/robots.txt` (a Django view with no database query). On two cores the load
generator competes with the server, so the ratio is the number to compare between runs.

Usage: .venv/bin/python bench/run.py [--seconds 5] [--connections 16] [--port 8765]
Needs `wrk` (Debian package); it is installed when missing and we run as root.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
PAGES = [
    ("bare view (robots.txt)", "/robots.txt"),
    ("home", "/lv/"),
    ("programme", "/lv/programmes/daugavpils/ap-2014-2020/"),
    ("redaction", "/lv/programmes/daugavpils/ap-2014-2020/redactions/1/"),
    ("comparison", "/lv/programmes/livani/iap-2019-2025/redactions/1/compare/2/"),
    ("project registry", "/lv/projects/"),
    ("project", "/lv/projects/cities-of-change/"),
    ("news", "/lv/news/"),
    ("consultations", "/lv/consultations/"),
    ("discussion (form)", "/lv/consultations/daugavpils-ap-2014-2020-1/"),
    ("search", "/lv/search/?q=livanu"),
]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    else:
        sys.exit("wrk is missing: apt-get install wrk")


def wait_until_up(url, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"server did not start at {url}")


def run_wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args()
    ensure_wrk()

    python = sys.executable
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
    for command in (
        ["migrate", "--noinput", "-v0"],
        # DEBUG is off, as in production: the demo loads only when told to (no demo users).
        ["load_demo", "--allow-production"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(
            [python, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    server = subprocess.Popen(
        [
            str(Path(python).parent / "gunicorn"),
            "portal.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{args.port}"
        wait_until_up(base + "/robots.txt")
        rows = []
        for name, path in PAGES:
            rps, p50, p99, errors = run_wrk(base + path, args.seconds, args.connections)
            rows.append((name, path, rps, p50, p99, errors))
        bare = rows[0][2]
        print(f"\n{'page':<24} {'req/s':>8} {'ratio':>7} {'p50':>9} {'p99':>9} {'non-2xx':>8}")
        for name, _path, rps, p50, p99, errors in rows:
            print(f"{name:<24} {rps:>8.0f} {rps / bare:>7.2f} {p50:>9} {p99:>9} {errors:>8}")
        db = env.get("DATABASE_URL", "sqlite (working tree)").split("@")[-1]
        print(f"\ndatabase: {db}; {args.connections} connections, {args.seconds}s per page")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
