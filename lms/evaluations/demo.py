"""Demo data for this app, loaded by `manage.py load_demo` after the cohorts (see
lms/core/demo.py). Idempotent.

- the trainees' year of birth and, for most, the Washington Group answers (a few with a
  disability), so the indicator report has age bands and disability to show;
- the reactions of the 2022 cohorts (the NRM training-of-trainers workshops and the level-2
  sessions of 2022): about four in five trainees answered on the last day, a third of them
  anonymously, through the same service as the site's form.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from lms.accounts import roles
from lms.accounts.demographics import WG_FIELDS, Difficulty
from lms.cohorts.models import Cohort, Enrollment

from . import selectors, services
from .models import Receipt

User = get_user_model()
SEED = 2022
APPLY = [
    "Orienter les migrants vulnérables par le MNR dès le premier contact.",
    "Remplir la fiche de référence avec le consentement de la personne.",
    "Organiser une séance de premiers secours psychologiques dans ma commune.",
    "Partager la cartographie des services avec mes collègues.",
    "Former à mon tour les agents de mon service.",
]
MISSING = [
    "Plus de temps pour les études de cas.",
    "Des exemples venant de notre région.",
    "Le lieu était trop chaud l'après-midi.",
    "Les supports imprimés sont arrivés en retard.",
    "",
]


def _demographics(rng: random.Random) -> int:
    people = list(User.objects.filter(groups__name=roles.TRAINEE, birth_year__isnull=True)
                  .order_by("pk"))
    for person in people:
        person.birth_year = rng.randint(1966, 2001)
        if rng.random() < 0.7:  # asked the Washington Group questions
            severe = rng.random() < 0.05
            for field in WG_FIELDS:
                setattr(person, field, rng.choices(
                    [Difficulty.NONE, Difficulty.SOME], weights=[9, 1])[0])
            if severe:
                setattr(person, rng.choice(WG_FIELDS),
                        rng.choice([Difficulty.A_LOT, Difficulty.CANNOT]))
    User.objects.bulk_update(people, ["birth_year", *WG_FIELDS], batch_size=500)
    return len(people)


def _answers(rng: random.Random, question_set, mood: float) -> dict:
    answers = {}
    for item in question_set.items.all():
        key = services.field_name(item)
        if item.is_likert:
            centre = mood - (0.6 if item.topic == "venue" else 0)
            answers[key] = max(1, min(5, round(rng.gauss(centre, 0.7))))
        elif item.topic == "apply":
            answers[key] = rng.choice(APPLY)
        else:
            answers[key] = rng.choice(MISSING)
    return answers


def _reactions(rng: random.Random) -> int:
    cohorts = Cohort.objects.filter(start_date__year=2022).exclude(
        status=Cohort.Status.CANCELLED).order_by("start_date", "pk")
    made = 0
    for cohort in cohorts:
        question_set = selectors.question_set_for(cohort=cohort)
        if question_set is None:
            continue
        mood = rng.uniform(3.6, 4.6)
        waiting = (Enrollment.objects.active().filter(cohort=cohort)
                   .exclude(Exists(Receipt.objects.filter(enrollment=OuterRef("pk"))))
                   .select_related("trainee", "cohort").order_by("pk"))
        for enrollment in waiting:
            if rng.random() > 0.8:
                continue
            services.response_submit(
                enrollment=enrollment, by=enrollment.trainee,
                answers=_answers(rng, question_set, mood), anonymous=rng.random() < 0.33,
                today=cohort.end_date + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 3])))
            made += 1
    return made


def load() -> str:
    rng = random.Random(SEED)
    people = _demographics(rng)
    made = _reactions(rng)
    return f"{people} trainees' age and disability, {made} reactions to 2022 cohorts"
