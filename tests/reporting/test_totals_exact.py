"""The dashboard reads per-cohort totals; every figure it shows must equal the direct query over
the enrollments (tests/reporting/direct.py, the queries it ran before).

Random data (trainees in one or several cohorts, several regions, levels, courses and
organisation types), then rounds of random changes made through the services (enrolment,
withdrawal, completion with its certificate, re-enrolment, attendance, revocation, manual
issue, profile and organisation-type changes, cohort moves, a session's validation,
pre/post-tests, follow-ups scheduled and answered, retention re-tests), and after each
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
from lms.cohorts.models import Attendance, Cohort, Enrollment, Trainer
from lms.cohorts.people import trainee_profile_update
from lms.followups import services as followups
from lms.followups.models import FollowUp
from lms.organisations.models import Organisation
from lms.quizzes import services as quizzes
from lms.quizzes.models import Quiz
from lms.reporting import drilldown, selectors, sessions
from lms.reporting import followups as followup_figures
from lms.reporting.filters import Filters
from lms.reporting.rollups import totals_drift
from lms.reporting.tables import cohort_table
from tests.factories import OrganisationFactory, UserFactory, make_cohort, region
from tests.quizzes.factories import make_quiz, mc_question, right_ids, wrong_ids
from tests.reporting import direct

REGIONS = ["Kayes", "Mopti", "Bamako", "Sikasso"]
KINDS = [Organisation.Kind.GOVERNMENTAL, Organisation.Kind.NON_GOVERNMENTAL,
         Organisation.Kind.COMMUNITY_BASED]
PURPOSES = (Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST, Quiz.Purpose.RETENTION)
# Follow-ups fall due over a year: some days see few of them due, later ones more.
DAYS = [datetime.date.today() + datetime.timedelta(days=d) for d in (0, 120, 400)]


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
        "followups": [
            followup_figures.followups_panel(user=user, filters=filters, today=day, **shared)
            if shared else direct.followups_panel(user=user, filters=filters, today=day)
            for day in DAYS],
        "trainers": [
            (sessions if shared else direct).reach_per_trainer(
                user=user, filters=filters, today=day, limit=4, **shared)
            for day in DAYS[:2]],
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
            for c in self.courses for purpose in PURPOSES
        }
        for person in self.people:  # some in one cohort, some in two or three
            for cohort in rng.sample(self.cohorts, rng.choice([1, 1, 1, 2, 3])):
                cohorts.enrollment_create(cohort=cohort, trainee=person)
        self._trainers()

    def _trainers(self) -> None:
        """Recorded trainers running two to four of the downstream cohorts each (so some
        reach the same person twice), and one running none."""
        level1 = [c for c in self.cohorts if c.level == 1]
        downstream = [c for c in self.cohorts if c.level > 1]
        for i in range(5):
            trainer = UserFactory(username=f"exact-trainer-{i}", roles=[roles.FACILITATOR])
            Trainer.objects.create(user=trainer, trained_in=self.rng.choice(level1))
            for cohort in self.rng.sample(downstream, self.rng.randint(0 if i == 4 else 2, 4)):
                cohort.facilitators.add(trainer)

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

    def schedule(self) -> None:
        """Follow-ups of a completion 3 to 13 months back (some due, some not yet)."""
        if enrollment := self._enrollment(Enrollment.Status.ENROLLED,
                                          Enrollment.Status.COMPLETED):
            if enrollment.status == Enrollment.Status.ENROLLED:
                enrollment = cohorts.enrollment_complete(enrollment=enrollment)
            completed_at = enrollment.completed_at - datetime.timedelta(
                days=self.rng.randint(95, 400))
            Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=completed_at)
            followups.followups_schedule(enrollments=[enrollment])

    def answer(self) -> None:
        due = FollowUp.objects.not_done().filter(due_date__lte=datetime.date.today())
        if not due.exists():
            self.schedule()
        follow_up = due.order_by("?").first()
        if follow_up:
            followups.followup_answer(
                follow_up=follow_up, by=self.national, channel=FollowUp.Channel.PHONE_CALL,
                practices=[], trained_others=self.rng.random() < 0.5)

    def sit(self, purpose: str | None = None,
            enrollment: Enrollment | None = None) -> Enrollment | None:
        enrollment = enrollment or self._enrollment(Enrollment.Status.ENROLLED,
                                                    Enrollment.Status.COMPLETED)
        if enrollment is None:
            return None
        purpose = purpose or self.rng.choice(PURPOSES)
        quiz = self.quizzes[(enrollment.cohort.course_id, purpose)]
        try:
            sitting = quizzes.sitting_start(user=enrollment.trainee, quiz=quiz, rng=self.rng)
        except quizzes.QuizError:
            return None
        for question in quiz.questions.all():
            if self.rng.random() < 0.8:
                choice = right_ids(question) if self.rng.random() < 0.6 else wrong_ids(
                    question)[:1]
                quizzes.sitting_answer(sitting=sitting, question_id=question.pk,
                                       choice_ids=choice)
        quizzes.sitting_finish(sitting=sitting)
        return enrollment

    def retest(self) -> None:
        """A post-test, then the retention re-test of the same course."""
        if enrollment := self.sit(Quiz.Purpose.POST_TEST):
            self.sit(Quiz.Purpose.RETENTION, enrollment)

    def change(self) -> str:
        name = self.rng.choice(["enrol", "withdraw", "complete", "complete", "re_enrol",
                                "attend", "attend", "revoke", "issue", "profile",
                                "organisation_kind", "move", "validate", "sit", "sit", "sit",
                                "schedule", "schedule", "answer", "answer", "retest"])
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
    assert {"complete", "attend", "sit", "profile", "move", "validate", "schedule",
            "answer", "retest"} <= set(done)
    assert FollowUp.objects.filter(answered_at__isnull=False).exists()
    panel = followup_figures.followups_panel(user=world.national, filters=Filters(),
                                             today=DAYS[-1])
    assert panel["done"]["done"] and panel["retention"]["pairs"], panel
    # Some trainer reached the same person in two sessions (counted once).
    links = Enrollment.objects.active().filter(
        cohort__facilitators__trainer_records__isnull=False).values_list(
        "cohort__facilitators", "trainee")
    assert len(links) > len(set(links))
    assert Certificate.objects.filter(status=Certificate.Status.REVOKED).exists() or \
        "revoke" not in done
