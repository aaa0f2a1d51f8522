"""Journeys 2 and 4: a trainee on a phone logs in, takes the pre-test, completes the modules,
passes the post-test, downloads the certificate, and its verification page says valid —
in English (a new trainee) and in French (the demo trainee, Moussa Diarra).

Set-up done the way staff would (through Django, not the browser): the trainee is enrolled in
the ongoing NRM cohort and the facilitator has recorded full attendance. The browser then does
everything the trainee does. Buttons whose words depend on the translation catalogue are found
by the form they submit; the rest by role and accessible name.
"""

import json
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth.models import Group
from curriculum.models import CoursePage, ModulePage
from lms.accounts.models import User
from lms.accounts.roles import TRAINEE
from lms.cohorts.models import Attendance, Enrollment
from lms.cohorts.services import cohort_days
from lms.quizzes.models import Quiz
from wagtail.models import Locale

LANGUAGE, USERNAME = {language!r}, {username!r}
demo = Enrollment.objects.select_related("cohort").filter(
    trainee__username="trainee", cohort__course__code="nrm").order_by("-cohort__start_date")[0]
cohort = demo.cohort
user, created = User.objects.get_or_create(username=USERNAME, defaults={{
    "first_name": "Awa", "last_name": "Traoré", "language": LANGUAGE}})
if created:
    user.set_password("cascade-demo")
    user.save()
    user.groups.add(Group.objects.get(name=TRAINEE))
enrollment, _ = Enrollment.objects.get_or_create(cohort=cohort, trainee=user)
for day in cohort_days(cohort=cohort):
    Attendance.objects.update_or_create(enrollment=enrollment, date=day,
                                        defaults={{"status": "present"}})
course = cohort.course.get_translation(Locale.objects.get(language_code=LANGUAGE))
quizzes = {{q.purpose: q for q in Quiz.objects.filter(course=cohort.course, live=True)}}
post = quizzes["post_test"]

def text(obj):
    return (getattr(obj, "text_" + LANGUAGE, "") or obj.text_en).strip()

right = {{}}
for question in post.questions.all():
    if question.kind == "tf":
        right[question.pk] = {{"tf": "true" if question.true_false_answer else "false"}}
    elif question.kind == "essay":
        right[question.pk] = {{"essay": "Refer the person to the focal point, with consent."}}
    else:
        correct = [text(a) for a in question.answers.all() if a.is_correct]
        right[question.pk] = {{"choices": correct}}
modules = [m.url for m in ModulePage.objects.live().child_of(course).order_by("path")]
essays = post.questions.filter(kind="essay").exists()
print(json.dumps({{"course": course.url, "title": course.title, "modules": modules,
                  "essays": essays,
                  "pre": quizzes["pre_test"].slug, "post": post.slug, "right": right}}))
"""


def _take_quiz(page, language: str, slug: str, right: dict | None, shot, label: str) -> int:
    page.goto(f"/{language}/quizzes/{slug}/")
    page.locator(f'form[action$="/quizzes/{slug}/start/"] button').click()
    page.wait_for_url(re.compile(r"/attempts/\d+/"))
    attempt = re.sub(r"(/attempts/\d+/).*", r"\1", page.url)
    for number in range(1, 200):
        page.goto(attempt)
        if "/result/" in page.url:
            break
        question = page.locator('input[name="question"]').get_attribute("value")
        answer = (right or {}).get(question, {})
        if "tf" in answer:
            page.locator(f'input[name="boolean"][value="{answer["tf"]}"]').check()
        elif page.locator("textarea").count():
            page.locator("textarea").fill(answer.get("essay", "I would listen and refer."))
        elif answer.get("choices"):
            for choice in answer["choices"]:
                page.get_by_label(choice, exact=True).check()
        else:
            page.locator("form.quiz-question").locator(
                'input[type="radio"], input[type="checkbox"]').first.check()
        if number == 1:
            shot(page, f"{label} first question")
        page.locator("form.quiz-question button[type=submit]").click()
        page.wait_for_load_state()
    shot(page, f"{label} result")
    return int(re.search(r"/attempts/(\d+)/", attempt).group(1))


def _facilitator_marks_essays(page, sitting: int, shot) -> None:
    """Written answers wait for a facilitator: the cohort's facilitator gives full marks."""
    site_login(page, "facilitator")
    page.goto(f"/en/quizzes/marking/{sitting}/")
    for _ in range(20):
        unmarked = page.locator("form.marking").filter(
            has_not=page.locator('input[name="score"]:checked'))
        if not unmarked.count():
            break
        answer = unmarked.first.locator('input[name="answer"]').get_attribute("value")
        form = page.locator("form.marking").filter(
            has=page.locator(f'input[name="answer"][value="{answer}"]'))
        form.locator('input[name="score"]').last.check()
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
    shot(page, "facilitator marked the written answers")


@pytest.mark.parametrize("language, username", [("en", "journey.en"), ("fr", "trainee")])
def test_trainee_journey_on_a_phone(live_site, phone, new_page, shot, language, username):
    plan = json.loads(live_site.python(SETUP.format(language=language, username=username))
                      .strip().splitlines()[-1])
    page = phone
    site_login(page, username, language=language)
    expect(page.locator("html")).to_have_attribute("lang", language)
    shot(page, "signed in")

    page.goto(plan["course"])
    expect(page.get_by_role("heading", level=1)).to_have_text(plan["title"])
    shot(page, "course page")

    _take_quiz(page, language, plan["pre"], None, shot, "pre-test")

    for module_url in plan["modules"]:
        page.goto(module_url)
        complete = page.locator('form[action*="/complete/"]:not(:has(input[name="undo"])) button')
        if complete.count():
            complete.click()
            page.wait_for_load_state()
        expect(page.locator('form[action*="/complete/"] input[name="undo"]')).to_have_count(1)
    shot(page, "last module completed")

    sitting = _take_quiz(page, language, plan["post"], plan["right"], shot, "post-test")
    if plan["essays"]:
        _facilitator_marks_essays(new_page(), sitting, shot)
        page.reload()
    expect(page.locator("main")).to_contain_text(re.compile(r"(passed|réussi)", re.I))

    page.goto(f"/{language}/my-learning/")
    certificates = page.locator(".my-certificates")
    shot(page, "my learning with the certificate")
    with page.expect_download() as download_info:
        certificates.locator('a[href*="/download/"]').first.click()
    pdf_text = pypdf.PdfReader(Path(download_info.value.path())).pages[0].extract_text()
    verify = certificates.locator('a[href*="/verify/"]').first
    code = verify.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    assert code in pdf_text

    verify.click()
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.locator(".badge.ok")).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile(r"(valid|valide)", re.I))
    shot(page, "verification page says valid")
    assert not page.js_errors
