import datetime
from decimal import Decimal

import pytest

from django.utils import timezone

from lms.notifications.sms.console import MemoryBackend


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def sms_outbox():
    MemoryBackend.outbox.clear()
    yield MemoryBackend.outbox
    MemoryBackend.outbox.clear()


@pytest.fixture
def world(course, roles_ready):
    """Kayes and Mopti: a coordinator each, national staff, a facilitator, a trainee in each
    region's cohort, and a facilitator enrolled as a trainee in Kayes (staff)."""
    from lms.accounts import roles
    from tests.factories import UserFactory, enroll, make_cohort, region

    kayes, mopti = region("Kayes"), region("Mopti")
    people = {
        "coord_kayes": UserFactory(username="coord.kayes", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[kayes]),
        "coord_mopti": UserFactory(username="coord.mopti", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[mopti]),
        "national": UserFactory(username="national", roles=[roles.NATIONAL_COORDINATOR]),
        "facilitator": UserFactory(username="fac.kayes", roles=[roles.FACILITATOR]),
        "trainee_kayes": UserFactory(username="trainee.kayes", roles=[roles.TRAINEE],
                                     region=kayes, first_name="Kadia", last_name="Keita",
                                     phone="+22376123456"),
        "trainee_mopti": UserFactory(username="trainee.mopti", roles=[roles.TRAINEE],
                                     region=mopti, first_name="Moussa", last_name="Maiga",
                                     email="moussa@example.org"),
    }
    cohorts = {
        "kayes": make_cohort(course=course, region_name="Kayes", name="Kayes workshop"),
        "mopti": make_cohort(course=course, region_name="Mopti", name="Mopti workshop"),
    }
    enrollments = {
        "kayes": enroll(cohorts["kayes"], people["trainee_kayes"])[0],
        "mopti": enroll(cohorts["mopti"], people["trainee_mopti"])[0],
        "staff": enroll(cohorts["kayes"], people["facilitator"])[0],
    }
    return {"people": people, "cohorts": cohorts, "enrollments": enrollments}


DONE_AGO = datetime.timedelta(days=200)  # both milestones due


def _score(user, quiz, percent, enrollment):
    from lms.cohorts import figures
    from lms.quizzes.models import Sitting

    Sitting.objects.create(user=user, quiz=quiz, cohort=enrollment.cohort,
                           completed_at=timezone.now(), score_percent=Decimal(percent),
                           passed=True)
    figures.trainees_changed(trainee_ids=[user.pk])  # as the quiz engine's grading does


@pytest.fixture
def answered(world, course):
    """Kayes: Kadia (F) answered both follow-ups (NRM referral, trained 5 people); a second
    Kayes trainee (M) answered the 3-month one only (no practice). Mopti: Moussa (M) due,
    nothing answered. Post-test and re-test scores for Kadia (80 → 60) and Moussa (90 → 81)."""
    from lms.accounts import roles
    from lms.followups import services
    from lms.followups.models import Practice
    from lms.quizzes.models import Quiz
    from tests.factories import UserFactory, enroll, region
    from tests.followups.factories import follow_ups_of
    from tests.quizzes.factories import make_quiz

    coordinator = world["people"]["national"]
    world["people"]["trainee_mopti"].sex = "M"
    world["people"]["trainee_mopti"].save(update_fields=["sex"])
    kayes, mopti = world["enrollments"]["kayes"], world["enrollments"]["mopti"]
    other = UserFactory(username="adama", roles=[roles.TRAINEE], sex="M",
                        region=region("Kayes"))
    second = enroll(world["cohorts"]["kayes"], other)[0]
    referral = Practice.objects.get(code="nrm-referral")
    followups = {}
    for key, enrollment in (("kadia", kayes), ("moussa", mopti), ("adama", second)):
        followups[key] = follow_ups_of(enrollment, on=timezone.now() - DONE_AGO)
    for months in (3, 6):
        services.followup_answer(follow_up=followups["kadia"][months], by=coordinator,
                                 channel="phone_call", practices=[referral],
                                 trained_others=True, people_trained=5)
    services.followup_answer(follow_up=followups["adama"][3], by=coordinator,
                             channel="phone_call", practices=[], trained_others=False)
    post = make_quiz(course=course, purpose=Quiz.Purpose.POST_TEST)
    retest = make_quiz(course=course, purpose=Quiz.Purpose.RETENTION)
    _score(kayes.trainee, post, 80, kayes)
    _score(kayes.trainee, retest, 60, kayes)
    _score(mopti.trainee, post, 90, mopti)
    _score(mopti.trainee, retest, 81, mopti)
    _score(other, post, 70, second)  # no re-test: not in the retention pairs
    return followups
