"""Start-up checks: a deployment with several web or worker processes keeps no state in one
process or on one machine's disk (issue 17). Sessions, rate-limit counters, locks and task
state then live in the database or Redis, and files in an S3-compatible store."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.dummy.DummyCache",
)
LOCAL_STORAGES = ("django.core.files.storage.FileSystemStorage",
                  "django.core.files.storage.filesystem.FileSystemStorage")


@register(Tags.caches, Tags.compatibility, deploy=False)
def stateless_processes(app_configs, **kwargs) -> list[Warning]:
    if not getattr(settings, "CASCADE_MULTI_PROCESS", False):
        return []
    warnings = []
    for alias, config in settings.CACHES.items():
        if config.get("BACKEND") in LOCAL_CACHES:
            warnings.append(Warning(
                f"The '{alias}' cache is kept inside one process ({config['BACKEND']}), but "
                "several processes serve this site: rate limits would differ from one process "
                "to the next, and a page published, unpublished, moved or made private through "
                "one process would still be served as before by the others, whose cached "
                "routes and pages (curriculum/page_cache.py) never hear of the change.",
                hint="Set REDIS_URL (or CACHE_URL=redis://...), or CASCADE_MULTI_PROCESS=0 "
                     "for a single process.",
                id="cascade.W001"))
    local = [alias for alias, config in settings.STORAGES.items()
             if alias != "staticfiles" and config.get("BACKEND") in LOCAL_STORAGES]
    if local:
        warnings.append(Warning(
            f"The file storage ({', '.join(local)}) is this machine's disk, but several "
            "processes serve this site: a certificate rendered by a worker on another machine "
            "could not be downloaded from this one.",
            hint="Set STORAGE_URL=s3://... (or AWS_STORAGE_BUCKET_NAME...), or "
                 "CASCADE_MULTI_PROCESS=0 when every process shares this disk.",
            id="cascade.W002"))
    return warnings

