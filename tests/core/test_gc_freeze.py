"""Web and worker processes put what they load at start-up out of the garbage collector's
reach (`gc.freeze()`): full collections, set off by requests that build many rows, then walk
only what the requests made (README, Performance)."""

import os
import subprocess
import sys
from pathlib import Path

from celery.signals import worker_process_init

from lms.celery import freeze_loaded

ROOT = Path(__file__).resolve().parents[2]


def test_the_wsgi_application_freezes_what_it_loaded():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
    code = ("import gc; before = gc.get_freeze_count(); import lms.wsgi; "
            "print(before, gc.get_freeze_count())")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    before, after = map(int, result.stdout.split())
    assert before == 0
    assert after > 50_000  # Django, Wagtail and the apps: hundreds of thousands of objects


def test_each_celery_worker_process_freezes_what_it_loaded():
    assert freeze_loaded in [receiver() for _key, receiver in worker_process_init.receivers]
