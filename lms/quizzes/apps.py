from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "lms.quizzes"
    label = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        # Imported here: models load only once the app registry is ready.
        from lms.cohorts.services import completion_seams

        from . import bank_cache
        from .selectors import post_test_passed

        completion_seams.post_test_passed = post_test_passed
        bank_cache.connect_invalidation()
