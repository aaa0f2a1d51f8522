"""Roles declared once: created by `migrate` alone, checked through permissions, named in the
reader's language."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

from curriculum.workflow import TASK_NAME, WORKFLOW_NAME, ensure_curriculum_workflow
from lms.accounts import roles
from lms.accounts.forms import CascadeUserEditForm
from lms.cohorts import selectors
from tests.factories import UserFactory, make_cohort

pytestmark = pytest.mark.django_db


def _declared(name: str) -> set[str]:
    return set(roles.ROLE_PERMISSIONS[name])


def _granted(group: Group) -> set[str]:
    return {f"{app}.{codename}" for app, codename
            in group.permissions.values_list("content_type__app_label", "codename")}


def _migration(app: str, name: str):
    return importlib.import_module(f"{app}.migrations.{name}")


def test_migrate_alone_creates_the_roles_and_the_review():
    """The test database is built by `migrate`: no demo, no `ensure_roles` call here."""
    for name in roles.ALL_ROLES:
        assert _granted(Group.objects.get(name=name)) == _declared(name)
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    assert list(task.groups.values_list("name", flat=True)) == [roles.CURRICULUM_EDITOR]
    assert Workflow.objects.get(name=WORKFLOW_NAME).active


def test_the_data_migrations_rebuild_everything_and_are_idempotent(site_tree):
    Group.objects.filter(name__in=roles.ALL_ROLES).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME).delete()
    Permission.objects.filter(content_type__app_label="accounts",
                              codename="view_dashboard").delete()
    for _run in range(2):
        _migration("lms.accounts", "0003_roles").roles_ensure(apps, None)
        _migration("curriculum", "0002_curriculum_review").workflow_ensure(apps, None)
    for name in roles.ALL_ROLES:
        assert _granted(Group.objects.get(name=name)) == _declared(name)
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert GroupApprovalTask.objects.filter(name=TASK_NAME).count() == 1
    assert WorkflowPage.objects.get(page=site_tree["catalogue"]).workflow.name == WORKFLOW_NAME


def test_every_declared_permission_exists():
    groups = roles.ensure_roles()
    for name, group in groups.items():
        assert _granted(group) >= _declared(name), name


def test_permissions_not_group_names_decide(client, site_tree):
    """A group of any name given the permissions works; a role's name alone gives nothing."""
    analysts = Group.objects.create(name="Partner analysts")
    analysts.permissions.add(*Permission.objects.filter(
        content_type__app_label="accounts", codename__in=["view_dashboard", "see_all_regions"]))
    analyst = UserFactory()
    analyst.groups.add(analysts)
    cohort = make_cohort(course=site_tree["course"])
    assert cohort in selectors.cohorts_visible_to(analyst)
    client.force_login(analyst)
    assert client.get(reverse("reporting:dashboard")).status_code == 200

    hollow = Group.objects.get(name=roles.NATIONAL_COORDINATOR)
    hollow.permissions.clear()
    national = UserFactory()
    national.groups.add(hollow)
    assert not selectors.cohorts_visible_to(national).exists()
    client.force_login(national)
    assert client.get(reverse("reporting:dashboard")).status_code == 403


def test_role_names_show_in_french():
    with translation.override("fr"):
        assert roles.label(roles.REGIONAL_COORDINATOR) == "Coordinateurs régionaux"
        assert roles.label("Partner analysts") == "Partner analysts"
        form = CascadeUserEditForm(instance=UserFactory())
        labels = {label for _value, label in form.fields["groups"].choices}
    assert {"Coordinateurs nationaux", "Éditeurs pédagogiques", "Participants"} <= labels


def test_review_created_for_catalogues_that_exist_then(site_tree):
    WorkflowPage.objects.all().delete()
    ensure_curriculum_workflow(apps=apps)
    assert site_tree["modules"][0].get_workflow().name == WORKFLOW_NAME


def test_admin_group_list_names_the_groups_in_the_readers_language(client, db):
    from wagtail.users.models import UserProfile

    admin = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(admin)
    html = client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Coordinateurs nationaux" in html and "Éditeurs pédagogiques" in html
    assert ">National coordinators<" not in html
    users = client.get(reverse("wagtailusers_users:index")).content.decode()  # "Group" filter
    assert "Coordinateurs nationaux" in users and "National coordinators" not in users
    assert Group.objects.filter(name=roles.NATIONAL_COORDINATOR).exists()  # stored in English
