"""Writes: a trainee's reaction (once, optionally anonymous), a cohort's choice of question
set, and question sets saved from the admin. Every path (site, admin, demo) comes here."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.accounts import roles
from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import cohorts_managed_by
from lms.cohorts.services import training_today

from . import selectors
from .models import (
    LIKERT_MAX,
    LIKERT_MIN,
    Answer,
    CohortQuestionSet,
    Item,
    QuestionSet,
    Receipt,
    Response,
)

MAX_TEXT = 2000


def field_name(item) -> str:
    """The form field (and error key) of a question."""
    return f"item_{item.pk}"


def _refusal(*, enrollment: Enrollment, today: datetime.date) -> str | None:
    """Why this enrollment may not answer now, or None."""
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        return _("You withdrew from this training.")
    if enrollment.cohort.status == Cohort.Status.CANCELLED:
        return _("This training was cancelled.")
    state = selectors.form_window(cohort=enrollment.cohort).state(today)
    if state == "not_yet":
        return _("The evaluation opens on the last day of the training.")
    if state == "closed":
        return _("The evaluation of this training is closed.")
    if selectors.has_answered(enrollment=enrollment):
        return _("You have already evaluated this training. Thank you!")
    return None


def answer_refusal(*, enrollment: Enrollment, by, today: datetime.date | None = None) -> str | None:
    """Only the trainee themself answers, for an enrollment of theirs, while the form is open,
    once. Raises PermissionDenied for anyone else; returns the reason the trainee may not."""
    if by is None or enrollment.trainee_id != by.pk:
        raise PermissionDenied
    return _refusal(enrollment=enrollment, today=today or training_today())


def _clean_answers(*, items, answers: dict) -> tuple[dict, dict]:
    values, errors = {}, {}
    for item in items:
        key = field_name(item)
        raw = answers.get(key)
        if item.is_likert:
            try:
                value = int(raw) if raw not in (None, "") else None
            except (TypeError, ValueError):
                value = -1
            if value is None:
                if item.required:
                    errors[key] = _("Choose an answer.")
                continue
            if not LIKERT_MIN <= value <= LIKERT_MAX:
                errors[key] = _("Choose one of the answers shown.")
                continue
            values[item.pk] = value
        else:
            text = " ".join(str(raw or "").split()) if raw is not None else ""
            if not text:
                if item.required:
                    errors[key] = _("Please write an answer.")
                continue
            if len(text) > MAX_TEXT:
                errors[key] = _("At most %(n)s characters.") % {"n": MAX_TEXT}
                continue
            values[item.pk] = text
    return values, errors


def response_submit(*, enrollment: Enrollment, by, answers: dict, anonymous: bool,
                    today: datetime.date | None = None) -> Response:
    """Record a trainee's reaction: a receipt for the enrollment (which makes it once: a second
    submission, even racing, fails on the receipt's unique enrollment) and the response,
    without the person when `anonymous`. `answers` maps `field_name(item)` to the value (1 to 5)
    or text. Raises ValidationError with one message per bad field; nothing is written then."""
    today = today or training_today()
    refusal = answer_refusal(enrollment=enrollment, by=by, today=today)
    if refusal:
        raise ValidationError(refusal)
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    if question_set is None:
        raise ValidationError(_("No evaluation form is set up yet."))
    items = list(question_set.items.all())
    values, errors = _clean_answers(items=items, answers=answers)
    if errors:
        raise ValidationError(errors)
    scores = [value for item in items if item.is_likert and (value := values.get(item.pk))]
    score = (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP) \
        if scores else None
    try:
        with transaction.atomic():
            Receipt.objects.create(enrollment=enrollment)
            response = Response.objects.create(
                cohort=enrollment.cohort, question_set=question_set,
                trainee=None if anonymous else enrollment.trainee, submitted_on=today,
                score=score)
            Answer.objects.bulk_create([
                Answer(response=response, item=item,
                       value=values[item.pk] if item.is_likert else None,
                       text="" if item.is_likert else values[item.pk])
                for item in items if item.pk in values
            ])
    except IntegrityError as exc:  # the receipt exists: answered in another request
        raise ValidationError(_("You have already evaluated this training. Thank you!")) from exc
    selectors.REACTIONS.invalidate()
    return response


@transaction.atomic
def cohort_question_set_choose(*, cohort: Cohort, question_set: QuestionSet | None,
                               by) -> None:
    """Those who manage a cohort choose its set (None: back to the default). Refused once
    someone has answered, so one cohort's answers share one set."""
    if not cohorts_managed_by(by).filter(pk=cohort.pk).exists():
        raise PermissionDenied
    if Response.objects.filter(cohort=cohort).exists():
        raise ValidationError(_("People have already answered: the question set can no "
                                "longer change."))
    if question_set is None or question_set.is_default:
        CohortQuestionSet.objects.filter(cohort=cohort).delete()
        return
    CohortQuestionSet.objects.update_or_create(
        cohort=cohort, defaults={"question_set": question_set, "chosen_by": by})


def may_change_question_set(*, question_set: QuestionSet, by) -> bool:
    """National staff change every set; others new sets and those they created, never the
    default (as stored: a form cannot lift that by unticking the box)."""
    if by.has_perm(roles.SEE_ALL_REGIONS):
        return True
    if question_set.pk is None:
        return True
    stored = QuestionSet.objects.filter(pk=question_set.pk).values_list(
        "is_default", "created_by_id").first()
    return stored is not None and not stored[0] and stored[1] == by.pk


def question_set_deletable(*, question_set: QuestionSet, by) -> bool:
    """A set may go only when nobody answered it, no cohort chose it and it is not the
    default, and only by someone who may change it."""
    return (may_change_question_set(question_set=question_set, by=by)
            and not question_set.is_default
            and not Response.objects.filter(question_set=question_set).exists()
            and not CohortQuestionSet.objects.filter(question_set=question_set).exists())


@transaction.atomic
def question_set_save(*, question_set: QuestionSet, by) -> QuestionSet:
    """Save a set and its questions (the admin's form hands its unsaved cluster). Only one
    default: making this one the default takes it from the other. A question that already
    has answers cannot be removed or change type (copy the set instead)."""
    if not may_change_question_set(question_set=question_set, by=by):
        raise PermissionDenied
    if question_set.is_default and not by.has_perm(roles.SEE_ALL_REGIONS):
        raise ValidationError({"is_default": _("Only national staff choose the default set.")})
    if question_set.pk:
        kept = {item.pk: item.kind for item in question_set.items.all() if item.pk}
        answered = set(Answer.objects.filter(item__question_set=question_set)
                       .values_list("item_id", flat=True).distinct())
        for item_id in answered:
            if item_id not in kept:
                raise ValidationError(_("A question that people have answered cannot be "
                                        "removed: copy the set to change it."))
        stored = dict(Item.objects.filter(pk__in=answered).values_list("pk", "kind"))
        if any(kept[pk] != kind for pk, kind in stored.items()):
            raise ValidationError(_("A question that people have answered cannot change type."))
    if question_set.is_default:
        QuestionSet.objects.filter(is_default=True).exclude(pk=question_set.pk).update(
            is_default=False)
    if question_set.pk is None:
        question_set.created_by = by
    question_set.save()
    return question_set
