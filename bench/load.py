"""Trainees taking a quiz at once against gunicorn on loopback, for a bounded time.

One asyncio loop (aiohttp) plays every trainee, so the load generator costs little CPU beside
the server (it prints its own CPU time per request). Each trainee is a real demo trainee with
a signed-in session: start the benchmark practice quiz, load each question, answer it, read
the result, start again.

Modes:
- think time (`--think 10`): each trainee waits that long (±50 %, random) between requests,
  as people reading a question do; the figure is the latency they see (p50/p95).
- closed loop (`--think 0`, the default): no waiting, every trainee sends its next request
  when the last one answered; the figure is the server's capacity (requests/s) and the
  server's CPU per request (gunicorn's master and workers, read from /proc).
- `--matrix`: the closed loop against several gunicorn configurations (workers x threads),
  one after the other, as a table.

    .venv/bin/uv run python bench/load.py --think 10 --trainees 220 --seconds 60
    .venv/bin/uv run python bench/load.py --trainees 220 --workers 3 --threads 1 --seconds 30
    .venv/bin/uv run python bench/load.py --matrix --database-url postgres://...
"""

import argparse
import asyncio
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    CSRF_SECRET,
    gunicorn_server,
    load_average,
    open_demo_database,
    percentile,
    session_cookie_for,
)

QUESTION_ID = re.compile(rb'name="question" value="(\d+)"')
FIRST_OPTION = re.compile(rb'<input type="(?:radio|checkbox)" name="(\w+)" value="([^"]+)"')
MATRIX = [(3, 1), (5, 1), (2, 4), (3, 4), (4, 2)]  # (workers, threads) on 2 cores


@dataclass
class Tally:
    latencies: list = field(default_factory=list)
    in_window: int = 0  # answers received before the end of the run
    outcomes: Counter = field(default_factory=Counter)
    quizzes_finished: int = 0


class Trainee:
    def __init__(self, http: aiohttp.ClientSession, base: str, cookie: str, quiz_slug: str,
                 think: float, stop_at: float, tally: Tally):
        self.http, self.base, self.quiz_slug = http, base, quiz_slug
        self.headers = {"Cookie": cookie}
        self.think, self.stop_at, self.tally = think, stop_at, tally

    async def _pause(self) -> None:
        if self.think:
            await asyncio.sleep(self.think * random.uniform(0.5, 1.5))

    async def _call(self, method: str, path: str, form: dict | None = None):
        """(status, location, body), or None for an error; counted when the run is on."""
        await self._pause()
        if time.monotonic() >= self.stop_at:
            return None
        data = None if form is None else {**form, "csrfmiddlewaretoken": CSRF_SECRET}
        started = time.perf_counter()
        try:
            async with self.http.request(method, self.base + path, data=data,
                                         headers=self.headers, allow_redirects=False) as raw:
                body = await raw.read()
                result = (raw.status, raw.headers.get("Location", ""), body)
        except (aiohttp.ClientError, TimeoutError) as exc:
            self.tally.outcomes[type(exc).__name__] += 1
            return None
        self.tally.latencies.append(time.perf_counter() - started)
        self.tally.in_window += time.monotonic() < self.stop_at
        self.tally.outcomes[result[0]] += 1
        return result if result[0] < 400 else None

    async def run(self) -> None:
        await asyncio.sleep(random.uniform(0, self.think or 0.1))  # no thundering start
        while time.monotonic() < self.stop_at:
            started = await self._call("POST", f"/en/quizzes/{self.quiz_slug}/start/", {})
            if started is None or "/attempts/" not in started[1]:
                await asyncio.sleep(0.5)
                continue
            attempt = started[1]
            while time.monotonic() < self.stop_at:
                page = await self._call("GET", attempt)
                if page is None:
                    break
                if page[0] == 302:  # to the result page: the attempt is over
                    if await self._call("GET", page[1]) is not None:
                        self.tally.quizzes_finished += 1
                    break
                question, option = QUESTION_ID.search(page[2]), FIRST_OPTION.search(page[2])
                if not (question and option):
                    self.tally.outcomes["unparsable page"] += 1
                    break
                await self._call("POST", attempt, {
                    "question": question.group(1).decode(),
                    option.group(1).decode(): option.group(2).decode()})


async def _drive(port: int, cookies: list[str], quiz_slug: str, *, think: float,
                 seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                     cookie_jar=aiohttp.DummyCookieJar()) as http:
        started = time.monotonic()
        stop_at = started + seconds
        trainees = [Trainee(http, f"http://127.0.0.1:{port}", cookie, quiz_slug, think,
                            stop_at, tally) for cookie in cookies]
        await asyncio.gather(*(trainee.run() for trainee in trainees))
        return tally, seconds


def run_once(env: dict, cookies: list[str], quiz_slug: str, *, workers: int, threads: int,
             think: float, seconds: float, warmup: float) -> dict:
    with gunicorn_server(env, workers=workers, threads=threads) as server:
        if warmup:
            asyncio.run(_drive(server.port, cookies, quiz_slug, think=think, seconds=warmup))
        server_cpu = server.cpu_seconds()
        client_cpu = time.process_time()
        tally, elapsed = asyncio.run(_drive(server.port, cookies, quiz_slug, think=think,
                                            seconds=seconds))
        client_cpu = time.process_time() - client_cpu
        server_cpu = server.cpu_seconds() - server_cpu
    total = sum(tally.outcomes.values())
    errors = sum(count for key, count in tally.outcomes.items()
                 if not (isinstance(key, int) and key < 400))
    return {
        "workers": workers, "threads": threads, "requests": total,
        "rps": tally.in_window / elapsed,  # answers received within the run's window
        "errors": 100 * errors / max(total, 1),
        "outcomes": dict(tally.outcomes),
        "p50": 1000 * percentile(tally.latencies, 0.50),
        "p95": 1000 * percentile(tally.latencies, 0.95),
        "max": 1000 * max(tally.latencies, default=0),
        "server_ms": 1000 * server_cpu / max(total, 1),
        "client_ms": 1000 * client_cpu / max(total, 1),
        "finished": tally.quizzes_finished,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, default=220)
    parser.add_argument("--think", type=float, default=0,
                        help="seconds between a trainee's requests (0: closed loop)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5,
                        help="seconds of load before measuring (caches, connections)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="per gunicorn worker")
    parser.add_argument("--matrix", action="store_true",
                        help=f"closed loop for each (workers, threads) of {MATRIX}")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    env = open_demo_database(args.database_url, fresh=args.fresh)
    from bench.fixtures import bench_quiz, bench_trainees

    quiz = bench_quiz()
    cookies = [session_cookie_for(person) for person in bench_trainees(args.trainees)]
    configurations = MATRIX if args.matrix else [(args.workers, args.threads)]
    database = env["DATABASE_URL"].split(":")[0]
    mode = f"think time {args.think:g} s" if args.think else "closed loop (no think time)"
    print(f"\nLoad: {args.trainees} trainees, {quiz.questions.count()}-question quiz, {mode}, "
          f"{args.seconds:g} s after {args.warmup:g} s of warm-up; {database}; "
          f"{os.cpu_count()} CPU cores shared with the load generator and the database")
    print(f"before: {load_average()}")
    print(f"{'workers x threads':<19}{'requests':>9}{'req/s':>8}{'errors':>8}{'p50 ms':>8}"
          f"{'p95 ms':>8}{'max ms':>8}{'server CPU ms/req':>19}{'client CPU ms/req':>19}"
          f"{'quizzes':>9}")
    for workers, threads in configurations:
        row = run_once(env, cookies, quiz.slug, workers=workers, threads=threads,
                       think=args.think, seconds=args.seconds, warmup=args.warmup)
        print(f"{f'{workers} x {threads}':<19}{row['requests']:>9}{row['rps']:>8.1f}"
              f"{row['errors']:>7.2f}%{row['p50']:>8.0f}{row['p95']:>8.0f}{row['max']:>8.0f}"
              f"{row['server_ms']:>19.1f}{row['client_ms']:>19.2f}{row['finished']:>9}",
              flush=True)
        if row["errors"]:
            print(f"    outcomes: {row['outcomes']}")
    print(f"after: {load_average()}")


if __name__ == "__main__":
    main()
