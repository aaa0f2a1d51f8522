"""The field workflow's pages: a trainer on their phone (create, enrol, attendance, close with
the sheet), the coordinator's list and review, who may open the sheet, and the query budget of
the trainer's pages."""

from html import escape

import pytest

from django.urls import reverse

from lms.cohorts import services, sessions
from lms.cohorts.models import Cohort, Enrollment
from tests.cohorts.sessions_fixtures import DAY1, new_session, pdf, photo
from tests.factories import enroll


def _closed(field):
    session = new_session(field)
    services.enrollment_create(cohort=session, trainee=field["neighbour"], by=field["trainer"])
    return sessions.session_close(by=field["trainer"], cohort=session, evidence=photo())


def test_the_trainer_runs_a_session_through_the_pages(client, field):
    client.force_login(field["trainer"])
    assert client.get(reverse("cohorts:my_sessions")).status_code == 200
    response = client.post(reverse("cohorts:session_create"), {
        "course": field["course"].pk, "start_date": "2024-05-06", "end_date": "2024-05-07",
        "venue": "Mairie", "commune": "Diboli", "capacity": "20"})
    session = Cohort.objects.get(facilitators=field["trainer"])
    assert response.url == reverse("cohorts:detail", args=[session.pk])
    assert (session.level, session.commune, session.capacity) == (2, "Diboli", 20)
    page = client.get(response.url).content.decode()
    assert reverse("cohorts:enrol", args=[session.pk]) in page
    assert reverse("cohorts:edit", args=[session.pk]) not in page  # a trainer never edits
    assert client.get(reverse("cohorts:edit", args=[session.pk])).status_code == 403
    response = client.post(reverse("cohorts:enrol", args=[session.pk]), {
        "first_name": "Oumar", "last_name": "Sow", "region": session.region_id})
    assert response.status_code == 302
    enrollment = session.enrollments.get()
    day = reverse("cohorts:attendance_day", args=[session.pk, DAY1.isoformat()])
    assert client.post(day, {f"e{enrollment.pk}": "present"}).status_code == 302
    assert enrollment.attendances.get().status == "present"
    close = reverse("cohorts:session_close", args=[session.pk])
    assert client.post(close, {"evidence": photo()}).status_code == 302
    session.refresh_from_db()
    assert session.submitted_at and session.evidence
    assert client.get(reverse("cohorts:enrol", args=[session.pk])).status_code == 403


def test_closing_with_a_bad_file_is_a_form_error_and_writes_nothing(client, field,
                                                                   settings):
    session = new_session(field)
    services.enrollment_create(cohort=session, trainee=field["neighbour"], by=field["trainer"])
    client.force_login(field["trainer"])
    close = reverse("cohorts:session_close", args=[session.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    for upload, words in [(SimpleUploadedFile("sheet.docx", b"PK\x03\x04 not a photo"),
                           "neither a photo"),
                          (None, "Attach a photo")]:
        response = client.post(close, {"evidence": upload} if upload else {})
        assert response.status_code == 200
        assert words in response.content.decode()
    session.refresh_from_db()
    assert not session.evidence and session.submitted_at is None
    assert not session.events.exists()


def test_a_big_file_is_refused_with_its_size(field, monkeypatch):
    from django.core.exceptions import ValidationError

    from lms.cohorts import evidence

    monkeypatch.setattr(evidence, "EVIDENCE_MAX_BYTES", 1000)
    with pytest.raises(ValidationError) as error:
        evidence.evidence_prepare(upload=photo())
    assert error.value.code == "too_large"


def test_a_phone_photo_is_resized_and_a_pdf_kept(field):
    from PIL import Image

    from lms.cohorts.evidence import PHOTO_MAX_SIDE, evidence_prepare

    prepared = evidence_prepare(upload=photo(size=(4000, 3000), fmt="PNG"))
    import io

    with Image.open(io.BytesIO(prepared.data)) as image:
        assert (image.format, max(image.size)) == ("JPEG", PHOTO_MAX_SIDE)
    assert evidence_prepare(upload=pdf()).extension == "pdf"


EVIDENCE_READERS = {"trainer": 200, "coord_kayes": 200, "national": 200, "admin": 200,
                    "trainer_mopti": 404, "coord_mopti": 404, "facilitator_kayes": 404,
                    "trainee_kayes": 404, "neighbour": 403}


@pytest.mark.parametrize(("who", "status"), EVIDENCE_READERS.items())
def test_only_the_sessions_people_open_the_sheet(client, field, who, status):
    closed = _closed(field)
    client.force_login(field[who])
    response = client.get(reverse("cohorts:session_evidence", args=[closed.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/jpeg"
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_second_facilitator_of_the_session_opens_it(client, field):
    closed = _closed(field)
    closed.facilitators.add(field["facilitator_mopti"])
    client.force_login(field["facilitator_mopti"])
    assert client.get(reverse("cohorts:session_evidence", args=[closed.pk])).status_code == 200


def test_the_coordinator_validates_from_the_list(client, field):
    closed = _closed(field)
    open_one = new_session(field, commune="Diboli")
    client.force_login(field["coord_kayes"])
    page = client.get(reverse("cohorts:to_validate")).content.decode()
    assert escape(closed.name) in page and escape(open_one.name) in page
    review = reverse("cohorts:session_review", args=[closed.pk])
    assert review in page
    assert reverse("cohorts:session_review", args=[open_one.pk]) not in page
    response = client.post(review, {"comment": "", "return": "1"})
    assert "Say what the trainer should fix" in response.content.decode()
    assert client.post(review, {"comment": "", "validate": "1"}).status_code == 302
    closed.refresh_from_db()
    assert closed.validation == Cohort.Validation.VALIDATED


@pytest.mark.parametrize("who", ["coord_mopti", "trainer", "facilitator_kayes"])
def test_nobody_else_reviews(client, field, who):
    closed = _closed(field)
    client.force_login(field[who])
    response = client.post(reverse("cohorts:session_review", args=[closed.pk]),
                           {"validate": "1"})
    assert response.status_code in (403, 404)
    closed.refresh_from_db()
    assert closed.validation == Cohort.Validation.PENDING


def test_the_trainer_sees_the_comment_of_a_send_back(client, field):
    closed = _closed(field)
    sessions.session_return(by=field["coord_kayes"], cohort=closed,
                            comment="La feuille est illisible.")
    client.force_login(field["trainer"])
    for url in (reverse("cohorts:my_sessions"), reverse("cohorts:detail", args=[closed.pk])):
        assert "La feuille est illisible." in client.get(url).content.decode()
    assert reverse("cohorts:session_close", args=[closed.pk]) in client.get(
        reverse("cohorts:detail", args=[closed.pk])).content.decode()


@pytest.mark.parametrize("who", ["trainee_kayes", "coord_kayes", "facilitator_kayes"])
def test_the_trainers_pages_are_theirs(client, field, who):
    client.force_login(field[who])
    assert client.get(reverse("cohorts:my_sessions")).status_code == 403
    assert client.get(reverse("cohorts:session_create")).status_code == 403


def test_trainers_pages_query_budget(client, field, django_assert_max_num_queries):
    """The trainer's pages cost the same with 3 or 30 participants and 3 or 12 sessions."""
    def grow(n_sessions, n_people):
        from tests.factories import UserFactory

        last = None
        for _i in range(n_sessions):
            last = new_session(field)
            people = [UserFactory(region=field["trainer"].region) for _j in range(n_people)]
            enroll(last, *people)
        return last

    def costs(session):
        urls = [reverse("cohorts:my_sessions"), reverse("cohorts:detail", args=[session.pk]),
                reverse("cohorts:attendance_day", args=[session.pk, DAY1.isoformat()]),
                reverse("cohorts:session_close", args=[session.pk])]
        counts = []
        for url in urls:
            with django_assert_max_num_queries(30) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    client.force_login(field["trainer"])
    client.get(reverse("cohorts:my_sessions"))  # the session's first request costs more
    small = costs(grow(3, 3))
    big = costs(grow(9, 30))
    assert big == small
    assert Enrollment.objects.filter(cohort__facilitators=field["trainer"]).count() == 279


def test_the_trainer_page_says_whether_they_are_active(client, field, monkeypatch):
    import datetime

    closed = _closed(field)
    sessions.session_validate(by=field["coord_kayes"], cohort=closed)
    url = reverse("cohorts:trainer_lineage", args=[field["trainer"].pk])
    client.force_login(field["coord_kayes"])
    monkeypatch.setattr(services, "training_today", lambda: closed.end_date)
    assert 'data-trainer-active="yes"' in client.get(url).content.decode()
    monkeypatch.setattr(services, "training_today",
                        lambda: closed.end_date + datetime.timedelta(days=200))
    assert 'data-trainer-active="no"' in client.get(url).content.decode()


def _roster_csv(*rows: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "first_name,last_name,sex,region\n" + "\n".join(rows) + "\n"
    return SimpleUploadedFile("liste.csv", text.encode(), content_type="text/csv")


def test_the_trainer_imports_a_roster_file_with_the_coordinators_rules(client, field):
    session = new_session(field)
    client.force_login(field["trainer"])
    upload = reverse("cohorts:roster_import", args=[session.pk])
    refused = client.post(upload, {"file": _roster_csv("Oumar,Sow,M,Kayes",
                                                       "Hawa,Sidibé,F,Mopti")})
    assert "own region" in refused.content.decode()
    client.post(upload, {"file": _roster_csv("Oumar,Sow,M,Kayes", "Hawa,Sidibé,F,Kayes")})
    response = client.post(reverse("cohorts:roster_confirm", args=[session.pk]))
    assert response.status_code == 302
    assert session.enrollments.count() == 2
    assert set(session.enrollments.values_list("trainee__region__name", flat=True)) == {
        "Kayes"}


def test_a_roster_confirmed_after_the_session_closed_is_refused(client, field):
    from lms.cohorts.models import RosterImport

    session = new_session(field)
    client.force_login(field["trainer"])
    client.post(reverse("cohorts:roster_import", args=[session.pk]),
                {"file": _roster_csv("Oumar,Sow,M,Kayes")})
    services.enrollment_create(cohort=session, trainee=field["neighbour"], by=field["trainer"])
    sessions.session_close(by=field["trainer"], cohort=session, evidence=photo())
    response = client.post(reverse("cohorts:roster_confirm", args=[session.pk]))
    assert response.status_code == 403
    assert session.enrollments.count() == 1
    assert RosterImport.objects.get(cohort=session).status == RosterImport.Status.CHECKED


def test_a_queued_roster_of_a_session_closed_meanwhile_fails_with_a_reason(client, field):
    from lms.cohorts.importers import jobs
    from lms.cohorts.models import RosterImport

    session = new_session(field)
    client.force_login(field["trainer"])
    client.post(reverse("cohorts:roster_import", args=[session.pk]),
                {"file": _roster_csv("Oumar,Sow,M,Kayes")})
    job = RosterImport.objects.get(cohort=session)
    services.enrollment_create(cohort=session, trainee=field["neighbour"], by=field["trainer"])
    sessions.session_close(by=field["trainer"], cohort=session, evidence=photo())
    assert jobs.roster_job_run(job_id=job.pk) is None  # what the worker runs: no retry
    job.refresh_from_db()
    assert job.status == RosterImport.Status.FAILED and "closed" in job.errors[0]
    assert session.enrollments.count() == 1
