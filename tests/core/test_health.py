"""/healthz's status-code rule (lms/core/health.py): 503 only when the database is down, 200
"degraded" when the cache or the broker is; and production settings wrap Redis caches.
Redis really dying is tested in tests/faults/test_redis_down.py."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import OperationalError

from lms.core import health

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


class _BrokenCursor:
    def __enter__(self):
        raise OperationalError("connection refused")

    def __exit__(self, *exc):
        return False


def test_database_down_answers_503(client, monkeypatch, caplog):
    monkeypatch.setattr(health.connection, "cursor", lambda: _BrokenCursor())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "checks": {
        "database": "down", "cache": "ok", "broker": "in-process", "storage": "ok"}}
    assert "database unreachable" in caplog.text
    assert "connection refused" not in response.content.decode()  # details stay in the log


def test_cache_down_is_degraded_not_an_error(client, monkeypatch):
    monkeypatch.setattr(health, "cache_state", lambda: health.DOWN)
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "degraded"


def test_unreachable_broker_is_degraded(client, monkeypatch):
    from lms.celery import app as celery_app

    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager, conf.broker_url = False, "redis://127.0.0.1:9/0"  # nobody on 9
    celery_app._pool = celery_app.amqp._producer_pool = None
    try:
        response = client.get("/healthz")
    finally:
        conf.task_always_eager, conf.broker_url = saved
        celery_app._pool = celery_app.amqp._producer_pool = None
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {
        "database": "ok", "cache": "ok", "broker": "down", "storage": "ok"}}


def test_a_redis_cache_url_gets_the_resilient_backend():
    env = {**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/1",
           "DJANGO_SETTINGS_MODULE": "lms.settings.base"}
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "lms.core.cache.ResilientRedisCache"


class _UnreachableStorage:
    def exists(self, name):
        raise OSError("no route to host")


def test_file_storage_down_is_degraded_not_an_error(client, monkeypatch, caplog):
    monkeypatch.setattr(health, "default_storage", _UnreachableStorage())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {
        "database": "ok", "cache": "ok", "broker": "in-process", "storage": "down"}}
    assert "file storage unreachable" in caplog.text
    assert "no route" not in response.content.decode()


def test_a_hanging_file_storage_counts_as_down(monkeypatch):
    import threading

    released = threading.Event()

    class Hanging:
        def exists(self, name):
            released.wait(5)
            return False

    monkeypatch.setattr(health, "default_storage", Hanging())
    try:
        assert health.storage_state(timeout=0.2) == health.DOWN
    finally:
        released.set()
