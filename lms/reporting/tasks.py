from celery import shared_task

from .models import Export
from .services import export_build, export_fail, exports_fail_stuck


@shared_task(bind=True, max_retries=2, default_retry_delay=30)
def export_build_task(self, export_id: int) -> None:
    export = Export.objects.filter(pk=export_id).select_related("owner").first()
    if export is None:
        return
    try:
        export_build(export=export)
    except Exception as exc:
        if self.request.retries >= self.max_retries:
            export_fail(export=export, error=str(exc))
            raise
        raise self.retry(exc=exc) from exc


def export_build_enqueue(export_id: int) -> None:
    export_build_task.delay(export_id)


@shared_task
def exports_stuck_task() -> int:
    """Beat's sweep (`exports-stuck`): exports whose worker died are marked failed."""
    return exports_fail_stuck()
