"""Journey (issue 11), in French on a 360 x 740 phone: a trainee sits a post-test with a written
answer, the facilitator gives a partial mark with a comment, the trainee reads the comment on
their result page. Every answer and mark choice is a tap target at least 44 px high.

Set-up through Django (as staff would): a French trainee enrolled in the demo facilitator's
NRM cohort and a short post-test (a true/false question and an essay worth 4 points).
"""

import json
import re

import pytest
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
               "is_mobile": True, "has_touch": True}
COMMENT = "Bonne analyse ; pensez aussi à orienter vers le point focal."

SETUP = """
import json
from django.contrib.auth.models import Group
from lms.accounts.models import User
from lms.accounts.roles import TRAINEE
from lms.cohorts.models import Enrollment
from lms.quizzes.models import Category, Question, Quiz

demo = Enrollment.objects.select_related("cohort").filter(
    trainee__username="trainee", cohort__course__code="nrm").order_by("-cohort__start_date")[0]
user, created = User.objects.get_or_create(username="journey.marking", defaults={
    "first_name": "Fanta", "last_name": "Keïta", "language": "fr"})
if created:
    user.set_password("cascade-demo")
    user.save()
    user.groups.add(Group.objects.get(name=TRAINEE))
Enrollment.objects.get_or_create(cohort=demo.cohort, trainee=user)
category = Category.objects.get_or_create(name_en="Journey", defaults={"name_fr": "Parcours"})[0]
quiz = Quiz.objects.filter(slug="journey-marking").first()
if quiz is None:
    tf = Question.objects.create(
        category=category, kind="tf", true_false_answer=True,
        text_en="Consent comes before any referral.",
        text_fr="Le consentement vient avant toute orientation.")
    essay = Question.objects.create(
        category=category, kind="essay", points=4,
        text_en="Describe how you would refer Awa.",
        text_fr="Décrivez comment vous orienteriez Awa.")
    quiz = Quiz.objects.create(
        slug="journey-marking", purpose="post_test", course=demo.cohort.course, pass_mark=50,
        title_en="Journey post-test", title_fr="Post-test du parcours")
    quiz.questions.set([tf, essay])
    quiz.save()
print(json.dumps({"slug": quiz.slug}))
"""


def _tap_targets_are_big(page, selector: str) -> None:
    labels = page.locator(selector)
    assert labels.count() >= 2
    for index in range(labels.count()):
        box = labels.nth(index).bounding_box()
        assert box is not None and box["height"] >= 44, (selector, index, box)


def test_partial_mark_and_comment_read_in_french_on_a_phone(live_site, new_page, shot):
    plan = json.loads(live_site.python(SETUP).strip().splitlines()[-1])
    trainee = new_page(**SMALL_PHONE)
    site_login(trainee, "journey.marking", language="fr")
    trainee.goto(f"/fr/quizzes/{plan['slug']}/")
    trainee.locator(f'form[action$="/quizzes/{plan["slug"]}/start/"] button').click()
    trainee.wait_for_url(re.compile(r"/attempts/\d+/"))
    sitting = int(re.search(r"/attempts/(\d+)/", trainee.url).group(1))
    for _ in range(2):
        if trainee.locator("textarea").count():
            trainee.locator("textarea").fill(
                "J'écoute Awa, je demande son consentement et je l'oriente vers un partenaire.")
        else:
            _tap_targets_are_big(trainee, "form.quiz-question fieldset label")
            shot(trainee, "question on a 360 px phone")
            # Tapping the label's text (not the tiny radio) selects the answer.
            trainee.locator("form.quiz-question fieldset label").filter(
                has=trainee.locator('input[value="true"]')).click(position={"x": 200, "y": 20})
            expect(trainee.locator('input[name="boolean"][value="true"]')).to_be_checked()
        trainee.locator("form.quiz-question button[type=submit]").click()
        trainee.wait_for_load_state()
    expect(trainee).to_have_url(re.compile(r"/result/"))
    expect(trainee.locator("main")).to_contain_text("En attente de correction")
    shot(trainee, "result awaiting marking")

    marker = new_page(**SMALL_PHONE)
    site_login(marker, "facilitator", language="fr")
    marker.goto("/fr/quizzes/marking/")
    # The list opens on papers waiting for a marker: this one is there.
    paper = marker.locator(f'a[href$="/quizzes/marking/{sitting}/"]')
    expect(paper).to_have_count(1)
    shot(marker, "marking list opens on papers to mark")
    paper.click()
    form = marker.locator("form.marking")
    _tap_targets_are_big(marker, "form.marking .mark-choices label")
    form.locator(".mark-choices label").filter(
        has=marker.locator('input[value="3"]')).click()
    form.get_by_label("Commentaire pour le participant").fill(COMMENT)
    shot(marker, "partial mark with a comment")
    form.locator("button[type=submit]").click()
    marker.wait_for_load_state()
    expect(marker.locator('input[name="score"][value="3"]')).to_be_checked()

    trainee.reload()
    main = trainee.locator("main")
    expect(main).to_contain_text(COMMENT)
    expect(main).to_contain_text("Note : 3 / 4")
    expect(main).to_contain_text("Commentaire du correcteur")
    shot(trainee, "trainee reads the marker's comment")
    assert not trainee.js_errors and not marker.js_errors
