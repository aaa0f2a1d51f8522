"""Where files live: the local disk (MEDIA_ROOT) unless an S3-compatible store is configured.

Two storages: `default` holds private files (certificates, exports, documents, original images)
under a private prefix, with short-lived signed URLs; `public` holds image renditions under a
public prefix, with plain URLs that pages and a CDN can cache. On a local disk both are
MEDIA_ROOT, and only the views that check who is asking hand private files out.

Configure S3 with one URL, or with django-storages' usual names:

    STORAGE_URL=s3://ACCESS_KEY:SECRET_KEY@minio:9000/cascade?region=us-east-1&secure=false
    AWS_STORAGE_BUCKET_NAME=cascade  AWS_S3_ENDPOINT_URL=https://s3.fr-par.scw.cloud
    AWS_ACCESS_KEY_ID=...  AWS_SECRET_ACCESS_KEY=...  AWS_S3_REGION_NAME=fr-par

Options: STORAGE_PRIVATE_PREFIX (default `private`), STORAGE_PUBLIC_PREFIX (`public`),
STORAGE_PUBLIC_DOMAIN (a CDN or the proxy's host and path serving the public prefix, e.g.
`cascade.example.org/media`), PRIVATE_FILES_URL_SECONDS (signed URLs' life, default 60).
"""

from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import environ

S3_BACKEND = "storages.backends.s3.S3Storage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
TRUE = {"1", "true", "yes", "on"}


def _s3_from_url(url: str) -> dict[str, Any]:
    parts = urlparse(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options: dict[str, Any] = {"bucket_name": parts.path.strip("/")}
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    if parts.hostname:
        scheme = "https" if query.get("secure", "true").lower() in TRUE else "http"
        port = f":{parts.port}" if parts.port else ""
        options["endpoint_url"] = f"{scheme}://{parts.hostname}{port}"
    if "region" in query:
        options["region_name"] = query["region"]
    if "addressing" in query:  # MinIO and most S3-compatible stores want `path`
        options["addressing_style"] = query["addressing"]
    return options


def _s3_from_aws_names(env: environ.Env) -> dict[str, Any]:
    names = {"bucket_name": "AWS_STORAGE_BUCKET_NAME", "endpoint_url": "AWS_S3_ENDPOINT_URL",
             "access_key": "AWS_ACCESS_KEY_ID", "secret_key": "AWS_SECRET_ACCESS_KEY",
             "region_name": "AWS_S3_REGION_NAME", "addressing_style": "AWS_S3_ADDRESSING_STYLE"}
    return {option: env.str(name) for option, name in names.items() if env.str(name, default="")}


def s3_options(env: environ.Env) -> dict[str, Any] | None:
    """The S3 connection options from STORAGE_URL or AWS_*, or None for the local disk."""
    url = env.str("STORAGE_URL", default="")
    if url.startswith("s3://"):
        return _s3_from_url(url)
    if url and not url.startswith(("file:", "local:")):
        raise ValueError(f"STORAGE_URL must start with s3:// or file: (got {url.split(':')[0]})")
    if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
        return _s3_from_aws_names(env)
    return None


def storages_for(env: environ.Env, *, staticfiles: dict[str, Any]) -> dict[str, dict]:
    options = s3_options(env)
    if options is None:
        local = {"BACKEND": LOCAL_BACKEND}
        return {"default": local, "public": local, "staticfiles": staticfiles}
    common = {**options, "default_acl": None, "file_overwrite": False,
              "signature_version": "s3v4"}
    private = {**common, "location": env.str("STORAGE_PRIVATE_PREFIX", default="private"),
               "querystring_auth": True,
               "querystring_expire": env.int("PRIVATE_FILES_URL_SECONDS", default=60)}
    public = {**common, "location": env.str("STORAGE_PUBLIC_PREFIX", default="public"),
              "querystring_auth": False}
    if domain := env.str("STORAGE_PUBLIC_DOMAIN", default=""):
        public["custom_domain"] = domain
        public["url_protocol"] = env.str("STORAGE_PUBLIC_PROTOCOL", default="https:")
    return {"default": {"BACKEND": S3_BACKEND, "OPTIONS": private},
            "public": {"BACKEND": S3_BACKEND, "OPTIONS": public}, "staticfiles": staticfiles}
