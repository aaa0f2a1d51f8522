"""The field workflow's rules: a recorded trainer's session (level, region, depth), what they
may do in it, closing with the signed sheet, validation, send-back and resubmission, and the
active-trainer window."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage

from lms.accounts import roles
from lms.cohorts import people, selectors, services, sessions
from lms.cohorts.importers import COLUMNS, RawRow, roster_check
from lms.cohorts.models import CASCADE_MAX_LEVEL, Attendance, Cohort, SessionEvent, Trainer
from tests.cohorts.sessions_fixtures import DAY1, new_session, pdf, photo
from tests.factories import UserFactory, region


def _row(**values) -> RawRow:
    base = dict.fromkeys(COLUMNS, "") | {
        "first_name": "Oumar", "last_name": "Sow", "sex": "M", "region": "Kayes"}
    base.update(values)
    return RawRow(number=2, values=base)


def _closed(field, session=None):
    session = session or new_session(field)
    services.enrollment_create(cohort=session, trainee=field["neighbour"], by=field["trainer"])
    return sessions.session_close(by=field["trainer"], cohort=session, evidence=photo())


def test_a_trainer_creates_a_pending_session_one_level_below_their_workshop(field):
    session = new_session(field)
    assert (session.parent, session.level) == (field["tot"], 2)
    assert session.region == region("Kayes") and session.commune == "Kayes N'di"
    assert list(session.facilitators.all()) == [field["trainer"]]
    assert session.validation == Cohort.Validation.PENDING
    assert session not in Cohort.objects.counted()
    assert session in selectors.sessions_to_validate(field["coord_kayes"])
    assert session not in selectors.sessions_to_validate(field["coord_mopti"])


def test_the_session_is_in_the_trainers_region_whatever_they_ask(field):
    session = new_session(field, who="trainer_mopti")
    assert session.region == region("Mopti") and session.parent == field["tot_mopti"]


@pytest.mark.parametrize("who", ["trainee_kayes", "facilitator_kayes", "coord_kayes"])
def test_only_a_recorded_trainer_creates_a_session(field, who):
    with pytest.raises(PermissionDenied):
        new_session(field, who=who)


def test_a_trainer_without_region_is_told(field):
    field["trainer"].region = None
    field["trainer"].save()
    with pytest.raises(ValidationError) as error:
        new_session(field)
    assert error.value.code == "no_region"


def test_the_depth_rule_holds_for_trainers(field):
    Cohort.objects.filter(pk=field["tot"].pk).update(level=CASCADE_MAX_LEVEL)
    with pytest.raises(ValidationError) as error:
        new_session(field)
    assert error.value.code == "cascade_too_deep"
    assert not Cohort.objects.filter(facilitators=field["trainer"]).exists()


def test_may_run_session_is_the_trainers_own_open_session_only(field):
    mine = new_session(field)
    theirs = new_session(field, who="trainer_mopti")
    trainer = field["trainer"]
    assert selectors.may_run_session(trainer, mine)
    assert not selectors.may_run_session(trainer, theirs)
    assert not selectors.may_run_session(trainer, field["staff_cohort"])  # Kayes, staff's
    assert not selectors.may_run_session(field["trainee_kayes"], mine)
    assert selectors.may_run_session(field["coord_kayes"], mine)
    assert not selectors.may_run_session(field["coord_mopti"], mine)
    # without the capability (a role stripped of it) a trainer runs nothing
    trainer.groups.clear()
    trainer = type(trainer).objects.get(pk=trainer.pk)
    assert not selectors.may_run_session(trainer, mine)


def test_a_trainer_enrols_plain_trainees_of_their_region_only(field, roles_ready):
    session, trainer = new_session(field), field["trainer"]
    services.enrollment_create(cohort=session, trainee=field["neighbour"], by=trainer)
    for person in (field["trainee_mopti"], field["coord_kayes"], field["facilitator_kayes"],
                   field["trainer_mopti"], UserFactory(roles=[roles.TRAINEE])):  # no region
        with pytest.raises(PermissionDenied):
            services.enrollment_create(cohort=session, trainee=person, by=trainer)
    with pytest.raises(PermissionDenied):  # another trainer's session
        services.enrollment_create(cohort=new_session(field, who="trainer_mopti"),
                                   trainee=field["trainee_mopti"], by=trainer)
    assert set(session.enrollments.values_list("trainee__username", flat=True)) == {
        "neighbour"}


def test_the_roster_import_keeps_a_trainer_to_their_region_and_to_plain_trainees(field):
    session, trainer = new_session(field), field["trainer"]
    coord = field["coord_kayes"]
    coord.phone = "+22370000001"
    coord.save()
    preview = roster_check(cohort=session, by=trainer, raw_rows=[
        _row(), _row(first_name="Hawa", region="Mopti"),
        _row(first_name=coord.first_name, last_name=coord.last_name, phone="+22370000001"),
    ])
    ok, other_region, staff = preview.rows
    assert not ok.errors
    assert "own region" in other_region.errors[0]
    assert "may not enrol" in staff.errors[0]
    with pytest.raises(PermissionDenied):
        roster_check(cohort=field["staff_cohort"], by=trainer, raw_rows=[_row()])


def test_people_a_trainer_may_change_are_plain_trainees_of_their_region(field):
    allowed = set(people.people_changeable_by(field["trainer"]).values_list("username",
                                                                            flat=True))
    assert "neighbour" in allowed and "trainee.kayes" in allowed
    assert not allowed & {"trainee.mopti", "coord.kayes", "fac.kayes", "national",
                          "trainer.kayes", "trainer.mopti"}


def test_attendance_by_the_trainer_and_nobody_outside(field):
    session = new_session(field)
    enrollment = services.enrollment_create(cohort=session, trainee=field["neighbour"],
                                            by=field["trainer"])
    assert services.attendance_record(cohort=session, date=DAY1,
                                      statuses={enrollment.pk: "present"},
                                      by=field["trainer"]) == 1
    for who in ("trainer_mopti", "coord_mopti", "facilitator_kayes", "trainee_kayes"):
        with pytest.raises(PermissionDenied):
            services.attendance_record(cohort=session, date=DAY1,
                                       statuses={enrollment.pk: "absent"}, by=field[who])
    assert Attendance.objects.get(enrollment=enrollment).status == "present"


def test_closing_needs_people_and_the_sheet_then_locks_the_trainer_out(field):
    session, trainer = new_session(field), field["trainer"]
    with pytest.raises(ValidationError) as error:
        sessions.session_close(by=trainer, cohort=session, evidence=None)
    assert "evidence" in error.value.message_dict
    with pytest.raises(ValidationError):
        sessions.session_close(by=trainer, cohort=session, evidence=photo())  # nobody enrolled
    closed = _closed(field, session)
    assert closed.submitted_at and closed.status == Cohort.Status.COMPLETED
    assert closed.evidence.name.endswith(".jpg")
    assert default_storage.exists(closed.evidence.name)
    assert not selectors.may_run_session(trainer, closed)
    with pytest.raises(PermissionDenied):
        services.enrollment_create(cohort=closed, trainee=field["trainee_kayes"], by=trainer)
    assert closed not in Cohort.objects.counted()
    assert [e.action for e in closed.events.all()] == ["submitted"]


def test_only_the_regions_coordinator_or_national_staff_validate(field):
    closed = _closed(field)
    for who in ("trainer", "trainer_mopti", "coord_mopti", "facilitator_kayes"):
        with pytest.raises(PermissionDenied):
            sessions.session_validate(by=field[who], cohort=closed)
    validated = sessions.session_validate(by=field["coord_kayes"], cohort=closed,
                                          comment="Merci")
    assert validated in Cohort.objects.counted() and validated.validated_at
    event = validated.events.get(action=SessionEvent.Action.VALIDATED)
    assert (event.by, event.comment) == (field["coord_kayes"], "Merci")
    with pytest.raises(ValidationError):  # once is enough
        sessions.session_validate(by=field["national"], cohort=validated)


def test_an_open_session_cannot_be_validated_yet(field):
    with pytest.raises(ValidationError) as error:
        sessions.session_validate(by=field["coord_kayes"], cohort=new_session(field))
    assert error.value.code == "not_closed"


def test_send_back_with_a_comment_then_fix_and_resubmit(field):
    closed, trainer = _closed(field), field["trainer"]
    with pytest.raises(ValidationError) as error:
        sessions.session_return(by=field["coord_kayes"], cohort=closed, comment="  ")
    assert "comment" in error.value.message_dict
    returned = sessions.session_return(by=field["coord_kayes"], cohort=closed,
                                       comment="Il manque le 2e jour.")
    assert returned.validation == Cohort.Validation.RETURNED and returned.submitted_at is None
    assert returned not in Cohort.objects.counted()
    assert selectors.may_run_session(trainer, returned)  # open again for the trainer
    enrollment = returned.enrollments.get()
    services.attendance_record(cohort=returned, date=DAY1 + datetime.timedelta(days=1),
                               statuses={enrollment.pk: "present"}, by=trainer)
    resubmitted = sessions.session_close(by=trainer, cohort=returned)  # keeps its sheet
    assert resubmitted.validation == Cohort.Validation.PENDING and resubmitted.submitted_at
    sessions.session_validate(by=field["national"], cohort=resubmitted)
    assert [(e.action, e.comment) for e in resubmitted.events.all()] == [
        ("submitted", ""), ("returned", "Il manque le 2e jour."), ("submitted", ""),
        ("validated", "")]


def test_a_replaced_sheet_is_a_new_file(field):
    closed = _closed(field)
    first = closed.evidence.name
    returned = sessions.session_return(by=field["coord_kayes"], cohort=closed, comment="Flou")
    again = sessions.session_close(by=field["trainer"], cohort=returned, evidence=pdf())
    assert again.evidence.name.endswith(".pdf") and again.evidence.name != first


@pytest.mark.parametrize(("today", "active"), [
    (datetime.date(2024, 5, 7), True), (datetime.date(2024, 11, 7), True),
    (datetime.date(2024, 11, 8), False), (datetime.date(2024, 5, 5), False),
])
def test_active_means_a_validated_session_in_the_last_six_months(field, today, active):
    session = sessions.session_validate(by=field["coord_kayes"], cohort=_closed(field))
    assert session.end_date == datetime.date(2024, 5, 7)
    assert selectors.trainer_is_active(user=field["trainer"], today=today) is active


def test_a_pending_or_returned_session_makes_nobody_active(field):
    closed = _closed(field)
    assert not selectors.trainer_is_active(user=field["trainer"], today=closed.end_date)
    sessions.session_return(by=field["coord_kayes"], cohort=closed, comment="x")
    assert not selectors.trainer_is_active(user=field["trainer"], today=closed.end_date)


def test_a_facilitator_not_recorded_as_trainer_is_never_an_active_trainer(field):
    staff_cohort = field["staff_cohort"]  # validated, run by a facilitator
    assert not selectors.trainers_active(today=staff_cohort.end_date).filter(
        pk=field["facilitator_kayes"].pk).exists()
    Trainer.objects.create(user=field["facilitator_kayes"], trained_in=field["tot"])
    assert selectors.trainers_active(today=staff_cohort.end_date).filter(
        pk=field["facilitator_kayes"].pk).exists()


@pytest.mark.parametrize(("today", "since"), [
    (datetime.date(2024, 8, 31), datetime.date(2024, 2, 29)),
    (datetime.date(2025, 3, 15), datetime.date(2024, 9, 15)),
    (datetime.date(2024, 6, 30), datetime.date(2023, 12, 30)),
])
def test_active_window_start(today, since):
    assert selectors.active_since(today) == since


def test_enrolled_trainee_of_a_session_is_counted_only_once_validated(field):
    closed = _closed(field)
    reach = selectors.cascade_reach(cohorts=Cohort.objects.filter(pk=closed.pk))
    assert reach == []
    sessions.session_validate(by=field["coord_kayes"], cohort=closed)
    reach = selectors.cascade_reach(cohorts=Cohort.objects.filter(pk=closed.pk))
    assert reach == [{"level": 2, "cohorts": 1, "trainees": 1}]
