"""Stopping a server the tests started (gunicorn, in a session of its own) so that none of
its processes outlives the test: a worker left running keeps a session on the test
database, and the database then cannot be dropped at the end of the run."""

import os
import signal
import time


def stop_process_group(process, timeout=30):
    """SIGTERM to `process`'s whole group, then wait until every member has exited (the
    master first; its workers may take longer); SIGKILL whatever is left at `timeout`."""
    group = process.pid  # started with start_new_session=True: the group is its pid
    try:
        os.killpg(group, signal.SIGTERM)
    except ProcessLookupError:
        return
    process.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)  # is any member left?
        except ProcessLookupError:
            return
        time.sleep(0.05)
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass
