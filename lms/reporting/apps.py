from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "lms.reporting"
    label = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        # Imported here: models load only once the app registry is ready.
        from lms.cohorts import figures

        from . import dashboard_cache, rollups, services, tasks

        services.queue.build = tasks.export_build_enqueue
        figures.seams.refresh = rollups.totals_refresh
        dashboard_cache.connect_invalidation()
