"""Backups: what `make backup` writes, `make restore` brings back whole, and so does
`dumpdata` → `loaddata` into an empty database.

The demo is loaded once for the module (committed, so that pg_dump, a separate process,
sees it), backed up and dumped, and the database is emptied again before any test runs.
The restore runs as an operator runs it: `manage.py restore` in its own process, with
DATABASE_URL naming a new, empty database (created here and dropped afterwards).
"""

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from portal.backups import make_backup, pg_command
from tests.demo import load_demo

ROOT = Path(settings.BASE_DIR)
POSTGRES = connection.vendor == "postgresql"
PG_TOOLS = all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "psql", "createdb"))


def count_rows(cursor, tables):
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def database_rows():
    """{table: rows} for every table of the test database."""
    with connection.cursor() as cursor:
        return count_rows(cursor, connection.introspection.table_names(cursor))


def file_digests(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    base = tmp_path_factory.mktemp("backup")
    media = base / "media"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        try:
            load_demo()
            rows = database_rows()
            archive = make_backup(directory=base / "backups")
            dump = base / "demo.json"
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=["contenttypes", "auth.permission"],
                output=str(dump),
                verbosity=0,
            )
        finally:
            call_command("flush", interactive=False, verbosity=0)
    return SimpleNamespace(archive=archive, dump=dump, rows=rows, media=file_digests(media))


def run_restore(archive, database_url, media_root, *extra):
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive), *extra],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
            "DEBUG": "True",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def empty_database(tmp_path):
    """(DATABASE_URL, {table: rows} reader) of a new, empty database of the tests' engine."""
    if not POSTGRES:
        path = tmp_path / "restored.sqlite3"

        def read_rows():
            with sqlite3.connect(path) as db:
                names = [
                    name
                    for (name,) in db.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%'"
                    )
                ]
                return count_rows(db.cursor(), names)

        yield f"sqlite:///{path}", read_rows
        return
    if not PG_TOOLS:
        pytest.skip("the PostgreSQL client tools (pg_dump, pg_restore, psql) are missing")
    name = f"test_restore_{uuid.uuid4().hex[:12]}"
    settings_dict = {**connection.settings_dict, "NAME": name}
    command, env = pg_command("createdb", settings_dict, [])
    subprocess.run(command, env=env, check=True, capture_output=True)

    def read_rows():
        db = connection.get_new_connection({**connection.get_connection_params(), "dbname": name})
        try:
            with db.cursor() as cursor:
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                return count_rows(cursor, [table for (table,) in cursor.fetchall()])
        finally:
            db.close()

    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else f"{user}@"
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    try:
        yield f"postgres://{credentials}{host}:{port}/{name}", read_rows
    finally:
        command, env = pg_command("dropdb", settings_dict, [])
        subprocess.run(command, env=env, check=False, capture_output=True)


def test_backup_is_one_dated_archive_of_the_database_and_every_media_file(demo_backup):
    archive = demo_backup.archive
    assert re.fullmatch(r"attistiba-\d{4}-\d\d-\d\dT\d{4}\.tar", archive.name)
    assert archive.stat().st_mode & 0o077 == 0, "residents' addresses: the owner's eyes only"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    database = "db.dump" if POSTGRES else "db.sqlite3"
    assert names == {"manifest.json", database} | {f"media/{name}" for name in demo_backup.media}
    assert len(demo_backup.media) > 10  # photos, thumbnails, fund emblems


def test_restore_into_an_empty_database_brings_back_every_row_and_every_media_file(
    demo_backup, empty_database, tmp_path
):
    database_url, read_rows = empty_database
    media_root = tmp_path / "restored-media"

    result = run_restore(demo_backup.archive, database_url, media_root)

    assert result.returncode == 0, result.stderr
    assert "Restored and checked" in result.stdout
    assert read_rows() == demo_backup.rows
    assert file_digests(media_root) == demo_backup.media

    # A second restore would overwrite it: refused with what to do, nothing changed.
    again = run_restore(demo_backup.archive, database_url, media_root)
    assert again.returncode != 0
    assert "FORCE=1" in again.stderr
    assert read_rows() == demo_backup.rows

    forced = run_restore(demo_backup.archive, database_url, media_root, "--force")
    assert forced.returncode == 0, forced.stderr
    assert read_rows() == demo_backup.rows
    assert file_digests(media_root) == demo_backup.media
    kept = list(tmp_path.glob("restored-media.before-restore-*"))
    assert len(kept) == 1 and file_digests(kept[0]) == demo_backup.media


@pytest.mark.django_db(transaction=True)
def test_dumpdata_then_loaddata_into_an_empty_database_restores_every_row(demo_backup):
    # The test database is as `migrate` leaves a new one: tables, content types,
    # permissions and the role groups, nothing else.
    call_command("loaddata", demo_backup.dump, verbosity=0)

    assert database_rows() == demo_backup.rows
