"""Demo follow-ups, loaded by `manage.py load_demo` after the certificates step. Idempotent.

The 2022 workshops' trainees completed at the end of their workshop (the demo's completions are
dated then, not the day the demo was loaded), so their 3- and 6-month follow-ups fell due in
2022-2023: about two thirds were answered (by phone to the coordinator, or online), some with a
visit, and the rest are overdue. A refresher session for some of the Kayes and Mopti workshop
participants ended a little over three months ago: its 3-month follow-ups are due now, so
`coord.kayes` and `coord.mopti` have calls to make. Nothing is sent: the notices of the demo's
follow-ups are marked "not to be sent".
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lms.accounts.services import plain_trainees
from lms.cohorts import services as cohorts
from lms.cohorts.models import Cohort, Enrollment
from lms.regions.models import Region

from .models import FollowUp, FollowUpNotice, FollowUpVisit, Practice
from .rules import mali_today
from .services import followups_schedule

User = get_user_model()
REFRESHER = "nrm-refresher-{region}"
OBSTACLES = [
    "Pas de moyen de transport pour accompagner les personnes orientées.",
    "Le service de référence était fermé ou sans personnel.",
    "Manque de temps avec mes autres tâches.",
    "No budget to organise a session in the community.",
    "",
    "",
]
OBSERVATIONS = [
    "Fiches d'orientation bien tenues ; deux cas suivis jusqu'au bout.",
    "Connaît le circuit de référence ; a besoin des contacts à jour des partenaires.",
    "Session de sensibilisation observée, bonne participation.",
]


def _completions_at_workshop_end(today: datetime.date) -> int:
    """Completed enrollments of cohorts that ended more than a month ago are dated at the end
    of the cohort (17:00 in Mali), as they happened."""
    changed = 0
    for cohort_id, end in Cohort.objects.filter(
            end_date__lt=today - datetime.timedelta(days=31)).values_list("pk", "end_date"):
        changed += Enrollment.objects.filter(
            cohort_id=cohort_id, status=Enrollment.Status.COMPLETED,
            completed_at__gt=timezone.make_aware(datetime.datetime.combine(
                end + datetime.timedelta(days=31), datetime.time()), datetime.UTC),
        ).update(completed_at=datetime.datetime.combine(end, datetime.time(17),
                                                        tzinfo=datetime.UTC))
    return changed


def _refreshers(today: datetime.date) -> int:
    """One refresher per region (Kayes, Mopti) for six of its 2022 workshop's participants,
    ended 95 days ago and completed then."""
    end = today - datetime.timedelta(days=95)
    created = 0
    for name in ("Kayes", "Mopti"):
        code = REFRESHER.format(region=name.lower())
        workshop = Cohort.objects.filter(code=f"nrm-tot-2022-{name.lower()}").first()
        region = Region.objects.filter(name=name).first()
        if workshop is None or region is None or Cohort.objects.filter(code=code).exists():
            continue
        cohort = cohorts.cohort_create(
            by=None, facilitators=list(workshop.facilitators.all()), code=code,
            name=f"NRM refresher - {name} {end.year}", course=workshop.course, region=region,
            venue=workshop.venue, start_date=end - datetime.timedelta(days=1), end_date=end,
            hours=14, capacity=20, language="fr", status=Cohort.Status.COMPLETED)
        people = list(plain_trainees(User.objects.filter(enrollments__cohort=workshop))
                      .order_by("pk")[:6])
        for person in people:
            enrollment = cohorts.enrollment_create(cohort=cohort, trainee=person)
            cohorts.enrollment_complete(enrollment=enrollment)
        Enrollment.objects.filter(cohort=cohort).update(completed_at=datetime.datetime.combine(
            end, datetime.time(16), tzinfo=datetime.UTC))
        created += 1
    return created


def _answer(rng: random.Random, follow_up: FollowUp, practices: list[Practice],
            coordinators: dict[int, User]) -> None:
    by_phone = rng.random() < 0.7
    applied = rng.sample(practices, rng.randint(0, 3))
    trained = any(p.code == "trained-others" for p in applied) or rng.random() < 0.2
    when = datetime.datetime.combine(
        follow_up.due_date + datetime.timedelta(days=rng.randint(0, 25)),
        datetime.time(rng.randint(8, 17)), tzinfo=datetime.UTC)
    follow_up.channel = FollowUp.Channel.PHONE_CALL if by_phone else FollowUp.Channel.SELF
    follow_up.recorded_by = (coordinators.get(follow_up.enrollment.cohort.region_id)
                             if by_phone else follow_up.enrollment.trainee)
    follow_up.trained_others = trained
    follow_up.people_trained = rng.randint(5, 30) if trained else None
    follow_up.obstacles = rng.choice(OBSTACLES)
    follow_up.answered_at = when
    follow_up.save()
    follow_up.practices.set(applied)


@transaction.atomic
def load() -> str:
    today = mali_today()
    if FollowUp.objects.filter(answered_at__isnull=False).exists():
        return "demo follow-ups already loaded"
    dated = _completions_at_workshop_end(today)
    refreshers = _refreshers(today)
    scheduled = followups_schedule()
    rng = random.Random("followups-2022")
    practices = list(Practice.objects.filter(active=True))
    coordinators = {}
    for user in User.objects.filter(username__startswith="coord.").prefetch_related(
            "coordinated_regions"):
        for region in user.coordinated_regions.all():
            coordinators[region.pk] = user
    answered = visits = 0
    past = (FollowUp.objects.filter(due_date__lt=today - datetime.timedelta(days=60))
            .select_related("enrollment__cohort", "enrollment__trainee").order_by("pk"))
    for follow_up in past:
        if rng.random() < 0.65:
            _answer(rng, follow_up, practices, coordinators)
            answered += 1
            if follow_up.months == 6 and rng.random() < 0.25:
                FollowUpVisit.objects.create(
                    follow_up=follow_up,
                    visited_on=follow_up.due_date + datetime.timedelta(days=rng.randint(5, 40)),
                    observations=rng.choice(OBSERVATIONS), rating=rng.randint(2, 5),
                    recorded_by=follow_up.recorded_by
                    if follow_up.channel == FollowUp.Channel.PHONE_CALL else None)
                visits += 1
    # The demo's trainees are made up, some numbers may be real: never message them.
    FollowUpNotice.objects.bulk_create(
        [FollowUpNotice(follow_up=f, kind=kind, status=FollowUpNotice.Status.SKIPPED)
         for f in FollowUp.objects.not_done() for kind in FollowUpNotice.Kind.values],
        ignore_conflicts=True)
    due = FollowUp.objects.not_done().filter(
        due_date__lte=today, due_date__gt=today - datetime.timedelta(days=30)).count()
    overdue = FollowUp.objects.not_done().filter(
        due_date__lte=today - datetime.timedelta(days=30)).count()
    return (f"{scheduled} follow-ups ({dated} completions dated at their workshop's end, "
            f"{refreshers} refresher sessions): {answered} answered, {visits} visits, "
            f"{due} due, {overdue} overdue")
