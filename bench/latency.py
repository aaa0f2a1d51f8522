"""Page latency as a multiple of a bare Django view served by the same server in the same run.

Starts gunicorn (one sync worker: requests one at a time, so the figures are service times,
not queueing) on a prepared demo database, then requests, round-robin, the bare view
(/bench/bare: every middleware, no query, no template) and the real pages: the catalogue, a
course page and a module page (signed-in trainee), a quiz question, the national dashboard
(as kept between changes, and computed afresh) and the certificate verification page.
Each page is compared with the bare view requested with the same cookies. Query counts come
from Django's test client with CaptureQueriesContext on the same database.

    .venv/bin/uv run python bench/latency.py [--requests 200] [--database-url URL] [--fresh]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    Browser,
    gunicorn,
    load_average,
    open_demo_database,
    session_cookie_for,
    summary_ms,
)


def _targets() -> list[dict]:
    """(label, path, who) for each page; who = None (anonymous) or a user."""
    from bench.fixtures import bench_quiz, bench_trainees
    from curriculum.models import CataloguePage, ModulePage
    from lms.accounts.models import User
    from lms.certificates.models import Certificate
    from lms.quizzes import services as quiz_services

    catalogue = CataloguePage.objects.live().get(locale__language_code="en")
    module = ModulePage.objects.live().filter(locale__language_code="en").order_by("path")[0]
    trainee = bench_trainees(1)[0]
    national = User.objects.get(username="national")
    sitting = quiz_services.sitting_start(user=trainee, quiz=bench_quiz())
    certificate = Certificate.objects.filter(status=Certificate.Status.VALID).order_by("pk")[0]
    return [
        {"label": "catalogue", "path": catalogue.url, "user": None},
        {"label": "course page", "path": module.get_parent().url, "user": trainee},
        {"label": "module page", "path": module.url, "user": trainee},
        {"label": "quiz question", "path": f"/en/quizzes/attempts/{sitting.pk}/",
         "user": trainee},
        {"label": "national dashboard", "path": "/en/dashboard/", "user": national},
        # The body computed afresh, as on the first visit after a change (a query string seen
        # once is a key of its own: lms/reporting/dashboard_cache.py).
        {"label": "dashboard, recomputed", "path": "/en/dashboard/?visit={n}", "user": national},
        {"label": "verification page", "path": f"/verify/{certificate.code}/", "user": None},
    ]


def _query_count(path: str, user) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user)
    client.get(path.replace("{n}", "warm"))  # warm caches the way the server's are warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path.replace("{n}", "counted"))
    assert response.status_code == 200, (path, response.status_code)
    return len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="per page (default 200)")
    parser.add_argument("--database-url", default=None,
                        help="default: a SQLite file under $CASCADE_BENCH_DIR")
    parser.add_argument("--fresh", action="store_true", help="rebuild the demo database")
    parser.add_argument("--only", action="append", default=[],
                        help="measure only this page (repeatable), e.g. --only 'module page'")
    args = parser.parse_args()

    env = open_demo_database(args.database_url, fresh=args.fresh)
    targets = [t for t in _targets() if not args.only or t["label"] in args.only]
    cookies = {None: ""}
    for target in targets:
        user = target["user"]
        if user is not None and user.pk not in cookies:
            cookies[user.pk] = session_cookie_for(user)
        target["cookie"] = cookies[None if user is None else user.pk]
        target["queries"] = _query_count(target["path"], user)

    with gunicorn(env, workers=1) as port:
        clients = {cookie: Browser(port, cookie) for cookie in set(cookies.values())}
        timings: dict[tuple[str, str], list[float]] = {}
        plan = [(t["path"], t["cookie"]) for t in targets]
        plan += [("/bench/bare", cookie) for cookie in set(cookies.values())]
        for round_number in range(args.requests + 10):  # 10 warm-up rounds, not counted
            for path, cookie in plan:
                started = time.perf_counter()
                response = clients[cookie].request("GET", path.replace("{n}", str(round_number)))
                elapsed = time.perf_counter() - started
                if response.status != 200:
                    raise SystemExit(f"{path} answered {response.status}")
                if round_number >= 10:
                    timings.setdefault((path, cookie), []).append(elapsed)

    print(f"\nPage latency, gunicorn 1 sync worker, {args.requests} requests per page, "
          f"{os.cpu_count()} CPU cores, {env['DATABASE_URL'].split(':')[0]}; {load_average()}")
    print(f"{'page':<22}{'p50 ms':>8}{'p95 ms':>8}{'p50 x bare':>12}{'p95 x bare':>12}"
          f"{'queries':>9}")
    for target in targets:
        p50, p95 = summary_ms(timings[(target["path"], target["cookie"])])
        bare50, bare95 = summary_ms(timings[("/bench/bare", target["cookie"])])
        print(f"{target['label']:<22}{p50:>8.1f}{p95:>8.1f}{p50 / bare50:>11.1f}"
              f"{p95 / bare95:>11.1f}{target['queries']:>9}")
    for cookie, name in ((cookies[None], "anonymous"),):
        p50, p95 = summary_ms(timings[("/bench/bare", cookie)])
        print(f"{'bare view (' + name + ')':<22}{p50:>8.1f}{p95:>8.1f}")
    signed_in = [c for c in set(cookies.values()) if c]
    if signed_in:
        p50, p95 = summary_ms(timings[("/bench/bare", signed_in[0])])
        print(f"{'bare view (signed in)':<22}{p50:>8.1f}{p95:>8.1f}")


if __name__ == "__main__":
    main()
