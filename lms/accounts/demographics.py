"""What donors disaggregate by, besides sex and region: age band and disability.

**Age**: the year of birth is stored (people know it better than their birth date, and it
says less about them); the age band is the age reached during a given year, e.g. the year a
cohort started: `year - birth_year`.

**Disability**: the Washington Group short set, six questions (seeing, hearing, walking,
cognition, self-care, communication), each answered "no difficulty", "some difficulty",
"a lot of difficulty" or "cannot do at all". The Group's recommended cut-off: a person has a
disability when at least one answer is "a lot of difficulty" or "cannot do at all". Optional:
nobody has to answer; with no answer at all it is "not recorded".
"""

from collections.abc import Iterable

from django.db import models
from django.db.models import Case, CharField, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils.translation import gettext_lazy as _

BIRTH_YEAR_MIN = 1920
MIN_AGE = 14  # the youngest trainee a year of birth can give


class Difficulty(models.IntegerChoices):
    NONE = 1, _("No difficulty")
    SOME = 2, _("Some difficulty")
    A_LOT = 3, _("A lot of difficulty")
    CANNOT = 4, _("Cannot do at all")


DISABILITY_FROM = Difficulty.A_LOT

# (field, short label, the question as the Washington Group asks it)
WG_QUESTIONS = [
    ("wg_seeing", _("Seeing"),
     _("Do you have difficulty seeing, even if wearing glasses?")),
    ("wg_hearing", _("Hearing"),
     _("Do you have difficulty hearing, even if using a hearing aid?")),
    ("wg_walking", _("Walking"),
     _("Do you have difficulty walking or climbing steps?")),
    ("wg_cognition", _("Remembering or concentrating"),
     _("Do you have difficulty remembering or concentrating?")),
    ("wg_selfcare", _("Self-care"),
     _("Do you have difficulty with self-care, such as washing all over or dressing?")),
    ("wg_communication", _("Communicating"),
     _("Using your usual language, do you have difficulty communicating, for example "
       "understanding or being understood?")),
]
WG_FIELDS = [field for field, _label, _question in WG_QUESTIONS]


class AgeBand(models.TextChoices):
    UNDER_25 = "under_25", _("Under 25")
    FROM_25 = "25_34", _("25 to 34")
    FROM_35 = "35_44", _("35 to 44")
    FROM_45 = "45_54", _("45 to 54")
    FROM_55 = "55_plus", _("55 and over")


# (code, lowest age, highest age) in order; None: open-ended.
AGE_BANDS = [
    (AgeBand.UNDER_25, None, 24), (AgeBand.FROM_25, 25, 34), (AgeBand.FROM_35, 35, 44),
    (AgeBand.FROM_45, 45, 54), (AgeBand.FROM_55, 55, None),
]


class Disability(models.TextChoices):
    YES = "yes", _("With a disability")
    NO = "no", _("Without a disability")


def age_band(*, birth_year: int | None, year: int) -> str:
    """The band of the age reached during `year`; "" when the year of birth is unknown."""
    if not birth_year:
        return ""
    age = year - birth_year
    for code, low, high in AGE_BANDS:
        if (low is None or age >= low) and (high is None or age <= high):
            return code
    return ""


def has_disability(answers: Iterable[int | None]) -> bool | None:
    """The Washington Group cut-off over the six answers; None when none was given."""
    given = [answer for answer in answers if answer]
    if not given:
        return None
    return any(answer >= DISABILITY_FROM for answer in given)


def birth_year_bounds(*, this_year: int) -> tuple[int, int]:
    return BIRTH_YEAR_MIN, this_year - MIN_AGE


# The same rules in the database, for GROUP BYs over any number of people ------------------

def age_band_expression(*, birth_year: str, year) -> Case:
    """`age_band` as an SQL CASE: `birth_year` is a field path, `year` an expression or field
    path giving the year (e.g. ExtractYear("cohort__start_date")); "" when unknown."""
    year = F(year) if isinstance(year, str) else year
    age = ExpressionWrapper(year - F(birth_year), output_field=IntegerField())
    whens = []
    for code, low, high in AGE_BANDS:
        condition = Q(**{f"{birth_year}__isnull": False})
        if low is not None:
            condition &= GreaterThanOrEqual(age, low)
        if high is not None:
            condition &= LessThanOrEqual(age, high)
        whens.append(When(condition, then=Value(code)))
    return Case(*whens, default=Value(""), output_field=CharField())


def disability_expression(*, prefix: str = "") -> Case:
    """`has_disability` as an SQL CASE over the six fields at `prefix` ("trainee__"):
    "yes", "no", or "" when none was answered."""
    paths = [f"{prefix}{field}" for field in WG_FIELDS]
    severe = Q()
    answered = Q()
    for path in paths:
        severe |= Q(**{f"{path}__gte": DISABILITY_FROM})
        answered |= Q(**{f"{path}__isnull": False})
    return Case(When(severe, then=Value(Disability.YES)),
                When(answered, then=Value(Disability.NO)),
                default=Value(""), output_field=CharField())
