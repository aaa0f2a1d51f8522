"""Demo of the field workflow: two trainees recorded as trainers, who sign in with the demo
password and run their own sessions (README, "Sessions run by trainers").

- `trainer.kayes` (Aïssata Camara), trained in the 2022 Kayes workshop: no session yet, so a
  demo (and the browser journey) creates a level-2 session from her phone.
- `trainer.mopti` (Seydou Guindo), trained in the 2022 Mopti workshop: one session validated
  by `coord.mopti` two months ago (so he is an active trainer) and one closed last week,
  waiting for validation in `coord.mopti`'s "Sessions to validate".

Everything goes through the services a trainer's pages call (session_create, roster_import,
attendance_record, session_close, session_validate). Idempotent.
"""

import datetime
import io

from PIL import Image, ImageDraw

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from curriculum.models import CoursePage
from lms.accounts import roles
from lms.accounts.demo import DemoAccount, demo_account_ensure

from .. import services, sessions
from ..importers import COLUMNS, RawRow, roster_import
from ..models import Cohort, Enrollment, Trainer

User = get_user_model()

FIELD_TRAINERS = [
    (DemoAccount("trainer.kayes", "Aïssata", "Camara", roles.TRAINEE, region="Kayes"),
     "nrm-tot-2022-kayes"),
    (DemoAccount("trainer.mopti", "Seydou", "Guindo", roles.TRAINEE, region="Mopti"),
     "nrm-tot-2022-mopti"),
]
MOPTI_PEOPLE = [("Mariam", "Kansaye", "F"), ("Hamidou", "Dicko", "M"),
                ("Fadimata", "Cissé", "F"), ("Bréhima", "Tembely", "M")]


def sheet_photo(title: str) -> SimpleUploadedFile:
    """A stand-in for the phone photo of a signed sheet."""
    image = Image.new("RGB", (1600, 1200), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    draw.text((60, 60), f"Feuille d'emargement - {title}", fill=(20, 20, 20))
    for row in range(12):
        draw.line((60, 160 + row * 80, 1540, 160 + row * 80), fill=(120, 120, 120), width=2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return SimpleUploadedFile("feuille.jpg", out.getvalue(), content_type="image/jpeg")


def _trainer(account: DemoAccount, tot_code: str, password: str):
    tot = Cohort.objects.filter(code=tot_code).first()
    if tot is None:
        return None
    person, _created = demo_account_ensure(account=account, password=password)
    Enrollment.objects.update_or_create(
        cohort=tot, trainee=person, defaults={"status": Enrollment.Status.COMPLETED,
                                              "completed_at": tot.created_at})
    services.trainer_record(user=person, cohort=tot, by=None)
    return person


def _run(*, trainer, course, start: datetime.date, commune: str, people: list) -> Cohort:
    session = sessions.session_create(by=trainer, course=course, start_date=start,
                                      end_date=start + datetime.timedelta(days=1),
                                      venue="Mairie", commune=commune, capacity=25)
    roster_import(cohort=session, by=trainer, raw_rows=[
        RawRow(number=n, values=dict.fromkeys(COLUMNS, "") | {
            "first_name": first, "last_name": last, "sex": sex, "region": "Mopti"})
        for n, (first, last, sex) in enumerate(people, start=2)])
    enrollments = list(session.enrollments.values_list("pk", flat=True))
    for day in services.cohort_days(cohort=session):
        services.attendance_record(cohort=session, date=day, by=trainer,
                                   statuses=dict.fromkeys(enrollments, "present"))
    return sessions.session_close(by=trainer, cohort=session, evidence=sheet_photo(commune))


def load(*, password: str) -> str:
    trainers = {account.username: _trainer(account, code, password)
                for account, code in FIELD_TRAINERS}
    mopti, coordinator = trainers["trainer.mopti"], User.objects.filter(
        username="coord.mopti").first()
    course = CoursePage.objects.filter(locale__language_code="en", code="nrm").first()
    if mopti is None or course is None:
        return "field trainers skipped (no 2022 workshops)"
    if not Cohort.objects.filter(facilitators=mopti).exists():
        today = services.training_today()
        done = _run(trainer=mopti, course=course, start=today - datetime.timedelta(days=60),
                    commune="Sévaré", people=MOPTI_PEOPLE[:2])
        if coordinator is not None:
            sessions.session_validate(by=coordinator, cohort=done, comment="Merci, complet.")
        _run(trainer=mopti, course=course, start=today - datetime.timedelta(days=8),
             commune="Fatoma", people=MOPTI_PEOPLE[2:])
    recorded = Trainer.objects.filter(user__username__in=list(trainers)).count()
    return f"{recorded} field trainers, {Cohort.objects.awaiting_validation().count()} " \
           f"sessions awaiting validation"
