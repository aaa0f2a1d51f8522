"""The roster preview's "same as an existing organisation" is posted by the browser: an id
outside the importer's scope (another region's organisation, or none) is a row error, and
nothing is written; the preview only offers organisations the importer may use."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.accounts.models import User
from lms.cohorts.importers import RosterRejected, jobs, read_roster
from lms.cohorts.models import Enrollment, RosterImport
from lms.cohorts.selectors import organisations_usable_by
from lms.organisations.models import Organisation
from tests.factories import OrganisationFactory, region

pytestmark = pytest.mark.django_db

ROSTER = b"first_name,last_name,region,organisation\nIssa,Ba,Kayes,Tous pour Kita\n"
KEY = "org-touspourkita"


@pytest.fixture
def partners(world):
    return {
        "kayes": OrganisationFactory(name="Tous pour Kayes", region=region("Kayes")),
        "mopti": OrganisationFactory(name="Tous pour Mopti", region=region("Mopti")),
        "national": OrganisationFactory(name="Tous pour Mali"),
    }


def _preview(client, cohort) -> str:
    url = reverse("cohorts:roster_import", args=[cohort.pk])
    return client.post(url, {"file": SimpleUploadedFile("r.csv", ROSTER)}).content.decode()


def test_usable_organisations_follow_the_region_rule(world, partners):
    people, kayes = world["people"], world["cohorts"]["kayes"]
    usable = {name: set(organisations_usable_by(people[name], cohort=kayes))
              for name in ("facilitator_kayes", "coord_kayes", "coord_mopti", "national")}
    assert usable["facilitator_kayes"] == {partners["kayes"], partners["national"]}
    assert usable["coord_kayes"] == {partners["kayes"], partners["national"]}
    assert usable["coord_mopti"] == set(partners.values())  # their region, and the cohort's
    assert usable["national"] == set(Organisation.objects.all())
    assert not organisations_usable_by(None, cohort=kayes).exists()


def test_preview_offers_only_usable_organisations(client, world, partners):
    client.force_login(world["people"]["coord_kayes"])
    body = _preview(client, world["cohorts"]["kayes"])
    assert f'value="use:{partners["kayes"].pk}"' in body
    assert f'value="use:{partners["national"].pk}"' in body
    assert f'value="use:{partners["mopti"].pk}"' not in body


@pytest.mark.parametrize("target", ["mopti", "unknown"])
def test_posting_an_organisation_out_of_scope_is_a_row_error(client, world, partners, target):
    kayes = world["cohorts"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    assert 'name="org-touspourkita"' in _preview(client, kayes)
    chosen = partners["mopti"].pk if target == "mopti" else 999999
    response = client.post(reverse("cohorts:roster_confirm", args=[kayes.pk]),
                           {KEY: f"use:{chosen}"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "The organisation picked for “Tous pour Kita” is not one you may use" in body
    assert not User.objects.filter(last_name="Ba").exists()
    assert Enrollment.objects.filter(cohort=kayes).count() == 1  # the fixture's trainee only
    assert not Organisation.objects.filter(name="Tous pour Kita").exists()
    assert RosterImport.objects.get(cohort=kayes).status == RosterImport.Status.FAILED


def test_a_usable_organisation_is_accepted(client, world, partners):
    kayes = world["cohorts"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    _preview(client, kayes)
    client.post(reverse("cohorts:roster_confirm", args=[kayes.pk]),
                {KEY: f"use:{partners['national'].pk}"})
    assert User.objects.get(last_name="Ba").organisation == partners["national"]


def test_the_background_import_checks_the_choice_too(world, partners):
    kayes, coordinator = world["cohorts"]["kayes"], world["people"]["coord_kayes"]
    job = jobs.roster_job_prepare(cohort=kayes, actor=coordinator, file_name="r.csv",
                                  raw_rows=read_roster(name="r.csv", data=ROSTER))
    jobs.roster_job_queue(job=job, choices={"organisations": {
        "touspourkita": {"use": partners["mopti"].pk}}})
    with pytest.raises(RosterRejected):
        jobs.roster_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == RosterImport.Status.FAILED
    assert any("is not one you may use" in error for error in job.errors)
    assert not User.objects.filter(last_name="Ba").exists()


def test_new_organisation_is_created_in_the_region_picked(client, world):
    kayes = world["cohorts"]["kayes"]
    client.force_login(world["people"]["national"])
    body = _preview(client, kayes)
    assert 'name="orgregion-touspourkita"' in body
    assert f'<option value="{kayes.region_id}" selected>' in body  # the cohort's by default
    mopti = region("Mopti")
    client.post(reverse("cohorts:roster_confirm", args=[kayes.pk]),
                {KEY: "create:community_based", "orgregion-touspourkita": str(mopti.pk)})
    created = Organisation.objects.get(name="Tous pour Kita")
    assert (created.kind, created.region) == ("community_based", mopti)
    assert User.objects.get(last_name="Ba").organisation == created


def test_a_region_out_of_scope_for_a_new_organisation_is_a_row_error(client, world):
    kayes = world["cohorts"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    body = _preview(client, kayes)
    assert 'name="orgregion-' not in body  # only their region: nothing to pick
    response = client.post(reverse("cohorts:roster_confirm", args=[kayes.pk]), {
        KEY: "create:community_based", "orgregion-touspourkita": str(region("Mopti").pk)})
    assert "The region picked for the new organisation “Tous pour Kita” is not one you may " \
        "use." in response.content.decode()
    assert not Organisation.objects.filter(name="Tous pour Kita").exists()
    assert not User.objects.filter(last_name="Ba").exists()
