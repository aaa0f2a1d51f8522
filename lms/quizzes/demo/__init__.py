"""Demo quizzes, loaded by `manage.py load_demo` after the cohorts step. Idempotent.

For each demo course: a bank of bilingual questions in three sub-categories, a pre-test, a
post-test (with an essay) and a practice quiz; then realistic attempts by the enrolled
trainees (pre-tests around 40-65 %, post-tests around 65-95 % with some fails and retakes,
a few essays awaiting marking) so that knowledge-gain figures mean something. The demo
`trainee` account takes nothing, so a visitor can sit the tests.
"""

from django.db import transaction

from curriculum.models import CoursePage

from ..review import ensure_quiz_review
from . import nrm, psychosocial, reintegration
from .attempts import attempts_ensure
from .bank import quizzes_ensure

CONTENT = {"nrm": nrm, "reintegration": reintegration, "psychosocial": psychosocial}


@transaction.atomic
def load() -> str:
    courses = {page.code: page for page in
               CoursePage.objects.filter(locale__language_code="en", code__in=CONTENT)}
    if not courses:
        return "no demo course yet, quizzes skipped"
    ensure_quiz_review()
    quizzes = 0
    sittings = 0
    for code, course in sorted(courses.items()):
        pre, post, _practice = quizzes_ensure(course=course, content=CONTENT[code])
        quizzes += 3
        sittings += attempts_ensure(course=course, pre=pre, post=post)
    return f"{quizzes} quizzes for {len(courses)} courses; {sittings} new attempts"
