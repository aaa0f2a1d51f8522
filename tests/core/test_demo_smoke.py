"""Smoke test over the full demo (`load_demo`): the logins in README work on the real content.

The only test here that depends on the demo courses; everything else builds its own pages.
"""

import pytest

from django.core.management import call_command

from curriculum.models import ModulePage
from lms.accounts.models import User

pytestmark = pytest.mark.django_db


def with_notes(module: ModulePage) -> bool:
    return any(block.block_type == "group_activity" and block.value["facilitator_notes"]
               for block in module.body)


# Committed for real, as `manage.py load_demo` does: work queued on commit (certificate PDFs,
# then their e-mails) runs while the command runs.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_site_for_trainee_and_facilitator(client, mailoutbox):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mailoutbox == [], "load_demo never e-mails (demo addresses may be real ones)"

    assert client.post("/en/accounts/login/",
                       {"username": "trainee", "password": "cascade-demo"})["Location"] == (
        "/fr/my-learning/")
    response = client.get("/fr/my-learning/")
    assert response.status_code == 200
    assert response.context["rows"], "the demo trainee follows at least one course"
    for course, _progress in response.context["rows"]:
        assert course.locale.language_code == "fr"
        assert client.get(course.url).status_code == 200

    module = next(m for m in ModulePage.objects.live().filter(locale__language_code="fr")
                  if with_notes(m))
    assert 'class="facilitator-notes"' not in client.get(module.url).content.decode()
    client.post(f"/fr/modules/{module.pk}/complete/")
    assert User.objects.get(username="trainee").module_completions.count() >= 1

    client.post("/fr/accounts/logout/")
    client.post("/en/accounts/login/", {"username": "facilitator", "password": "cascade-demo"})
    assert 'class="facilitator-notes"' in client.get(module.url).content.decode()
    assert client.get("/admin/").status_code == 200

    # reactions to the 2022 workshops, some anonymous, readable by their facilitator
    from lms.evaluations.models import Response

    reactions = Response.objects.filter(cohort__start_date__year=2022)
    assert reactions.count() > 100
    assert reactions.filter(trainee__isnull=True).exists()
    assert reactions.filter(trainee__isnull=False).exists()
    assert User.objects.filter(groups__name="Trainees", birth_year__isnull=False).exists()
    workshop = reactions.filter(cohort__facilitators__username="facilitator").first().cohort
    page = client.get(f"/fr/evaluations/cohorts/{workshop.pk}/")
    assert page.status_code == 200 and "Évaluations des participants" in page.content.decode()
