"""Builds the demo cascade quickly: cohorts and trainers through the services, people,
enrollments and attendance in bulk."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils.text import slugify

from lms.accounts import roles
from lms.organisations.models import Organisation
from lms.regions.models import Region

from .. import services
from ..models import Attendance, Cohort, Enrollment
from .data import FEMALE_FIRST, FUNCTION_WEIGHTS, LAST_NAMES, MALE_FIRST

User = get_user_model()
STATUS_WEIGHTS = [(Attendance.Status.PRESENT, 90), (Attendance.Status.ABSENT, 6),
                  (Attendance.Status.EXCUSED, 4)]


class DemoBuilder:
    def __init__(self, *, rng: random.Random, regions: dict[str, Region], today: datetime.date):
        self.rng, self.regions, self.today = rng, regions, today
        self.cohorts: list[Cohort] = []
        self.people_created = self.trainers_recorded = self.attendance_created = 0
        self._pending: list[tuple[Cohort, User | None, dict]] = []
        self._phones = set(User.objects.filter(phone__startswith="+223")
                           .values_list("phone", flat=True))
        organisations = list(Organisation.objects.select_related("region"))
        self._national_orgs = [o for o in organisations
                               if o.region is None or o.region.name == "Bamako"]
        self._orgs_by_region: dict[str, list[Organisation]] = {}
        for organisation in organisations:
            if organisation.region:
                self._orgs_by_region.setdefault(organisation.region.name, []).append(organisation)
        self._trainees_group, _ = Group.objects.get_or_create(name=roles.TRAINEE)
        self._password = make_password(None)

    @staticmethod
    def slug(text: str) -> str:
        return slugify(text)

    def _status(self, start: datetime.date, end: datetime.date) -> str:
        if end < self.today:
            return Cohort.Status.COMPLETED
        return Cohort.Status.ONGOING if start <= self.today else Cohort.Status.PLANNED

    def cohort(self, *, code, name, course, region, venue, start, days, tot, facilitators):
        end = start + datetime.timedelta(days=days - 1)
        cohort = services.cohort_create(
            by=None, facilitators=facilitators, code=code, name=name, course=course,
            region=self.regions[region], venue=venue, start_date=start, end_date=end,
            hours=7 * days, capacity=35, language="fr", status=self._status(start, end),
            is_training_of_trainers=tot)
        self.cohorts.append(cohort)
        return cohort

    def _phone(self) -> str:
        while True:
            phone = f"+223{self.rng.choice('6789')}{self.rng.randrange(10**7):07d}"
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def _person(self, region: str) -> User:
        rng = self.rng
        sex = "F" if rng.random() < 0.42 else "M"
        first = rng.choice(FEMALE_FIRST if sex == "F" else MALE_FIRST)
        last = rng.choice(LAST_NAMES)
        phone = self._phone()
        local = self._orgs_by_region.get(region, [])
        organisation = rng.choice(local if local and rng.random() < 0.5 else self._national_orgs)
        function = rng.choices([f for f, _w in FUNCTION_WEIGHTS],
                               weights=[w for _f, w in FUNCTION_WEIGHTS])[0]
        email = ""
        if rng.random() < 0.45:
            email = f"{slugify(first)}.{slugify(last)}.{phone[-4:]}@example.org"
        return User(username=phone.lstrip("+"), password=self._password, first_name=first,
                    last_name=last, sex=sex, function=function, organisation=organisation,
                    region=self.regions[region], phone=phone, email=email, language="fr")

    def enrol_new_people(self, cohort: Cohort, count: int, *, region: str) -> None:
        for _ in range(count):
            self._pending.append((cohort, self._person(region), {}))

    def enrol_existing(self, cohort: Cohort, person) -> None:
        self._pending.append((cohort, None, {"existing": person}))

    def flush(self) -> None:
        """Write the pending people, their enrollments and the attendance of past days."""
        new_people = [person for _cohort, person, _extra in self._pending if person is not None]
        User.objects.bulk_create(new_people)
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=p.pk, group_id=self._trainees_group.pk) for p in new_people],
            ignore_conflicts=True)
        self.people_created += len(new_people)
        enrollments = Enrollment.objects.bulk_create([
            Enrollment(cohort=cohort, trainee=person or extra["existing"])
            for cohort, person, extra in self._pending
        ])
        marks = []
        for enrollment in enrollments:
            cohort = enrollment.cohort
            for day in services.cohort_days(cohort=cohort):
                if day >= self.today:
                    break
                status = self.rng.choices([s for s, _w in STATUS_WEIGHTS],
                                          weights=[w for _s, w in STATUS_WEIGHTS])[0]
                marks.append(Attendance(enrollment=enrollment, date=day, status=status))
        Attendance.objects.bulk_create(marks, batch_size=2000)
        self.attendance_created += len(marks)
        self._pending = []

    def record_trainers(self, cohort: Cohort, count: int) -> list:
        """Pick `count` participants who attended every day, mark them completed (they are the
        ones who went on to train others) and record them as trainers through the service."""
        full = [e for e in Enrollment.objects.filter(cohort=cohort).select_related("trainee")
                .order_by("pk")
                if not e.attendances.exclude(status=Attendance.Status.PRESENT).exists()]
        chosen = full[:count]
        for enrollment in chosen:
            Enrollment.objects.filter(pk=enrollment.pk).update(
                status=Enrollment.Status.COMPLETED,
                completed_at=datetime.datetime.combine(
                    cohort.end_date, datetime.time(17), tzinfo=datetime.UTC))
            services.trainer_record(user=enrollment.trainee, cohort=cohort, by=None)
        self.trainers_recorded += len(chosen)
        people = [e.trainee for e in chosen]
        Group.objects.get(name=roles.FACILITATOR).user_set.add(*people)
        return people
