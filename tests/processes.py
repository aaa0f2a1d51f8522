"""Real processes for tests and benchmarks, started and stopped one way.

The browser journeys (a dev server), the fault tests (a Redis server, Celery workers, web
processes) and `bench/` (gunicorn) all start servers through `running(...)`: a process in its
own session (so stopping it stops its children), its output in a log file, a readiness check,
and on exit SIGTERM then SIGKILL. `kill()` is the fault tests' SIGKILL.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A loopback port nobody listens on (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """The URL of a Django database connection, for a child process to use the same database
    (e.g. the test database on PostgreSQL)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return (f"postgres://{settings_dict['USER']}{password}@"
            f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/"
            f"{settings_dict['NAME']}")


class NotReady(RuntimeError):
    """A process exited or did not become ready in time (the message ends with its log)."""


@dataclass
class Process:
    popen: subprocess.Popen
    log: Path
    name: str

    def output(self, tail: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-tail:] if self.log.exists() else ""

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole process group, as an out-of-memory killer or a crash would."""
        if self.alive():
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait()

    def stop(self, timeout: float = 15) -> None:
        if self.alive():
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()


def start(command: list[str], *, env: dict[str, str], log: Path, name: str = "",
          cwd: Path = ROOT) -> Process:
    """Start `command` in its own session, stdout and stderr to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        popen = subprocess.Popen(command, cwd=cwd, env=env, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    return Process(popen=popen, log=log, name=name or command[0])


def wait_until(condition: Callable[[], object], *, seconds: float, why: str,
               process: Process | None = None) -> None:
    """Poll `condition` until it is true; fail early if `process` exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and not process.alive():
            raise NotReady(f"{process.name} exited before {why}:\n{process.output()}")
        time.sleep(0.2)
    log = f":\n{process.output()}" if process is not None else ""
    raise NotReady(f"timed out after {seconds:g} s waiting for {why}{log}")


def answers(url: str) -> bool:
    """True when `url` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def running(command: list[str], *, env: dict[str, str], log: Path, name: str = "",
            ready: Callable[[], object] | None = None, seconds: float = 60) -> Iterator[Process]:
    """Run a process for the duration of the block, ready when `ready()` is true."""
    process = start(command, env=env, log=log, name=name)
    try:
        if ready is not None:
            wait_until(ready, seconds=seconds, why=f"{process.name} to be ready",
                       process=process)
        yield process
    finally:
        process.stop()


def django_command(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


def runserver(port: int) -> list[str]:
    return django_command("runserver", f"127.0.0.1:{port}", "--noreload")


def gunicorn(port: int, *, workers: int = 1, threads: int = 1) -> list[str]:
    return [sys.executable, "-m", "gunicorn", "lms.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--threads", str(threads), "--worker-class", "gthread" if threads > 1 else "sync",
            "--backlog", "2048", "--timeout", "120", "--log-level", "warning"]


def celery_worker(hostname: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool", "solo",
            "--loglevel", "INFO", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "--hostname", f"{hostname}-{os.getpid()}@%h", *extra]


@contextmanager
def redis_server(workdir: Path) -> Iterator[tuple[str, Process]]:
    """A private redis-server on a free port (nothing saved to disk): yields its URL and the
    process, which a fault test may stop or kill."""
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(workdir)]

    def pong() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), 0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    with running(command, env=dict(os.environ), log=workdir / f"redis-{port}.log",
                 name="redis-server", ready=pong, seconds=20) as process:
        yield f"redis://127.0.0.1:{port}/0", process
