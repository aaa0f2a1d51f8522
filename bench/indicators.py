"""Indicator report and reaction scores pages at 220, 10,000 and 100,000 synthetic trainees.

    .venv/bin/uv run python bench/indicators.py                 # SQLite files in /tmp
    .venv/bin/uv run python bench/indicators.py --scales 10k
    .venv/bin/uv run python bench/indicators.py --database-url postgres://postgres@127.0.0.1:5432/cascade_bench

Each scale gets a fresh database with `generate_synthetic`, then four in five enrollments get
a reaction (a third anonymous, four agreement answers each, written in bulk: bench data, not
through the service) and some trainees a year of birth and Washington Group answers. The
pages are rendered through Django's test client as a national and a regional coordinator;
prints the median time and the SQL queries per page.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _reactions() -> int:
    from lms.accounts.models import User
    from lms.cohorts.models import Enrollment
    from lms.evaluations.models import Answer, Response
    from lms.evaluations.selectors import default_question_set

    rng = random.Random(7)
    question_set = default_question_set()
    likert = [item for item in question_set.items.all() if item.is_likert]
    people = list(User.objects.filter(username__startswith="syn-").only("pk"))
    for person in people:
        person.birth_year = rng.randint(1965, 2002)
        person.wg_walking = rng.choice([1, 1, 1, 2, 3])
    User.objects.bulk_update(people, ["birth_year", "wg_walking"], batch_size=2000)
    made = 0
    rows = Enrollment.objects.values_list("pk", "cohort_id", "trainee_id",
                                          "cohort__end_date").iterator(chunk_size=5000)
    responses, answers = [], []
    for _pk, cohort_id, trainee_id, end in rows:
        if rng.random() > 0.8:
            continue
        values = [rng.randint(2, 5) for _ in likert]
        response = Response(cohort_id=cohort_id, question_set=question_set,
                            trainee_id=None if rng.random() < 0.33 else trainee_id,
                            submitted_on=end or datetime.date(2024, 1, 1),
                            score=round(sum(values) / len(values), 2))
        responses.append(response)
        answers.extend(Answer(response=response, item=item, value=value)
                       for item, value in zip(likert, values, strict=True))
        if len(responses) >= 2000:
            Response.objects.bulk_create(responses)
            Answer.objects.bulk_create(answers)
            made += len(responses)
            responses, answers = [], []
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)
    return made + len(responses)


def measure(runs: int) -> None:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lms.accounts import roles
    from lms.accounts.models import User
    from lms.regions.models import Region

    scale = os.environ["BENCH_SCALE"]
    call_command("migrate", verbosity=0)
    call_command("generate_synthetic", scale=scale, stdout=open(os.devnull, "w"))  # noqa: SIM115
    made = _reactions()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    groups = roles.ensure_roles()
    national, _ = User.objects.get_or_create(username="bench-national")
    national.groups.add(groups[roles.NATIONAL_COORDINATOR])
    regional, _ = User.objects.get_or_create(username="bench-kayes")
    regional.groups.add(groups[roles.REGIONAL_COORDINATOR])
    regional.coordinated_regions.add(Region.objects.get(iso_code="ML-1"))
    for label, user, url in [
        ("national indicators", national, "/en/dashboard/indicators/"),
        ("national reactions", national, "/en/dashboard/reactions/"),
        ("Kayes indicators", regional, "/en/dashboard/indicators/"),
    ]:
        client = Client()
        client.force_login(user)
        client.get(url)  # warm-up
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - begin)
            assert response.status_code == 200, response.status_code
        print(f"{scale:>5} trainees, {made} reactions | {label:<20} | "
              f"{statistics.median(times) * 1000:8.0f} ms | "
              f"{len(queries.captured_queries):3d} queries", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", nargs="+", default=["220", "10k", "100k"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="cascade-bench-") as tmp:
        for scale in args.scales:
            env = dict(os.environ, BENCH_SCALE=scale, LOG_LEVEL="WARNING",
                       DJANGO_SETTINGS_MODULE="lms.settings.test", MEDIA_ROOT=tmp,
                       DATABASE_URL=args.database_url or f"sqlite:///{tmp}/bench-{scale}.sqlite3")
            subprocess.run([sys.executable, __file__, "--measure", "--runs", str(args.runs)],
                           env=env, check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
