from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "lms.cohorts"
    label = "cohorts"
    verbose_name = _("Cohorts and cascade")

    def ready(self) -> None:
        # Imported here: models load only once the app registry is ready.
        from curriculum.services import module_seams
        from lms.accounts.services import account_seams

        from . import navigation, people, services, tasks, tree
        from .importers import jobs

        jobs.queue.run = tasks.roster_import_enqueue
        module_seams.on_completed = services.completion_evaluate_after_module
        account_seams.before_delete = people.before_account_deleted
        navigation.connect_invalidation()
        tree.connect()
