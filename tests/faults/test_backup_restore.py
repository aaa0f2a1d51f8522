"""Backup and restore of a whole country dataset, the way README (section security) says.

The demo is the country: three courses in two languages, 500+ trainees in 28 cohorts across the
regions, attendance, quiz attempts and certificates with their PDFs. The database is backed up
with its engine's own tool (SQLite's online backup; pg_dump/pg_restore for PostgreSQL: exact
copies, ids and audit logs included, which dumpdata/loaddata cannot promise for Wagtail), the
media folder as a tarball; after the disaster every table holds the same rows again, the PDFs
are back and the site serves the restored data.
"""

import sqlite3
import subprocess
import tarfile
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _row_counts(cursor, tables: list[str], quote) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _django_counts() -> dict[str, int]:
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        return _row_counts(cursor, tables, connection.ops.quote_name)


def _media_files(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def _load_country(tmp_path: Path) -> tuple[dict[str, int], list[str]]:
    with open(tmp_path / "demo.log", "w") as log:
        call_command("load_demo", stdout=log)
    counts = _django_counts()
    assert counts["cohorts_enrollment"] > 200
    assert counts["wagtailcore_page"] > 20
    media = _media_files(Path(settings.MEDIA_ROOT))
    assert any(name.endswith(".pdf") for name in media)
    return counts, media


def _media_backup_and_loss(tmp_path: Path) -> Path:
    media = Path(settings.MEDIA_ROOT)
    archive_path = tmp_path / "media.tar.gz"
    with tarfile.open(archive_path, "w:gz") as archive:
        archive.add(media, arcname="media")
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    return archive_path


def _media_restore(archive_path: Path) -> None:
    with tarfile.open(archive_path) as archive:
        archive.extractall(Path(settings.MEDIA_ROOT).parent, filter="data")


def _site_works(client) -> None:
    from curriculum.models import CoursePage
    from lms.accounts.models import User

    course = CoursePage.objects.live().get(code="nrm", locale__language_code="en")
    assert client.get(course.url).status_code == 200
    client.force_login(User.objects.get(username="trainee"))
    assert client.get("/fr/my-learning/").status_code == 200


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_sqlite_country_round_trip(client, tmp_path):
    before, media_before = _load_country(tmp_path)

    # Backup: `sqlite3 db.sqlite3 ".backup backup.sqlite3"` is this online backup API.
    backup_path = tmp_path / "cascade-backup.sqlite3"
    with sqlite3.connect(backup_path) as backup:
        connection.ensure_connection()
        connection.connection.backup(backup)
    media_archive = _media_backup_and_loss(tmp_path)

    call_command("flush", "--noinput", verbosity=0)  # the disaster
    assert _django_counts()["cohorts_enrollment"] == 0

    with sqlite3.connect(backup_path) as backup:  # restore: copy the backup back in place
        backup.backup(connection.connection)
    _media_restore(media_archive)

    assert _django_counts() == before
    assert _media_files(Path(settings.MEDIA_ROOT)) == media_before
    _site_works(client)


@pytest.mark.postgres
def test_postgresql_country_round_trip(client, tmp_path):
    before, media_before = _load_country(tmp_path)
    source = connection.settings_dict
    restored = f"{source['NAME']}_restored"
    conninfo = ["-h", source["HOST"] or "127.0.0.1", "-p", str(source["PORT"] or 5432),
                "-U", source["USER"] or "postgres"]
    env = {"PGPASSWORD": source["PASSWORD"] or "", "PATH": "/usr/bin:/bin"}
    dump = tmp_path / "cascade.dump"

    subprocess.run(["pg_dump", *conninfo, "-Fc", "-f", str(dump), source["NAME"]],
                   check=True, env=env, timeout=300)
    media_archive = _media_backup_and_loss(tmp_path)
    subprocess.run(["dropdb", *conninfo, "--if-exists", restored], check=True, env=env)
    subprocess.run(["createdb", *conninfo, restored], check=True, env=env)
    try:
        subprocess.run(["pg_restore", *conninfo, "--no-owner", "-d", restored, str(dump)],
                       check=True, env=env, timeout=300)
        import psycopg

        with psycopg.connect(host=conninfo[1], port=conninfo[3], user=conninfo[5],
                             password=env["PGPASSWORD"], dbname=restored) as other, \
                other.cursor() as cursor:
            after = _row_counts(cursor, list(before), lambda name: f'"{name}"')
    finally:
        subprocess.run(["dropdb", *conninfo, "--if-exists", restored], env=env)
    _media_restore(media_archive)

    assert after == before
    assert _media_files(Path(settings.MEDIA_ROOT)) == media_before
    _site_works(client)
