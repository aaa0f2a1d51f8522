import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

application = get_wsgi_application()

# What is loaded by now (Python, Django, Wagtail, the apps, their models and settings) lives as
# long as the process: move it out of the garbage collector's reach, so that its full
# collections, which a request building tens of thousands of rows sets off, no longer walk it
# (the national figures at 100,000 trainees, a tenth of them in two cohorts: 458 -> 324 ms;
# README, Performance). Python's documented use of `gc.freeze()`.
gc.freeze()
