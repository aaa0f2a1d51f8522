"""A course page's quizzes come from the cache (`bank_cache.course_quiz_list`): the list is
read once per change of any quiz, the trainee's latest attempts on every request, and what an
editor publishes, renames or unpublishes shows on the next request."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.quizzes import services
from lms.quizzes.models import Quiz

from .factories import make_quiz

pytestmark = pytest.mark.django_db


def _course_page(client, course) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(course.url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def test_the_list_is_cached_and_the_attempts_are_not(client, course, trainee, bank):
    quiz = make_quiz(course=course, questions=[bank["tf"]], title_en="Practice one")
    client.force_login(trainee)
    html, _sql = _course_page(client, course)
    assert "Practice one" in html and "Not started" in html
    html, sql = _course_page(client, course)
    assert not any('FROM "quizzes_quiz"' in query for query in sql)
    assert sum('FROM "quizzes_sitting"' in query for query in sql) == 1
    # An attempt is the trainee's own data: shown at once, without any invalidation.
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    assert "In progress" in _course_page(client, course)[0]
    services.sitting_answer(sitting=sitting, question_id=bank["tf"].pk, boolean=True)
    assert "Score: 100%" in _course_page(client, course)[0]


def test_publish_rename_and_unpublish_show_on_the_next_request(client, course, trainee,
                                                               bank):
    client.force_login(trainee)
    draft = make_quiz(course=course, questions=[bank["tf"]], title_en="Coming soon",
                      live=False)
    assert "Coming soon" not in _course_page(client, course)[0]
    draft.save_revision().publish()
    assert "Coming soon" in _course_page(client, course)[0]

    quiz = Quiz.objects.get(pk=draft.pk)
    quiz.title_en = "Now renamed"
    quiz.save_revision().publish()
    html = _course_page(client, course)[0]
    assert "Now renamed" in html and "Coming soon" not in html

    Quiz.objects.get(pk=draft.pk).unpublish()
    assert "Now renamed" not in _course_page(client, course)[0]


def test_editors_see_drafts_and_trainees_do_not(client, course, trainee, bank):
    from tests.factories import UserFactory

    make_quiz(course=course, questions=[bank["tf"]], title_en="Draft for editors", live=False)
    editor = UserFactory(roles=["Curriculum editors"])
    assert editor.has_perm("quizzes.change_quiz")
    client.force_login(editor)
    assert "Draft for editors" in _course_page(client, course)[0]
    client.force_login(trainee)
    assert "Draft for editors" not in _course_page(client, course)[0]


def test_a_quiz_s_title_purpose_and_address_follow_edits_and_the_language(client, course,
                                                                        trainee, bank):
    """Title, purpose and address are cached per language (`bank_cache.quiz_labels`): an
    edit shows on the next request, and each language gets its own."""
    from django.urls import reverse
    from django.utils import translation

    from tests.curriculum.factories import translate_tree

    quiz = make_quiz(course=course, questions=[bank["tf"]], title_en="Before the course",
                     title_fr="Avant la formation", purpose=Quiz.Purpose.PRE_TEST,
                     slug="before")
    client.force_login(trainee)
    html = _course_page(client, course)[0]
    assert "Before the course" in html and "Pre-test" in html
    assert f'href="{reverse("quizzes:detail", kwargs={"slug": "before"})}"' in html

    quiz.slug, quiz.purpose = "pre-nrm", Quiz.Purpose.POST_TEST
    quiz.save_revision().publish()
    html = _course_page(client, course)[0]
    assert "Post-test" in html and "Pre-test" not in html
    assert f'href="{reverse("quizzes:detail", kwargs={"slug": "pre-nrm"})}"' in html

    french = translate_tree({"home": course.get_parent().get_parent(),
                             "catalogue": course.get_parent(), "course": course,
                             "modules": []})["course"]
    html = _course_page(client, french)[0]
    with translation.override("fr"):
        url, label = (reverse("quizzes:detail", kwargs={"slug": "pre-nrm"}),
                      str(Quiz.Purpose.POST_TEST.label))
    assert "Avant la formation" in html and label in html and f'href="{url}"' in html
    assert url.startswith("/fr/")
