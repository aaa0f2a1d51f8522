"""The people counted twice in a group, worked out per trainee with several enrollments
(`DashboardFigures._overcount`), equal the plain count over every (group, trainee) pair
(`figures.overcount`) for any grouping, measure and condition."""

import itertools
import random

import pytest

from lms.reporting.figures import (
    COHORT_KEYS,
    MEASURES,
    TRAINEE_KEYS,
    DashboardFigures,
    Repeat,
    overcount,
)


def _random_repeats(seed: int) -> list[Repeat]:
    rng = random.Random(seed)
    rows = []
    for trainee in range(60):
        sex, function = rng.choice("FM"), rng.choice(["social worker", "technician"])
        org_kind = rng.choice(["ngo", "government", None])
        for _ in range(rng.choice([1, 2, 2, 3, 4])):  # some people in one cohort only
            level = rng.choice([1, 2, 3])
            rows.append(Repeat(
                trainee=trainee, active=rng.random() < 0.8, completed=rng.random() < 0.5,
                certified=rng.random() < 0.4, region=rng.choice(["Kayes", "Mopti", "Bamako"]),
                course=rng.choice(["NRM", "PSS"]), level=level,
                month=rng.choice(["2024-01", "2024-02"]), root=rng.choice([1, 2, 3]),
                sex=sex, function=function, org_kind=org_kind, cohort=rng.randrange(20)))
    return rows


def _figures(repeats: list[Repeat]) -> DashboardFigures:
    figures = DashboardFigures.__new__(DashboardFigures)  # no user, no queries
    figures.__dict__["repeats"] = repeats
    return figures


@pytest.mark.parametrize("seed", range(5))
def test_overcount_per_trainee_equals_the_pairs_count(seed):
    repeats = _random_repeats(seed)
    figures = _figures(repeats)
    groupings = [(), *((key,) for key in (*COHORT_KEYS, *TRAINEE_KEYS, "root")),
                 ("region", "level"), ("sex", "function", "org_kind")]
    conditions = [None, lambda row: row.level == 1, lambda row: row.level != 1]
    checked = 0
    for keys, (measure, test), where in itertools.product(
            groupings, MEASURES.items(), conditions):
        expected = overcount(
            (tuple(getattr(row, key) for key in keys), row.trainee) for row in repeats
            if test(row) and (where is None or where(row)))
        assert dict(figures._overcount(keys, measure, where=where)) == dict(expected), (
            keys, measure)
        checked += sum(expected.values())
    assert checked > 0  # the data does put people twice in a group


def test_only_people_with_several_counted_enrollments_are_kept():
    one = Repeat(1, True, False, False, "Kayes", "NRM", 1, "2024-01", 1, "F", "x", None, 1)
    withdrawn = one._replace(active=False, cohort=2)
    figures = _figures([one, withdrawn, one._replace(trainee=2), one._replace(trainee=2)])
    assert [[row.trainee for row in entries] for entries in figures.multiple["active"]] == [
        [2, 2]]
    assert figures._overcount(("region",), "active") == {("Kayes",): 1}
