from lms.organisations.models import Organisation
from lms.reporting import drilldown, selectors
from lms.reporting.filters import Filters


def _by(rows):
    return {row["value"]: (row["people"], row["certified"]) for row in rows}


def test_headline_counts_people_certified_attendance(dataset):
    figures = selectors.headline(user=dataset["national"], filters=Filters())
    assert figures["people"] == 7
    assert figures["certified"] == 2  # the revoked certificate does not count
    assert figures["completed"] == 3
    assert figures["cohorts"] == 3
    assert figures["attendance_rate"] == 75.0


def test_breakdowns_by_region_org_kind_sex(dataset):
    user, none = dataset["national"], Filters()
    assert _by(selectors.breakdown(user=user, filters=none, dimension="region")) == {
        "Bamako": (2, 1), "Kayes": (3, 1), "Mopti": (2, 0)}
    assert _by(selectors.breakdown(user=user, filters=none, dimension="org_kind")) == {
        Organisation.Kind.GOVERNMENTAL: (4, 1), Organisation.Kind.NON_GOVERNMENTAL: (3, 1)}
    assert _by(selectors.breakdown(user=user, filters=none, dimension="sex")) == {
        "F": (3, 2), "M": (4, 0)}
    assert _by(selectors.breakdown(user=user, filters=none, dimension="course")) == {
        "nrm": (7, 2)}


def test_people_by_region_lists_every_region_with_zeros(dataset):
    by_region = selectors.breakdown(user=dataset["national"], filters=Filters(),
                                    dimension="region")
    rows = selectors.people_by_region(user=dataset["national"], filters=Filters(),
                                      by_region=by_region)
    assert len(rows) == 9
    counts = {row["name"]: row["people"] for row in rows}
    assert counts["Kayes"] == 3 and counts["Bamako"] == 2 and counts["Gao"] == 0


def test_knowledge_gain(dataset):
    gain = selectors.knowledge_gain(user=dataset["national"], filters=Filters())
    assert gain["pairs"] == 2
    assert float(gain["pre"]) == 45.0 and float(gain["post"]) == 70.0
    assert float(gain["gain"]) == 25.0


def test_reach_by_level_and_master_trainer(dataset):
    levels = selectors.reach_by_level(user=dataset["national"], filters=Filters())
    assert levels == [
        {"level": 1, "people": 2, "cohorts": 1, "trainers": 2},
        {"level": 2, "people": 5, "cohorts": 2, "trainers": 0},
    ]
    masters = selectors.reach_by_master_trainer(user=dataset["national"], filters=Filters())
    assert len(masters) == 1
    assert masters[0]["user_id"] == dataset["master"].pk
    assert (masters[0]["direct"], masters[0]["downstream"]) == (2, 5)


def test_timeline_per_month(dataset):
    months = selectors.timeline(user=dataset["national"], filters=Filters())
    assert [(m["month"], m["people"]) for m in months] == [
        ("2024-01", 2), ("2024-03", 3), ("2024-04", 2)]


def test_filters_narrow_every_figure(dataset):
    user = dataset["national"]
    kayes = Filters(region="kayes")
    assert selectors.headline(user=user, filters=kayes)["people"] == 3
    level1 = Filters(level=1)
    assert selectors.headline(user=user, filters=level1)["people"] == 2
    ngo = Filters(org_kind=Organisation.Kind.NON_GOVERNMENTAL)
    assert selectors.headline(user=user, filters=ngo)["people"] == 3
    march = Filters(date_from=dataset["kayes"].start_date, date_to=dataset["kayes"].end_date)
    assert selectors.headline(user=user, filters=march)["people"] == 3
    assert selectors.headline(user=user, filters=Filters(course="other"))["people"] == 0


def test_regional_coordinator_sees_own_region_only(dataset):
    user = dataset["kayes_coord"]
    figures = selectors.headline(user=user, filters=Filters())
    assert figures["people"] == 3
    by_region = selectors.breakdown(user=user, filters=Filters(), dimension="region")
    rows = selectors.people_by_region(user=user, filters=Filters(), by_region=by_region)
    assert [row["name"] for row in rows] == ["Kayes"]
    assert _by(selectors.breakdown(user=user, filters=Filters(), dimension="region")) == {
        "Kayes": (3, 1)}
    # Asking for another region through the filters gives nothing, not Bamako's figures.
    assert selectors.headline(user=user, filters=Filters(region="bamako"))["people"] == 0


def test_drill_down_measures_attendance_as_the_dashboard_does(dataset):
    """Over the recorded days, excused days left out: k3's one excused day counts for nothing."""
    rows = {e.trainee.username: (e.days_present, e.days_counted)
            for e in drilldown.cohort_trainees(cohort=dataset["kayes"])}
    assert rows == {"k1": (2, 2), "k2": (1, 2), "k3": (0, 0)}
    present, counted = (sum(column) for column in zip(*rows.values(), strict=True))
    rate = selectors.headline(user=dataset["national"], filters=Filters(region="kayes"))
    assert rate["attendance_rate"] == round(100 * present / counted, 1) == 75.0
