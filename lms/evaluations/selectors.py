"""Reads: when a cohort's reaction form is open, which set it uses, who may read the answers,
and the answers rolled up, every figure aggregated in the database."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet

from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import cohorts_managed_by
from lms.cohorts.services import training_today
from lms.core.generations import Generation

from .charts import distribution_bar
from .models import LIKERT_MAX, Answer, CohortQuestionSet, Item, QuestionSet, Receipt, Response

# Figures cached across requests (the dashboard's panel) are forgotten at each new answer.
REACTIONS = Generation("reactions")
# "Satisfied": a response whose mean agreement is at least this (Agree).
SATISFIED_FROM = 4
# Anonymous comments of a cohort show only once this many people answered anonymously: with
# fewer, the staff could tell who wrote one by elimination (who answered, who signed).
ANONYMOUS_MIN_GROUP = 3


def days_open() -> int:
    """How long the form stays open after the cohort's last day."""
    return int(getattr(settings, "EVALUATIONS_REACTION_DAYS_OPEN", 30))


@dataclass(frozen=True)
class Window:
    opens: datetime.date
    closes: datetime.date

    def state(self, today: datetime.date) -> str:
        if today < self.opens:
            return "not_yet"
        return "open" if today <= self.closes else "closed"


def form_window(*, cohort: Cohort) -> Window:
    """The form opens on the cohort's last day (Bamako's date: trainees fill it in the closing
    session) and stays open `days_open()` days after it."""
    return Window(opens=cohort.end_date,
                  closes=cohort.end_date + datetime.timedelta(days=days_open()))


def default_question_set() -> QuestionSet | None:
    return QuestionSet.objects.filter(is_default=True).first()


def question_set_for(*, cohort: Cohort) -> QuestionSet | None:
    chosen = CohortQuestionSet.objects.filter(cohort=cohort).select_related("question_set")
    link = chosen.first()
    return link.question_set if link else default_question_set()


def has_answered(*, enrollment: Enrollment) -> bool:
    return Receipt.objects.filter(enrollment=enrollment).exists()


def enrollments_to_answer(*, user, today: datetime.date | None = None) -> QuerySet[Enrollment]:
    """The user's own active enrollments whose form is open and not yet answered."""
    today = today or training_today()
    return (
        Enrollment.objects.active().filter(trainee=user)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .filter(cohort__end_date__lte=today,
                cohort__end_date__gte=today - datetime.timedelta(days=days_open()))
        .exclude(Exists(Receipt.objects.filter(enrollment=OuterRef("pk"))))
        .select_related("cohort", "cohort__course").order_by("-cohort__end_date")
    )


def responses_visible_to(user) -> QuerySet[Response]:
    """Facilitators read their cohorts' answers, regional coordinators their regions',
    national staff all (the cohorts a person manages); trainees none, not even their own."""
    return Response.objects.filter(cohort__in=cohorts_managed_by(user))


def cohorts_with_reactions(*, user) -> QuerySet[Cohort]:
    """The cohorts the user manages that have ended, with answer counts and mean score."""
    return (
        cohorts_managed_by(user).filter(end_date__lte=training_today())
        .annotate(reactions=Count("reaction_responses", distinct=True),
                  reaction_score=Avg("reaction_responses__score"),
                  enrolled=Count("enrollments", filter=Enrollment.active_q("enrollments"),
                                 distinct=True))
        .select_related("region").order_by("-end_date", "name")
    )


def summary(*, responses: QuerySet[Response]) -> dict:
    """Count, mean score (1 to 5) and share satisfied, in one query."""
    figures = responses.aggregate(
        responses=Count("pk"), mean=Avg("score"),
        satisfied=Count("pk", filter=Q(score__gte=SATISFIED_FROM)),
        anonymous=Count("pk", filter=Q(trainee__isnull=True)),
    )
    figures["satisfied_percent"] = (
        100 * figures["satisfied"] / figures["responses"] if figures["responses"] else None)
    mean = figures.pop("mean")
    figures["score"] = float(mean) if mean is not None else None
    figures["score_percent"] = (100 * figures["score"] / LIKERT_MAX
                                if figures["score"] is not None else None)
    return figures


def by_topic(*, responses: QuerySet[Response]) -> list[dict]:
    """Mean agreement per topic (content, facilitation, relevance, venue...) over the
    responses, whatever set they used."""
    labels = dict(Item.Topic.choices)
    rows = (
        Answer.objects.filter(response__in=responses, value__isnull=False)
        .values(topic=F("item__topic")).annotate(score=Avg("value"), answers=Count("pk"))
        .order_by("topic")
    )
    order = list(labels)
    return sorted(
        ({"topic": row["topic"], "label": labels.get(row["topic"], row["topic"]),
          "score": float(row["score"]), "answers": row["answers"]} for row in rows),
        key=lambda row: order.index(row["topic"]) if row["topic"] in order else len(order))


def rollup(*, responses: QuerySet[Response], field: str) -> list[dict]:
    """Responses, mean score and satisfied share grouped by a path from Response (e.g.
    "cohort__region__name", "cohort__level", "cohort__course__code",
    "cohort__facilitators"), best score first."""
    rows = (
        responses.values(value=F(field))
        .annotate(responses=Count("pk", distinct=True), mean=Avg("score"),
                  satisfied=Count("pk", filter=Q(score__gte=SATISFIED_FROM), distinct=True))
        .order_by("value")
    )
    return [
        {**row, "score": float(row["mean"]) if row["mean"] is not None else None,
         "satisfied_percent": 100 * row["satisfied"] / row["responses"]
         if row["responses"] else None}
        for row in rows
    ]


@dataclass
class ItemResult:
    item: Item
    counts: dict[int, int]  # Likert value -> answers
    mean: float | None
    answers: int


def cohort_results(*, cohort: Cohort) -> dict:
    """One cohort's answers as its facilitators read them: per question the distribution and
    mean (Likert) or the comments (open); anonymous comments only from ANONYMOUS_MIN_GROUP
    anonymous answers on, and never with anything that says who wrote them."""
    responses = Response.objects.filter(cohort=cohort)
    figures = summary(responses=responses)
    distribution: dict[int, dict[int, int]] = {}
    for item_id, value, n in (
        Answer.objects.filter(response__cohort=cohort, value__isnull=False)
        .values_list("item_id", "value").annotate(n=Count("pk")).order_by()
    ):
        distribution.setdefault(item_id, {})[value] = n
    set_ids = responses.values("question_set_id").distinct()
    items = list(Item.objects.filter(question_set_id__in=set_ids)
                 .select_related("question_set").order_by("question_set_id", "sort_order"))
    show_anonymous = figures["anonymous"] >= ANONYMOUS_MIN_GROUP
    comments: dict[int, list[dict]] = {}
    texts = (Answer.objects.filter(response__cohort=cohort).exclude(text="")
             .order_by("id").values("item_id", "text", "response__trainee__first_name",
                                    "response__trainee__last_name", "response__trainee_id"))
    held_back = 0
    for row in texts:
        signed = row["response__trainee_id"] is not None
        if not signed and not show_anonymous:
            held_back += 1
            continue
        name = (f"{row['response__trainee__first_name']} "
                f"{row['response__trainee__last_name']}".strip() if signed else "")
        comments.setdefault(row["item_id"], []).append({"text": row["text"], "by": name})
    results = []
    for item in items:
        counts = distribution.get(item.pk, {})
        answers = sum(counts.values())
        mean = (sum(value * n for value, n in counts.items()) / answers) if answers else None
        results.append({"item": item, "text": item.tr("text"), "counts": counts,
                        "answers": answers, "mean": mean,
                        "comments": comments.get(item.pk, []),
                        "chart": distribution_bar(counts) if item.is_likert else None})
    enrolled = cohort.enrollments.active().count()
    return {"summary": figures, "items": results, "enrolled": enrolled,
            "answered": Receipt.objects.filter(enrollment__cohort=cohort).count(),
            "held_back": held_back, "window": form_window(cohort=cohort)}
