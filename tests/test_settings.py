"""Every setting the code reads is declared in portal/settings.py, from the environment,
and documented in the README's configuration table.

A setting read as `getattr(settings, "X", default)` has a second default in the code, one
an operator cannot see or set: the README says 50 megapixels, the code could say 40. So
the code reads `settings.X`, the settings module declares X (from the environment, with
its one default) and refuses a bad value, and the README names the variable.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import global_settings, settings
from django.db import connection

from core.images import max_pixels

ROOT = Path(settings.BASE_DIR)
APPS = ("core", "programmes", "projects", "consultations", "portal")
SETTINGS_FILE = ROOT / "portal" / "settings.py"
ENV_NAME = re.compile(r"""env(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def _python_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts and path != SETTINGS_FILE:
                yield path


def _settings_reads(tree):
    """(line, name, how) of every read of a Django setting in one module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "settings" and node.attr.isupper():
                yield node.lineno, node.attr, "attribute"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("getattr", "hasattr") and node.args:
                target = node.args[0]
                if isinstance(target, ast.Name) and target.id == "settings":
                    yield node.lineno, ast.unparse(node.args[1]), node.func.id


def test_code_reads_settings_as_declared_attributes():
    declared = {name for name in dir(settings._wrapped) if name.isupper()}
    wrong = []
    for path in _python_files():
        for line, name, how in _settings_reads(ast.parse(path.read_text())):
            place = f"{path.relative_to(ROOT)}:{line}"
            if how != "attribute":
                wrong.append(f"{place}: {how}(settings, {name}, …): read settings.{name}")
            elif name not in declared:
                wrong.append(f"{place}: settings.{name} is declared nowhere")
    assert not wrong, "\n".join(wrong)


def test_every_environment_variable_is_in_the_readme():
    names = set(ENV_NAME.findall(SETTINGS_FILE.read_text()))
    readme = (ROOT / "README.md").read_text()
    assert {"DATABASE_URL", "TRUSTED_PROXIES", "MAX_IMAGE_MEGAPIXELS"} <= names
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert not missing, f"Add to the README's configuration table: {missing}"


def test_the_settings_of_issue_12_come_from_settings_py():
    """The ones code once read with getattr and a default of its own."""
    source = SETTINGS_FILE.read_text()
    for name in (
        "TRUSTED_PROXIES",
        "CONSULTATIONS_RATE_LIMIT",
        "CONSULTATIONS_RATE_WINDOW",
        "CONSULTATIONS_BURST_LIMIT",
        "CONSULTATIONS_BURST_WINDOW",
        "MAX_IMAGE_MEGAPIXELS",
        "PORTAL_NAME",
    ):
        assert re.search(rf'^{name} = env\.\w+\("{name}"', source, re.MULTILINE), name
        assert not hasattr(global_settings, name)


def test_the_image_limit_follows_the_setting(settings):
    settings.MAX_IMAGE_MEGAPIXELS = 2
    assert max_pixels() == 2_000_000


def _start(**environment):
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings", "PATH": "/usr/bin:/bin"}
    env.update(environment)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup()\nfrom django.conf import settings\n"
            "print(settings.MAX_IMAGE_MEGAPIXELS)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("value", ["0", "-5", "fifty"])
def test_a_wrong_image_limit_stops_the_start(value):
    result = _start(MAX_IMAGE_MEGAPIXELS=value)
    assert result.returncode != 0
    assert "MAX_IMAGE_MEGAPIXELS" in result.stderr or "invalid literal" in result.stderr


def test_the_image_limit_comes_from_the_environment():
    assert _start(MAX_IMAGE_MEGAPIXELS="80").stdout.strip() == "80"
    assert _start().stdout.strip() == "50"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's JIT")
@pytest.mark.django_db
def test_the_portals_database_connections_never_jit_compile_a_query():
    """A JIT compilation cost the registry's `?year=` page half a second (issue 13)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
