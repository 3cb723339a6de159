"""Records many tests read, built once per run and rolled back after them: the demo
(`demo` fixture) and the security suite's two municipalities (`world`).

Building the demo takes seconds; building it again for each of a hundred tests took
minutes. So a set is built once inside a transaction that stays open while the tests that
use it run. Each of those tests still runs in its own savepoint inside it (pytest-django's
`db`), so what one test changes is gone before the next; and the transaction is rolled
back before any test that does not use the set runs, so no other test ever sees it.

tests/conftest.py runs the tests of each set one after the other at the end of the run
(`pytest_collection_modifyitems`), so each set is built once per process: once in all,
or once per pytest-xdist worker. In any other order the tests still pass: a set is rolled
back when a test that does not use it comes, and built again when one that does comes.

A test on a shared set cannot be transactional (`transaction=True`, `live_server`): it
would commit into, and flush, the set's transaction. A test that needs the demo
committed (the backup test: pg_dump runs in another process) loads its own.
"""

import sys

from django.db import transaction
from django.test import override_settings


def _build_demo():
    from tests.demo import load_demo

    load_demo()
    return None


def _build_world():
    from tests.security.world import build_world

    return build_world()


# The fixture names of the sets, in the order their tests run (after all other tests).
BUILDERS = {"world": _build_world, "demo": _build_demo}


def shared_set_of(item):
    """The name of the shared set a test uses, or None."""
    names = getattr(item, "fixturenames", ())
    return next((name for name in BUILDERS if name in names), None)


class SharedData:
    """The one shared set loaded now (or none), in its open transaction."""

    def __init__(self):
        self.name = None  # the set loaded now
        self.value = None
        self.media_root = None
        self.wanted = None  # the set the test being set up uses
        self._atomic = None
        self._blocker = None
        self._tmp_path_factory = None

    def start(self, django_db_blocker, tmp_path_factory):
        """The test database exists: sets may be built from now on."""
        self._blocker = django_db_blocker
        self._tmp_path_factory = tmp_path_factory
        self.switch_to(self.wanted)

    def switch_to(self, name):
        """Load set `name` (None: none), rolling back the one loaded now if it differs.
        Called before each test's fixtures are set up, outside any test's transaction."""
        self.wanted = name
        if name == self.name or self._blocker is None:
            return
        self.close()
        if name is not None:
            self._open(name)

    def get(self, name):
        assert self.name == name, f"shared set {name!r} is not loaded (loaded: {self.name!r})"
        return self.value

    def _open(self, name):
        media_root = self._tmp_path_factory.mktemp(f"{name}-media")
        with self._blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                # Files the set uploads go to its own directory, which its tests then use
                # (tests/conftest.py `_media_root`).
                with override_settings(MEDIA_ROOT=media_root):
                    value = BUILDERS[name]()
            except BaseException:
                atomic.__exit__(*sys.exc_info())
                raise
        self.name, self.value, self.media_root, self._atomic = name, value, media_root, atomic

    def close(self):
        """Roll the loaded set back (nothing of it stays in the database)."""
        if self.name is None:
            return
        atomic, self._atomic = self._atomic, None
        self.name = self.value = self.media_root = None
        with self._blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


SHARED = SharedData()
