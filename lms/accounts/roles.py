"""The roles of the system and what each may do, declared once.

A role is a Django group; what it may do is a list of permissions. Code asks for permissions,
never for group names: `user.has_perm(roles.VIEW_DASHBOARD)`. Besides each app's model
permissions, the capabilities below belong to no single model (they are declared on
`accounts.Capability`).

`ensure_roles()` creates or repairs the groups and adds their permissions (it never removes
one). It is idempotent: the accounts data migrations run it so that `migrate` alone gives a
working, secure site; `load_demo`, the tests and the benchmarks run it too. When you change
this file, add a data migration that runs it again (as `0003_roles` does).
"""

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy, gettext_noop

# The groups' names, stored in English; `label()` shows them in the reader's language.
TRAINEE = gettext_noop("Trainees")
FACILITATOR = gettext_noop("Facilitators")
CURRICULUM_EDITOR = gettext_noop("Curriculum editors")
REGIONAL_COORDINATOR = gettext_noop("Regional coordinators")
NATIONAL_COORDINATOR = gettext_noop("National coordinators")
ADMINISTRATOR = gettext_noop("Administrators")

ALL_ROLES = [
    TRAINEE, FACILITATOR, CURRICULUM_EDITOR, REGIONAL_COORDINATOR, NATIONAL_COORDINATOR,
    ADMINISTRATOR,
]

# Capabilities: "app_label.codename" for `has_perm`, and (codename, name) for the model's Meta.
VIEW_DASHBOARD = "accounts.view_dashboard"
SEE_ALL_REGIONS = "accounts.see_all_regions"
COORDINATE_REGIONS = "accounts.coordinate_regions"
FACILITATE_COHORTS = "accounts.facilitate_cohorts"
MANAGE_TRAINEES = "accounts.manage_trainees"
READ_FACILITATOR_NOTES = "accounts.read_facilitator_notes"
# A trainee recorded as a trainer (`cohorts.services.trainer_record`) runs their own sessions
# downstream of the cohort that trained them (`cohorts.selectors.may_run_session`).
RUN_SESSIONS = "accounts.run_sessions"
CAPABILITIES = [
    ("view_dashboard", gettext_lazy("Can see the dashboard, its exports and its API")),
    ("see_all_regions", gettext_lazy("Can see and manage the cohorts and people of every region")),
    ("coordinate_regions",
     gettext_lazy("Can see and manage the cohorts and people of their coordinated regions")),
    ("facilitate_cohorts", gettext_lazy("Can run cohorts and see their trainees")),
    ("manage_trainees", gettext_lazy("Can edit the profiles of the trainees they see")),
    ("read_facilitator_notes", gettext_lazy("Can read the facilitators' notes of the curriculum")),
    ("run_sessions",
     gettext_lazy("Once recorded as a trainer, can run their own sessions in their region")),
]
# The Wagtail admin: every role but the trainee's has it ("staff" in the site's menu).
ACCESS_ADMIN = "wagtailadmin.access_admin"

CERTIFICATE_MANAGER_PERMISSIONS = [
    "certificates.view_certificate", "certificates.issue_certificate",
    "certificates.revoke_certificate", "certificates.regenerate_certificates",
]
QUIZ_BUILDER_PERMISSIONS = [
    f"quizzes.{action}_{model}" for model in ("quiz", "question", "category")
    for action in ("add", "change", "delete", "view")
]
# Quizzes and questions are reviewed like pages (lms/quizzes/review.py): facilitators draft,
# lock and submit; curriculum editors also publish and unlock.
QUIZ_WRITER_PERMISSIONS = ["quizzes.lock_quiz", "quizzes.lock_question"]
QUIZ_PUBLISHER_PERMISSIONS = [
    *QUIZ_WRITER_PERMISSIONS, "quizzes.publish_quiz", "quizzes.unlock_quiz",
    "quizzes.publish_question", "quizzes.unlock_question",
]
# Reaction question sets (lms/evaluations): facilitators and coordinators build their own;
# `evaluations.services.question_set_save` keeps the default set to national staff.
EVALUATION_BUILDER_PERMISSIONS = [
    f"evaluations.{action}_questionset" for action in ("add", "change", "view")
]
COHORT_FACILITATOR_PERMISSIONS = [
    "cohorts.add_cohort", "cohorts.change_cohort", "cohorts.view_cohort",
    "cohorts.add_enrollment", "cohorts.change_enrollment", "cohorts.view_enrollment",
    "cohorts.add_attendance", "cohorts.change_attendance", "cohorts.view_attendance",
    "cohorts.view_trainer", "organisations.view_organisation",
]
COHORT_COORDINATOR_PERMISSIONS = [
    *COHORT_FACILITATOR_PERMISSIONS,
    "cohorts.delete_enrollment", "cohorts.add_trainer", "cohorts.change_trainer",
    "organisations.add_organisation", "organisations.change_organisation",
]
COHORT_NATIONAL_PERMISSIONS = [
    *COHORT_COORDINATOR_PERMISSIONS,
    "cohorts.delete_cohort", "cohorts.delete_attendance", "cohorts.delete_trainer",
    "organisations.delete_organisation", "regions.change_region", "regions.view_region",
]
# The follow-up questionnaire's list of practices (lms/followups), kept by national staff.
FOLLOWUP_PRACTICE_PERMISSIONS = [
    f"followups.{action}_practice" for action in ("add", "change", "delete", "view")
]
ROLE_PERMISSIONS: dict[str, list[str]] = {
    # What every trainee holds is no rank (`baseline_permissions`, see
    # `accounts.services.outranks`); RUN_SESSIONS only acts for a recorded trainer.
    TRAINEE: [RUN_SESSIONS],
    FACILITATOR: [
        ACCESS_ADMIN, RUN_SESSIONS, FACILITATE_COHORTS, MANAGE_TRAINEES,
        READ_FACILITATOR_NOTES,
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "certificates.view_certificate",
        *QUIZ_BUILDER_PERMISSIONS, *QUIZ_WRITER_PERMISSIONS, "quizzes.mark_sitting",
        *COHORT_FACILITATOR_PERMISSIONS, *EVALUATION_BUILDER_PERMISSIONS,
    ],
    CURRICULUM_EDITOR: [
        ACCESS_ADMIN, RUN_SESSIONS, READ_FACILITATOR_NOTES,
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document",
        "wagtaildocs.choose_document", "wagtaildocs.delete_document",
        *QUIZ_BUILDER_PERMISSIONS, *QUIZ_PUBLISHER_PERMISSIONS,
    ],
    REGIONAL_COORDINATOR: [
        ACCESS_ADMIN, RUN_SESSIONS, VIEW_DASHBOARD, COORDINATE_REGIONS, MANAGE_TRAINEES,
        *CERTIFICATE_MANAGER_PERMISSIONS,
        "quizzes.view_quiz", "quizzes.mark_sitting",
        *COHORT_COORDINATOR_PERMISSIONS, *EVALUATION_BUILDER_PERMISSIONS,
    ],
    NATIONAL_COORDINATOR: [
        ACCESS_ADMIN, RUN_SESSIONS, VIEW_DASHBOARD, SEE_ALL_REGIONS, MANAGE_TRAINEES,
        *CERTIFICATE_MANAGER_PERMISSIONS,
        "quizzes.view_quiz", "quizzes.mark_sitting",
        *COHORT_NATIONAL_PERMISSIONS, *FOLLOWUP_PRACTICE_PERMISSIONS,
        *EVALUATION_BUILDER_PERMISSIONS, "evaluations.delete_questionset",
    ],
    ADMINISTRATOR: [
        ACCESS_ADMIN, RUN_SESSIONS, VIEW_DASHBOARD, SEE_ALL_REGIONS, MANAGE_TRAINEES,
        READ_FACILITATOR_NOTES,
        *CERTIFICATE_MANAGER_PERMISSIONS,
        "quizzes.view_quiz", "quizzes.mark_sitting",
        *COHORT_NATIONAL_PERMISSIONS, *FOLLOWUP_PRACTICE_PERMISSIONS,
        *EVALUATION_BUILDER_PERMISSIONS, "evaluations.delete_questionset",
    ],
}


def baseline_permissions() -> set[str]:
    """The rights every trainee holds: holding them outranks nobody."""
    return set(ROLE_PERMISSIONS[TRAINEE])


def label(name: str) -> str:
    """A group's name in the active language (other groups' names are shown as they are)."""
    return gettext(name) if name in ALL_ROLES else name


def users_with_perm(permission: str, *, include_superusers: bool = True,
                    is_active: bool | None = True) -> QuerySet:
    """Who holds `permission`, through a role or directly: the queryset twin of `has_perm`."""
    return get_user_model().objects.with_perm(
        permission, is_active=is_active, include_superusers=include_superusers,
        backend="django.contrib.auth.backends.ModelBackend")


def permissions_create(*, apps=global_apps) -> None:
    """Create every model's content type and permissions now. During `migrate` Django does it
    only after the last migration, too late for a data migration that grants them."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)


def ensure_roles(*, apps=global_apps) -> dict:
    """Create the groups and add their declared permissions. `apps` is a migration's
    historical registry when a data migration calls it."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    groups = {}
    for name in ALL_ROLES:
        group, _created = group_model.objects.get_or_create(name=name)
        perms = []
        for dotted in ROLE_PERMISSIONS.get(name, []):
            app_label, codename = dotted.split(".", 1)
            perms.extend(permission_model.objects.filter(content_type__app_label=app_label,
                                                         codename=codename))
        group.permissions.add(*perms)
        groups[name] = group
    return groups
