"""Exports (CSV/XLSX, streamed or built in the background) and API tokens."""

import csv
import datetime
import hashlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from lms.accounts import roles
from lms.core.files import file_delete_on_commit
from lms.core.spreadsheets import spreadsheet_row

from .filters import Filters
from .models import ApiToken, Export
from .tables import TABLES, Table

EXPORT_BATCH = 2000


def export_sync_limit() -> int:
    """Tables with more rows than this are built by a Celery task instead of streamed."""
    return getattr(settings, "REPORTING_EXPORT_SYNC_MAX_ROWS", 5000)


def _cell(value):
    """A value as people read it in a spreadsheet: local time to the second, scores and
    percentages to one decimal (the database hands back "66.6700000000000"), yes/no."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value.replace(microsecond=0)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal | float):
        rounded = Decimal(str(value)).quantize(Decimal("0.1"))
        return rounded.to_integral_value() if rounded == rounded.to_integral_value() else rounded
    if isinstance(value, Promise):
        return str(value)
    return "" if value is None else value


def _text(value) -> str:
    value = _cell(value)
    return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else str(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def header_row(*, table: Table, codes: bool = False) -> list[str]:
    """Column names: translated for people, the stable keys for programs (`codes`)."""
    return spreadsheet_row([str(h) for h in (table.keys if codes else table.headers)])


def labelled(*, table: Table, rows: Iterable[tuple], codes: bool = False) -> Iterator[list]:
    """Rows with coded values (`service_provider`, `present`, course codes) replaced by their
    labels in the active language, unless `codes`; every text cell made formula-safe."""
    labels = {} if codes else {index: make() for index, make in table.labels.items()}
    for row in rows:
        yield spreadsheet_row([
            _cell(labels[index].get(value, value) if index in labels else value)
            for index, value in enumerate(row)
        ])


def csv_lines(*, table: Table, rows: Iterable[tuple], codes: bool = False) -> Iterator[str]:
    """CSV text line by line, with a BOM so spreadsheet programs read UTF-8 names right."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header_row(table=table, codes=codes))
    for row in labelled(table=table, rows=rows, codes=codes):
        yield writer.writerow([_text(value) for value in row])


def xlsx_write(*, table: Table, rows: Iterable[tuple], target, progress=None,
               codes: bool = False) -> int:
    """Write a one-sheet workbook (openpyxl write-only mode, constant memory) to `target`."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=str(table.label)[:31])
    sheet.append(header_row(table=table, codes=codes))
    count = 0
    for row in labelled(table=table, rows=rows, codes=codes):
        sheet.append(row)
        count += 1
        if progress and count % EXPORT_BATCH == 0:
            progress(count)
    book.save(target)
    return count


def table_rows(*, table: Table, user, filters: Filters) -> Iterable[tuple]:
    rows = table.rows(user=user, filters=filters)
    return rows.iterator(chunk_size=EXPORT_BATCH) if hasattr(rows, "iterator") else rows


def xlsx_bytes(*, table: Table, user, filters: Filters, codes: bool = False) -> bytes:
    buffer = io.BytesIO()
    xlsx_write(table=table, rows=table_rows(table=table, user=user, filters=filters),
               target=buffer, codes=codes)
    return buffer.getvalue()


def _not_plugged(export_id: int) -> None:
    raise RuntimeError("The reporting app is not ready: nothing is plugged into `queue`.")


@dataclass
class Queue:
    """How these rules hand an export to Celery without importing the task that calls them:
    tasks.py plugs its enqueue helper in at start-up (`ReportingConfig.ready`)."""

    build: Callable[[int], None] = _not_plugged


queue = Queue()


def export_filename(*, table: Table, fmt: str) -> str:
    return f"cascade-{table.name}-{timezone.localdate().isoformat()}.{fmt}"


# Kept beside the filters in `Export.filters` (Filters.from_query ignores them): the language
# the file is written in and whether it carries codes instead of labels.
LANGUAGE_KEY, CODES_KEY = "_language", "_codes"


@transaction.atomic
def export_create(*, owner, table: str, fmt: str, filters: Filters,
                  codes: bool = False) -> Export:
    """Record a background export and queue its task once the row is committed. The file is
    written in the language active now (the requester's page)."""
    if table not in TABLES or fmt not in Export.Format.values:
        raise ValueError(f"unknown export {table}.{fmt}")
    options = {LANGUAGE_KEY: translation.get_language() or settings.LANGUAGE_CODE}
    if codes:
        options[CODES_KEY] = "1"
    export = Export.objects.create(owner=owner, table=table, format=fmt,
                                   filters={**filters.as_query(), **options})
    transaction.on_commit(lambda: queue.build(export.pk))
    return export


def export_build(*, export: Export) -> Export:
    """Build the file as the owner sees the data now, in the language it was asked in.
    Idempotent: a finished export is kept."""
    if export.status == Export.Status.DONE and export.file:
        return export
    with translation.override(export.filters.get(LANGUAGE_KEY, settings.LANGUAGE_CODE)):
        return _export_build(export=export, codes=bool(export.filters.get(CODES_KEY)))


def _export_build(*, export: Export, codes: bool) -> Export:
    table = TABLES[export.table]
    filters = Filters.from_query(export.filters)
    total = table.count(user=export.owner, filters=filters) or 1
    Export.objects.filter(pk=export.pk).update(status=Export.Status.RUNNING, progress=0)

    def progress(done: int) -> None:
        Export.objects.filter(pk=export.pk).update(progress=min(99, 100 * done // total))

    rows = table_rows(table=table, user=export.owner, filters=filters)
    buffer = io.BytesIO() if export.format == Export.Format.XLSX else io.StringIO()
    if export.format == Export.Format.XLSX:
        count = xlsx_write(table=table, rows=rows, target=buffer, progress=progress,
                           codes=codes)
        payload = io.BytesIO(buffer.getvalue())
    else:
        count = -1
        for count, line in enumerate(csv_lines(table=table, rows=rows, codes=codes)):
            buffer.write(line)
            if count and count % EXPORT_BATCH == 0:
                progress(count)
        payload = io.BytesIO(buffer.getvalue().encode("utf-8"))
    previous = export.file.name
    # Saved once, complete, through the storage API (local disk or S3); the row points to it
    # only afterwards, and a file it replaces goes once that is committed.
    export.file.save(export_filename(table=table, fmt=export.format), File(payload),
                     save=False)
    if previous and previous != export.file.name:
        file_delete_on_commit(name=previous, storage=export.file.storage)
    export.status, export.progress, export.row_count = Export.Status.DONE, 100, max(count, 0)
    export.finished_at, export.error = timezone.now(), ""
    export.save(update_fields=["file", "status", "progress", "row_count", "finished_at",
                               "error"])
    return export


def export_fail(*, export: Export, error: str) -> None:
    Export.objects.filter(pk=export.pk).update(status=Export.Status.FAILED, error=error[:2000],
                                               finished_at=timezone.now())


def exports_fail_stuck(*, older_than: datetime.timedelta | None = None) -> int:
    """Mark failed the exports waiting or running for longer than `older_than` (default
    `BACKGROUND_JOBS_STUCK_AFTER_MINUTES`): their worker died or their message was lost, and
    the page would otherwise refresh forever. Conditional, so an export finishing meanwhile
    keeps its file (and a late build still turns a failed one into a ready one). Returns how
    many were marked."""
    minutes = settings.BACKGROUND_JOBS_STUCK_AFTER_MINUTES
    cutoff = timezone.now() - (older_than or datetime.timedelta(minutes=minutes))
    unfinished = [Export.Status.PENDING, Export.Status.RUNNING]
    return Export.objects.filter(status__in=unfinished, created_at__lt=cutoff).update(
        status=Export.Status.FAILED, finished_at=timezone.now(),
        error="Interrupted: no worker finished it in time (a worker stopped, or the task "
              "was lost). Ask for the export again.")


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def api_token_may_manage(*, user) -> bool:
    """National staff (the whole country's dashboard) hold API tokens for M&E systems."""
    return (user.is_active and user.has_perm(roles.VIEW_DASHBOARD)
            and user.has_perm(roles.SEE_ALL_REGIONS))


@transaction.atomic
def api_token_create(*, owner, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its key; the key is shown once and never stored in clear."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(owner=owner, name=name, prefix=key[:8],
                                    key_hash=_digest(key))
    return token, key


def api_token_create_for(*, actor, name: str) -> tuple[ApiToken, str]:
    """A token `actor` creates for themself from their tokens page."""
    if not api_token_may_manage(user=actor):
        raise PermissionDenied
    return api_token_create(owner=actor, name=name)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> None:
    """Owners revoke their own tokens (administrators any token, in the Django admin)."""
    if token.owner_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    token.revoked = True


def api_token_authenticate(*, key: str) -> ApiToken | None:
    if not key:
        return None
    token = (ApiToken.objects.select_related("owner")
             .filter(key_hash=_digest(key), revoked=False, owner__is_active=True).first())
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
