"""Steps the journeys share, written against roles, labels and accessible names only."""

import re

from playwright.sync_api import Page, expect

from .conftest import DEMO_PASSWORD

LOG_IN = re.compile(r"^(Log in|Se connecter|Connexion)$", re.I)


def site_login(page: Page, username: str, *, language: str = "en",
               password: str = DEMO_PASSWORD) -> None:
    page.goto(f"/{language}/accounts/login/")
    page.get_by_label(re.compile(r"(Username|Nom d.utilisateur|Identifiant)", re.I)).fill(username)
    page.get_by_label(re.compile(r"(Password|Mot de passe)", re.I)).fill(password)
    page.get_by_role("main").get_by_role("button", name=LOG_IN).click()
    expect(page.get_by_role("button", name=re.compile(r"(Log out|Se déconnecter|Déconnexion)",
                                                      re.I))).to_be_visible()


def admin_login(page: Page, username: str, *, password: str = DEMO_PASSWORD) -> None:
    page.goto("/admin/login/")
    page.get_by_label(re.compile(r"Username", re.I)).fill(username)
    page.get_by_label(re.compile(r"Password", re.I)).fill(password)
    page.get_by_role("button", name=re.compile(r"^Sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def open_action_menu(page: Page) -> None:
    """Wagtail's editor footer keeps secondary actions (submit, approve) in a drop-up menu."""
    page.get_by_role("button", name=re.compile(r"^More actions$", re.I)).click()


def wait_for(page: Page, predicate: str, seconds: float = 20) -> None:
    """Poll a JavaScript predicate with page.evaluate: the site's CSP forbids the eval that
    page.wait_for_function's polling needs once the first check is false."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(predicate):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {predicate}")
