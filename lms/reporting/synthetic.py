"""A synthetic, country-scale dataset for load testing the dashboards (never for production).

Deterministic for a given seed. Everything it creates is marked: usernames, cohort codes,
organisation names and certificate codes start with "syn-"/"SYN", so `synthetic_clear` removes
exactly that. Rows go in with bulk_create in batches; no per-row queries.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from curriculum.models import CataloguePage, CoursePage, HomePage
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.cohorts.models import Attendance, Cohort, Enrollment, Trainer
from lms.organisations.models import Organisation
from lms.quizzes.models import Quiz, Sitting
from lms.quizzes.services import score_passes
from lms.regions.models import Region

from .rollups import totals_rebuild

BATCH = 5000
PREFIX = "syn-"
SCALES = {"220": (220, 22), "10k": (10_000, 1_000), "100k": (100_000, 10_000)}
# Where the trainees are: Bamako and the southern regions weigh more (illustrative only).
REGION_WEIGHTS = {"ML-BKO": 6, "ML-1": 4, "ML-2": 4, "ML-3": 4, "ML-4": 3, "ML-5": 3,
                  "ML-6": 2, "ML-7": 2, "ML-8": 1}


@dataclass
class Summary:
    users: int = 0
    cohorts: int = 0
    enrollments: int = 0
    attendance: int = 0
    sittings: int = 0
    certificates: int = 0

    def __str__(self) -> str:
        return ", ".join(f"{value:,} {name}" for name, value in vars(self).items())


def synthetic_clear() -> None:
    with transaction.atomic():
        Certificate.objects.filter(code__startswith="SYN").delete()
        Cohort.objects.filter(code__startswith=PREFIX).delete()
        User.objects.filter(username__startswith=PREFIX).delete()
        Organisation.objects.filter(name__startswith=PREFIX).delete()
        Quiz.objects.filter(slug__startswith=PREFIX).delete()


def _course():
    course = CoursePage.objects.order_by("pk").first()
    if course:
        return course
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Synthetic", slug=f"{PREFIX}home"))
    catalogue = home.add_child(instance=CataloguePage(title="Courses", slug="courses"))
    return catalogue.add_child(instance=CoursePage(
        title="Synthetic course", slug=f"{PREFIX}course", code=f"{PREFIX}course",
        summary="Synthetic data for load tests."))


def _cohorts_per_level(total: int, levels: int) -> list[int]:
    """Each level has four times the cohorts of the one above (a cascade widens)."""
    weights = [4 ** level for level in range(levels)]
    counts = [max(1, total * w // sum(weights)) for w in weights]
    counts[-1] += total - sum(counts)
    return counts


@dataclass
class _Run:
    """What the steps of one generation share: the seeded random source, the course, the
    regions with their weights, the clock, and the summary they fill in."""

    seed: int
    rng: random.Random
    course: CoursePage
    regions: list[Region]
    weights: list[int]
    now: datetime.datetime
    summary: Summary
    stdout: object = None

    def region(self) -> Region:
        return self.rng.choices(self.regions, self.weights)[0]

    def say(self, message: str) -> None:
        if self.stdout:
            self.stdout.write(message)


def _organisations(run: _Run) -> list[Organisation]:
    return Organisation.objects.bulk_create([
        Organisation(name=f"{PREFIX}organisation-{run.seed}-{i}",
                     kind=run.rng.choice(Organisation.Kind.values), region=run.region())
        for i in range(60)
    ])


def _people(run: _Run, *, organisations: list[Organisation], trainees: int,
            cohorts: int) -> tuple[list[User], list[User]]:
    """The master trainers (one per 500 cohorts, at least two) and the trainees."""
    rng = run.rng
    masters = User.objects.bulk_create([
        User(username=f"{PREFIX}{run.seed}-master-{i}", first_name="Master", last_name=str(i),
             password="!", sex=rng.choice("FM"), function=User.Function.PROGRAMME_OFFICER)
        for i in range(max(2, cohorts // 500))
    ])
    people = User.objects.bulk_create([
        User(username=f"{PREFIX}{run.seed}-{i}", first_name="Trainee", last_name=str(i),
             password="!", sex=rng.choice("FM"), function=rng.choice(User.Function.values),
             organisation=rng.choice(organisations), region=run.region())
        for i in range(trainees)
    ], batch_size=BATCH)
    run.summary.users = len(people) + len(masters)
    run.say(f"{run.summary.users:,} users")
    return masters, people


def _cascade(run: _Run, *, cohorts: int, levels: int) -> list[Cohort]:
    """The cohorts, level by level, each below a random cohort of the level above."""
    rng, base = run.rng, datetime.date(2023, 1, 9)
    all_cohorts: list[Cohort] = []
    previous: list[Cohort] = []
    for level, count in enumerate(_cohorts_per_level(cohorts, levels), start=1):
        batch = []
        for i in range(count):
            parent = rng.choice(previous) if previous else None
            start = (parent.start_date if parent else base) + datetime.timedelta(
                days=rng.randint(20, 120) if parent else rng.randint(0, 360))
            batch.append(Cohort(
                name=f"Synthetic L{level} #{i + 1}", code=f"{PREFIX}{run.seed}-l{level}-{i}",
                course=run.course, region=run.region(),
                start_date=start, end_date=start + datetime.timedelta(days=2), hours=16,
                status=Cohort.Status.COMPLETED, level=level, parent=parent,
                root_id=parent.top_id if parent else None,
                is_training_of_trainers=level < levels,
            ))
        previous = Cohort.objects.bulk_create(batch, batch_size=BATCH)
        all_cohorts.extend(previous)
    run.summary.cohorts = len(all_cohorts)
    run.say(f"{run.summary.cohorts:,} cohorts")
    return all_cohorts


def _enrollments(run: _Run, *, people: list[User], cohorts: list[Cohort],
                 repeat_share: float) -> tuple[list[Enrollment], dict[int, list[int]]]:
    """Every person in one cohort (each cohort gets someone), and `repeat_share` of them in a
    second one too (another course's workshop, a refresher); 1 in 10 withdrawn. Returns the
    enrollments and each cohort's members."""
    statuses = [Enrollment.Status.COMPLETED] * 8 + [Enrollment.Status.ENROLLED,
                                                    Enrollment.Status.WITHDRAWN]
    enrollments = []
    members: dict[int, list[int]] = {}
    for index, person in enumerate(people):
        cohort = cohorts[index % len(cohorts)] if index < len(cohorts) \
            else run.rng.choice(cohorts)
        status = run.rng.choice(statuses)
        enrollments.append(Enrollment(
            cohort=cohort, trainee=person, status=status,
            completed_at=run.now if status == Enrollment.Status.COMPLETED else None))
        members.setdefault(cohort.pk, []).append(person.pk)
        if repeat_share and len(cohorts) > 1 and run.rng.random() < repeat_share:
            again = run.rng.choice([c for c in run.rng.sample(cohorts, 2) if c != cohort])
            enrollments.append(Enrollment(cohort=again, trainee=person,
                                          status=Enrollment.Status.ENROLLED))
            members.setdefault(again.pk, []).append(person.pk)
    enrollments = Enrollment.objects.bulk_create(enrollments, batch_size=BATCH)
    run.summary.enrollments = len(enrollments)
    run.say(f"{run.summary.enrollments:,} enrollments")
    return enrollments, members


def _facilitators(run: _Run, *, cohorts: list[Cohort], masters: list[User],
                  members: dict[int, list[int]]) -> None:
    """Master trainers run level 1; below, a member of the upstream cohort, recorded as a
    trainer trained there."""
    links, trainers = [], {}
    through = Cohort.facilitators.through
    for cohort in cohorts:
        if cohort.parent_id is None:
            links.append(through(cohort_id=cohort.pk, user_id=run.rng.choice(masters).pk))
        elif members.get(cohort.parent_id):
            trainer = run.rng.choice(members[cohort.parent_id])
            links.append(through(cohort_id=cohort.pk, user_id=trainer))
            trainers[(trainer, cohort.parent_id)] = Trainer(
                user_id=trainer, trained_in_id=cohort.parent_id)
    through.objects.bulk_create(links, batch_size=BATCH)
    Trainer.objects.bulk_create(trainers.values(), batch_size=BATCH)


def _attendance(run: _Run, *, enrollments: list[Enrollment]) -> None:
    """Two days each for those not withdrawn, mostly present."""
    days = [Attendance.Status.PRESENT] * 9 + [Attendance.Status.ABSENT,
                                               Attendance.Status.EXCUSED]
    attendance = (
        Attendance(enrollment=e, date=e.cohort.start_date + datetime.timedelta(days=d),
                   status=run.rng.choice(days))
        for e in enrollments if e.status != Enrollment.Status.WITHDRAWN for d in (0, 1)
    )
    run.summary.attendance = _bulk(Attendance, attendance)
    run.say(f"{run.summary.attendance:,} attendance days")


def _results(run: _Run, *, enrollments: list[Enrollment]) -> None:
    """A pre-test and a post-test for those not withdrawn (scored by the quiz engine's pass
    rule), and a certificate for those who completed and passed."""
    rng, seed, course = run.rng, run.seed, run.course
    pre, _ = Quiz.objects.get_or_create(
        slug=f"{PREFIX}{seed}-pre", defaults={"title_en": "Synthetic pre-test",
                                              "course": course, "purpose": "pre_test"})
    post, _ = Quiz.objects.get_or_create(
        slug=f"{PREFIX}{seed}-post", defaults={"title_en": "Synthetic post-test",
                                               "course": course, "purpose": "post_test"})
    sittings, certificates = [], []
    for e in enrollments:
        if e.status == Enrollment.Status.WITHDRAWN:
            continue
        before = min(100, max(0, round(rng.gauss(50, 15))))
        after = min(100, max(0, before + round(rng.gauss(22, 10))))
        passed = score_passes(quiz=post, score_percent=after)
        sittings.append(Sitting(user_id=e.trainee_id, quiz=pre, cohort_id=e.cohort_id,
                                score_percent=before,
                                passed=score_passes(quiz=pre, score_percent=before),
                                completed_at=run.now))
        sittings.append(Sitting(user_id=e.trainee_id, quiz=post, cohort_id=e.cohort_id,
                                score_percent=after, passed=passed, completed_at=run.now))
        if e.status == Enrollment.Status.COMPLETED and passed:
            certificates.append(Certificate(
                enrollment=e, code=f"SYN{seed}-{e.pk}", trainee_name=f"Trainee {e.pk}",
                course_title=course.title, issuer_name="Synthetic", language="fr",
                render_status=Certificate.RenderStatus.DONE, rendered_version=1))
    run.summary.sittings = _bulk(Sitting, sittings)
    run.summary.certificates = _bulk(Certificate, certificates)
    run.say(f"{run.summary.sittings:,} sittings, {run.summary.certificates:,} certificates")


def synthetic_generate(*, trainees: int, cohorts: int, levels: int = 4, seed: int = 1,
                       repeat_share: float = 0.0, stdout=None) -> Summary:
    """Create `trainees` people spread over `cohorts` cohorts on `levels` cascade levels
    (`repeat_share` of them enrolled in a second cohort), with attendance, pre/post-test
    sittings and certificates. Call `synthetic_clear` first to replace an earlier run."""
    regions = list(Region.objects.all())
    run = _Run(seed=seed, rng=random.Random(seed), course=_course(), regions=regions,
               weights=[REGION_WEIGHTS.get(r.iso_code, 1) for r in regions],
               now=timezone.now(), summary=Summary(), stdout=stdout)
    with transaction.atomic():
        organisations = _organisations(run)
        masters, people = _people(run, organisations=organisations, trainees=trainees,
                                  cohorts=cohorts)
        all_cohorts = _cascade(run, cohorts=cohorts, levels=levels)
        enrollments, members = _enrollments(run, people=people, cohorts=all_cohorts,
                                            repeat_share=repeat_share)
        _facilitators(run, cohorts=all_cohorts, masters=masters, members=members)
        _attendance(run, enrollments=enrollments)
        _results(run, enrollments=enrollments)
        rows = totals_rebuild()  # bulk rows bypass the services: the totals follow here
        run.say(f"{rows:,} rows of dashboard totals")
    return run.summary

def _bulk(model, rows) -> int:
    count, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            count, batch = count + len(batch), []
    if batch:
        model.objects.bulk_create(batch)
    return count + len(batch)
