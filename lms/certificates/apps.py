from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "lms.certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        # Imported here: models load only once the app registry is ready.
        from lms.cohorts.services import completion_seams

        from . import services, tasks

        completion_seams.on_completed = services.certificate_issue_for_completion
        services.queue.render = tasks.certificate_render_enqueue
        services.queue.render_many = tasks.certificates_render_batch_enqueue
        services.queue.notify = tasks.certificate_notify_enqueue
