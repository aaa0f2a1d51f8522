import pytest

from django.core.management import call_command

from lms.accounts import roles
from lms.reporting.models import ApiToken
from lms.reporting.services import api_token_create
from tests.factories import UserFactory


def _get(client, path, key=None, **params):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(path, params, headers=headers)


@pytest.fixture
def keys(dataset):
    return {name: api_token_create(owner=dataset[name], name=name)[1]
            for name in ("national", "kayes_coord")}


@pytest.mark.parametrize("path", ["/api/cohorts", "/api/indicators", "/api/certificates"])
def test_no_token_or_bad_token_is_401(client, dataset, path):
    assert _get(client, path).status_code == 401
    assert _get(client, path, key="not-a-token").status_code == 401


def test_revoked_token_is_401_and_only_the_hash_is_stored(client, dataset):
    token, key = api_token_create(owner=dataset["national"], name="M&E")
    assert key not in token.key_hash and token.prefix == key[:8]
    assert _get(client, "/api/cohorts", key=key).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    assert _get(client, "/api/cohorts", key=key).status_code == 401


def test_token_of_a_trainee_is_forbidden(client, roles_ready):
    _token, key = api_token_create(owner=UserFactory(roles=[roles.TRAINEE]), name="x")
    assert _get(client, "/api/indicators", key=key).status_code == 403


def test_cohorts_are_scoped_and_paginated(client, keys, dataset):
    data = _get(client, "/api/cohorts", key=keys["national"], page_size=2).json()
    assert data["count"] == 3 and len(data["items"]) == 2
    data = _get(client, "/api/cohorts", key=keys["kayes_coord"]).json()
    assert [c["name"] for c in data["items"]] == ["Session Kayes"]
    assert data["items"][0]["people"] == 3 and data["items"][0]["region"] == "Kayes"
    mopti = dataset["mopti"].pk
    assert _get(client, f"/api/cohorts/{mopti}", key=keys["kayes_coord"]).status_code == 404
    assert _get(client, f"/api/cohorts/{mopti}", key=keys["national"]).status_code == 200


def test_indicators_match_the_dashboard_and_honour_filters(client, keys):
    data = _get(client, "/api/indicators", key=keys["national"]).json()
    assert (data["people"], data["certified"], data["attendance_rate"]) == (7, 2, 75.0)
    assert float(data["knowledge_gain"]["gain"]) == 25.0
    assert {r["label"]: r["people"] for r in data["by_region"]} == {
        "Kayes": 3, "Bamako": 2, "Mopti": 2}
    data = _get(client, "/api/indicators", key=keys["national"], level=1).json()
    assert data["people"] == 2 and data["filters"] == {"level": "1"}
    data = _get(client, "/api/indicators", key=keys["kayes_coord"]).json()
    assert data["people"] == 3
    assert [r["label"] for r in data["by_region"]] == ["Kayes"]
    assert _get(client, "/api/indicators", key=keys["national"],
                date_from="yesterday").status_code == 422


def test_certificates_status_scoped(client, keys, dataset):
    data = _get(client, "/api/certificates", key=keys["kayes_coord"]).json()
    assert sorted((c["trainee_id"], c["status"]) for c in data["items"]) == sorted([
        (dataset["enrollments"]["k1"].trainee_id, "valid"),
        (dataset["enrollments"]["k2"].trainee_id, "revoked")])
    assert _get(client, "/api/certificates", key=keys["national"]).json()["count"] == 3


def test_certificates_never_carry_usernames(client, keys, dataset):
    """Trainees' usernames are often phone numbers: the API gives ids and printed names."""
    k1 = dataset["enrollments"]["k1"].trainee
    k1.username = "+22376123456"
    k1.save(update_fields=["username"])
    response = _get(client, "/api/certificates", key=keys["national"])
    assert "+22376123456" not in response.content.decode()
    item = response.json()["items"][0]
    assert set(item) == {"code", "status", "issued_at", "cohort", "trainee_id", "trainee_name"}


def test_openapi_schema_and_docs_are_served(client, db):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/cohorts", "/api/indicators", "/api/certificates"} <= set(paths)
    assert "BearerToken" in str(schema.json()["components"]["securitySchemes"])
    assert client.get("/api/docs").status_code == 200


def test_create_api_token_command(db, capsys):
    user = UserFactory(username="me-officer")
    call_command("create_api_token", "me-officer", "--name", "DHIS2")
    key = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(owner=user)
    assert token.name == "DHIS2" and key.startswith(token.prefix)


def test_indicators_query_count_is_constant(client, keys, dataset,
                                            django_assert_max_num_queries):
    from tests.reporting.factories import grow

    _get(client, "/api/indicators", key=keys["national"])
    with django_assert_max_num_queries(30) as small:
        _get(client, "/api/indicators", key=keys["national"])
    grow(dataset, cohorts=5, trainees_per_cohort=4)
    with django_assert_max_num_queries(len(small.captured_queries)):
        data = _get(client, "/api/indicators", key=keys["national"]).json()
    assert data["people"] == 7 + 20
