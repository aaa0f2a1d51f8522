"""Shared plumbing for the benchmark scripts: a prepared demo database, a gunicorn server on
loopback, signed-in sessions and a plain HTTP client. Nothing here is imported by the app.

Run the scripts from the project root (see bench/README.md); they set the environment for
Django themselves, so `.venv/bin/uv run python bench/latency.py` is enough.
"""

import http.client
import os
import secrets
import statistics
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests import processes
from tests.processes import free_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = Path(os.environ.get("CASCADE_BENCH_DIR", "/tmp/cascade-bench"))
CSRF_SECRET = "benchcsrfsecretbenchcsrfsecret12"  # 32 characters: Django's unmasked form
BENCH_SECRET_KEY = "bench-only-" + "k" * 50


def bench_env(database_url: str, workdir: Path) -> dict[str, str]:
    """One environment for this process and the server: same database, key and settings."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL"}}
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DEBUG": "false",
        "SECRET_KEY": BENCH_SECRET_KEY,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "LOG_LEVEL": "WARNING",
        # The public verification page is rate-limited per address; every bench request
        # comes from 127.0.0.1, so lift the limit for the run.
        "CERTIFICATES_VERIFY_RATE_LIMIT": str(10**9),
        "AXES_ENABLED": "false",
        # As in production (lms/settings/production.py): one connection per worker thread,
        # kept between requests, instead of a new database connection per request.
        "CONN_MAX_AGE": "60",
    })
    if os.environ.get("CASCADE_BENCH_CACHE_URL"):  # e.g. redis://127.0.0.1:6379/9, as in production
        env["CACHE_URL"] = os.environ["CASCADE_BENCH_CACHE_URL"]
    return env


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_database(env: dict[str, str], *, fresh: bool = False) -> None:
    """Migrate and load the demo once; later runs reuse the database (load_demo is
    idempotent, so re-running it only checks)."""
    marker = Path(env["MEDIA_ROOT"]).parent / ".demo-loaded"
    if fresh and marker.exists():
        marker.unlink()
    Path(env["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
    # Migrations run every time (a reused database may predate the code's latest ones).
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT,
                   env=env, check=True, stdout=subprocess.DEVNULL)
    if marker.exists() and marker.read_text() == env["DATABASE_URL"]:
        return
    for command in (["load_demo"],):
        print(f"… manage.py {' '.join(command)}", flush=True)
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    marker.write_text(env["DATABASE_URL"])


def open_demo_database(database_url: str | None, *, fresh: bool = False) -> dict[str, str]:
    """Prepare (or reuse) the demo database the benchmarks run on and set Django up on it."""
    workdir = DEFAULT_WORKDIR
    workdir.mkdir(parents=True, exist_ok=True)
    env = bench_env(database_url or f"sqlite:///{workdir / 'bench.sqlite3'}", workdir)
    prepare_database(env, fresh=fresh)
    setup_django(env)
    return env


@dataclass
class Server:
    port: int
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the master and its workers (they share
        the master's process group: it was started in a session of its own)."""
        return process_group_cpu_seconds(self.pid)


def process_group_cpu_seconds(pgid: int) -> float:
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[2]) == pgid:  # fields after the command: state, ppid, pgrp, ...
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1/5/15 min)"


@contextmanager
def gunicorn_server(env: dict[str, str], *, workers: int, threads: int = 1):
    port = free_port()
    log = Path(env["MEDIA_ROOT"]).parent / "gunicorn.log"
    with processes.running(processes.gunicorn(port, workers=workers, threads=threads),
                           env=env, log=log, name="gunicorn", seconds=180,
                           ready=lambda: processes.answers(f"http://127.0.0.1:{port}/healthz")
                           ) as process:
        yield Server(port=port, pid=process.popen.pid)


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int, threads: int = 1):
    with gunicorn_server(env, workers=workers, threads=threads) as server:
        yield server.port


def session_cookie_for(user) -> str:
    """A signed-in session created directly in the database (no login form, no lockout)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend a sign-in through the login form records (the first that authenticates).
    session[BACKEND_SESSION_KEY] = "lms.accounts.backends.OneQueryModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return (f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={CSRF_SECRET}")


@dataclass
class Response:
    status: int
    location: str
    body: bytes


class Browser:
    """Just enough of a browser: one keep-alive connection, the session cookie, CSRF."""

    def __init__(self, port: int, cookie: str = "", timeout: float = 60):
        self.port, self.cookie, self.timeout = port, cookie, timeout
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, form: dict | None = None) -> Response:
        from urllib.parse import urlencode

        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": CSRF_SECRET}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port,
                                                             timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                raw = self.connection.getresponse()
                response = Response(raw.status, raw.getheader("Location") or "", raw.read())
                if raw.getheader("Connection", "").lower() == "close":
                    self.close()
                return response
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()  # the server closed an idle keep-alive connection: reconnect once
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(values: list[float]) -> tuple[float, float]:
    return statistics.median(values) * 1000, percentile(values, 0.95) * 1000


def random_suffix() -> str:
    return secrets.token_hex(3)
