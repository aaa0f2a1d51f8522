"""The order in which each app loads its share of the demo data (`manage.py load_demo`).

Each step is idempotent and returns a one-line summary.
"""

from collections.abc import Callable, Iterator

from curriculum import demo as curriculum_demo
from lms.accounts import demo as accounts_demo
from lms.accounts.roles import ensure_roles
from lms.certificates import demo as certificates_demo
from lms.cohorts import demo as cohorts_demo
from lms.quizzes import demo as quizzes_demo


def demo_steps() -> Iterator[tuple[str, Callable[[], object]]]:
    yield "roles", lambda: f"{len(ensure_roles())} groups"
    yield "curriculum", curriculum_demo.load
    yield "accounts", accounts_demo.load
    yield "cohorts", cohorts_demo.load
    yield "quizzes", quizzes_demo.load
    yield "certificates", certificates_demo.load
