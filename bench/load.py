"""220 trainees taking a quiz at once, on loopback, for a bounded time.

Each simulated trainee is a thread with its own signed-in session (a real demo trainee) that
starts the benchmark practice quiz, loads each question, answers it, and reads the result,
then starts again, until the time is up. Prints requests per second, the error rate (HTTP
status >= 400 or a failed connection) and the latency percentiles.

    .venv/bin/uv run python bench/load.py [--trainees 220] [--seconds 60] [--workers N]
                                         [--threads 4] [--database-url URL]
"""

import argparse
import os
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    Browser,
    gunicorn,
    open_demo_database,
    percentile,
    session_cookie_for,
)

QUESTION_ID = re.compile(rb'name="question" value="(\d+)"')
FIRST_OPTION = re.compile(rb'<input type="(?:radio|checkbox)" name="(\w+)" value="([^"]+)"')


class Trainee(threading.Thread):
    def __init__(self, port: int, cookie: str, quiz_slug: str, stop_at: float,
                 start: threading.Event):
        super().__init__(daemon=True)
        self.browser = Browser(port, cookie)
        self.quiz_slug, self.stop_at, self.start_signal = quiz_slug, stop_at, start
        self.latencies: list[float] = []
        self.outcomes: Counter = Counter()
        self.quizzes_finished = 0

    def _call(self, method: str, path: str, form: dict | None = None):
        started = time.perf_counter()
        try:
            response = self.browser.request(method, path, form)
        except OSError as exc:
            self.outcomes[type(exc).__name__] += 1
            self.browser.close()
            return None
        self.latencies.append(time.perf_counter() - started)
        self.outcomes[response.status] += 1
        return response if response.status < 400 else None

    def run(self) -> None:
        self.start_signal.wait()
        while time.monotonic() < self.stop_at:
            response = self._call("POST", f"/en/quizzes/{self.quiz_slug}/start/", {})
            if response is None or "/attempts/" not in response.location:
                time.sleep(0.5)
                continue
            attempt = response.location
            while time.monotonic() < self.stop_at:
                page = self._call("GET", attempt)
                if page is None:
                    break
                if page.status == 302:  # to the result page: the attempt is over
                    if self._call("GET", page.location) is not None:
                        self.quizzes_finished += 1
                    break
                question, option = QUESTION_ID.search(page.body), FIRST_OPTION.search(page.body)
                if not (question and option):
                    self.outcomes["unparsable page"] += 1
                    break
                self._call("POST", attempt, {"question": question.group(1),
                                             option.group(1).decode(): option.group(2).decode()})
        self.browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, default=220)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=4, help="per gunicorn worker")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    env = open_demo_database(args.database_url, fresh=args.fresh)
    from bench.fixtures import bench_quiz, bench_trainees

    quiz = bench_quiz()
    cookies = [session_cookie_for(person) for person in bench_trainees(args.trainees)]

    with gunicorn(env, workers=args.workers, threads=args.threads) as port:
        go = threading.Event()
        started = time.monotonic()
        stop_at = started + args.seconds
        trainees = [Trainee(port, cookie, quiz.slug, stop_at, go) for cookie in cookies]
        for trainee in trainees:
            trainee.start()
        go.set()
        for trainee in trainees:
            trainee.join(timeout=args.seconds + 120)
        elapsed = time.monotonic() - started

    latencies = [value for t in trainees for value in t.latencies]
    outcomes = sum((t.outcomes for t in trainees), Counter())
    total = sum(outcomes.values())
    errors = sum(count for key, count in outcomes.items()
                 if not (isinstance(key, int) and key < 400))
    print(f"\nLoad: {args.trainees} trainees taking a {quiz.questions.count()}-question quiz "
          f"at once for {args.seconds} s; gunicorn {args.workers} workers x {args.threads} "
          f"threads; {os.cpu_count()} CPU cores (shared with the clients); "
          f"{env['DATABASE_URL'].split(':')[0]}")
    print(f"requests           {total}")
    print(f"requests/s         {total / elapsed:.1f}")
    print(f"error rate         {100 * errors / max(total, 1):.2f} %  {dict(outcomes)}")
    print(f"latency p50        {1000 * percentile(latencies, 0.50):.0f} ms")
    print(f"latency p95        {1000 * percentile(latencies, 0.95):.0f} ms")
    print(f"latency max        {1000 * max(latencies, default=0):.0f} ms")
    print(f"quizzes finished   {sum(t.quizzes_finished for t in trainees)}")


if __name__ == "__main__":
    main()
