"""The dashboard reads per-cohort totals; every figure it shows must equal the direct query over
the enrollments (tests/reporting/direct.py, the queries it ran before).

Random data (trainees in one or several cohorts, several regions, levels, courses and
organisation types), then rounds of random changes made through the services (enrolment,
withdrawal, completion with its certificate, re-enrolment, attendance, revocation, manual
issue, profile and organisation-type changes, cohort moves, a session's validation,
pre/post-tests), and after each
round every figure, nationally and for a regional coordinator under several filters, is
compared with the direct query, and the stored totals with a recomputation."""

import contextlib
import datetime
import random

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from curriculum.models import CoursePage
from lms.accounts import roles
from lms.accounts.models import User
from lms.certificates import services as certificates
from lms.certificates.models import Certificate
from lms.cohorts import services as cohorts
from lms.cohorts.models import Attendance, Cohort, Enrollment
from lms.cohorts.people import trainee_profile_update
from lms.organisations.models import Organisation
from lms.quizzes import services as quizzes
from lms.quizzes.models import Quiz
from lms.reporting import drilldown, selectors
from lms.reporting.filters import Filters
from lms.reporting.rollups import totals_drift
from lms.reporting.tables import cohort_table
from tests.factories import OrganisationFactory, UserFactory, make_cohort, region
from tests.quizzes.factories import make_quiz, mc_question, right_ids, wrong_ids
from tests.reporting import direct

REGIONS = ["Kayes", "Mopti", "Bamako", "Sikasso"]
KINDS = [Organisation.Kind.GOVERNMENTAL, Organisation.Kind.NON_GOVERNMENTAL,
         Organisation.Kind.COMMUNITY_BASED]


def _breakdown_rows(rows) -> list[tuple]:
    return sorted((row["value"] or "", row["people"], row["certified"]) for row in rows)


def _figures(module, *, user, filters: Filters) -> dict:
    """Every figure of the dashboard and the API's indicators, from `module` (the selectors
    reading totals, sharing one `DashboardFigures` as the page does, or the direct queries)."""
    shared = {"figures": selectors.figures_for(user=user, filters=filters)} \
        if module is selectors else {}
    by_region = module.breakdown(user=user, filters=filters, dimension="region", **shared)
    return {
        "headline": module.headline(user=user, filters=filters, **shared),
        "attendance": module.attendance_rate(user=user, filters=filters, **shared),
        "gain": module.knowledge_gain(user=user, filters=filters, **shared),
        "breakdowns": {key: _breakdown_rows(module.breakdown(user=user, filters=filters,
                                                             dimension=key, **shared))
                       for key in selectors.DIMENSIONS},
        "map": module.people_by_region(user=user, filters=filters, by_region=by_region),
        "levels": module.reach_by_level(user=user, filters=filters, **shared),
        "masters": module.reach_by_master_trainer(user=user, filters=filters, **shared),
        "timeline": module.timeline(user=user, filters=filters, **shared),
    }


def _tables(*, user, filters: Filters) -> dict:
    cohorts = {row.pk: (row.people, row.completed)
               for row in cohort_table(user=user, filters=filters)}
    tree = drilldown.cascade_tree(user=user, filters=filters, limit=1000)
    people, stack = {}, list(tree["roots"])
    while stack:
        node = stack.pop()
        people[node["pk"]] = node["people"]
        stack.extend(node["children"])
    return {"cohorts": cohorts, "tree": people}


def _direct_tables(*, user, filters: Filters) -> dict:
    return {"cohorts": direct.cohort_people(user=user, filters=filters),
            "tree": direct.tree_people(user=user, filters=filters)}


class World:
    """The random data set and the random changes, all through the services."""

    def __init__(self, rng: random.Random, course: CoursePage) -> None:
        self.rng = rng
        self.national = UserFactory(username="exact-national",
                                    roles=[roles.NATIONAL_COORDINATOR])
        self.kayes = UserFactory(username="exact-kayes", roles=[roles.REGIONAL_COORDINATOR],
                                 regions=[region("Kayes"), region("Mopti")])
        second = course.get_parent().add_child(instance=CoursePage(
            title="Gender-based violence", slug="gbv", code="gbv", summary="GBV."))
        self.courses = [course, second]
        self.organisations = [OrganisationFactory(kind=kind) for kind in KINDS * 2]
        self.people = [self._person(i) for i in range(36)]
        self.cohorts = self._cascade()
        self.quizzes = {
            (c.pk, purpose): make_quiz(
                course=c, purpose=purpose, single_attempt=False, pass_mark=50,
                questions=[mc_question() for _ in range(4)])
            for c in self.courses for purpose in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST)
        }
        for person in self.people:  # some in one cohort, some in two or three
            for cohort in rng.sample(self.cohorts, rng.choice([1, 1, 1, 2, 3])):
                cohorts.enrollment_create(cohort=cohort, trainee=person)

    def _person(self, i: int) -> User:
        rng = self.rng
        return User.objects.create(  # a plain trainee: no group to set up
            username=f"exact-{i}", sex=rng.choice(["F", "M", ""]),
            function=rng.choice([*User.Function.values[:3], ""]),
            organisation=rng.choice([*self.organisations, None]))

    def _cascade(self) -> list[Cohort]:
        rng, made = self.rng, []
        for level in (1, 2, 3):
            for _ in range(3 if level == 1 else 4):
                parent = rng.choice([c for c in made if c.level == level - 1]) \
                    if level > 1 else None
                start = datetime.date(2024, rng.randint(1, 9), rng.randint(1, 25))
                cohort = make_cohort(
                    course=rng.choice(self.courses), region_name=rng.choice(REGIONS),
                    level=level, parent=parent, capacity=100, start_date=start,
                    end_date=start + datetime.timedelta(days=2))
                if level == 1:
                    cohort.facilitators.add(UserFactory(roles=[roles.FACILITATOR]))
                made.append(cohort)
        return made

    # Changes ---------------------------------------------------------------------------------
    def _enrollment(self, *statuses) -> Enrollment | None:
        candidates = list(Enrollment.objects.filter(status__in=statuses).order_by("pk"))
        return self.rng.choice(candidates) if candidates else None

    def enrol(self) -> None:
        cohorts.enrollment_create(cohort=self.rng.choice(self.cohorts),
                                  trainee=self.rng.choice(self.people))

    def withdraw(self) -> None:
        if enrollment := self._enrollment(Enrollment.Status.ENROLLED):
            cohorts.enrollment_withdraw(enrollment=enrollment)

    def complete(self) -> None:
        if enrollment := self._enrollment(Enrollment.Status.ENROLLED):
            cohorts.enrollment_complete(enrollment=enrollment)

    def re_enrol(self) -> None:
        if enrollment := self._enrollment(Enrollment.Status.WITHDRAWN):
            cohorts.enrollment_set_status(enrollment=enrollment, by=self.national,
                                          status=Enrollment.Status.ENROLLED)

    def attend(self) -> None:
        cohort = self.rng.choice(self.cohorts)
        statuses = {pk: self.rng.choice(Attendance.Status.values)
                    for pk in cohort.enrollments.active().values_list("pk", flat=True)
                    if self.rng.random() < 0.7}
        day = cohort.start_date + datetime.timedelta(days=self.rng.randint(0, 2))
        if statuses:
            cohorts.attendance_record(cohort=cohort, date=day, statuses=statuses,
                                      by=self.national)

    def revoke(self) -> None:
        valid = list(Certificate.objects.filter(status=Certificate.Status.VALID).order_by("pk"))
        if valid:
            certificates.certificate_revoke(certificate=self.rng.choice(valid),
                                            actor=self.national, reason="Test")

    def issue(self) -> None:
        enrollment = Enrollment.objects.filter(status=Enrollment.Status.COMPLETED).exclude(
            certificates__status=Certificate.Status.VALID).order_by("?").first()
        if enrollment:
            certificates.certificate_issue_manually(enrollment=enrollment, actor=self.national,
                                                    reason="Test")

    def profile(self) -> None:
        rng = self.rng
        trainee_profile_update(
            by=self.national, trainee=rng.choice(self.people), sex=rng.choice(["F", "M", ""]),
            function=rng.choice([*User.Function.values[:3], ""]),
            organisation=rng.choice([*self.organisations, None]))

    def organisation_kind(self) -> None:
        organisation = self.rng.choice(self.organisations)
        organisation.kind = self.rng.choice(KINDS)
        cohorts.organisation_save(organisation=organisation, by=self.national)

    def move(self) -> None:
        cohort = self.rng.choice(self.cohorts)
        start = datetime.date(2024, self.rng.randint(1, 9), self.rng.randint(1, 25))
        cohorts.cohort_update(cohort=cohort, region=region(self.rng.choice(REGIONS)),
                              start_date=start, end_date=start + datetime.timedelta(days=2))

    def validate(self) -> None:
        """A session awaiting validation counts nowhere; validated, it counts again."""
        cohorts.cohort_update(cohort=self.rng.choice(self.cohorts),
                              validation=self.rng.choice(Cohort.Validation.values))

    def sit(self) -> None:
        enrollment = self._enrollment(Enrollment.Status.ENROLLED, Enrollment.Status.COMPLETED)
        if enrollment is None:
            return
        purpose = self.rng.choice([Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST])
        quiz = self.quizzes[(enrollment.cohort.course_id, purpose)]
        try:
            sitting = quizzes.sitting_start(user=enrollment.trainee, quiz=quiz, rng=self.rng)
        except quizzes.QuizError:
            return
        for question in quiz.questions.all():
            if self.rng.random() < 0.8:
                choice = right_ids(question) if self.rng.random() < 0.6 else wrong_ids(
                    question)[:1]
                quizzes.sitting_answer(sitting=sitting, question_id=question.pk,
                                       choice_ids=choice)
        quizzes.sitting_finish(sitting=sitting)

    def change(self) -> str:
        name = self.rng.choice(["enrol", "withdraw", "complete", "complete", "re_enrol",
                                "attend", "attend", "revoke", "issue", "profile",
                                "organisation_kind", "move", "validate", "sit", "sit", "sit"])
        # A refused change (capacity, a day to come ...) changes nothing.
        with contextlib.suppress(ValidationError, PermissionDenied, certificates.CertificateError):
            getattr(self, name)()
        return name


def _filter_sets(world: World) -> list[Filters]:
    return [
        Filters(), Filters(region="kayes"), Filters(org_kind=KINDS[1]), Filters(level=2),
        Filters(course="gbv"), Filters(date_from=datetime.date(2024, 3, 1),
                                       date_to=datetime.date(2024, 7, 31)),
        Filters(org_kind=KINDS[0], level=3, region="mopti"),
    ]


def _assert_exact(world: World, after: list[str], *, every_filter: bool = True) -> None:
    assert totals_drift() == [], after
    for user in (world.national, world.kayes):
        for filters in _filter_sets(world) if every_filter else [Filters()]:
            where = (user.username, filters, after[-3:])
            assert _figures(selectors, user=user, filters=filters) == _figures(
                direct, user=user, filters=filters), where
            assert _tables(user=user, filters=filters) == _direct_tables(
                user=user, filters=filters), where


@pytest.mark.parametrize("seed", [1, 2])
def test_every_figure_equals_the_direct_query_after_random_changes(site_tree, roles_ready,
                                                                   seed):
    world = World(random.Random(seed), site_tree["course"])
    assert Enrollment.objects.values("trainee").distinct().count() < Enrollment.objects.count()
    _assert_exact(world, ["start"])
    done: list[str] = []
    for last in (False, False, True):
        done += [world.change() for _ in range(20)]
        _assert_exact(world, done, every_filter=last)
    # The rounds did move the figures they test.
    assert {"complete", "attend", "sit", "profile", "move", "validate"} <= set(done)
    assert Certificate.objects.filter(status=Certificate.Status.REVOKED).exists() or \
        "revoke" not in done
