"""Read-only JSON API for monitoring-and-evaluation systems (django-ninja).

Authenticate with `Authorization: Bearer <token>` (national staff create tokens at
/<lang>/dashboard/api-tokens/, or `manage.py create_api_token`); the token
acts as its owner, so answers hold exactly what the owner sees on the dashboard.
"""

import datetime
from decimal import Decimal

from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer

from django.db.models import F
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from lms.accounts import roles
from lms.certificates.models import Certificate
from lms.cohorts.services import training_today

from . import followups, selectors, services
from . import sessions as field
from .filters import Filters
from .indicators import Report, reaction_section
from .scope import cohorts_in_scope, enrollments_in_scope
from .tables import cohort_table


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        api_token = services.api_token_authenticate(key=token)
        if api_token is None:
            return None
        request.user = api_token.owner
        return api_token


api = NinjaAPI(
    title="Cascade M&E API", version="1", urls_namespace="api", auth=BearerToken(),
    description=__doc__,
)


class FilterQuery(Schema):
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    region: str | None = Field(None, description="Region slug, e.g. 'kayes'")
    course: str | None = Field(None, description="Course code, e.g. 'nrm'")
    org_kind: str | None = None
    level: int | None = Field(None, ge=1)

    def filters(self) -> Filters:
        return Filters(**self.dict())


class CohortOut(Schema):
    id: int
    code: str
    name: str
    course: str = Field(..., alias="course.code")
    region: str = Field(..., alias="region.name")
    level: int
    parent_id: int | None
    start_date: datetime.date
    end_date: datetime.date
    status: str
    is_training_of_trainers: bool
    people: int
    completed: int


class CountRow(Schema):
    value: str | None
    label: str
    people: int
    certified: int


class LevelRow(Schema):
    level: int
    cohorts: int
    people: int
    trainers: int


class SessionsRow(Schema):
    level: int
    region: str
    validated: int
    pending: int
    returned: int


class ActiveTrainersRow(Schema):
    region: str
    level: int
    trainers: int


class ActiveTrainersOut(Schema):
    """Recorded trainers who ran a validated session that ended on or after `since` (six
    months before today)."""

    total: int
    since: datetime.date
    rows: list[ActiveTrainersRow]


class TrainerReachRow(Schema):
    user_id: int
    name: str
    region: str | None
    sessions: int
    people: int
    active: bool


class GainOut(Schema):
    pre: Decimal | None
    post: Decimal | None
    gain: Decimal | None
    pairs: int


class ReactionRow(Schema):
    value: str | int | None = None
    label: str
    responses: int
    score: float | None = Field(None, description="Mean agreement, 1 to 5")
    satisfied: float | None = Field(None, description="Share (%) with a mean of 4 or more")


class ReactionOut(Schema):
    """End-of-training evaluation (Kirkpatrick level 1). Anonymous answers count under "Not
    recorded" for sex, age band, organisation type and disability."""

    responses: int
    score: float | None = None
    satisfied: float | None = None
    by_sex: list[ReactionRow]
    by_age_band: list[ReactionRow]
    by_region: list[ReactionRow]
    by_org_kind: list[ReactionRow]
    by_level: list[ReactionRow]
    by_disability: list[ReactionRow]


class IndicatorsOut(Schema):
    filters: dict[str, str]
    people: int
    certified: int
    completed: int
    enrolments: int
    cohorts: int
    attendance_rate: float | None
    knowledge_gain: GainOut
    by_region: list[CountRow]
    by_course: list[CountRow]
    by_org_kind: list[CountRow]
    by_sex: list[CountRow]
    by_function: list[CountRow]
    by_level: list[LevelRow]
    sessions: list[SessionsRow] = Field(
        ..., description="Cohorts per level and region: validated (counted), pending and "
                         "sent back (trainer-run sessions awaiting validation, never counted)")
    active_trainers: ActiveTrainersOut
    trainers: list[TrainerReachRow] = Field(
        ..., description="People reached per recorded trainer (validated sessions only)")
    reaction: ReactionOut


class FollowupsDoneRow(Schema):
    value: str | int | None = None
    label: str | None = None
    due: int
    done: int
    done_share: float | None
    done_share_3: float | None
    done_share_6: float | None
    trained_others_share: float | None


class PracticeRow(Schema):
    practice: str
    label: str
    value: str | int | None = None
    value_label: str | None = None
    applied: int
    answered: int
    share: float | None


class RetentionRow(Schema):
    value: str | int | None = None
    label: str | None = None
    pairs: int
    post: float | None
    retest: float | None
    retention: float | None


class FollowupIndicatorsOut(Schema):
    """Shares are percentages to one decimal. `done_*`: follow-ups answered out of those due
    (3 and 6 months after completion); `practices_*`: answered follow-ups naming each practice;
    `retention_*`: mean retention re-test score / mean post-test score of the trainees who sat
    both."""

    filters: dict[str, str]
    done: FollowupsDoneRow
    retention: RetentionRow
    practices: list[PracticeRow]
    done_by_sex: list[FollowupsDoneRow]
    done_by_age_band: list[FollowupsDoneRow]
    done_by_disability: list[FollowupsDoneRow]
    done_by_region: list[FollowupsDoneRow]
    done_by_org_kind: list[FollowupsDoneRow]
    done_by_level: list[FollowupsDoneRow]
    retention_by_sex: list[RetentionRow]
    retention_by_age_band: list[RetentionRow]
    retention_by_disability: list[RetentionRow]
    retention_by_region: list[RetentionRow]
    retention_by_org_kind: list[RetentionRow]
    retention_by_level: list[RetentionRow]
    practices_by_sex: list[PracticeRow]
    practices_by_age_band: list[PracticeRow]
    practices_by_disability: list[PracticeRow]
    practices_by_region: list[PracticeRow]
    practices_by_org_kind: list[PracticeRow]
    practices_by_level: list[PracticeRow]


class CertificateOut(Schema):
    """The trainee by id and by the name printed on the certificate: never a username (trainees'
    usernames are often their phone numbers)."""

    code: str
    status: str
    issued_at: datetime.datetime | None
    cohort: str
    trainee_id: int
    trainee_name: str


def _viewer(request: HttpRequest):
    """The token's owner, who must be allowed the dashboard (as for the dashboard pages)."""
    if not request.user.has_perm(roles.VIEW_DASHBOARD):
        raise HttpError(403, "This token's owner may not see reports.")
    return request.user


@api.get("/cohorts", response=list[CohortOut], tags=["cohorts"])
@paginate(PageNumberPagination, page_size=50)
def cohort_list(request: HttpRequest, filters: Query[FilterQuery]):
    return cohort_table(user=_viewer(request), filters=filters.filters()).select_related(
        "course", "region").order_by("pk")


@api.get("/cohorts/{cohort_id}", response=CohortOut, tags=["cohorts"])
def cohort_detail(request: HttpRequest, cohort_id: int):
    cohorts = cohort_table(user=_viewer(request), filters=Filters())
    return get_object_or_404(cohorts.select_related("course", "region"), pk=cohort_id)


@api.get("/indicators", response=IndicatorsOut, tags=["indicators"])
def indicators(request: HttpRequest, filters: Query[FilterQuery]):
    user, chosen = _viewer(request), filters.filters()
    figures = selectors.figures_for(user=user, filters=chosen)  # the dashboard's queries
    answer = {"filters": chosen.as_query(),
              **selectors.headline(user=user, filters=chosen, figures=figures),
              "knowledge_gain": selectors.knowledge_gain(user=user, filters=chosen,
                                                         figures=figures),
              "by_level": selectors.reach_by_level(user=user, filters=chosen, figures=figures),
              "sessions": field.sessions_by_level_region(user=user, filters=chosen),
              "active_trainers": field.active_trainers(user=user, filters=chosen,
                                                       today=training_today()),
              "trainers": field.reach_per_trainer(user=user, filters=chosen,
                                                  today=training_today())}
    for key in selectors.DIMENSIONS:
        answer[f"by_{key}"] = [
            {**row, "label": str(row["label"])}
            for row in selectors.breakdown(user=user, filters=chosen, dimension=key,
                                           figures=figures)
        ]
    answer["reaction"] = _reaction(user=user, filters=chosen)
    return answer


def _rounded(row: dict) -> dict:
    return {**row, "score": round(row["score"], 2) if row["score"] is not None else None,
            "satisfied": round(row["satisfied"], 1) if row["satisfied"] is not None else None}


def _reaction(*, user, filters: Filters) -> dict:
    section = reaction_section(Report(user=user, filters=filters, enrollments=None,
                                      cohorts=cohorts_in_scope(user=user, filters=filters)))
    answer = _rounded(section.total)
    for key, rows in section.rows.items():
        answer[f"by_{key}"] = [_rounded(row) for row in rows]
    return answer


@api.get("/indicators/follow-ups", response=FollowupIndicatorsOut, tags=["indicators"])
def followup_indicators(request: HttpRequest, filters: Query[FilterQuery]):
    """Follow-up at 3 and 6 months: share done, share applying each practice, retention; in
    total and by sex, age band, disability, region, organisation type and cascade level."""
    user, chosen = _viewer(request), filters.filters()
    return {"filters": chosen.as_query(),
            **followups.followup_indicators(user=user, filters=chosen)}


@api.get("/certificates", response=list[CertificateOut], tags=["certificates"])
@paginate(PageNumberPagination, page_size=100)
def certificate_list(request: HttpRequest, filters: Query[FilterQuery]):
    user = _viewer(request)
    return (
        Certificate.objects.filter(
            enrollment__in=enrollments_in_scope(user=user, filters=filters.filters()))
        .order_by("pk")
        .values("code", "status", "issued_at", "trainee_name", cohort=F("enrollment__cohort__code"),
                trainee_id=F("enrollment__trainee_id"))
    )
