"""The order in which each app loads its share of the demo data."""

from collections.abc import Callable, Iterator


def DEMO_STEPS() -> Iterator[tuple[str, Callable[[], object]]]:  # noqa: N802
    from lms.accounts.roles import ensure_roles

    yield "roles", lambda: f"{len(ensure_roles())} groups"
    from curriculum.demo import load as load_curriculum

    yield "curriculum", load_curriculum
