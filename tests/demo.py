"""The demo data, loaded in tests as `make run` loads it."""

import io

from django.core.management import call_command
from django.test import override_settings


def load_demo():
    """Load the demo with DEBUG on, as on a developer's machine, so with the demo users.

    Tests run with DEBUG off, where `load_demo` refuses (it would put invented records
    and known passwords on a production site): tests/test_auth_and_limits.py tests that.
    """
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())
