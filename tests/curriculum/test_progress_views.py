"""Marking modules complete, undoing it, and the progress shown back to the trainee."""

import pytest

from django.urls import reverse

from curriculum import services
from curriculum.models import ModuleCompletion
from tests.curriculum.factories import translate_tree
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db


def complete_url(module) -> str:
    return reverse("curriculum:module_complete", args=[module.pk])


def test_mark_then_undo_from_the_module_page(client, site_tree):
    trainee = UserFactory()
    module = site_tree["modules"][0]
    client.force_login(trainee)
    response = client.post(complete_url(module), follow=True)
    html = response.content.decode()
    assert "Completed ✓" in html and "Undo" in html
    assert services.module_is_complete(user=trainee, module=module)

    response = client.post(complete_url(module), {"undo": "1"}, follow=True)
    assert "Mark complete" in response.content.decode()
    assert not ModuleCompletion.objects.filter(user=trainee).exists()


def test_completing_a_draft_or_unknown_module_is_404(client, site_tree):
    module = site_tree["modules"][0]
    module.unpublish()
    client.force_login(UserFactory())
    assert client.post(complete_url(module)).status_code == 404
    assert client.post(reverse("curriculum:module_complete", args=[999999])).status_code == 404
    assert not ModuleCompletion.objects.exists()


def test_french_completion_counts_for_english(client, site_tree):
    fr = translate_tree(site_tree)
    trainee = UserFactory(language="fr")
    client.force_login(trainee)
    client.post(complete_url(fr["modules"][0]))
    english = services.course_progress(user=trainee, course=site_tree["course"])
    french = services.course_progress(user=trainee, course=fr["course"])
    assert (english.completed, english.total) == (1, 2)
    assert (french.completed, french.total) == (1, 2)
    html = client.get(site_tree["course"].url).content.decode()
    assert "1 of 2 modules completed (50%)" in html


def test_my_learning_lists_enrolled_and_started_courses_in_active_language(client, site_tree):
    fr = translate_tree(site_tree)
    trainee = UserFactory(language="fr")
    enroll(make_cohort(course=site_tree["course"]), trainee)
    services.module_mark_complete(user=trainee, module=site_tree["modules"][1])
    client.force_login(trainee)

    response = client.get("/fr/my-learning/")
    html = response.content.decode()
    assert [course for course, _progress in response.context["rows"]] == [fr["course"]]
    assert "Mécanisme national de référencement" in html
    (_course, progress), = response.context["rows"]
    assert (progress.completed, progress.total) == (1, 2)
    assert 'aria-valuenow="50"' in html

    response = client.get("/en/my-learning/")
    assert [course for course, _p in response.context["rows"]] == [site_tree["course"]]


def test_my_learning_empty_points_to_catalogue(client, site_tree):
    client.force_login(UserFactory())
    response = client.get(reverse("curriculum:my_learning"))
    assert response.context["rows"] == []
    assert site_tree["catalogue"].url in response.content.decode()


def test_my_learning_requires_login(client, site_tree):
    response = client.get(reverse("curriculum:my_learning"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_progress_queries_do_not_grow_with_courses(site_tree, django_assert_max_num_queries):
    trainee = UserFactory()
    courses = [site_tree["course"]]
    for n in range(4):
        course = site_tree["catalogue"].add_child(instance=type(site_tree["course"])(
            title=f"Course {n}", slug=f"course-{n}", code=f"c{n}", summary="s"))
        courses.append(course)
    # view restrictions, the modules, the completions: whatever the number of courses
    with django_assert_max_num_queries(3):
        progress = services.courses_progress(user=trainee, courses=courses)
    assert len(progress) == 5


def test_learner_courses_fall_back_to_the_untranslated_course(site_tree):
    from wagtail.models import Locale

    trainee = UserFactory()
    enroll(make_cohort(course=site_tree["course"]), trainee)
    french = Locale.objects.get(language_code="fr")
    assert services.learner_courses(user=trainee, locale=french) == [site_tree["course"]]


def test_learner_courses_skip_withdrawn_enrollments(site_tree):
    from lms.cohorts.models import Enrollment

    trainee = UserFactory()
    (enrollment,) = enroll(make_cohort(course=site_tree["course"]), trainee)
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.save()
    assert services.learner_courses(user=trainee) == []


def test_after_mark_complete_the_completion_section_confirms_and_offers_the_next_module(
        client, site_tree):
    first, second = site_tree["modules"]
    client.force_login(UserFactory())
    response = client.post(complete_url(first))
    assert response["Location"].endswith("#completion")
    html = client.get(response["Location"].split("#")[0]).content.decode()
    section = html[html.index('id="completion"'):html.index("</section>", html.index(
        'id="completion"'))]
    # The page lands on the section: the confirmation is in it, not above the fold.
    assert "the module is marked as completed" in section
    assert 'class="messages"' not in html.split('id="completion"')[0] or \
        "marked as completed" not in html.split('id="completion"')[0]
    # Undo is a real (outlined) button, not white text on the grey section.
    assert '<button type="submit" class="secondary">Undo</button>' in section
    assert f'href="{second.url}"' in section and "Next module: Module 2" in section
    last = client.get(client.post(complete_url(second))["Location"].split("#")[0])
    assert "Back to the course" in last.content.decode()
