"""Real Chromium (Playwright, sync API) against the real dev server on a prepared demo database.

One server per test session: `manage.py runserver` in a subprocess on a free loopback port, on
a throw-away SQLite file that was migrated and loaded with the demo (`load_demo`), tasks run
in-process. The journeys use the demo accounts; each journey uses its own people, so the order
does not matter. Screenshots of every step go to test-artifacts/screenshots/<test>/.
"""

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import processes
from tests.conftest import MIGRATED_COPY, chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
DEMO_PASSWORD = "cascade-demo"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.call_failed = report.failed


def _on_failure_screenshot(request, page, label: str) -> None:
    if getattr(request.node, "call_failed", False):
        folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"99-failure-{label}.png"), full_page=True)


@dataclass
class LiveSite:
    url: str
    env: dict[str, str]
    media: Path
    log: Path

    def manage(self, *args: str, timeout: int = 300) -> str:
        """Run a management command against the server's database; returns stdout."""
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
                                capture_output=True, text=True, timeout=timeout)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def python(self, code: str) -> str:
        """Run Django code against the server's database (test setup and checks only)."""
        return self.manage("shell", "-c", code)


def _server_env(workdir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL",
                          "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}}
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{workdir / 'journeys.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "PYTHONUNBUFFERED": "1",
    })
    return env


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, django_db_setup) -> Iterator[LiveSite]:
    workdir = tmp_path_factory.mktemp("journeys")
    env = _server_env(workdir)
    log = workdir / "server.log"
    site = LiveSite(url="", env=env, media=workdir / "media", log=log)
    if os.environ.get("CASCADE_JOURNEY_SERVER"):  # local iteration against a running server
        site.url = os.environ["CASCADE_JOURNEY_SERVER"].rstrip("/")
        env["DATABASE_URL"] = os.environ["CASCADE_JOURNEY_DATABASE_URL"]
        yield site
        return
    prepared = os.environ.get("CASCADE_JOURNEY_TEMPLATE")
    if prepared:  # local iteration: a folder holding a loaded journeys.sqlite3 (+ media/)
        shutil.copy(Path(prepared) / "journeys.sqlite3", workdir / "journeys.sqlite3")
        if (Path(prepared) / "media").is_dir():
            shutil.copytree(Path(prepared) / "media", site.media)
    elif MIGRATED_COPY:  # the test database as migrations built it: `migrate` finds it done
        shutil.copy(MIGRATED_COPY["path"], workdir / "journeys.sqlite3")
    site.manage("migrate", "--noinput", "-v", "0", timeout=600)
    site.manage("load_demo", timeout=900)
    port = processes.free_port()
    site.url = f"http://127.0.0.1:{port}"
    env["WAGTAILADMIN_BASE_URL"] = env["SITE_URL"] = site.url
    try:
        with processes.running(processes.runserver(port), env=env, log=log, name="dev server",
                               ready=lambda: processes.answers(f"{site.url}/healthz")):
            yield site
    except processes.NotReady as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Shots:
    """Numbered screenshots of one test's steps."""

    folder: Path
    count: int = 0
    taken: list[Path] = field(default_factory=list)

    def __call__(self, page, step: str) -> Path:
        self.count += 1
        name = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.folder / f"{self.count:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


@pytest.fixture
def shot(request) -> Shots:
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return Shots(folder)


def _new_page(chromium, live_site: LiveSite, **options):
    context = chromium.new_context(base_url=live_site.url, accept_downloads=True, **options)
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    return context, page


@pytest.fixture
def desktop(request, chromium, live_site):
    context, page = _new_page(chromium, live_site, viewport={"width": 1280, "height": 900})
    yield page
    _on_failure_screenshot(request, page, "desktop")
    context.close()


@pytest.fixture
def phone(request, chromium, live_site):
    context, page = _new_page(chromium, live_site, **PHONE)
    yield page
    _on_failure_screenshot(request, page, "phone")
    context.close()


@pytest.fixture
def new_page(request, chromium, live_site):
    """Factory for extra, independent browser sessions (a second user in the same test)."""
    contexts = []

    def make(**options):
        context, page = _new_page(chromium, live_site,
                                  **(options or {"viewport": {"width": 1280, "height": 900}}))
        contexts.append(context)
        return page

    yield make
    for number, context in enumerate(contexts, start=1):
        for page in context.pages:
            _on_failure_screenshot(request, page, f"session-{number}")
        context.close()
