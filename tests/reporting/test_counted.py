"""Only counted cohorts (`Cohort.objects.counted()`) reach a figure: a session run by a trainer
that is pending or sent back is listed for validation, never counted."""

import pytest

from lms.cohorts import selectors as cohort_selectors
from lms.cohorts.models import Cohort
from lms.reporting import drilldown, selectors, tables
from lms.reporting.filters import Filters
from lms.reporting.services import api_token_create

NONE = Filters()


def _set(cohort: Cohort, validation: str) -> None:
    Cohort.objects.filter(pk=cohort.pk).update(validation=validation)


def test_counted_is_validated_only(dataset):
    assert set(Cohort.objects.counted()) == {dataset["l1"], dataset["kayes"], dataset["mopti"]}
    _set(dataset["mopti"], Cohort.Validation.PENDING)
    _set(dataset["kayes"], Cohort.Validation.RETURNED)
    assert list(Cohort.objects.counted()) == [dataset["l1"]]
    assert set(Cohort.objects.awaiting_validation()) == {dataset["kayes"], dataset["mopti"]}


@pytest.mark.parametrize("validation", [Cohort.Validation.PENDING, Cohort.Validation.RETURNED])
def test_dashboard_figures_leave_awaiting_sessions_out(dataset, validation):
    user = dataset["national"]
    _set(dataset["mopti"], validation)  # Mopti: 2 people at level 2
    figures = selectors.headline(user=user, filters=NONE)
    assert (figures["people"], figures["cohorts"]) == (5, 2)
    regions = {r["value"] for r in selectors.breakdown(user=user, filters=NONE,
                                                       dimension="region")}
    assert regions == {"Bamako", "Kayes"}
    assert selectors.reach_by_level(user=user, filters=NONE)[1] == {
        "level": 2, "people": 3, "cohorts": 1, "trainers": 0}
    assert selectors.reach_by_master_trainer(user=user, filters=NONE)[0]["downstream"] == 3
    assert sum(row["people"] for row in selectors.timeline(user=user, filters=NONE)) == 5
    assert dataset["mopti"] not in tables.cohort_table(user=user, filters=NONE)
    tree = drilldown.cascade_tree(user=user, filters=NONE)["roots"]
    assert [child["pk"] for child in tree[0]["children"]] == [dataset["kayes"].pk]
    _set(dataset["mopti"], Cohort.Validation.VALIDATED)
    assert selectors.headline(user=user, filters=NONE)["people"] == 7


def test_api_indicators_leave_awaiting_sessions_out(client, dataset):
    _token, key = api_token_create(owner=dataset["national"], name="M&E")
    _set(dataset["kayes"], Cohort.Validation.PENDING)
    headers = {"Authorization": f"Bearer {key}"}
    answer = client.get("/api/indicators", headers=headers).json()
    assert answer["people"] == 4 and answer["cohorts"] == 2
    cohorts = client.get("/api/cohorts", headers=headers).json()["items"]
    assert dataset["kayes"].code not in {c["code"] for c in cohorts}


def test_cascade_readers_count_validated_and_list_awaiting(dataset):
    _set(dataset["kayes"], Cohort.Validation.PENDING)
    reach = cohort_selectors.cascade_reach(cohorts=Cohort.objects.all())
    assert reach == [{"level": 1, "cohorts": 1, "trainees": 2},
                     {"level": 2, "cohorts": 1, "trainees": 2}]
    lineage = cohort_selectors.cohort_lineage(cohort=dataset["l1"])
    assert (lineage.total_cohorts, lineage.total_trainees) == (2, 4)
    assert lineage.awaiting == [dataset["kayes"]]
    assert [c.pk for level in lineage.levels for c in level.cohorts] == [
        dataset["l1"].pk, dataset["mopti"].pk]
