"""Marking page: permission, scope (a facilitator marks only their own trainees), filters."""

from decimal import Decimal

import pytest

from django.urls import reverse

from lms.quizzes import services
from lms.quizzes.models import Quiz
from tests.factories import UserFactory, enroll, make_cohort, region

from .factories import essay_question, make_quiz, tf_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(course, roles_ready, completion):
    essay, tf = essay_question(), tf_question(answer=True)
    quiz = make_quiz(course=course, questions=[tf, essay], purpose=Quiz.Purpose.POST_TEST,
                     pass_mark=100)
    facilitator = UserFactory(roles=["Facilitators"])
    mine = make_cohort(course=course, region_name="Kayes")
    mine.facilitators.add(facilitator)
    theirs = make_cohort(course=course, region_name="Mopti")
    alice, bob = UserFactory(first_name="Alice"), UserFactory(first_name="Bob")
    enroll(mine, alice)
    enroll(theirs, bob)
    sittings = {}
    for trainee in (alice, bob):
        sitting = services.sitting_start(user=trainee, quiz=quiz)
        services.sitting_answer(sitting=sitting, question_id=tf.pk, boolean=True)
        services.sitting_answer(sitting=sitting, question_id=essay.pk,
                                essay_text=f"{trainee.first_name}'s essay")
        sittings[trainee.first_name] = sitting
    return {"quiz": quiz, "facilitator": facilitator, "mine": mine, "theirs": theirs,
            "sittings": sittings, "essay": essay}


def test_trainee_cannot_open_marking(client, setting):
    client.force_login(UserFactory(roles=["Trainees"]))
    assert client.get(reverse("quizzes:marking_list")).status_code == 403
    pk = setting["sittings"]["Bob"].pk
    assert client.get(reverse("quizzes:marking_detail", kwargs={"pk": pk})).status_code == 403


def test_anonymous_is_sent_to_login(client, setting):
    assert client.get(reverse("quizzes:marking_list")).status_code == 302


def test_facilitator_sees_only_their_trainees(client, setting):
    client.force_login(setting["facilitator"])
    html = client.get(reverse("quizzes:marking_list")).content.decode()
    assert "Alice" in html and "Bob" not in html
    bob = setting["sittings"]["Bob"]
    assert client.get(reverse("quizzes:marking_detail", kwargs={"pk": bob.pk})).status_code == 404
    essay_answer = bob.answers.get(question=setting["essay"])
    response = client.post(reverse("quizzes:marking_detail", kwargs={"pk": bob.pk}),
                           {"answer": essay_answer.pk, "score": "1"})
    assert response.status_code == 404
    essay_answer.refresh_from_db()
    assert essay_answer.is_correct is None


def test_regional_coordinator_sees_their_region(client, setting):
    client.force_login(UserFactory(roles=["Regional coordinators"], regions=[region("Mopti")]))
    html = client.get(reverse("quizzes:marking_list")).content.decode()
    assert "Bob" in html and "Alice" not in html


def test_national_coordinator_sees_all_and_filters(client, setting):
    client.force_login(UserFactory(roles=["National coordinators"]))
    url = reverse("quizzes:marking_list")
    html = client.get(url).content.decode()
    assert "Alice" in html and "Bob" in html
    html = client.get(url, {"cohort": setting["theirs"].pk}).content.decode()
    assert "Bob" in html and "Alice" not in html
    html = client.get(url, {"trainee": "alic"}).content.decode()
    assert "Alice" in html and "Bob" not in html
    other_quiz = make_quiz(course=setting["quiz"].course, questions=[tf_question()])
    html = client.get(url, {"quiz": other_quiz.pk}).content.decode()
    assert "Alice" not in html and "Bob" not in html
    html = client.get(url, {"pending": "on", "quiz": setting["quiz"].pk}).content.decode()
    assert "Alice" in html and "Bob" in html


def test_marking_an_essay_updates_the_score(client, setting, completion,
                                            django_capture_on_commit_callbacks):
    client.force_login(setting["facilitator"])
    alice = setting["sittings"]["Alice"]
    answer = alice.answers.get(question=setting["essay"])
    page = client.get(reverse("quizzes:marking_detail", kwargs={"pk": alice.pk}))
    assert "Alice&#x27;s essay" in page.content.decode()
    completion.reset_mock()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("quizzes:marking_detail", kwargs={"pk": alice.pk}),
                               {"answer": answer.pk, "score": "1"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.score_percent, alice.passed, alice.needs_marking) == (
        Decimal("100.00"), True, False)
    completion.assert_called_once_with(user=alice.user, course=setting["quiz"].course)
    answer.refresh_from_db()
    assert answer.marked_by == setting["facilitator"]


def test_bad_mark_changes_nothing(client, setting):
    client.force_login(setting["facilitator"])
    alice = setting["sittings"]["Alice"]
    answer = alice.answers.get(question=setting["essay"])
    for bad in ("maybe", "-1", "2"):  # the essay is worth 1 point
        client.post(reverse("quizzes:marking_detail", kwargs={"pk": alice.pk}),
                    {"answer": answer.pk, "score": bad})
    answer.refresh_from_db()
    assert answer.is_correct is None and answer.score is None


def test_marker_never_sees_own_paper(client, setting):
    facilitator = setting["facilitator"]
    enroll(setting["mine"], facilitator)
    sitting = services.sitting_start(user=facilitator, quiz=setting["quiz"])
    services.sitting_finish(sitting=sitting)
    client.force_login(facilitator)
    url = reverse("quizzes:marking_detail", kwargs={"pk": sitting.pk})
    assert client.get(url).status_code == 404


def test_marking_list_query_count(client, setting, django_assert_max_num_queries):
    client.force_login(UserFactory(roles=["National coordinators"]))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("quizzes:marking_list")).status_code == 200
