"""STORAGE_URL / AWS_* give S3 storages (private with short signed URLs, public renditions
without signatures); nothing configured keeps the local disk; the start-up check warns when
several processes would keep state in one of them."""

import environ
import pytest

from django.core.checks import run_checks

from lms.settings.storage import LOCAL_BACKEND, S3_BACKEND, storages_for

STATIC = {"BACKEND": "static"}


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("STORAGE_URL", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL",
                 "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_S3_REGION_NAME",
                 "STORAGE_PUBLIC_DOMAIN", "PRIVATE_FILES_URL_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_nothing_configured_is_the_local_disk(clean_env):
    storages = storages_for(environ.Env(), staticfiles=STATIC)
    assert storages["default"]["BACKEND"] == storages["public"]["BACKEND"] == LOCAL_BACKEND
    assert storages["staticfiles"] is STATIC


def test_storage_url_gives_a_private_and_a_public_prefix(clean_env):
    clean_env.setenv("STORAGE_URL", "s3://minio%2Fkey:se%40cret@minio:9000/cascade"
                                    "?region=eu-west-3&secure=false&addressing=path")
    clean_env.setenv("STORAGE_PUBLIC_DOMAIN", "cascade.example.org/media")
    storages = storages_for(environ.Env(), staticfiles=STATIC)
    private, public = storages["default"]["OPTIONS"], storages["public"]["OPTIONS"]
    assert storages["default"]["BACKEND"] == storages["public"]["BACKEND"] == S3_BACKEND
    assert private["bucket_name"] == public["bucket_name"] == "cascade"
    assert private["endpoint_url"] == "http://minio:9000" and private["region_name"] == "eu-west-3"
    assert (private["access_key"], private["secret_key"]) == ("minio/key", "se@cret")
    assert private["addressing_style"] == "path" and private["file_overwrite"] is False
    assert private["location"] == "private" and private["querystring_auth"] is True
    assert private["querystring_expire"] == 60
    assert public["location"] == "public" and public["querystring_auth"] is False
    assert public["custom_domain"] == "cascade.example.org/media"


def test_aws_names_work_too(clean_env):
    clean_env.setenv("AWS_STORAGE_BUCKET_NAME", "cascade-prod")
    clean_env.setenv("AWS_S3_REGION_NAME", "fr-par")
    clean_env.setenv("AWS_S3_ENDPOINT_URL", "https://s3.fr-par.scw.cloud")
    options = storages_for(environ.Env(), staticfiles=STATIC)["default"]["OPTIONS"]
    assert options["bucket_name"] == "cascade-prod" and options["region_name"] == "fr-par"
    assert options["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert "access_key" not in options  # boto3 finds the keys (env, instance role) itself


def test_a_mistyped_storage_url_is_refused(clean_env):
    clean_env.setenv("STORAGE_URL", "minio://cascade")
    with pytest.raises(ValueError, match="STORAGE_URL"):
        storages_for(environ.Env(), staticfiles=STATIC)


def _ids() -> set[str]:
    return {message.id for message in run_checks() if message.id.startswith("cascade.")}


def test_multi_process_warns_about_local_state(settings):
    settings.CASCADE_MULTI_PROCESS = False
    assert _ids() == set()
    settings.CASCADE_MULTI_PROCESS = True
    assert _ids() == {"cascade.W001", "cascade.W002"}  # locmem cache, local disk
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/1"}}
    s3 = {"BACKEND": S3_BACKEND, "OPTIONS": {"bucket_name": "cascade"}}
    settings.STORAGES = {**settings.STORAGES, "default": s3, "public": s3}
    assert _ids() == set()


def test_production_counts_as_multi_process_unless_told_otherwise(tmp_path):
    from tests.security.test_production_settings import _production_env, _run

    env = _production_env(tmp_path)
    del env["CASCADE_MULTI_PROCESS"]
    output = _run(["manage.py", "check"], env)
    assert "cascade.W001" in output.stderr + output.stdout
    assert "cascade.W002" in output.stderr + output.stdout
