import pytest

from django.urls import reverse

from curriculum import services
from curriculum.models import ModuleCompletion
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_mark_complete_records_progress_once(site_tree):
    trainee = UserFactory()
    module = site_tree["modules"][0]
    services.module_mark_complete(user=trainee, module=module)
    services.module_mark_complete(user=trainee, module=module)
    progress = services.course_progress(user=trainee, course=site_tree["course"])
    assert (progress.completed, progress.total, progress.percent) == (1, 2, 50)
    assert ModuleCompletion.objects.count() == 1


def test_mark_complete_view_requires_login_and_post(client, site_tree):
    module = site_tree["modules"][0]
    url = reverse("curriculum:module_complete", args=[module.pk])
    assert client.post(url).status_code == 302
    assert ModuleCompletion.objects.count() == 0
    client.force_login(UserFactory())
    assert client.get(url).status_code == 405
    client.post(url)
    assert ModuleCompletion.objects.count() == 1
