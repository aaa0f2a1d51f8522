"""A Kayes ToT workshop that trained a trainer, a Mopti one that trained another, and people
around them: the field workflow's tests start here."""

import datetime
import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from lms.accounts import roles
from lms.cohorts import services
from lms.cohorts.models import Enrollment
from tests.factories import UserFactory, make_cohort, region

DAY1, DAY2 = datetime.date(2024, 5, 6), datetime.date(2024, 5, 7)


def photo(size=(3000, 2000), fmt="JPEG", name="sheet.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 200, 190)).save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("sheet.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
                              content_type="application/pdf")


def new_session(field, who="trainer", **kwargs):
    from lms.cohorts import sessions

    values = {"course": field["course"], "start_date": DAY1, "end_date": DAY2,
              "venue": "Mairie", "commune": "Kayes N'di"}
    values.update(kwargs)
    return sessions.session_create(by=field[who], **values)


@pytest.fixture
def field(world, course):
    people = world["people"]
    kayes, mopti = region("Kayes"), region("Mopti")

    def trainer(username, home, name):
        tot = make_cohort(course=course, region_name=home.name, name=f"ToT {home.name}",
                          is_training_of_trainers=True, level=1)
        tot.facilitators.add(people[f"facilitator_{home.slug}"])
        person = UserFactory(username=username, roles=[roles.TRAINEE], region=home,
                             first_name=name, last_name="Formatrice")
        Enrollment.objects.create(cohort=tot, trainee=person,
                                  status=Enrollment.Status.COMPLETED)
        services.trainer_record(user=person, cohort=tot, by=people["coord_kayes"])
        return tot, person

    tot_kayes, trainer_kayes = trainer("trainer.kayes", kayes, "Awa")
    tot_mopti, trainer_mopti = trainer("trainer.mopti", mopti, "Fanta")
    return {**people, "course": course, "tot": tot_kayes, "tot_mopti": tot_mopti,
            "trainer": trainer_kayes, "trainer_mopti": trainer_mopti,
            "staff_cohort": world["cohorts"]["kayes"],
            "neighbour": UserFactory(username="neighbour", roles=[roles.TRAINEE], region=kayes,
                                     first_name="Binta", last_name="Voisine")}
