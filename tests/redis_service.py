"""The Redis the tests of the shared cache use (127.0.0.1:6379, started by .ci/run).

The portal's tests own Redis databases 7 and up, one per pytest-xdist worker (gw0, gw1 …),
so that two workers never empty or count in each other's; `PORTAL_TEST_REDIS_DB` names
another. Without Redis these tests are skipped on a developer's machine and fail in CI
(`require_redis`), where they must run.
"""

import os
import socket

import pytest

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = int(
    os.environ.get(
        "PORTAL_TEST_REDIS_DB",
        7 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")),
    )
)
REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"


def redis_answers():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def require_redis(**skip):
    """Fail in CI, skip elsewhere, when Redis does not answer (`skip`: pytest.skip's)."""
    if redis_answers():
        return
    message = f"Redis is not reachable on {REDIS_HOST}:{REDIS_PORT}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, **skip)
