"""A roster import whose worker died (queued or running far beyond any task's time limit and
the broker's redelivery) is marked failed by beat's sweep, in the requester's language;
a job that is only recent, or finished, is left alone, and a late redelivery does nothing."""

import datetime

import pytest

from django.conf import settings
from django.utils import timezone

from lms.cohorts import tasks
from lms.cohorts.importers import jobs, read_roster
from lms.cohorts.models import Enrollment, RosterImport

pytestmark = pytest.mark.django_db
ROSTER = b"first_name,last_name,region\nAwa,Ba,Kayes\n"


def _queued(cohort, actor, *, minutes_ago: float, status=RosterImport.Status.QUEUED):
    job = jobs.roster_job_prepare(cohort=cohort, actor=actor, file_name="r.csv",
                                  raw_rows=read_roster(name="r.csv", data=ROSTER))
    jobs.roster_job_queue(job=job)
    RosterImport.objects.filter(pk=job.pk).update(
        status=status, queued_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return job


def test_stuck_imports_are_marked_failed_once(world):
    kayes, mopti = world["cohorts"]["kayes"], world["cohorts"]["mopti"]
    coordinator, other = world["people"]["coord_kayes"], world["people"]["coord_mopti"]
    other.language = "fr"
    other.save(update_fields=["language"])
    limit = settings.BACKGROUND_JOBS_STUCK_AFTER_MINUTES
    running = _queued(kayes, coordinator, minutes_ago=limit + 1,
                      status=RosterImport.Status.RUNNING)
    queued = _queued(mopti, other, minutes_ago=limit + 5)
    recent = _queued(kayes, world["people"]["facilitator_kayes"], minutes_ago=limit - 5)

    assert tasks.roster_jobs_stuck_task() == 2
    assert tasks.roster_jobs_stuck_task() == 0  # safe to run again
    running.refresh_from_db()
    queued.refresh_from_db()
    assert running.status == queued.status == RosterImport.Status.FAILED
    assert running.errors == ["The import was interrupted: the server stopped before it "
                              "finished. Nothing was saved: upload the file again."]
    assert queued.errors[0].startswith("L\u2019importation a été interrompue")  # in French
    assert running.rows == [] and running.finished_at is not None  # personal data gone
    assert RosterImport.objects.get(pk=recent.pk).status == RosterImport.Status.QUEUED

    # The dead worker's message, delivered late, finds the job finished: nothing enrolled.
    assert jobs.roster_job_run(job_id=running.pk) is None
    assert not Enrollment.objects.filter(trainee__last_name="Ba").exists()


def test_finished_and_unconfirmed_imports_are_never_touched(world):
    kayes, coordinator = world["cohorts"]["kayes"], world["people"]["coord_kayes"]
    done = _queued(kayes, coordinator, minutes_ago=600, status=RosterImport.Status.DONE)
    old = timezone.now() - datetime.timedelta(hours=5)
    checked = jobs.roster_job_prepare(cohort=world["cohorts"]["mopti"], actor=coordinator,
                                      file_name="r.csv",
                                      raw_rows=read_roster(name="r.csv", data=ROSTER))
    RosterImport.objects.filter(pk=checked.pk).update(created_at=old)
    assert jobs.roster_jobs_fail_stuck() == 0
    assert RosterImport.objects.get(pk=done.pk).status == RosterImport.Status.DONE
    assert RosterImport.objects.get(pk=checked.pk).status == RosterImport.Status.CHECKED


def test_beat_runs_the_sweeps():
    from lms.reporting import tasks as reporting_tasks

    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["roster-imports-stuck"]["task"] == tasks.roster_jobs_stuck_task.name
    assert schedule["exports-stuck"]["task"] == reporting_tasks.exports_stuck_task.name
