"""Backups of the whole portal: the database and the uploaded files, in one dated archive.

`make backup` (`manage.py backup`) writes `backups/attistiba-2026-12-03T1650.tar`:

    manifest.json   what the archive holds: database engine, when, every table's row
                    count and every media file's size (the restore checks them)
    db.dump         PostgreSQL: `pg_dump --format=custom`
    db.sqlite3      SQLite: a copy made with SQLite's online backup API
    media/…         every file under MEDIA_ROOT

`make restore FILE=…` (`manage.py restore`) puts both back into the configured database
and MEDIA_ROOT. The database is the one `DATABASE_URL` names, read by the settings
(django-environ); PostgreSQL's command-line tools get the connection as Django's own
`dbshell` passes it (password in the environment, never on the command line).

Consistency: on PostgreSQL the row counts are taken in the very snapshot `pg_dump` copies
(an exported snapshot), so a proposal arriving meanwhile cannot make the manifest disagree
with the dump. The database is copied before the media, so a file uploaded meanwhile is at
worst an extra file, never a missing one.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient as PostgresClient
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

ARCHIVE_PREFIX = "attistiba"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DB_FILES = {"postgresql": "db.dump", "sqlite": "db.sqlite3"}


class BackupError(Exception):
    """The backup or restore cannot go on; the message tells the operator why and what to do."""


# --- the configured database ---------------------------------------------------------------


def _database(alias="default"):
    connection = connections[alias]
    vendor = connection.vendor
    if vendor not in DB_FILES:
        raise BackupError(f"Backups know PostgreSQL and SQLite, not {vendor}.")
    return connection, vendor


def describe_database(connection):
    """The database as an operator knows it: `name on host:port` or the SQLite file."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"PostgreSQL database {settings_dict['NAME']} on {host}:{port}"


def pg_command(program, settings_dict, parameters):
    """A PostgreSQL client command for the configured database and its environment."""
    args, env = PostgresClient.settings_to_cmd_args_env(settings_dict, parameters)
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is missing: install the PostgreSQL client tools of the server's "
            "version (Debian: apt-get install postgresql-client)."
        )
    return [program, *args[1:]], {**os.environ, **(env or {})}


def _run(command, env, **kwargs):
    result = subprocess.run(command, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


def _quote_table(schema, table):
    return f'"{schema}"."{table}"' if schema else f'"{table}"'


def _pg_tables(cursor):
    cursor.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY schemaname, tablename"
    )
    return [(schema, table) for schema, table in cursor.fetchall()]


def _pg_functions(cursor):
    """The database's own functions (the search's `portal_unaccent`), not an extension's:
    a restore over them must drop them first, the dump creates them again."""
    cursor.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND NOT EXISTS ("
        "SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
        "AND d.objid = p.oid AND d.deptype = 'e') ORDER BY 1"
    )
    return [signature for (signature,) in cursor.fetchall()]


def _table_key(schema, table):
    return table if schema in ("", "public") else f"{schema}.{table}"


def _pg_counts(cursor):
    counts = {}
    for schema, table in _pg_tables(cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote_table(schema, table)}")  # noqa: S608
        counts[_table_key(schema, table)] = cursor.fetchone()[0]
    return counts


def _sqlite_counts(db):
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in tables}  # noqa: S608


def table_counts(alias="default"):
    """{table: row count} of every table of the configured database (migrations included)."""
    connection, vendor = _database(alias)
    if vendor == "sqlite":
        connection.ensure_connection()
        return _sqlite_counts(connection.connection)
    with connection.cursor() as cursor:
        return _pg_counts(cursor)


# --- media ---------------------------------------------------------------------------------


def media_files(root):
    """{relative path: size} of every file under `root` (symbolic links are not followed)."""
    root = Path(root)
    files = {}
    if not root.is_dir():
        return files
    for directory, _dirs, names in os.walk(root):
        for name in names:
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(root).as_posix()] = path.stat().st_size
    return dict(sorted(files.items()))


# --- backup --------------------------------------------------------------------------------


def _dump_postgresql(connection, target):
    """pg_dump of the database and its row counts, both from one exported snapshot."""
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        with raw.cursor() as cursor:
            # The first statement of the transaction: counts and dump see the same rows.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _pg_counts(cursor)
            command, env = pg_command(
                "pg_dump",
                connection.settings_dict,
                ["--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            )
            _run(command, env)
        raw.rollback()
    finally:
        raw.close()
    return counts


def _dump_sqlite(connection, target):
    """A copy of the live SQLite database through its online backup API (a plain file copy
    of a database being written can be torn), and its row counts."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        return _sqlite_counts(copy)
    finally:
        copy.close()


def make_backup(*, directory, now=None):
    """Write one archive of the database and MEDIA_ROOT into `directory`; return its path.

    The archive is written under a temporary name and renamed when complete, so a backup
    that failed halfway never looks like a good one; an existing archive is never
    overwritten.
    """
    connection, vendor = _database()
    now = timezone.localtime(now)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    archive = directory / f"{ARCHIVE_PREFIX}-{now:%Y-%m-%dT%H%M}.tar"
    if archive.exists():
        archive = directory / f"{ARCHIVE_PREFIX}-{now:%Y-%m-%dT%H%M%S}.tar"
    if archive.exists():
        raise BackupError(f"{archive} already exists.")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as scratch:
        db_file = Path(scratch) / DB_FILES[vendor]
        if vendor == "postgresql":
            counts = _dump_postgresql(connection, db_file)
        else:
            counts = _dump_sqlite(connection, db_file)
        partial = Path(scratch) / "archive.tar"
        media = {}
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            tar.add(db_file, arcname=db_file.name)
            for name, size in media_files(media_root).items():
                try:
                    tar.add(media_root / name, arcname=f"{MEDIA_DIR}/{name}")
                except FileNotFoundError:
                    continue  # deleted since the listing: nothing refers to it any more
                media[name] = size
            manifest = {
                "format": FORMAT_VERSION,
                "created": now.isoformat(),
                "engine": vendor,
                "database": db_file.name,
                "tables": counts,
                "media": media,
            }
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
        # Residents' e-mail addresses are in it: readable by the portal's user only.
        partial.chmod(0o600)
        partial.replace(archive)
    return archive


# --- restore -------------------------------------------------------------------------------


def read_manifest(archive):
    """The archive's manifest; refuses a file that is not a portal backup."""
    try:
        with tarfile.open(archive, "r:") as tar:
            member = tar.getmember(MANIFEST)
            manifest = json.load(tar.extractfile(member))
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{archive} is not a backup made by `make backup` ({error}).") from error
    if manifest.get("format") != FORMAT_VERSION or manifest.get("engine") not in DB_FILES:
        raise BackupError(f"{archive} is a backup of a format this portal does not know.")
    return manifest


def _safe_members(tar, manifest):
    """The archive's members, refusing anything but the manifest, the database and
    regular files under media/ (no links, devices or paths leaving the directory)."""
    allowed = {MANIFEST, manifest["database"]}
    for member in tar.getmembers():
        name = member.name
        inside = name in allowed or (
            name.startswith(f"{MEDIA_DIR}/") and ".." not in Path(name).parts
        )
        if not inside or not (member.isfile() or member.isdir()):
            raise BackupError(f"The archive holds an unexpected entry: {name}")
        yield member


def target_state(connection):
    """(tables, rows) in the configured database and files in MEDIA_ROOT."""
    counts = table_counts(connection.alias)
    return len(counts), sum(counts.values()), len(media_files(settings.MEDIA_ROOT))


def restore_plan(archive, manifest, connection):
    """What `restore` is about to do, in lines for the operator."""
    rows = sum(manifest["tables"].values())
    size = sum(manifest["media"].values())
    return [
        f"Archive:  {archive}",
        f"          made {manifest['created']}, {manifest['engine']}, "
        f"{len(manifest['tables'])} tables with {rows} rows, "
        f"{len(manifest['media'])} media files ({size / 1_000_000:.1f} MB)",
        f"Database: {describe_database(connection)}",
        f"Media:    {settings.MEDIA_ROOT}",
    ]


def _restore_postgresql(connection, dump, *, drop):
    """Load the dump into the configured database in one transaction: with `drop`, the
    tables there now are dropped in the same transaction, so a failed restore changes
    nothing."""
    statements = ""
    if drop:
        with connection.cursor() as cursor:
            tables = _pg_tables(cursor)
            functions = _pg_functions(cursor)
        if tables:
            names = ", ".join(_quote_table(schema, table) for schema, table in tables)
            statements = f"DROP TABLE IF EXISTS {names} CASCADE;\n"
        # After the tables: their generated search columns use these functions.
        statements += "".join(f"DROP FUNCTION IF EXISTS {name} CASCADE;\n" for name in functions)
    connection.close()
    if shutil.which("pg_restore") is None:
        raise BackupError("pg_restore is missing: install the PostgreSQL client tools.")
    # pg_restore turns the dump into SQL (it connects nowhere); once it has succeeded,
    # psql runs the drops and that SQL as one transaction, stopping at the first error.
    # (Piped, a pg_restore failing halfway would hand psql a shorter script to commit.)
    directory = Path(dump).parent
    drops, script = directory / "drop.sql", directory / "restore.sql"
    drops.write_text(statements)
    _run(["pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(dump)], None)
    psql, env = pg_command(
        "psql",
        connection.settings_dict,
        [
            "--no-psqlrc",
            "--quiet",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            f"--file={drops}",
            f"--file={script}",
        ],
    )
    try:
        _run(psql, env)
    except BackupError as error:
        raise BackupError(f"{error}\nNothing was changed in the database.") from error


def _restore_sqlite(connection, database):
    """Copy the archived database over the configured file with SQLite's backup API."""
    target = connection.settings_dict["NAME"]
    connection.close()
    source = sqlite3.connect(database)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def _replace_media(extracted, stamp):
    """Put the archive's media into MEDIA_ROOT. Files there before are moved aside (never
    deleted): returns where, or None if there were none."""
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    aside = None
    present = list(root.iterdir())
    if present:
        aside = root.with_name(f"{root.name}.before-restore-{stamp}")
        aside.mkdir()
        for entry in present:
            shutil.move(entry, aside / entry.name)
    if extracted.is_dir():
        for entry in extracted.iterdir():
            shutil.move(entry, root / entry.name)
    return aside


def _verify(manifest, connection):
    """Every table's row count and every media file as the manifest has them; the
    differences, if any."""
    problems = []
    counts = table_counts(connection.alias)
    for table, expected in manifest["tables"].items():
        found = counts.get(table)
        if found != expected:
            problems.append(f"table {table}: {found} rows, the archive has {expected}")
    files = media_files(settings.MEDIA_ROOT)
    for name, size in manifest["media"].items():
        if files.get(name) != size:
            problems.append(f"media file {name}: missing or of another size")
    return problems


def pending_migrations(connection):
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def restore_backup(*, archive, force=False, write=print):
    """Restore an archive made by `make_backup` into the configured database and MEDIA_ROOT.

    Refuses a database that has tables, or a MEDIA_ROOT with files, unless `force`; then
    the database's tables are replaced in one transaction and the old media moved aside.
    Checks afterwards that every table has the archive's row count and every media file
    is back, and raises BackupError if not.
    """
    archive = Path(archive)
    manifest = read_manifest(archive)
    connection, vendor = _database()
    if manifest["engine"] != vendor:
        raise BackupError(
            f"The archive is a {manifest['engine']} backup and the configured database is "
            f"{vendor}: restore it into a {manifest['engine']} database (to move between "
            "engines, use dumpdata and loaddata, see README)."
        )
    for line in restore_plan(archive, manifest, connection):
        write(line)
    tables, rows, files = target_state(connection)
    if tables or files:
        write(f"The database has {tables} tables with {rows} rows; MEDIA_ROOT has {files} files.")
        if not force:
            raise BackupError(
                "Refusing to overwrite them. Restore into an empty database, or run again "
                "with FORCE=1 (manage.py restore --force) to replace them."
            )
        write("FORCE: the database's tables are replaced; the media there now are moved aside.")
    stamp = timezone.localtime().strftime("%Y-%m-%dT%H%M%S")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Extracted next to MEDIA_ROOT where it may, so moving the files in does not copy them.
    near = media_root.parent if os.access(media_root.parent, os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=near, prefix=".restore-") as scratch:
        scratch = Path(scratch)
        with tarfile.open(archive, "r:") as tar:
            tar.extractall(scratch, members=_safe_members(tar, manifest), filter="data")
        database = scratch / manifest["database"]
        write("Restoring the database …")
        if vendor == "postgresql":
            _restore_postgresql(connection, database, drop=bool(tables))
        else:
            _restore_sqlite(connection, database)
        write("Restoring the media files …")
        aside = _replace_media(scratch / MEDIA_DIR, stamp)
    # Cached pages and counts belong to the data that was replaced.
    cache.clear()
    problems = _verify(manifest, connection)
    if problems:
        raise BackupError("The restore does not match the archive:\n  " + "\n  ".join(problems))
    write(
        f"Restored and checked: {len(manifest['tables'])} tables with "
        f"{sum(manifest['tables'].values())} rows, {len(manifest['media'])} media files."
    )
    if aside:
        write(f"The media files that were in MEDIA_ROOT before are kept in {aside}.")
    if pending_migrations(connection):
        write("The backup is older than this code: run `manage.py migrate` now.")
    return manifest
