"""Permissions read in one query (`lms/accounts/backends.py`): the same answers as Django's
`ModelBackend`, nothing kept between requests, and sign-in unchanged."""

import pytest

from django.contrib.auth import BACKEND_SESSION_KEY, authenticate
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse

from lms.accounts.backends import OneQueryModelBackend
from lms.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


@pytest.fixture
def person() -> User:
    """A direct permission and a group's permission."""
    user = UserFactory(roles=["Trainees"])
    user.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    group = Group.objects.create(name="Readers of logs")
    group.permissions.add(Permission.objects.get(codename="change_quiz"))
    user.groups.add(group)
    return user


def test_same_answers_as_django_in_one_query(person, django_assert_num_queries):
    expected = ModelBackend()
    ours = OneQueryModelBackend()
    user = _fresh(person)
    with django_assert_num_queries(1):
        own = ours.get_user_permissions(user)
        grouped = ours.get_group_permissions(user)
        every = ours.get_all_permissions(user)
        assert user.has_perm("certificates.view_certificate")
        assert user.has_perm("quizzes.change_quiz")
        assert not user.has_perm("quizzes.delete_quiz")
    reference = _fresh(person)
    assert own == expected.get_user_permissions(reference) == {"certificates.view_certificate"}
    assert grouped == expected.get_group_permissions(reference)
    assert "quizzes.change_quiz" in grouped
    assert every == expected.get_all_permissions(reference)


def test_superuser_inactive_and_anonymous_as_django(person):
    boss = UserFactory(is_superuser=True)
    assert OneQueryModelBackend().get_all_permissions(_fresh(boss)) == \
        ModelBackend().get_all_permissions(_fresh(boss))
    person.is_active = False
    person.save()
    assert OneQueryModelBackend().get_all_permissions(_fresh(person)) == set()
    assert not _fresh(person).has_perm("certificates.view_certificate")


def test_a_permission_change_shows_on_the_next_request(client, person):
    """Nothing is kept between requests: the navigation follows a removed permission."""
    client.force_login(person)
    certificates = reverse("certificates:index")
    assert certificates in client.get(reverse("curriculum:my_learning")).content.decode()
    person.user_permissions.clear()
    assert certificates not in client.get(reverse("curriculum:my_learning")).content.decode()


def test_sign_in_right_and_wrong_password(rf, person):
    failed = []

    def record(**kwargs):
        failed.append(kwargs["credentials"]["username"])

    user_login_failed.connect(record)
    try:
        request = rf.post("/")
        signed = authenticate(request, username=person.username, password="pass-w0rd!")
        assert signed == person
        assert signed.backend == "lms.accounts.backends.OneQueryModelBackend"
        assert authenticate(request, username=person.username, password="wrong") is None
        assert authenticate(request, username="nobody", password="wrong") is None
    finally:
        user_login_failed.disconnect(record)
    assert failed == [person.username, "nobody"]


def test_sessions_signed_in_by_django_s_backend_stay_signed_in(client, person):
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    assert client.session[BACKEND_SESSION_KEY] == "django.contrib.auth.backends.ModelBackend"
    response = client.get(reverse("curriculum:my_learning"))
    assert response.status_code == 200
    assert response.wsgi_request.user == person


def test_get_user_as_django(person):
    """The signed-in user, read by a statement compiled once: as ModelBackend answers."""
    ours, django = OneQueryModelBackend(), ModelBackend()
    for user_id in (person.pk, str(person.pk)):  # the session keeps it as text
        found = ours.get_user(user_id)
        assert found == django.get_user(user_id) == person
        assert found.username == person.username and found.has_usable_password()
    assert ours.get_user(person.pk + 1000) is None
    person.is_active = False
    person.save()
    assert ours.get_user(person.pk) is None is django.get_user(person.pk)


def test_the_signed_in_user_comes_with_their_permissions(person, django_assert_num_queries):
    """`get_user` reads the user and their permissions in one statement: the navigation's
    and the views' checks then ask nothing more, and answer as Django's backend does."""
    ours, django = OneQueryModelBackend(), ModelBackend()
    for someone in (person, UserFactory(roles=[])):
        expected = (django.get_user_permissions(_fresh(someone)),
                    django.get_group_permissions(_fresh(someone)),
                    django.get_all_permissions(_fresh(someone)))
        with django_assert_num_queries(1):
            user = ours.get_user(str(someone.pk))  # the session keeps the id as text
            found = (ours.get_user_permissions(user), ours.get_group_permissions(user),
                     ours.get_all_permissions(user))
        assert found == expected
    signed_in = ours.get_user(person.pk)
    own, grouped = ours.get_user_permissions(signed_in), ours.get_group_permissions(signed_in)
    assert own == {"certificates.view_certificate"} and "quizzes.change_quiz" in grouped
    boss = UserFactory(is_superuser=True)
    assert ours.get_all_permissions(ours.get_user(boss.pk)) == \
        django.get_all_permissions(_fresh(boss))
