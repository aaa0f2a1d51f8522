from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldSyncConfig(AppConfig):
    name = "lms.fieldsync"
    label = "fieldsync"
    verbose_name = _("Offline use and synchronisation")
