"""Private files (certificate PDFs, exports) in whichever storage is configured: local disk or
an S3 bucket. Only the storage API is used (`save`, `open`, `delete`, `url`), never `.path()`,
which exists only on a local disk, so a file written by a worker on one machine is read by a
web process on another.

Writing is atomic for readers: the file is saved once, complete, under a name nobody points
to yet (the storage picks a free variant of the name), and only then does the row point to
it. A reader follows the row, so it sees the old file or the new one, never half of one; an
S3 PUT is all or nothing anyway.
"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import transaction
from django.http import FileResponse, HttpResponse, HttpResponseRedirect

logger = logging.getLogger(__name__)


def file_save_new(*, name: str, data: bytes, storage: Storage | None = None) -> str:
    """Save `data` complete in one call; returns the name it got (`name` or a free variant)."""
    storage = storage or default_storage
    return storage.save(name, ContentFile(data))


def file_delete_on_commit(*, name: str, storage: Storage | None = None) -> None:
    """Delete a file the database no longer points to, once that is committed."""
    if not name:
        return
    storage = storage or default_storage

    def delete() -> None:
        try:
            storage.delete(name)
        except Exception:  # an orphan costs a few KB; failing the caller's work costs more
            logger.exception("Could not delete %s from the storage", name)

    transaction.on_commit(delete)


def _signs_urls(storage: Storage) -> bool:
    """An S3-style storage whose URLs carry a signature (django-storages' `querystring_auth`)."""
    return bool(getattr(storage, "querystring_auth", False) and getattr(storage, "bucket_name",
                                                                         None))


def private_file_response(*, name: str, filename: str, content_type: str,
                          storage: Storage | None = None, inline: bool = False,
                          cache_seconds: int = 0) -> HttpResponse:
    """The response of a view that has ALREADY checked who is asking.

    On S3 with `PRIVATE_FILES_DELIVERY=redirect`, a redirect to a signed URL that expires in
    `PRIVATE_FILES_URL_SECONDS` (the web process does not carry the bytes); otherwise the file
    is streamed from the storage, which works with any storage and behind any proxy.
    `inline` shows it in the page (an image) rather than downloading it; `cache_seconds` lets
    the asker's own browser keep a streamed file (never a redirect: its signature expires).
    """
    storage = storage or default_storage
    disposition = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    if settings.PRIVATE_FILES_DELIVERY == "redirect" and _signs_urls(storage):
        response = HttpResponseRedirect(storage.url(name, parameters={
            "ResponseContentDisposition": disposition, "ResponseContentType": content_type,
        }, expire=settings.PRIVATE_FILES_URL_SECONDS))
        response["Cache-Control"] = "private, no-store"
        return response
    response = FileResponse(storage.open(name, "rb"), as_attachment=not inline,
                            filename=filename, content_type=content_type)
    response["Cache-Control"] = (f"private, max-age={cache_seconds}" if cache_seconds
                                 else "private, no-store")
    return response
