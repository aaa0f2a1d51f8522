"""What `/healthz` reports: the state of each dependency, so a monitor sees a degraded site.

The status code follows what the site can still do:
- 200 `{"status": "ok"}`: database, cache and broker answer (or there is no broker: tasks run
  in the web process, `CELERY_TASK_ALWAYS_EAGER`, reported as "in-process");
- 200 `{"status": "degraded"}`: the cache, the broker or the file storage (local disk or S3)
  is down. Pages still work (cache misses, certificates wait as pending for the sweep; only
  downloads and uploads fail), so a load balancer must keep sending traffic, but a monitor
  should alert on "degraded";
- 503 `{"status": "down"}`: the database is unreachable and nothing works.
Error details go to the log, not to this public answer.
"""

import logging
import threading
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection

from lms.celery import app as celery_app

logger = logging.getLogger(__name__)
OK, DOWN, IN_PROCESS = "ok", "down", "in-process"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        logger.error("Health check: database unreachable: %s", exc)
        return DOWN
    return OK


def cache_state() -> str:
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        answered = cache.get(key) == token
        cache.delete(key)
    except Exception as exc:  # a backend that raises rather than missing
        logger.error("Health check: cache failed: %s", exc)
        return DOWN
    return OK if answered else DOWN


def broker_state() -> str:
    if celery_app.conf.task_always_eager:
        return IN_PROCESS
    try:
        with celery_app.connection_for_write(connect_timeout=1) as broker:
            broker.ensure_connection(max_retries=0, interval_start=0, interval_step=0,
                                     interval_max=0)
    except Exception as exc:
        logger.error("Health check: broker unreachable: %s", exc)
        return DOWN
    return OK


# One request to the store (a HEAD on S3, a stat on disk): the key need not exist, the
# store only has to answer. A store that hangs counts as down after STORAGE_TIMEOUT seconds.
STORAGE_PROBE_KEY = "healthz-probe"
STORAGE_TIMEOUT = 3.0


def storage_state(*, timeout: float | None = None) -> str:
    answer: dict[str, object] = {}

    def probe() -> None:
        try:
            default_storage.exists(STORAGE_PROBE_KEY)
            answer["state"] = OK
        except Exception as exc:
            answer["error"] = exc

    worker = threading.Thread(target=probe, name="healthz-storage", daemon=True)
    worker.start()
    worker.join(STORAGE_TIMEOUT if timeout is None else timeout)
    if answer.get("state") == OK:
        return OK
    logger.error("Health check: file storage unreachable: %s",
                 answer.get("error", "no answer in time"))
    return DOWN


def health_report() -> tuple[int, dict]:
    """(HTTP status, body) for /healthz: see the module's docstring for the rule."""
    checks = {"database": database_state(), "cache": cache_state(), "broker": broker_state(),
              "storage": storage_state()}
    if checks["database"] == DOWN:
        return 503, {"status": "down", "checks": checks}
    if DOWN in checks.values():
        return 200, {"status": "degraded", "checks": checks}
    return 200, {"status": "ok", "checks": checks}
