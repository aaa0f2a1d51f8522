"""Demo cascade, loaded by `manage.py load_demo` after the curriculum and accounts steps.

The eight 2022 NRM training-of-trainers workshops (level 1), level-2 sessions run by trainers
recorded from them, a few level-3 sessions, cohorts of the two other courses, and an ongoing
Bamako session in which the demo `trainee` is enrolled. Idempotent: a second run only makes
sure the partner organisations exist. Completion is left to the quizzes step, except for the
people recorded as trainers (a trainer must have completed their training of trainers).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from curriculum.models import CoursePage
from lms.accounts import roles
from lms.accounts.demo import DemoAccount, demo_account_ensure
from lms.organisations.models import Organisation
from lms.regions.models import Region

from ..models import Cohort
from . import field
from .builder import DemoBuilder
from .data import MASTER_TRAINERS, NRM_WORKSHOPS, ORGANISATIONS

User = get_user_model()
MARKER_CODE = "nrm-tot-2022-bamako"
DEMO_PASSWORD = "cascade-demo"

# Level 2: (region, town, index of the level-1 workshop that trained its facilitators,
# trainees, training of trainers?, start date)
LEVEL2 = [
    ("Bamako", "Commune IV", 0, 16, True, datetime.date(2022, 7, 12)),
    ("Bamako", "Commune I", 0, 14, False, datetime.date(2022, 9, 6)),
    ("Kayes", "Kita", 1, 18, True, datetime.date(2022, 7, 26)),
    ("Kayes", "Nioro du Sahel", 1, 12, False, datetime.date(2022, 10, 4)),
    ("Koulikoro", "Kati", 2, 15, False, datetime.date(2022, 8, 9)),
    ("Sikasso", "Koutiala", 3, 20, False, datetime.date(2022, 8, 23)),
    ("Sikasso", "Bougouni", 3, 13, False, datetime.date(2022, 11, 15)),
    ("Ségou", "San", 4, 16, False, datetime.date(2022, 9, 20)),
    ("Mopti", "Djenné", 5, 14, False, datetime.date(2022, 10, 18)),
    ("Mopti", "Bandiagara", 5, 12, False, datetime.date(2023, 1, 17)),
    ("Tombouctou", "Goundam", 6, 11, False, datetime.date(2022, 11, 8)),
    ("Gao", "Ansongo", 7, 15, False, datetime.date(2023, 2, 7)),
]
# Level 3: (region, town, index in LEVEL2 of the ToT session that trained them, trainees, start)
LEVEL3 = [
    ("Bamako", "Commune VI", 0, 12, datetime.date(2023, 5, 16)),
    ("Kayes", "Bafoulabé", 2, 11, datetime.date(2023, 6, 13)),
    ("Kayes", "Diéma", 2, 10, datetime.date(2023, 11, 7)),
]


def _organisations_ensure(regions: dict[str, Region]) -> int:
    existing = set(Organisation.objects.values_list("name", flat=True))
    Organisation.objects.bulk_create([
        Organisation(name=name, acronym=acronym, kind=kind,
                     region=regions.get(region) if region else None)
        for name, acronym, kind, region in ORGANISATIONS if name not in existing
    ])
    return len(ORGANISATIONS)


def _master_trainers() -> dict[str, object]:
    people = {}
    for username, first, last, _sex, region in MASTER_TRAINERS:
        people[username], _created = demo_account_ensure(
            account=DemoAccount(username, first, last, roles.FACILITATOR, region=region),
            password=DEMO_PASSWORD)
    for username, _first, _last, sex, _region in MASTER_TRAINERS:
        User.objects.filter(username=username).update(sex=sex, function="programme_officer")
    people.update({u.username: u for u in User.objects.filter(username="facilitator")})
    return people


@transaction.atomic
def load() -> str:
    regions = {region.name: region for region in Region.objects.all()}
    organisations = _organisations_ensure(regions)
    courses = {page.code: page for page in CoursePage.objects.filter(locale__language_code="en")}
    if "nrm" not in courses:
        return f"{organisations} organisations; no NRM course yet, cohorts skipped"
    if Cohort.objects.filter(code=MARKER_CODE).exists():
        return (f"{organisations} organisations; demo cohorts already loaded; "
                f"{field.load(password=DEMO_PASSWORD)}")
    trainers = _master_trainers()
    builder = DemoBuilder(rng=random.Random(2022), regions=regions,
                          today=timezone.localdate())
    nrm = courses["nrm"]

    level1 = []
    for region, venue, (month, day), masters, size in NRM_WORKSHOPS:
        start = datetime.date(2022, month, day)
        cohort = builder.cohort(
            code=MARKER_CODE if region == "Bamako" else f"nrm-tot-2022-{builder.slug(region)}",
            name=f"NRM training of trainers - {region} 2022", course=nrm, region=region,
            venue=venue, start=start, days=3, tot=True,
            facilitators=[trainers[m] for m in masters if m in trainers])
        builder.enrol_new_people(cohort, size, region=region)
        level1.append(cohort)
    builder.flush()
    recorded = {c.pk: builder.record_trainers(c, 3) for c in level1}

    level2 = []
    for region, town, source, size, tot, start in LEVEL2:
        people = recorded[level1[source].pk]
        facilitators = people[:2] if len(level2) % 2 == 0 else people[1:3]
        cohort = builder.cohort(
            code=f"nrm-2-{builder.slug(town)}-{start.year}", course=nrm, region=region,
            name=f"NRM session - {town} ({region}) {start.year}", venue=town, start=start,
            days=2, tot=tot, facilitators=facilitators)
        builder.enrol_new_people(cohort, size, region=region)
        level2.append(cohort)
    builder.flush()
    recorded2 = {c.pk: builder.record_trainers(c, 2) for c in level2 if c.is_training_of_trainers}
    for region, town, source, size, start in LEVEL3:
        facilitators = recorded2[level2[source].pk][: 1 + len(builder.cohorts) % 2]
        cohort = builder.cohort(
            code=f"nrm-3-{builder.slug(town)}-{start.year}", course=nrm, region=region,
            name=f"NRM session - {town} ({region}) {start.year}", venue=town, start=start,
            days=2, tot=False, facilitators=facilitators)
        builder.enrol_new_people(cohort, size, region=region)

    _other_courses(builder, courses, trainers)
    _ongoing_bamako(builder, nrm, trainers, recorded[level1[0].pk])
    builder.flush()
    return (f"{organisations} organisations, {len(builder.cohorts)} cohorts, "
            f"{builder.people_created} trainees, {builder.trainers_recorded} trainers recorded, "
            f"{builder.attendance_created} attendance marks; {field.load(password=DEMO_PASSWORD)}")


def _other_courses(builder: DemoBuilder, courses: dict, trainers: dict) -> None:
    today = builder.today
    if "reintegration" in courses:
        cohort = builder.cohort(
            code="reintegration-2022-bamako", course=courses["reintegration"], region="Bamako",
            name="Reintegration workshop - Bamako 2022", venue="Bamako",
            start=datetime.date(2022, 3, 7), days=2, tot=False,
            facilitators=[trainers["mt.sangare"]])
        builder.enrol_new_people(cohort, 24, region="Bamako")
    if "psychosocial" in courses:
        plan = [("Bamako", "Bamako", datetime.date(2024, 9, 17), 20),
                ("Kayes", "Kita", datetime.date(2024, 11, 12), 18),
                ("Kayes", "Kayes", today + datetime.timedelta(days=30), 10)]
        for region, town, start, size in plan:
            cohort = builder.cohort(
                code=f"psychosocial-{builder.slug(town)}-{start.year}",
                course=courses["psychosocial"], region=region, venue=town, start=start,
                name=f"Psychosocial support - {town} {start.year}", days=3, tot=False,
                facilitators=[trainers["mt.konate"] if region == "Kayes" else
                              trainers["mt.dembele"]])
            builder.enrol_new_people(cohort, size, region=region)


def _ongoing_bamako(builder: DemoBuilder, nrm, trainers: dict, bamako_trainers: list) -> None:
    """Started yesterday, ends tomorrow: the demo trainee can take the pre- and post-test."""
    start = builder.today - datetime.timedelta(days=1)
    facilitators = [trainers["facilitator"]] if "facilitator" in trainers else []
    cohort = builder.cohort(
        code=f"nrm-bamako-{start:%Y-%m}", course=nrm, region="Bamako",
        name=f"NRM session - Bamako {start:%B %Y}", venue="Commune III", start=start, days=3,
        tot=False, facilitators=facilitators + bamako_trainers[:1])
    trainee = User.objects.filter(username="trainee").first()
    if trainee is not None:
        builder.enrol_existing(cohort, trainee)
    builder.enrol_new_people(cohort, 17, region="Bamako")

