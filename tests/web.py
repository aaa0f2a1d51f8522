"""A web process of the project and a person's browser against it, for the tests that run
several processes sharing only the database, Redis and storage (tests/storage,
tests/reporting/test_dashboard_cache.py)."""

import re
from contextlib import AbstractContextManager
from pathlib import Path

import requests

from tests import processes


class Browser(requests.Session):
    """A person's browser against one web process (cookies shared by every process)."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base

    def at(self, base: str) -> "Browser":
        other = Browser(base)
        other.cookies = self.cookies
        return other

    def form(self, path: str, data: dict, files=None, source: str | None = None):
        page = self.get(self.base + (source or path))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        data = {**data, "csrfmiddlewaretoken": token.group(1) if token else
                self.cookies.get("csrftoken", "")}
        return self.post(self.base + path, data=data, files=files,
                         headers={"Referer": self.base + (source or path)},
                         allow_redirects=False)

    def login(self, username: str) -> None:
        response = self.form("/en/accounts/login/", {"username": username,
                                                     "password": "pass-w0rd!"})
        assert response.status_code == 302, response.text[-2000:]


def web_process(port: int, env: dict, log: Path, name: str) -> AbstractContextManager:
    """The project's dev server on `port`, ready once /healthz answers."""
    url = f"http://127.0.0.1:{port}/healthz"
    return processes.running(processes.runserver(port), env=env, log=log, name=name,
                             seconds=90, ready=lambda: processes.answers(url))
