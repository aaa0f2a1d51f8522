"""The five roles of the system, as Django groups, and what each may do.

`ensure_roles()` is idempotent: run by migrations-time setup, `load_demo` and tests.
Each app lists its model permissions here so the whole matrix reads in one place.
"""

from django.contrib.auth.models import Group, Permission

TRAINEE = "Trainees"
FACILITATOR = "Facilitators"
CURRICULUM_EDITOR = "Curriculum editors"
REGIONAL_COORDINATOR = "Regional coordinators"
NATIONAL_COORDINATOR = "National coordinators"
ADMINISTRATOR = "Administrators"

ALL_ROLES = [
    TRAINEE, FACILITATOR, CURRICULUM_EDITOR, REGIONAL_COORDINATOR, NATIONAL_COORDINATOR,
    ADMINISTRATOR,
]
STAFF_ROLES = [FACILITATOR, CURRICULUM_EDITOR, REGIONAL_COORDINATOR, NATIONAL_COORDINATOR,
               ADMINISTRATOR]

# "app_label.codename" per role; apps add their own lines.
CERTIFICATE_MANAGER_PERMISSIONS = [
    "certificates.view_certificate", "certificates.issue_certificate",
    "certificates.revoke_certificate", "certificates.regenerate_certificates",
]
QUIZ_BUILDER_PERMISSIONS = [
    f"quizzes.{action}_{model}" for model in ("quiz", "question", "category")
    for action in ("add", "change", "delete", "view")
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
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINEE: [],
    FACILITATOR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "certificates.view_certificate",
        *QUIZ_BUILDER_PERMISSIONS, "quizzes.mark_sitting",
        *COHORT_FACILITATOR_PERMISSIONS,
    ],
    CURRICULUM_EDITOR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document",
        "wagtaildocs.choose_document", "wagtaildocs.delete_document",
        *QUIZ_BUILDER_PERMISSIONS,
    ],
    REGIONAL_COORDINATOR: [
        "wagtailadmin.access_admin",
        *CERTIFICATE_MANAGER_PERMISSIONS,
        "quizzes.view_quiz", "quizzes.mark_sitting",
        *COHORT_COORDINATOR_PERMISSIONS,
    ],
    NATIONAL_COORDINATOR: [
        "wagtailadmin.access_admin",
        *CERTIFICATE_MANAGER_PERMISSIONS,
        "quizzes.view_quiz", "quizzes.mark_sitting",
        *COHORT_NATIONAL_PERMISSIONS,
    ],
    ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        *CERTIFICATE_MANAGER_PERMISSIONS,
        "quizzes.view_quiz", "quizzes.mark_sitting",
        *COHORT_NATIONAL_PERMISSIONS,
    ],
}


def ensure_roles() -> dict[str, Group]:
    groups = {}
    for name in ALL_ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        wanted = ROLE_PERMISSIONS.get(name, [])
        perms = []
        for dotted in wanted:
            app_label, codename = dotted.split(".", 1)
            perms.extend(
                Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.add(*perms)
        groups[name] = group
    return groups


def has_role(user, *roles: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._role_names = names
    return bool(names.intersection(roles))


def is_national(user) -> bool:
    return has_role(user, NATIONAL_COORDINATOR, ADMINISTRATOR)
