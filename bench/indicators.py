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

import datetime
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scales  # after the path is set


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
    _, made = scales.generate(then=_reactions)
    national, regional = scales.coordinators()
    for label, user, url in [
        ("national indicators", national, "/en/dashboard/indicators/"),
        ("national reactions", national, "/en/dashboard/reactions/"),
        ("Kayes indicators", regional, "/en/dashboard/indicators/"),
    ]:
        median_ms, queries = scales.time_page(user, url, runs)
        print(f"{os.environ['BENCH_SCALE']:>5} trainees, {made} reactions | {label:<20} | "
              f"{median_ms:8.0f} ms | {queries:3d} queries", flush=True)


if __name__ == "__main__":
    scales.main(doc=__doc__, script=__file__, measure=measure)
