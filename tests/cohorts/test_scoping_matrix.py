"""The role x region x view matrix: every page, export and admin screen answers only inside
the viewer's scope (a Kayes coordinator never sees Mopti's trainees)."""

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db

# Who sees the Kayes cohort / the Mopti cohort and their trainees.
VISIBLE = {
    "facilitator_kayes": {"kayes"},
    "facilitator_mopti": {"mopti"},
    "coord_kayes": {"kayes"},
    "coord_mopti": {"mopti"},
    "national": {"kayes", "mopti"},
    "admin": {"kayes", "mopti"},
    "trainee_kayes": {"kayes"},   # their own cohort, and only themself in it
    "trainee_mopti": {"mopti"},
}
MANAGES = {
    "facilitator_kayes": {"kayes"}, "facilitator_mopti": {"mopti"},
    "coord_kayes": {"kayes"}, "coord_mopti": {"mopti"},
    "national": {"kayes", "mopti"}, "admin": {"kayes", "mopti"},
    "trainee_kayes": set(), "trainee_mopti": set(),
}
TRAINEE_NAME = {"kayes": "Kayesienne", "mopti": "Moptien"}
STAFF = {"facilitator_kayes", "facilitator_mopti", "coord_kayes", "coord_mopti", "national",
         "admin"}

READ_VIEWS = ["cohorts:detail", "cohorts:sheet", "cohorts:roster_export", "cohorts:cohort_lineage"]
MANAGE_VIEWS = ["cohorts:attendance", "cohorts:roster_import", "cohorts:edit", "cohorts:enrol"]


def _admin_status(response) -> int:
    """The admin lives outside the language prefix: Django's LocaleMiddleware turns its 404s
    into a redirect to the prefixed path (which is not found either)."""
    if response.status_code == 302 and response["Location"].startswith("/en/admin/"):
        return 404
    return response.status_code


@pytest.mark.parametrize("who", sorted(VISIBLE))
@pytest.mark.parametrize("where", ["kayes", "mopti"])
def test_role_region_view_matrix(client, world, who, where):
    viewer = world["people"][who]
    cohort = world["cohorts"][where]
    client.force_login(viewer)
    sees = where in VISIBLE[who]
    manages = where in MANAGES[who]

    listing = client.get(reverse("cohorts:list")).content.decode()
    assert (cohort.name in listing) is sees

    for name in READ_VIEWS:
        response = client.get(reverse(name, args=[cohort.pk]))
        assert response.status_code == (200 if sees else 404), name
        if sees and name != "cohorts:cohort_lineage":
            body = response.content.decode()
            own = viewer == world["enrollments"][where].trainee
            shows_trainee = TRAINEE_NAME[where] in body
            assert shows_trainee is (manages or own), name

    for name in MANAGE_VIEWS:
        response = client.get(reverse(name, args=[cohort.pk]))
        expected = 200 if manages else (403 if sees else 404)
        assert response.status_code == expected, name

    trainee = world["enrollments"][where].trainee
    lineage_url = reverse("cohorts:trainer_lineage",
                          args=[world["people"][f"facilitator_{where}"].pk])
    assert client.get(lineage_url).status_code == (200 if sees else 404)
    assert (lineage_url in client.get(reverse("cohorts:trainers")).content.decode()) is sees

    # Wagtail admin: cohorts, enrollments and trainees listings and edit pages
    admin_cohorts = client.get(reverse("cohort:index"))
    admin_trainees = client.get(reverse("trainees:index"))
    admin_enrollments = client.get(reverse("enrollment:index"))
    if who in STAFF:
        assert admin_cohorts.status_code == 200
        assert (cohort.name in admin_cohorts.content.decode()) is sees
        assert (TRAINEE_NAME[where] in admin_trainees.content.decode()) is manages
        assert (TRAINEE_NAME[where] in admin_enrollments.content.decode()) is manages
        edit = client.get(reverse("cohort:edit", args=[cohort.pk]))
        assert _admin_status(edit) == (200 if manages else 404)
        trainee_edit = client.get(reverse("trainees:edit", args=[trainee.pk]))
        assert _admin_status(trainee_edit) == (200 if manages else 404)
    else:
        for response in (admin_cohorts, admin_trainees, admin_enrollments):
            assert response.status_code in (302, 403)
