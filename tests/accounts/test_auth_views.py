"""Log in, log out, password reset and change, with the site's own templates."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "pass-w0rd!"


def test_login_page_labels_every_field(client):
    html = client.get(reverse("accounts:login")).content.decode()
    for field in ("id_username", "id_password"):
        assert f'<label for="{field}"' in html
    assert html.count("<h1") == 1
    assert reverse("accounts:password_reset") in html


def test_login_continues_in_the_users_language(client, site_tree):
    UserFactory(username="awa", language="fr")
    response = client.post("/en/accounts/login/", {"username": "awa", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fr/my-learning/"
    assert response.cookies["django_language"].value == "fr"


def test_login_honours_next(client, site_tree):
    UserFactory(username="awa", language="fr")
    module_url = site_tree["modules"][0].url
    response = client.post("/en/accounts/login/",
                           {"username": "awa", "password": PASSWORD, "next": module_url})
    assert response["Location"] == module_url


def test_login_rejects_a_wrong_password_with_an_error(client):
    UserFactory(username="awa")
    response = client.post(reverse("accounts:login"), {"username": "awa", "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'role="alert"' in response.content.decode()


def test_logout_needs_post(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_mail_when_the_account_has_an_address(client):
    user = UserFactory(email="awa@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "awa@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert user.username in body
    link = re.search(r"http://testserver(/\S+)", body).group(1)
    response = client.get(link, follow=True)
    assert response.context["validlink"]
    set_url = response.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "a-long-new-secret-42",
                                     "new_password2": "a-long-new-secret-42"})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("a-long-new-secret-42")


def test_password_reset_without_email_sends_nothing_and_points_to_coordinator(client):
    UserFactory(email="")
    form_html = client.get(reverse("accounts:password_reset")).content.decode()
    assert "ask your coordinator" in form_html.lower()
    response = client.post(reverse("accounts:password_reset"),
                           {"email": "unknown@example.org"}, follow=True)
    assert mail.outbox == []
    assert "ask your coordinator" in response.content.decode().lower()


def test_password_reset_invalid_link(client):
    html = client.get(reverse("accounts:password_reset_confirm",
                              args=["MQ", "bad-token"])).content.decode()
    assert "invalid" in html


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("accounts:password_change")
    response = client.post(url, {"old_password": "wrong", "new_password1": "x",
                                 "new_password2": "x"})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(url, {"old_password": PASSWORD,
                                 "new_password1": "another-long-secret-7",
                                 "new_password2": "another-long-secret-7"})
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password("another-long-secret-7")
