from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    name = "lms.followups"
    label = "followups"
    verbose_name = _("Follow-up after training")

    def ready(self) -> None:
        from . import services, tasks

        services.queue.send = tasks.notice_send_enqueue
