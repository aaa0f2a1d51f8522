"""Redis (cache and broker) dies while people use the site: pages, log-in, verification,
module completions and quiz answers keep working from the database, the rate limiter fails open
with a log line, and /healthz says "degraded" with each dependency's state.

Real processes: a redis-server this test starts on a free port and kills with SIGKILL.
"""

import os
import re
import shutil
import time

import pytest
import redis

from django.urls import reverse

from curriculum.models import ModuleCompletion
from lms.accounts import roles
from lms.celery import app as celery_app
from lms.certificates import services
from lms.quizzes.models import Answer, Category, Question, Quiz, SittingAnswer
from lms.quizzes.services import sitting_start
from tests import processes
from tests.certificates.factories import completed_enrollment
from tests.conftest import REQUIRED
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = [pytest.mark.redis, pytest.mark.django_db]
RETRY_AFTER = 0.5


class RedisServer:
    """The test's own redis-server: killed with SIGKILL, started again on the same port."""

    def __init__(self, workdir) -> None:
        self.workdir = workdir
        self.port = processes.free_port()
        self.process: processes.Process | None = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)

        def pong() -> bool:
            try:
                return client.ping()
            except redis.RedisError:
                return False

        self.process = processes.start(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            env=dict(os.environ), log=self.workdir / "redis.log", name="redis-server")
        processes.wait_until(pong, seconds=20, why="redis-server", process=self.process)

    def kill(self) -> None:
        self.process.kill()


@pytest.fixture
def redis_process(tmp_path):
    if shutil.which("redis-server") is None:
        why = "no redis-server executable (apt-get install redis-server)"
        if "redis" in REQUIRED:
            pytest.fail(f"redis is required here (CASCADE_REQUIRE) but unavailable: {why}")
        pytest.skip(f"needs redis: {why}")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.process.stop()


@pytest.fixture
def redis_everywhere(settings, redis_process):
    """The cache on db 1 and the broker on db 0 of the test's own server, as in production."""
    settings.CACHES = {"default": {
        "BACKEND": "lms.core.cache.ResilientRedisCache", "LOCATION": redis_process.url(1),
        "OPTIONS": {"RETRY_AFTER": RETRY_AFTER}}}
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 2
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager, conf.broker_url = False, redis_process.url(0)
    celery_app._pool = celery_app.amqp._producer_pool = None
    yield redis_process
    conf.task_always_eager, conf.broker_url = saved
    celery_app._pool = celery_app.amqp._producer_pool = None


@pytest.fixture
def trainee_at_work(site_tree):
    trainee = UserFactory(username="awa.traore", password="Bamako-2026!")
    questions = []
    for n in (1, 2):
        question = Question.objects.create(
            category=Category.objects.get_or_create(name_en="Referral")[0],
            kind=Question.Kind.MULTIPLE_CHOICE, text_en=f"Question {n}?")
        Answer.objects.create(question=question, text_en="Right", is_correct=True)
        Answer.objects.create(question=question, text_en="Wrong", is_correct=False)
        questions.append(question)
    quiz = Quiz.objects.create(slug="practice", title_en="Practice", course=site_tree["course"],
                               purpose=Quiz.Purpose.PRACTICE, pass_mark=50)
    quiz.questions.set(questions)
    quiz.save()
    sitting = sitting_start(user=trainee, quiz=quiz)
    certificate = services.certificate_issue(
        enrollment=completed_enrollment(course=site_tree["course"], first_name="Oumou",
                                        last_name="Sangaré"), render=False)
    return {"trainee": trainee, "sitting": sitting, "code": certificate.code, **site_tree}


def _pages(client, case) -> dict[str, int]:
    return {url: client.get(url).status_code for url in (
        "/en/", case["catalogue"].url, case["course"].url, case["modules"][0].url,
        reverse("accounts:login"), "/verify/")}


def test_site_keeps_serving_when_redis_dies(client, redis_everywhere, trainee_at_work, caplog):
    case, server = trainee_at_work, redis_everywhere
    # Redis up: everything answers, the cache is really used, the limiter really counts.
    assert set(_pages(client, case).values()) == {200}
    assert redis.Redis.from_url(server.url(1)).dbsize() > 0
    verify = f"/verify/{case['code']}/"
    assert [client.get(verify).status_code for _ in range(3)] == [200, 200, 429]
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok", "storage": "ok"}}

    server.kill()

    assert set(_pages(client, case).values()) == {200}, _pages(client, case)
    assert "Cache unreachable" in caplog.text
    # Fails open: over the limit, yet served, and the log says the limit was not enforced.
    assert [client.get(verify).status_code for _ in range(3)] == [200, 200, 200]
    assert "Rate limit 'verify' not enforced" in caplog.text
    # Log in, mark a module complete, answer a question: all saved.
    login = client.post(reverse("accounts:login"),
                        {"username": "awa.traore", "password": "Bamako-2026!"})
    assert login.status_code == 302
    module = case["modules"][0]
    assert client.post(reverse("curriculum:module_complete", args=[module.pk])).status_code == 302
    assert ModuleCompletion.objects.filter(user=case["trainee"], module=module).exists()
    sitting = case["sitting"]
    question = Question.objects.get(pk=sitting.question_ids[0])
    answer = client.post(reverse("quizzes:question", args=[sitting.pk]), {
        "question": question.pk, "choice": question.answers.get(is_correct=True).pk})
    assert answer.status_code == 302
    assert SittingAnswer.objects.filter(sitting=sitting, question=question).exists()
    assert client.get(reverse("curriculum:my_learning")).status_code == 200
    # A monitor sees the degradation; a load balancer keeps sending traffic.
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "down", "broker": "down", "storage": "ok"}}

    server.start()  # same port: the cache comes back on its own
    time.sleep(RETRY_AFTER + 0.1)
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/en/").status_code == 200


def test_dashboard_answers_while_redis_is_down_and_shows_what_changed_meanwhile(
        client, redis_everywhere, site_tree):
    """The kept dashboard (lms/reporting/dashboard_cache.py) lives in Redis: while Redis is
    dead the page is computed on each visit, and an enrolment made during the outage (whose
    invalidation could not be written) is on the page before and after Redis comes back."""
    server = redis_everywhere
    cohort = make_cohort(course=site_tree["course"], name="Session Gao")
    enroll(cohort, UserFactory())
    client.force_login(UserFactory(roles=[roles.NATIONAL_COORDINATOR]))

    def people() -> str:
        response = client.get(reverse("reporting:dashboard"))
        assert response.status_code == 200
        return re.search(r'data-figure="people">([^<]+)<', response.content.decode()).group(1)

    assert people() == "1"
    assert any(b"dashboard:body" in key for key in redis.Redis.from_url(server.url(1)).scan_iter())
    server.kill()
    enroll(cohort, UserFactory())
    assert people() == "2"
    server.start()  # an empty Redis on the same port
    time.sleep(RETRY_AFTER + 0.1)
    assert people() == "2"
    enroll(cohort, UserFactory())
    assert people() == "3"
