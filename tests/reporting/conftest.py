"""A small hand-built cascade whose every figure is known in advance.

Level 1 (Bamako, ToT, run by master trainer Awa): t1 (F, gov) completed + certified,
t2 (M, NGO) completed, t3 (F, NGO) withdrawn.
Level 2 (Kayes, parent L1, run by t1): k1 (F, NGO) completed + certified, k2 (M, gov), k3 (M, NGO).
Level 2 (Mopti, parent L1): m1 (F, gov), m2 (M, gov).
People reached (not withdrawn): Bamako 2, Kayes 3, Mopti 2 = 7; certified 2.
Attendance in Kayes: k1 present 2/2, k2 present 1 absent 1, k3 excused 1 → rate 3/4 = 75 %.
Scores (Kayes): k1 pre 40 post 80, k2 pre 50 post 60 → mean gain 25.
"""

import datetime
import itertools
from decimal import Decimal

import pytest

from django.utils import timezone

from lms.accounts import roles
from lms.certificates.models import Certificate
from lms.cohorts.models import Attendance, Enrollment, Trainer
from lms.organisations.models import Organisation
from lms.quizzes.models import Quiz, Sitting
from lms.reporting.rollups import totals_rebuild
from tests.factories import OrganisationFactory, UserFactory, make_cohort, region

_codes = itertools.count(1)


def certify(enrollment: Enrollment) -> Certificate:
    return Certificate.objects.create(
        enrollment=enrollment, code=f"TEST-{next(_codes):05d}", trainee_name="x",
        course_title="y", issuer_name="z", language="en",
    )


def sit(user, quiz, cohort, score: int) -> Sitting:
    return Sitting.objects.create(user=user, quiz=quiz, cohort=cohort,
                                  score_percent=Decimal(score), passed=score >= 70,
                                  completed_at=timezone.now())


@pytest.fixture
def dataset(site_tree, roles_ready):
    course = site_tree["course"]
    gov = OrganisationFactory(name="Ministry", kind=Organisation.Kind.GOVERNMENTAL)
    ngo = OrganisationFactory(name="NGO", kind=Organisation.Kind.NON_GOVERNMENTAL)

    def person(name, sex, org, **kw):
        return UserFactory(username=name, first_name=name.upper(), last_name="Test", sex=sex,
                           organisation=org, **kw)

    master = person("awa", "F", gov, roles=[roles.FACILITATOR])
    t1, t2, t3 = person("t1", "F", gov), person("t2", "M", ngo), person("t3", "F", ngo)
    k1, k2, k3 = person("k1", "F", ngo), person("k2", "M", gov), person("k3", "M", ngo)
    m1, m2 = person("m1", "F", gov), person("m2", "M", gov)

    l1 = make_cohort(course=course, region_name="Bamako", level=1, name="ToT Bamako",
                     is_training_of_trainers=True, start_date=datetime.date(2024, 1, 8),
                     end_date=datetime.date(2024, 1, 12))
    l1.facilitators.add(master)
    kayes = make_cohort(course=course, region_name="Kayes", level=2, parent=l1,
                        name="Session Kayes", start_date=datetime.date(2024, 3, 4),
                        end_date=datetime.date(2024, 3, 5))
    kayes.facilitators.add(t1)
    mopti = make_cohort(course=course, region_name="Mopti", level=2, parent=l1,
                        name="Session Mopti", start_date=datetime.date(2024, 4, 2),
                        end_date=datetime.date(2024, 4, 3))
    done = {"status": Enrollment.Status.COMPLETED, "completed_at": timezone.now()}
    e = {}
    e["t1"] = Enrollment.objects.create(cohort=l1, trainee=t1, **done)
    e["t2"] = Enrollment.objects.create(cohort=l1, trainee=t2, **done)
    e["t3"] = Enrollment.objects.create(cohort=l1, trainee=t3,
                                        status=Enrollment.Status.WITHDRAWN)
    e["k1"] = Enrollment.objects.create(cohort=kayes, trainee=k1, **done)
    e["k2"] = Enrollment.objects.create(cohort=kayes, trainee=k2)
    e["k3"] = Enrollment.objects.create(cohort=kayes, trainee=k3)
    e["m1"] = Enrollment.objects.create(cohort=mopti, trainee=m1)
    e["m2"] = Enrollment.objects.create(cohort=mopti, trainee=m2)
    Trainer.objects.create(user=t1, trained_in=l1)
    Trainer.objects.create(user=t2, trained_in=l1)
    certify(e["t1"])
    certify(e["k1"])
    revoked = certify(e["k2"])
    revoked.status = Certificate.Status.REVOKED
    revoked.save()

    day1, day2 = kayes.start_date, kayes.end_date
    for key, statuses in {"k1": ["present", "present"], "k2": ["present", "absent"],
                          "k3": ["excused"]}.items():
        for day, status in zip([day1, day2], statuses, strict=False):
            Attendance.objects.create(enrollment=e[key], date=day, status=status)

    pre = Quiz.objects.create(title_en="Pre", slug="pre", course=course,
                              purpose=Quiz.Purpose.PRE_TEST)
    post = Quiz.objects.create(title_en="Post", slug="post", course=course,
                               purpose=Quiz.Purpose.POST_TEST)
    sit(k1, pre, kayes, 40)
    sit(k1, post, kayes, 80)
    sit(k2, pre, kayes, 50)
    sit(k2, post, kayes, 60)

    totals_rebuild()  # the rows above were written directly, past the services
    national = UserFactory(username="national", roles=[roles.NATIONAL_COORDINATOR])
    kayes_coord = UserFactory(username="kayes-coord", roles=[roles.REGIONAL_COORDINATOR],
                              regions=[region("Kayes")])
    return {"course": course, "l1": l1, "kayes": kayes, "mopti": mopti, "enrollments": e,
            "master": master, "national": national, "kayes_coord": kayes_coord,
            "trainee": k3, "gov": gov, "ngo": ngo}
